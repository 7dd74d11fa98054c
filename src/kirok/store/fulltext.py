"""Keeping the records' full-text index in step (SQLite only).

SQLite's FTS5 trigram index costs about as much per character as the rest of
storing a document, and a record's evidence is a stretch of its source's text,
which ``sources_fts`` already indexes. So ``records_fts`` holds one row per
source with only its records' own words (violation, label, place, perpetrator,
victims), without the evidence. A record can match a word only if its source's
text or its source's record words hold it: the two indexes name those sources,
and each of their records is then checked on its ``search_text``, kept
lower-cased so that a plain LIKE checks it exactly. PostgreSQL indexes each
record's ``search_text`` with pg_trgm and needs nothing here.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text

EVIDENCE_MARK = "\x1f"  # in search_text: the record's own words, this, its evidence


def fold(value: str) -> str:
    """How search text is stored and searched: lower-cased (all scripts, as the
    trigram index folds case)."""
    return value.lower()


def own_words(search_texts: Iterable[str]) -> str:
    """The distinct own words of these records, for their source's index row."""
    seen: dict[str, None] = {}
    for search_text in search_texts:
        for line in search_text.partition(EVIDENCE_MARK)[0].split("\n"):
            if line:
                seen[line] = None
    return "\n".join(seen)


def index_new_source(connection: Connection, source_id: int, search_texts: list[str]) -> None:
    """Index the records of a source just stored (no row of it exists yet)."""
    if connection.dialect.name != "sqlite" or not search_texts:
        return
    connection.execute(
        text("INSERT INTO records_fts(rowid, search_text) VALUES (:id, :words)"),
        {"id": source_id, "words": own_words(search_texts)},
    )


def reindex_sources(connection: Connection, source_ids: Iterable[int]) -> None:
    """Rebuild the index rows of these sources from their records."""
    if connection.dialect.name != "sqlite":
        return
    for source_id in set(source_ids):
        connection.execute(text("DELETE FROM records_fts WHERE rowid = :id"), {"id": source_id})
        found = connection.execute(
            text("SELECT search_text FROM records WHERE source_id = :id"), {"id": source_id}
        )
        index_new_source(connection, source_id, list(found.scalars()))
