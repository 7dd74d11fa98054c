"""Extracting many files: in order, one process or several, one bad file never
stopping the rest. Results stream out as they are ready, and at most a window
of files is in flight, so memory stays flat however many files there are.
"""

from __future__ import annotations

import concurrent.futures.process
import contextlib
import fcntl
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from kirok.errors import KirokError
from kirok.extraction.pipeline import Extractor
from kirok.sources.document import Document
from kirok.sources.readers import read_bytes, read_document

WINDOW_PER_JOB = 16  # files handed to each process ahead of the one being written
WINDOW_BYTES = 64_000_000  # and of files in hand (an ingest's), no more than this in all
# Files queued to each process, past the one it is on; and room in the pipes that
# carry files to the processes and results back. With the pool's defaults (one
# file queued in all, 64 KB pipes), its threads that queue files and read results
# need the interpreter lock to move each one, and while an ingest's writer held
# it the extracting processes waited a tenth of the time, for work or to send a
# result (sampled every 5 ms: 89% running; with these, 97%; on 10,000 documents
# the ingest took 27.2 s against 29.3 s on average over six alternating rounds).
QUEUED_PER_JOB = 32
PIPE_BYTES = 1 << 20

Task = TypeVar("Task")


@dataclass
class Outcome:
    """What became of one file: its extraction as a dict, or the error to show.

    ``document`` is kept only when the caller asked for it (the store needs the
    text; ``kirok extract`` does not)."""

    path: str
    result: dict[str, Any] | None = None
    error: str | None = None
    document: Document | None = None


_worker_extractor: Extractor | None = None


def _start_worker() -> None:
    global _worker_extractor
    if _worker_extractor is None:
        _worker_extractor = Extractor()


PARENT_CHECK_SECONDS = 1.0


