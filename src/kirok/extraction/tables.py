"""Markdown tables in a document's text: where each is, its header's cells and
its rows. Found once per document, for the passes that read rows: the acts a
column names (``pipeline``) and the people a counting column counts
(``assemble``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# a table's row ("| 14 February 2023 | Hyesan | 2 | Selling films |")
ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
# the rule under a Markdown table's header ("|---|---|", "| :-- | --: |")
RULE = re.compile(r"[ \t]*\|[ \t:|-]*-[ \t:|-]*\|[ \t]*")


@dataclass(frozen=True)
class Table:
    """A table: where its header row starts, the header's cells and the rows
    under it (not the rule), each a row's start and its line."""

    start: int
    header: list[tuple[int, str]]
    rows: list[tuple[int, str]]

    @property
    def end(self) -> int:
        """Where its last row's line ends."""
        if not self.rows:
            return self.start
        at, line = self.rows[-1]
        return at + len(line)


def cells(line: str, offset: int) -> list[tuple[int, str]]:
    """A table row's cells, each with where its words start in the text (the
    row's line starting at ``offset``)."""
    found = []
    at = line.index("|") + 1
    for part in line[at : line.rindex("|")].split("|"):
        found.append((offset + at + len(part) - len(part.lstrip()), part.strip()))
        at += len(part) + 1
    return found


@lru_cache(maxsize=2)
def tables(text: str) -> tuple[Table, ...]:
    """The text's tables, in order. A table is a run of rows with nothing but
    blank lines between them (a page's table may be read with a blank line
    between rows); its first row that is not a rule is its header. Kept for
    the document being read: both passes that read rows ask for them."""
    found: list[Table] = []
    header: list[tuple[int, str]] | None = None
    rows: list[tuple[int, str]] = []
    start = last_end = -1
    for row in ROW.finditer(text):
        if header is not None and text[last_end : row.start()].strip():
            found.append(Table(start, header, rows))  # (other text between rows ends a table)
            header, rows = None, []
        last_end = row.end()
        line = row.group()
        if RULE.fullmatch(line):
            continue
        if header is None:
            start, header = row.start(), cells(line, row.start())
        else:
            rows.append((row.start(), line))
    if header is not None:
        found.append(Table(start, header, rows))
    return tuple(found)
