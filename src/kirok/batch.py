"""Extracting many files: in order, one process or several, one bad file never
stopping the rest. Results stream out as they are ready, so memory stays flat
however many files there are.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kirok.errors import KirokError
from kirok.extraction.pipeline import Extractor
from kirok.sources.readers import read_document


@dataclass
class Outcome:
    """What became of one file: its extraction as a dict, or the error to show."""

    path: str
    result: dict[str, Any] | None = None
    error: str | None = None


_worker_extractor: Extractor | None = None


def _start_worker() -> None:
    global _worker_extractor
    _worker_extractor = Extractor()


def _one(task: tuple[str, str | None, str | None]) -> Outcome:
    path, problem, published = task
    if problem:
        return Outcome(path, error=f"{path}: {problem}")
    assert _worker_extractor is not None
    try:
        document = read_document(path, published)
        return Outcome(path, result=_worker_extractor.extract(document).to_dict())
    except KirokError as error:
        return Outcome(path, error=str(error))
    except Exception as error:  # a bug must not cost the rest of the batch
        return Outcome(
            path, error=f"{path}: internal error while extracting ({type(error).__name__}: {error})"
        )


def extract_paths(
    files: Iterable[tuple[str, str | None]], published: str | None = None, jobs: int = 1
) -> Iterator[Outcome]:
    """Extract each ``(path, problem)`` from :func:`kirok.sources.collect_paths`, in order."""
    tasks = ((path, problem, published) for path, problem in files)
    if jobs <= 1:
        _start_worker()
        yield from map(_one, tasks)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start_worker) as pool:
        yield from pool.imap(_one, tasks, chunksize=4)
