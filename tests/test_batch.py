"""Extracting many files in order, with several processes: what is held in hand."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import Future
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


def _dies_at_once(task: str) -> batch.Outcome:
    if task == "report-0.txt":
        os._exit(9)
    return batch.Outcome(task)


def test_a_process_dead_before_the_next_file_is_queued_gives_the_same_error() -> None:
    """The pool may learn of the death before the next file is handed to it."""

    def tasks() -> Iterator[str]:
        yield "report-0.txt"
        time.sleep(1.5)  # the process has died, and the pool knows it, by now
        yield from (f"report-{number}.txt" for number in range(1, 4))

    with pytest.raises(KirokError, match="an extracting process stopped"):
        list(batch._in_order(_dies_at_once, tasks(), jobs=2, window=8))


def _slow(task: str) -> batch.Outcome:
    time.sleep(0.5)
    return batch.Outcome(task)


def test_a_batch_stopped_early_does_not_extract_the_files_queued_to_its_processes() -> None:
    """Each process has files queued to it; a batch that stops (an error, Ctrl-C)
    ends its processes instead of waiting while they extract those files."""
    tasks = [f"report-{number}.txt" for number in range(200)]
    started = time.monotonic()
    outcomes = batch._in_order(_slow, tasks, jobs=2, window=64)
    assert next(outcomes).path == "report-0.txt"
    outcomes.close()  # the caller stops here, as on an error or Ctrl-C
    # 2 x 32 files queued at half a second each would take 16 s more
    assert time.monotonic() - started < 5


def test_the_processes_have_files_queued_and_wide_pipes() -> None:
    """With one file queued and 64 KB pipes, the threads that move files and
    results waited on an ingest's writer for the interpreter lock, and the
    processes waited a tenth of the time (docs/extraction.md); this checks that
    the pool gets the deeper queue and the wider pipes."""
    import fcntl

    pool = batch._start_pool(2)
    try:
        call_queue, result_queue = pool._call_queue, pool._result_queue  # type: ignore[attr-defined]
        assert call_queue._maxsize == 2 + 2 * batch.QUEUED_PER_JOB
        if hasattr(fcntl, "F_GETPIPE_SZ"):  # Linux
            for queue in (call_queue, result_queue):
                assert fcntl.fcntl(queue._writer.fileno(), fcntl.F_GETPIPE_SZ) == batch.PIPE_BYTES
    finally:
        pool.shutdown()
    # other pools keep the library's own default
    import concurrent.futures.process

    assert concurrent.futures.process.EXTRA_QUEUED_CALLS == 1


class _InterruptedWait(Future[batch.Outcome]):
    """A future whose wait Ctrl-C broke in CPython's Condition.wait: the lock it
    should hold again is not held, and releasing it fails in place of the
    interrupt."""

    def result(self, timeout: float | None = None) -> batch.Outcome:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("cannot release un-acquired lock") from None


def test_ctrl_c_in_a_results_wait_stays_an_interrupt() -> None:
    # (a traceback of the lock's RuntimeError reached the terminal, once in a
    # full test run of the Ctrl-C test in test_store_kill.py)
    with pytest.raises(KeyboardInterrupt):
        batch._result(_InterruptedWait())
    broken: Future[batch.Outcome] = Future()
    broken.set_exception(RuntimeError("something else"))
    with pytest.raises(RuntimeError, match="something else"):
        batch._result(broken)
