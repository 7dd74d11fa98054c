"""Extracting many files in order, with several processes: what is held in hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import INCIDENT
from kirok import batch


def test_files_in_hand_stay_within_the_byte_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ingest hands each process up to 64 files ahead; large files are held to
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
