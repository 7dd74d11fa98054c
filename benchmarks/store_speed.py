"""Benchmark: what the record store costs on top of extraction, and how fast it searches.

    python benchmarks/store_speed.py [--documents 10000] [--jobs 2] [--rounds 3]
        [--engines sqlite,postgresql] [--postgresql URL] [--searches 200]

Generates ``--documents`` invented reports (about ten records each, so 10,000
documents make about 100,000 records), then, on the same files:

1. ``kirok extract DIR --jobs N --format jsonl`` (to /dev/null): the baseline;
2. ``kirok ingest DIR --jobs N`` into each engine: documents per second and the
   store's share on top of the baseline (target: under 20%);
3. ``--searches`` searches and filters through the library (text, violation,
   dates, country, perpetrator, review state, sources), each fetching a page of
   50 rows and the total count: median and 95th percentile latency (targets:
   p95 under 50 ms at 10,000 documents, under 200 ms at 100,000 records);
4. the peak resident memory of each command, and the processor time it used
   (its own processes) and that the whole machine used while it ran (Linux:
   with PostgreSQL on the same machine, that includes the server's work).

Steps 1 and 2 run ``--rounds`` times in turn (a fresh database each time), and
the store's share is the median of the rounds: on a shared machine one run's
time varies by a fifth or more, as much as the share being measured. The share
of processor time the store adds (the machine's, median of the rounds) is
printed beside it: it moves much less from run to run, and where the cores are
busy throughout (``--jobs`` equal to the cores, a corpus large enough that
starting up is a small part), the time share comes close to it.

PostgreSQL runs in a schema of its own (dropped afterwards) on ``--postgresql``
(default: the local test server).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract_speed import CHINA, MONTHS, PLACES, sentence
from sqlalchemy import create_engine, func, select, text

from kirok.store.database import Database
from kirok.store.schema import Record
from kirok.store.search import Filters, search_records, search_sources

POSTGRESQL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def generate(
    folder: Path, documents: int, act_share: float = 0.12, paragraphs: int = 16, seed: int = 11
) -> int:
    """Reports of ``paragraphs`` x 5 sentences, ``act_share`` of them stating an act:
    the defaults give about 7 kB and 11 records a document, one record per 650
    characters, about the density of the two seed letters."""
    rng = random.Random(seed)
    size = 0
    for number in range(documents):
        paragraphs_text = [
            " ".join(sentence(rng, rng.random() < act_share) for _ in range(5))
            for _ in range(paragraphs)
        ]
        body = (
            f"Field report {number}\n\nDate: {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2024\n\n"
            + "\n\n".join(paragraphs_text)
            + "\n"
        )
        path = folder / f"report-{number:06d}.txt"
        path.write_text(body, encoding="utf-8")
        size += len(body.encode("utf-8"))
    return size


@dataclass
class Run:
    seconds: float
    memory_mb: float  # peak resident memory of the command's main process
    cpu: float  # processor seconds of the command and the processes it waited for
    machine_cpu: float | None  # processor seconds the whole machine used (Linux)


def _machine_busy() -> float | None:
    """Seconds of processor time the machine has been busy, all cores (Linux)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(f) for f in fields[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def run(command: list[str]) -> Run:
    """Time, peak memory and processor time of ``command``."""
    busy = _machine_busy()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    busy_after = _machine_busy()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0,):
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error[-2000:]}")
    machine = busy_after - busy if busy is not None and busy_after is not None else None
    return Run(elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, machine)


def cpu_text(result: Run) -> str:
    machine = f", machine {result.machine_cpu:.1f} s" if result.machine_cpu is not None else ""
    return f"processor {result.cpu:.1f} s{machine}"


def queries(rng: random.Random, count: int) -> list[tuple[str, Filters, bool]]:
    words = [
        *PLACES,
        *CHINA,
        "border guards",
        "executed",
        "arrested",
        "tortured",
        "permit",
        "teenagers",
        "fishermen",
        '"state security"',
        "Hyesan executed",
        "zzzz-no-match",
    ]
    shapes: list[tuple[str, Filters, bool]] = []
    for number in range(count):
        year = rng.randint(2010, 2023)
        kind = number % 8
        if kind == 0:
            shapes.append(("text", Filters(text=rng.choice(words)), False))
        elif kind == 1:
            shapes.append(
                (
                    "violation",
                    Filters(
                        violation=rng.choice(
                            ["life", "detention", "movement.forced_return", "disappearance"]
                        )
                    ),
                    False,
                )
            )
        elif kind == 2:
            shapes.append(("dates", Filters(date_from=f"{year}-03", date_to=f"{year}-08"), False))
        elif kind == 3:
            shapes.append(
                ("text+violation", Filters(text=rng.choice(PLACES), violation="life"), False)
            )
        elif kind == 4:
            shapes.append(
                (
                    "country+dates",
                    Filters(country=rng.choice(["KP", "CN"]), date_from=str(year)),
                    False,
                )
            )
        elif kind == 5:
            shapes.append(
                (
                    "perpetrator+state",
                    Filters(perpetrator="Border guards", state="suggested"),
                    False,
                )
            )
        elif kind == 6:
            shapes.append(("sources text", Filters(text=rng.choice(words)), True))
        else:
            shapes.append(("place", Filters(place=rng.choice(PLACES)), False))
    return shapes


