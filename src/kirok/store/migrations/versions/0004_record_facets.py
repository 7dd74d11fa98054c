"""Faster searches and ingests: one covering index of filters; on SQLite, one
full-text row per record and documents indexed by words.

Counting the records a filter allows visited every matching row through a
single-column index (country, perpetrator, review state, end date); one index
holding every filterable field answers those counts from the index alone, and
makes the single-column ones redundant; a second one, led by the violation (the
filter used most), serves lists of one family sorted by any field.

On SQLite, ``records_fts`` held one row per source (its records' own words), so
a word found in most documents left every record to be checked one by one. It
now indexes each record's whole search text. Triggers keep it in step with
changes and deletions; new records are indexed by Kirok as it writes them
(kirok/store/fulltext.py), many at a time, which a trigger firing row by row
made about four times as costly.

On SQLite, ``sources_fts`` indexed every document's trigrams, which cost about
as much as storing the rest of the document; it now indexes words (FTS5's
unicode61 tokenizer), searched by word beginnings as PostgreSQL's ``tsvector``
is, so both engines find the same documents.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

RECORDS_FTS = [
    "CREATE VIRTUAL TABLE records_fts USING fts5(search_text, content='records', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN "
    "INSERT INTO records_fts(records_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER records_fts_update AFTER UPDATE OF search_text ON records BEGIN "
    "INSERT INTO records_fts(records_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO records_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO records_fts(records_fts) VALUES ('rebuild')",
]


def _sources_fts(tokenizer: str) -> list[str]:
    return [
        "CREATE VIRTUAL TABLE sources_fts USING fts5(title, text, content='sources', "
        f"content_rowid='id', tokenize='{tokenizer}')",
        "CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN "
        "INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
        "CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN "
        "INSERT INTO sources_fts(sources_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); END",
        "CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources BEGIN "
        "INSERT INTO sources_fts(sources_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
        "INSERT INTO sources_fts(sources_fts) VALUES ('rebuild')",
    ]


SOURCES_FTS_WORDS = _sources_fts("unicode61 remove_diacritics 2")
SOURCES_FTS_TRIGRAMS = _sources_fts("trigram")


def _drop_fts(table: str) -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
    op.execute(f"DROP TABLE {table}")


# 0003's table: one row per source, its records' own words (before the \x1f mark)
SOURCE_ROWS_FTS = [
    "CREATE VIRTUAL TABLE records_fts USING fts5(search_text, tokenize='trigram')",
    "INSERT INTO records_fts(rowid, search_text) SELECT source_id, "
    "group_concat(substr(search_text, 1, instr(search_text || char(31), char(31)) - 1), "
    "char(10)) FROM records GROUP BY source_id",
]

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FACETS = [
    "review_state",
    "country",
    "violation",
    "perpetrator",
    "kind",
    "date_start",
    "date_stop",
    "place",
]
VIOLATION_FACETS = [
    "violation",
    "date_start",
    "date_stop",
    "country",
    "perpetrator",
    "review_state",
    "kind",
    "place",
]
REPLACED = {
    "ix_records_filters": ["violation", "date_start"],
    "ix_records_country": ["country"],
    "ix_records_perpetrator": ["perpetrator"],
    "ix_records_review_state": ["review_state"],
    "ix_records_dates_back": ["date_stop", "date_start"],
}


# PostgreSQL walks an index backwards only in its own order of NULLs: the
# newest-first list (dates unknown last) needs an index in that order.
NEWEST_FIRST = "CREATE INDEX ix_records_newest ON records (date_start DESC NULLS LAST, id DESC)"


def upgrade() -> None:
    for name in REPLACED:
        op.drop_index(name, table_name="records")
    op.create_index("ix_records_facets", "records", FACETS)
    op.create_index("ix_records_violations", "records", VIOLATION_FACETS)
    op.create_index("ix_sources_published", "sources", ["published"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NEWEST_FIRST)
    if op.get_bind().dialect.name == "sqlite":
        _drop_fts("records_fts")
        _drop_fts("sources_fts")
        for statement in [*RECORDS_FTS, *SOURCES_FTS_WORDS]:
            op.execute(statement)
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT EXISTS (SELECT 1 FROM records)")).scalar():
        # the planner weighs the new index by its statistics; not on an empty
        # table, whose statistics would have PostgreSQL plan the first ingest's
        # key checks as scans of a table it believes empty
        op.execute("ANALYZE records")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _drop_fts("records_fts")
        _drop_fts("sources_fts")
        for statement in [*SOURCE_ROWS_FTS, *SOURCES_FTS_TRIGRAMS]:
            op.execute(statement)
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_records_newest", table_name="records")
    op.drop_index("ix_sources_published", table_name="sources")
    op.drop_index("ix_records_violations", table_name="records")
    op.drop_index("ix_records_facets", table_name="records")
    for name, columns in REPLACED.items():
        op.create_index(name, "records", columns)
