"""Extracting many files in order, with several processes: what is held in hand."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import INCIDENT
from kirok import batch
from kirok.errors import KirokError


def test_files_in_hand_stay_within_the_byte_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ingest hands each process many files ahead; large files are held to
    ``WINDOW_BYTES`` in all, past one a process, so memory does not grow with them."""
    monkeypatch.setattr(batch, "WINDOW_BYTES", 100_000)
    taken = 0

    def files() -> Iterator[tuple[str, bytes]]:
        nonlocal taken
        for number in range(12):
            taken += 1
            padding = "Background paragraph. " * 3_000  # about 66 kB
            yield f"report-{number}.txt", f"{INCIDENT}\n\n{padding}\n".encode()

    ahead = []
    for done, outcome in enumerate(batch.extract_bytes(files(), jobs=2, window=64), 1):
        assert outcome.error is None and outcome.result is not None
        assert outcome.result["records"][0]["violation"] == "life.killing"
        ahead.append(taken - done)
    assert len(ahead) == 12
    assert max(ahead) == 2  # one a process, not 64


def _dies_at_the_third(task: tuple[str, str | None, str | None]) -> batch.Outcome:
    if task[0].endswith("report-2.txt"):
        os._exit(9)  # as if killed, or out of memory
    return batch._one(task)


def test_a_process_that_dies_stops_the_batch_with_a_clear_error(tmp_path: Path) -> None:
    tasks = []
    for number in range(6):
        path = tmp_path / f"report-{number}.txt"
        path.write_text(INCIDENT, encoding="utf-8")
        tasks.append((str(path), None, None))
    outcomes = []
    with pytest.raises(KirokError, match="an extracting process stopped"):
        for outcome in batch._in_order(_dies_at_the_third, tasks, jobs=2, window=1):
            outcomes.append(outcome)
    # what was extracted before the death comes out; nothing at or after it does
    names = [Path(o.path).name for o in outcomes]
    assert names in (["report-0.txt"], ["report-0.txt", "report-1.txt"])
