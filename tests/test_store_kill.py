"""A kill at any moment of an ingest leaves the database consistent, and a re-run
ends where an uninterrupted run ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from helpers import export_lines, extracting_processes, kirok, ok, without_times, write_txt
from kirok.store.database import resolve_url

DOCUMENTS = 400
PLACES = ["Hyesan", "Musan", "Hoeryong", "Sinuiju", "Onsong", "Manpo", "Kimchaek", "Chongjin"]


def corpus(folder: Path, count: int) -> Path:
    """``count`` invented reports, each different, each with several records."""
    folder.mkdir()
    for i in range(count):
        place = PLACES[i % len(PLACES)]
        body = " ".join(
            [
                f"On March {1 + i % 28}, 2021, border guards shot and killed {2 + i % 5} people "
                f"who were crossing the river near {place}.",
                f"In May, the authorities banned residents of {place} from leaving without a pass.",
                f"Officers of the Ministry of State Security arrested {3 + i % 4} relatives of a "
                f"defector in {place} in June 2021; they have not been seen since.",
                "The families were not told where they were taken. " * 20,
                f"(Invented report number {i}.)",
            ]
        )
        write_txt(folder / f"report-{i:03d}.txt", body)
    return folder


def sources_stored(url: str) -> int:
    try:
        engine = create_engine(resolve_url(url))
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM sources")).scalar() or 0)
    except SQLAlchemyError:
        return 0  # not created yet
    finally:
        engine.dispose()


def wait_until_stored(url: str, process: subprocess.Popen[bytes], count: int = 10) -> None:
    """Until the running ingest ``process`` has committed ``count`` sources."""
    deadline = time.monotonic() + 120
    while sources_stored(url) < count and time.monotonic() < deadline:
        assert process.poll() is None, "the ingest finished before it could be stopped"
        time.sleep(0.02)


@pytest.mark.slow
def test_killed_mid_ingest_then_rerun_equals_an_uninterrupted_run(
    db_url: str, tmp_path: Path
) -> None:
    # enough documents that the kill lands mid-ingest: a commit every half
    # second takes dozens of them at once
    folder = corpus(tmp_path / "reports", DOCUMENTS)
    reference = str(tmp_path / "reference.db")
    ok(kirok("ingest", str(folder), "--db", reference))

    env = {**os.environ, "KIROK_USER": "tester"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kirok", "ingest", str(folder), "--db", db_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    wait_until_stored(db_url, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = sources_stored(db_url)
    assert 10 <= stored < DOCUMENTS, stored

    # what was stored is whole: every source has its records and its original
    assert "0 problems" in ok(kirok("verify", "--db", db_url)).stdout
    partial = export_lines(db_url)
    assert all(line["records"] for line in partial)

    result = ok(kirok("ingest", str(folder), "--db", db_url))
    assert f"{DOCUMENTS - stored} added" in result.stderr and f"{stored} unchanged" in result.stderr
    assert without_times(export_lines(db_url), ids=False) == without_times(
        export_lines(reference), ids=False
    )
    assert (
        f"{DOCUMENTS} originals checked, 0 problems" in ok(kirok("verify", "--db", db_url)).stdout
    )


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting to be reaped does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_killed_ingest_leaves_no_extracting_process_behind(tmp_path: Path, jobs: str) -> None:
    """With one job too: an ingest of many files extracts them in a process of
    its own while it writes (on a machine of two cores or more)."""
    folder = corpus(tmp_path / "reports", DOCUMENTS)
    process = subprocess.Popen(
        [sys.executable, "-m", "kirok", "ingest", str(folder), "--jobs", jobs],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "KIROK_USER": "tester"},
    )
    children = extracting_processes(process, count=int(jobs))
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)]


def test_ctrl_c_stops_an_ingest_at_once_and_keeps_what_it_committed(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group of the terminal: the ingest stops
    within seconds (its extracting processes ignore it and are stopped by it), says
    nothing more than that, and what it committed is whole."""
    folder = corpus(tmp_path / "reports", DOCUMENTS)
    db = str(tmp_path / "kirok.db")
    process = subprocess.Popen(
        [sys.executable, "-m", "kirok", "ingest", str(folder), "--jobs", "2", "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "KIROK_USER": "tester"},
        start_new_session=True,  # a group of its own, as a terminal's job
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    wait_until_stored(db, process)
    os.killpg(process.pid, signal.SIGINT)
    try:
        _, errors = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the ingest did not stop within 20 seconds of Ctrl-C")
    assert process.returncode != 0
    assert "Traceback" not in errors.decode()
    stored = sources_stored(db)
    assert 10 <= stored < DOCUMENTS
    assert f"{stored} originals checked, 0 problems" in ok(kirok("verify", "--db", db)).stdout


@pytest.mark.slow
def test_a_server_that_drops_the_ingest_says_so_and_keeps_whole_documents(
    postgresql_server: str, tmp_path: Path
) -> None:
    """PostgreSQL commits happen on a writer thread while extraction goes on. A
    server that cuts the ingest's connections (a restart, an administrator) stops
    the ingest with one clear line, not a traceback; every document committed is
    whole, and a re-run ends where an uninterrupted run ends."""
    import uuid

    folder = corpus(tmp_path / "reports", DOCUMENTS)
    reference = str(tmp_path / "reference.db")
    ok(kirok("ingest", str(folder), "--db", reference))

    schema, name = f"kirok_test_{uuid.uuid4().hex[:12]}", f"kirok-dropped-{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgresql_server)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{postgresql_server}?options=-csearch_path%3D{schema},public&application_name={name}"
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "kirok", "ingest", str(folder), "--db", url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "KIROK_USER": "tester"},
        )
        wait_until_stored(url, process)
        cut = 0
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            with admin.begin() as connection:  # every connection of the ingest, again and again
                cut += len(
                    connection.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE application_name = :name"
                        ),
                        {"name": name},
                    ).all()
                )
            time.sleep(0.05)
        _, error = process.communicate(timeout=60)
        message = error.decode()
        assert cut and process.returncode != 0, message
        assert "error: cannot use the database" in message and "Traceback" not in message
        stored = sources_stored(url)
        assert 10 <= stored < DOCUMENTS

        assert "0 problems" in ok(kirok("verify", "--db", url)).stdout
        assert all(line["records"] for line in export_lines(url))
        result = ok(kirok("ingest", str(folder), "--db", url))
        assert f"{DOCUMENTS - stored} added" in result.stderr
        assert without_times(export_lines(url), ids=False) == without_times(
            export_lines(reference), ids=False
        )
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
