"""Benchmark: extraction speed and memory on a large generated corpus.

    python benchmarks/extract_speed.py [--size-mb 50] [--jobs 2] [--keep DIR]

Generates plain-text reports (invented incidents mixed with background prose)
until the corpus holds ``--size-mb`` megabytes of text. ``--act-share`` is the
share of sentences that state an act; the default, 0.12, gives about one record
per 600 characters, the density of the two seed letters. Then it prints, on the
same files: the blank spaCy tokenizer alone, the whole extraction in one
process, and the whole extraction with ``--jobs`` processes; words per second;
and peak memory (resident set) after a quarter, half and all of the corpus, to
show that memory stays flat as the corpus grows. The generated text repeats a
small vocabulary, which spaCy's tokenizer caches, so it also prints the same
comparison on the bundled sample corpus.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import spacy

from kirok.batch import extract_paths
from kirok.extraction import Extractor
from kirok.sources import read_document

ACTS = [
    "On {day} {month}, border guards shot and killed {victims} near {place}.",
    "In {month} {year}, state security agents arrested {victims} in {place} and they have not been seen since.",
    "Chinese police forcibly repatriated {victims} through {cn} in {month} {year}.",
    "{victims_cap} were publicly executed in {place} on {month} {day}, {year}, witnesses said.",
    "Last {month}, the authorities banned residents of {place} from leaving the county without a permit.",
    "Interrogators in {place} tortured {victims} for weeks in {month} {year}.",
]
BACKGROUND = [
    "The market in {place} reopened after the harvest, and prices for rice and maize fell slightly.",
    "Our researchers spoke with several people who had lived in {place} for many years.",
    "Local sources said electricity supplies were unreliable during the winter months.",
    "The report covers developments in the region and will be updated as information is checked.",
    "Students returned to school in {month}, according to teachers interviewed for this summary.",
    "Trade across the river has slowed since the new customs rules came into force.",
    "Families continue to send messages through brokers, although the cost has risen sharply.",
]
VICTIMS = [
    "two women",
    "a 34-year-old man",
    "three teenagers",
    "at least 12 people",
    "a farmer",
    "dozens of traders",
    "five fishermen",
    "a defector and his wife",
]
PLACES = [
    "Hyesan",
    "Musan",
    "Onsong",
    "Hoeryong",
    "Sinuiju",
    "Chongjin",
    "Kaechon",
    "Wonsan",
    "Manpho",
]
CHINA = ["Dandong", "Tumen City", "Changbai", "Hunchun"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def sentence(rng: random.Random, act: bool) -> str:
    victims = rng.choice(VICTIMS)
    return rng.choice(ACTS if act else BACKGROUND).format(
        day=rng.randint(1, 28),
        month=rng.choice(MONTHS),
        year=rng.randint(2010, 2023),
        victims=victims,
        victims_cap=victims[0].upper() + victims[1:],
        place=rng.choice(PLACES),
        cn=rng.choice(CHINA),
    )


def generate(folder: Path, size_mb: float, act_share: float = 0.12, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    target = int(size_mb * 1_000_000)
    written, files = 0, []
    while written < target:
        paragraphs = []
        for _ in range(60):
            paragraphs.append(" ".join(sentence(rng, rng.random() < act_share) for _ in range(5)))
        text = (
            f"Field report {len(files)}\n\nDate: {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2024\n\n"
            + "\n\n".join(paragraphs)
            + "\n"
        )
        path = folder / f"report-{len(files):05d}.txt"
        path.write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        files.append(path)
    return files


def sample_prose_ratio(extractor: Extractor, rounds: int = 50) -> None:
    """The same comparison on the bundled sample corpus: prose as people write it."""
    from kirok.cli import samples_folder

    documents = [read_document(p) for p in sorted(samples_folder().iterdir())]
    nlp = spacy.blank("en")
    for document in documents:  # warm both caches alike
        nlp.make_doc(document.text)
        extractor.extract(document)
    start = time.perf_counter()
    for _ in range(rounds):
        for document in documents:
            nlp.make_doc(document.text)
    tokenize = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(rounds):
        for document in documents:
            extractor.extract(document)
    extract = time.perf_counter() - start
    print(
        f"sample corpus x{rounds}: tokenizer {tokenize:.2f} s, extraction {extract:.2f} s "
        f"({extract / tokenize:.2f}x tokenizing)"
    )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--act-share", type=float, default=0.12)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kirok-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = generate(folder, args.size_mb, args.act_share)
        size = sum(p.stat().st_size for p in files) / 1e6
        print(f"corpus: {len(files)} files, {size:.1f} MB of text")

        nlp = spacy.blank("en")
        nlp.max_length = 10**9
        start = time.perf_counter()
        words = 0
        for path in files:
            words += len(nlp.make_doc(path.read_text(encoding="utf-8")))
        tokenize = time.perf_counter() - start
        print(f"tokenizer alone:      {tokenize:8.1f} s  {words / tokenize:10,.0f} tokens/s")

        extractor = Extractor()
        marks = {len(files) // 4: "25%", len(files) // 2: "50%", len(files): "100%"}
        memory = []
        records = 0
        start = time.perf_counter()
        for index, path in enumerate(files, 1):
            records += len(extractor.extract(read_document(path)).records)
            if index in marks:
                memory.append(f"{marks[index]}: {peak_mb():.0f} MB")
        single = time.perf_counter() - start
        print(
            f"extraction, 1 process:{single:8.1f} s  {words / single:10,.0f} tokens/s  "
            f"({single / tokenize:.2f}x tokenizing)  {records:,} records"
        )
        print(f"peak memory (RSS) after {', '.join(memory)}")
        sample_prose_ratio(extractor)

        start = time.perf_counter()
        parallel_records = 0
        for outcome in extract_paths(((str(p), None) for p in files), jobs=args.jobs):
            parallel_records += len(outcome.result["records"]) if outcome.result else 0
        parallel = time.perf_counter() - start
        print(
            f"extraction, {args.jobs} jobs:  {parallel:8.1f} s  {words / parallel:10,.0f} tokens/s  "
            f"(speed-up {single / parallel:.2f}x)  {parallel_records:,} records"
        )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
