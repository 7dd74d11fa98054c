"""Writing in the background: one thread commits batches of work, one at a time,
while the thread that hands them over goes on (an ingest goes on extracting).

While a commit waits for the database (PostgreSQL's server indexing the rows,
SQLite's library writing pages: neither holds Python's interpreter lock), the
extraction runs on the machine's other core instead of waiting for it.

At most one batch is with the writer at a time: the caller keeps collecting the
next one meanwhile, and hands it over when the writer is free, so a slow
database makes fewer, larger commits rather than a queue of work held in memory.
What the writer finished is handed back to the caller's thread (:meth:`finished`),
which tells its listeners there, in the order of the commits.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

Batch = TypeVar("Batch")


class BackgroundWriter(Generic[Batch]):
    """A thread that calls ``write(batch)`` for each batch handed to it, in order.

    An error in ``write`` stops the writer: the next :meth:`hand`, :meth:`finished`
    or :meth:`close` raises it in the caller's thread, and nothing handed after it
    is written.
    """

    def __init__(self, write: Callable[[Batch], None], *, name: str = "kirok-writer") -> None:
        self._write = write
        self._lock = threading.Condition()
        self._waiting: Batch | None = None  # handed over, not yet taken
        self._busy = False  # a batch taken and being written
        self._stopping = False
        self._error: BaseException | None = None
        self._done: deque[Batch] = deque()
        # started at the first batch: an ingest's extracting processes are
        # forked before it, and a process forked while other threads run may
        # inherit a lock one of them held
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        while True:
            with self._lock:
                while self._waiting is None and not self._stopping:
                    self._lock.wait()
                if self._waiting is None:  # stopping, nothing left
                    return
                batch, self._waiting, self._busy = self._waiting, None, True
            try:
                self._write(batch)
            except BaseException as error:  # handed to the caller's thread
                with self._lock:
                    self._error, self._busy, self._stopping = error, False, True
                    self._lock.notify_all()
                return
            with self._lock:
                self._done.append(batch)
                self._busy = False
                self._lock.notify_all()

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def hand(self, batch: Batch, *, wait: bool) -> bool:
        """Give ``batch`` to the writer if it is idle; else, with ``wait``, once it
        is; else keep it (False: the caller holds on to it and tries later)."""
        with self._lock:
            self._raise_error()
            if not wait and (self._waiting is not None or self._busy):
                return False
            while self._waiting is not None or self._busy:
                self._lock.wait()
                self._raise_error()
            self._waiting = batch
            self._lock.notify_all()
        if self._thread.ident is None:  # not started yet (only the caller hands over)
            self._thread.start()
        return True

    def finished(self) -> list[Batch]:
        """The batches written since the last call, in order."""
        with self._lock:
            done = list(self._done)
            self._done.clear()
            self._raise_error()
            return done

    def close(self) -> list[Batch]:
        """Wait for everything handed over to be written, stop the thread, and
        return the batches finished since :meth:`finished` last did."""
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._thread.ident is not None:  # started
            self._thread.join()
        return self.finished()


class InlineWriter(Generic[Batch]):
    """The same as :class:`BackgroundWriter`, but each batch is written in the
    caller's thread as it is handed over.

    For SQLite: its library runs in this process and lets go of the interpreter
    lock at every row it writes, so a writing thread would take the lock back
    about once a row, each time waiting behind the extraction (the interpreter
    switches threads every 5 ms). Measured on 5,000 documents: no faster than
    writing in turn, and the documents waiting for the writer took the peak
    memory from 260 to about 400 MB.
    """

    def __init__(self, write: Callable[[Batch], None]) -> None:
        self._write = write
        self._done: list[Batch] = []

    def hand(self, batch: Batch, *, wait: bool) -> bool:
        """Write ``batch`` now."""
        self._write(batch)
        self._done.append(batch)
        return True

    def finished(self) -> list[Batch]:
        done, self._done = self._done, []
        return done

    def close(self) -> list[Batch]:
        return self.finished()