def measure_searches(url: str, count: int) -> None:
    database = Database(url)
    rng = random.Random(5)
    timings: dict[str, list[float]] = {}
    everything: list[float] = []
    with database.session() as session:
        records = session.scalar(select(func.count()).select_from(Record)) or 0
        for label, filters, sources in queries(rng, count):
            start = time.perf_counter()
            if sources:
                search_sources(session, database.dialect, filters, limit=50)
            else:
                search_records(session, database.dialect, filters, limit=50)
            elapsed = (time.perf_counter() - start) * 1000
            timings.setdefault(label, []).append(elapsed)
            everything.append(elapsed)
            session.rollback()
    database.close()
    print(
        f"  {count} searches over {records:,} records: median {statistics.median(everything):.1f} ms,"
        f" p95 {percentile(everything, 95):.1f} ms, max {max(everything):.1f} ms"
    )
    for label, values in timings.items():
        print(
            f"    {label:18} median {statistics.median(values):7.1f} ms  "
            f"p95 {percentile(values, 95):7.1f} ms"
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share / 100 * (len(ordered) - 1)))]


def fresh_database(engine: str, work: Path, schema: str, postgresql: str) -> str:
    """An empty database of ``engine`` (the last round's is dropped): its URL."""
    if engine == "sqlite":
        for leftover in work.glob("kirok.db*"):
            leftover.unlink()
        return str(work / "kirok.db")
    admin = create_engine(postgresql)
    with admin.begin() as connection:
        # pg_trgm outside the schema dropped afterwards: dropping it with the
        # schema would drop other databases' trigram indexes too
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    return f"{postgresql}?options=-csearch_path%3D{schema},public"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--postgresql", default=POSTGRESQL)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--act-share", type=float, default=0.12)
    parser.add_argument("--paragraphs", type=int, default=16)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="extract, then ingest into each engine, this many times in turn (median share)",
    )
    args = parser.parse_args()
    kirok = [sys.executable, "-m", "kirok"]
    engines = args.engines.split(",")
    work = Path(tempfile.mkdtemp(prefix="kirok-store-bench-"))
    schema = f"kirok_bench_{uuid.uuid4().hex[:8]}"
    urls: dict[str, str] = {}
    try:
        folder = work / "reports"
        folder.mkdir()
        size = generate(folder, args.documents, args.act_share, args.paragraphs)
        print(f"corpus: {args.documents:,} documents, {size / 1e6:.1f} MB of text")
        shares: dict[str, list[float]] = {engine: [] for engine in engines}
        cpu_shares: dict[str, list[float]] = {engine: [] for engine in engines}
        for round_number in range(1, args.rounds + 1):
            baseline = run(
                [
                    *kirok,
                    "extract",
                    str(folder),
                    "--jobs",
                    str(args.jobs),
                    "--format",
                    "jsonl",
                    "-o",
                    os.devnull,
                ]
            )
            print(
                f"round {round_number}: kirok extract --jobs {args.jobs}: {baseline.seconds:.1f} s, "
                f"{args.documents / baseline.seconds:,.0f} documents/s, "
                f"peak RSS {baseline.memory_mb:.0f} MB, {cpu_text(baseline)}"
            )
            for engine in engines:
                urls[engine] = url = fresh_database(engine, work, schema, args.postgresql)
                ok = run([*kirok, "init", "--db", url])
                ingest = run([*kirok, "ingest", str(folder), "--jobs", str(args.jobs), "--db", url])
                shares[engine].append(ingest.seconds / baseline.seconds - 1)
                if ingest.machine_cpu is not None and baseline.machine_cpu:
                    cpu_shares[engine].append(ingest.machine_cpu / baseline.machine_cpu - 1)
                print(
                    f"  {engine}: kirok ingest --jobs {args.jobs}: {ingest.seconds:.1f} s, "
                    f"{args.documents / ingest.seconds:,.0f} documents/s, "
                    f"{shares[engine][-1] * 100:+.0f}% on extract, "
                    f"peak RSS {ingest.memory_mb:.0f} MB, {cpu_text(ingest)} "
                    f"(init {ok.seconds:.1f} s)"
                )
        for engine in engines:
            print(
                f"{engine}: the store adds {statistics.median(shares[engine]) * 100:+.0f}% "
                f"to extract (median of {args.rounds} rounds; "
                + ", ".join(f"{share * 100:+.0f}%" for share in shares[engine])
                + ")"
            )
            if cpu_shares[engine]:
                print(
                    f"  and {statistics.median(cpu_shares[engine]) * 100:+.0f}% to the "
                    "machine's processor time (median; "
                    + ", ".join(f"{share * 100:+.0f}%" for share in cpu_shares[engine])
                    + ")"
                )
            measure_searches(urls[engine], args.searches)
    finally:
        if "postgresql" in urls:
            admin = create_engine(args.postgresql)
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            admin.dispose()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
