"""Expanding the paths a user names into the files to read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def collect_paths(paths: Iterable[str | Path]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, problem)`` for every file under ``paths``, in a stable order.

    Folders are walked recursively (hidden files and folders skipped, names
    sorted); a path that does not exist is yielded with its problem so the
    caller can report it and go on with the rest.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in relative.parts):
                    yield str(child), None
        elif path.is_file():
            yield str(given), None
        elif path.exists():
            yield str(given), "not a regular file"
        else:
            yield str(given), "no such file or folder"
