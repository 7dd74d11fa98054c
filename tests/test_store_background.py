"""The background writer that commits an ingest's documents to PostgreSQL while
the next ones are extracted."""

from __future__ import annotations

import threading

import pytest

from kirok.store.background import BackgroundWriter, InlineWriter


def test_batches_are_written_in_order_on_the_writers_own_thread() -> None:
    written: list[tuple[str, str]] = []
    writer: BackgroundWriter[str] = BackgroundWriter(
        lambda batch: written.append((batch, threading.current_thread().name)), name="test-writer"
    )
    for batch in ("one", "two", "three"):
        assert writer.hand(batch, wait=True)
    assert writer.close() == ["one", "two", "three"]  # each once written, in order
    assert written == [("one", "test-writer"), ("two", "test-writer"), ("three", "test-writer")]


def test_a_busy_writer_leaves_the_batch_with_the_caller_unless_told_to_wait() -> None:
    """While a batch is being written, the caller keeps collecting the next one
    (a slow database makes fewer, larger commits, not a queue in memory)."""
    started, release = threading.Event(), threading.Event()
    written: list[list[int]] = []

    def write(batch: list[int]) -> None:
        started.set()
        release.wait(10)
        written.append(list(batch))

    writer: BackgroundWriter[list[int]] = BackgroundWriter(write)
    assert writer.hand([1], wait=False)
    started.wait(10)
    held = [2]
    assert not writer.hand(held, wait=False)  # still writing [1]: the caller keeps [2]
    held.append(3)
    assert writer.finished() == []
    release.set()
    assert writer.hand(held, wait=True)  # waits for [1], then hands [2, 3] over
    assert writer.close()[-1] == [2, 3]
    assert written == [[1], [2, 3]]


def test_an_error_while_writing_reaches_the_caller_and_stops_the_writer() -> None:
    written: list[str] = []

    def write(batch: str) -> None:
        if batch == "bad":
            raise ValueError("the database refused the batch")
        written.append(batch)

    writer: BackgroundWriter[str] = BackgroundWriter(write)
    writer.hand("good", wait=True)
    writer.hand("bad", wait=True)
    with pytest.raises(ValueError, match="refused the batch"):
        writer.hand("after", wait=True)  # waits for "bad", which failed
    assert writer.close() == ["good"]  # nothing after the error was written
    assert written == ["good"]


def test_the_inline_writer_writes_each_batch_as_it_is_handed_over() -> None:
    written: list[str] = []
    writer: InlineWriter[str] = InlineWriter(written.append)
    assert writer.hand("one", wait=False)
    assert written == ["one"] and writer.finished() == ["one"]
    writer.hand("two", wait=False)
    assert writer.close() == ["two"]