def _leave_with_parent(parent: int) -> None:
    """In an extracting process: exit once the process that started it is gone.

    A killed ``kirok ingest`` (SIGKILL, out of memory) cannot stop its processes,
    and each waits for work on a pipe that its siblings also hold open, so it
    would wait forever."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _start_process(parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's group: only the parent acts on
    # it, and stops the batch; an extracting process stopped in the middle of
    # sending its result would keep the pipe's lock, and the others would wait on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_leave_with_parent, args=(parent,), daemon=True).start()
    _start_worker()
    # The extractor lives as long as the process: out of the garbage collector's
    # sight, its data files' objects are not walked again at every full collection.
    gc.freeze()


@contextlib.contextmanager
def earlier_objects_set_aside() -> Iterator[None]:
    """Keep the objects that exist now out of the garbage collector's passes
    until the block ends (``gc.freeze``, then ``gc.unfreeze``).

    A long batch in this process that keeps many objects alive for a while (an
    ingest holds each document's rows until its commit) makes the collector run
    full passes, and each full pass walks every object the process holds, its
    libraries' included: a tenth of the writing process's samples (py-spy).
    Over a 10,000-document ingest, alternating runs, the process used 11.3 to
    11.9 s of CPU with this and 12.4 to 12.7 s without. Objects set aside are
    put back at the end, so a long-running server still collects them."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _guarded(path: str, work: Callable[[Extractor], Outcome]) -> Outcome:
    assert _worker_extractor is not None
    try:
        return work(_worker_extractor)
    except KirokError as error:
        return Outcome(path, error=str(error))
    except Exception as error:  # a bug must not cost the rest of the batch
        return Outcome(
            path, error=f"{path}: internal error while extracting ({type(error).__name__}: {error})"
        )


def _one(task: tuple[str, str | None, str | None]) -> Outcome:
    path, problem, published = task
    if problem:
        return Outcome(path, error=f"{path}: {problem}")
    return _guarded(
        path,
        lambda extractor: Outcome(
            path, result=extractor.extract(read_document(path, published)).to_dict()
        ),
    )


def _one_from_bytes(task: tuple[str, bytes, str | None]) -> Outcome:
    path, data, published = task

    def work(extractor: Extractor) -> Outcome:
        document = read_bytes(path, data, published)
        return Outcome(path, result=extractor.extract(document).to_dict(), document=document)

    return _guarded(path, work)


_STOPPED = (
    "an extracting process stopped without finishing its file (killed, or out "
    "of memory?): the files after the last one reported were not extracted"
)


def _submit(
    pool: ProcessPoolExecutor, function: Callable[[Task], Outcome], task: Task
) -> Future[Outcome]:
    """``task`` queued to the pool; a process that has died already stops the
    batch with the same clear error as one that dies while its file is awaited."""
    try:
        return pool.submit(function, task)
    except BrokenProcessPool:
        raise KirokError(_STOPPED) from None


def _result(future: Future[Outcome]) -> Outcome:
    try:
        return future.result()
    except BrokenProcessPool:
        raise KirokError(_STOPPED) from None
    except RuntimeError as error:
        # Ctrl-C while the result is awaited can leave the future's lock unheld
        # (CPython's Condition.wait is not safe against signals); releasing it then
        # raises "cannot release un-acquired lock" in place of the interrupt
        if isinstance(error.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise


def _in_order(
    function: Callable[[Task], Outcome],
    tasks: Iterable[Task],
    jobs: int,
    window: int = WINDOW_PER_JOB,
    size: Callable[[Task], int] = lambda task: 0,
    apart: bool = False,
) -> Generator[Outcome, None, None]:
    """``window`` tasks per process in flight at most, and, past one per process,
    no more than ``WINDOW_BYTES`` of them by ``size``. ``apart``: one job runs in
    a process of its own too, not in this one."""
    if jobs <= 1 and not apart:
        _start_worker()
        yield from map(function, tasks)
        return
    pool = _start_pool(jobs)
    finished = False
    try:
        pending: deque[tuple[Future[Outcome], int]] = deque()
        in_flight = 0
        for task in tasks:
            pending.append((_submit(pool, function, task), size(task)))
            in_flight += pending[-1][1]
            while len(pending) >= jobs * window or (
                len(pending) > jobs and in_flight > WINDOW_BYTES
            ):
                result, weight = pending.popleft()
                in_flight -= weight
                yield _result(result)
        while pending:
            yield _result(pending.popleft()[0])
        finished = True
    finally:
        if not finished:
            # stopped early (an error, Ctrl-C): the files queued to the processes
            # would be extracted first, for nothing
            _stop_processes(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(jobs: int) -> ProcessPoolExecutor:
    """``jobs`` extracting processes, started at the first file."""
    # concurrent.futures' pool, not multiprocessing's: multiprocessing.Pool's thread
    # that looks after the processes also wakes whenever a result waits in the pipe,
    # about thirty times a file, which cost an eighth of a core (measured); and a
    # process that dies stops the batch with an error instead of a wait forever.
    # The pool reads how many calls to queue from its module's constant as it is
    # made, and offers no other way to set it.
    module = concurrent.futures.process
    default = module.EXTRA_QUEUED_CALLS
    setattr(module, "EXTRA_QUEUED_CALLS", jobs * QUEUED_PER_JOB)  # noqa: B010
    try:
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_process,
            initargs=(os.getpid(),),
        )
    finally:
        setattr(module, "EXTRA_QUEUED_CALLS", default)  # noqa: B010
    for queue in (getattr(pool, "_call_queue", None), getattr(pool, "_result_queue", None)):
        writer = getattr(queue, "_writer", None)
        if writer is not None:
            _widen_pipe(writer.fileno())
    return pool


def _widen_pipe(descriptor: int, size: int = PIPE_BYTES) -> None:
    """Give the pipe at ``descriptor`` room for ``size`` bytes where the system
    allows it (Linux; up to /proc/sys/fs/pipe-max-size); elsewhere keep its own."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if set_size is None:
        return
    # more than the system lets one pipe hold: the default still works
    with contextlib.suppress(OSError):
        fcntl.fcntl(descriptor, set_size, size)


def _stop_processes(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes now, whatever they are doing."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


def extract_paths(
    files: Iterable[tuple[str, str | None]], published: str | None = None, jobs: int = 1
) -> Iterator[Outcome]:
    """Extract each ``(path, problem)`` from :func:`kirok.sources.collect_paths`, in order."""
    return _in_order(_one, ((path, problem, published) for path, problem in files), jobs)


def extract_bytes(
    items: Iterable[tuple[str, bytes]],
    published: str | None = None,
    jobs: int = 1,
    window: int = WINDOW_PER_JOB,
    apart: bool = False,
) -> Generator[Outcome, None, None]:
    """Extract each ``(name, original bytes)``, in order, keeping the document read.
    ``window``: files handed to each process ahead of the one being used;
    ``apart``: extract in other processes even with one job (this one has other
    work: an ingest writes what was extracted)."""
    return _in_order(
        _one_from_bytes,
        ((name, data, published) for name, data in items),
        jobs,
        window,
        size=lambda task: len(task[1]),
        apart=apart,
    )
