"""How record text is kept for search.

Each record's ``search_text`` holds its own words (violation, label, place,
perpetrator, victims), then ``EVIDENCE_MARK``, then its evidence, lower-cased so
that a plain LIKE checks a match exactly. PostgreSQL indexes it with pg_trgm.
SQLite indexes it in ``records_fts`` (FTS5, trigram tokenizer, one row per
record), and each source's title and text by words in ``sources_fts``:
triggers follow changes and deletions (migrations 0004 and 0007), and new rows
are indexed here as they are written, an ingest's many in one statement per
transaction, which costs less than a trigger firing row by row between each
document's other rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapper

from kirok.store.schema import Record, Source

EVIDENCE_MARK = "\x1f"  # in search_text: the record's own words, this, its evidence


def fold(value: str) -> str:
    """How search text is stored and searched: lower-cased (all scripts, as the
    trigram index folds case)."""
    return value.lower()


def _add_to_index(connection: Connection, insert: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """SQLite: run ``insert`` (into an FTS5 table) once for all ``rows``."""
    if connection.dialect.name != "sqlite":
        return
    values = list(rows)
    if values:
        connection.exec_driver_sql(insert, values)


def index_new_records(connection: Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Add new records, ``(id, search_text)``, to SQLite's full-text index."""
    _add_to_index(connection, "INSERT INTO records_fts(rowid, search_text) VALUES (?, ?)", rows)


def index_new_sources(connection: Connection, rows: Iterable[tuple[int, str | None, str]]) -> None:
    """Add new sources, ``(id, title, text)``, to SQLite's word index."""
    _add_to_index(connection, "INSERT INTO sources_fts(rowid, title, text) VALUES (?, ?, ?)", rows)


@event.listens_for(Record, "after_insert")
def _index_inserted(mapper: Mapper[Any], connection: Connection, record: Record) -> None:
    """Records the ORM writes (added by a person, imported, re-extracted)."""
    index_new_records(connection, [(record.id, record.search_text)])


@event.listens_for(Source, "after_insert")
def _index_inserted_source(mapper: Mapper[Any], connection: Connection, source: Source) -> None:
    """Sources the ORM writes (imported)."""
    index_new_sources(connection, [(source.id, source.title, source.text)])


def index_problems(connection: Connection) -> list[str]:
    """SQLite: whether the full-text indexes hold exactly what their tables do."""
    if connection.dialect.name != "sqlite":
        return []
    problems = []
    for table in ("records_fts", "sources_fts"):
        try:
            connection.execute(
                text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            )
        except DBAPIError:  # SQLite says "database disk image is malformed"
            problems.append(
                f"the search index {table} does not match the {table[:-4]} it indexes: "
                "searches may miss them"
            )
    return problems
