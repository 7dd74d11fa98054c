"""Faster record searches: one covering index of filters, and (SQLite) one
full-text row per record.

Counting the records a filter allows visited every matching row through a
single-column index (country, perpetrator, review state, end date); one index
holding every filterable field answers those counts from the index alone, and
makes the single-column ones redundant.

On SQLite, ``records_fts`` held one row per source (its records' own words), so
a word found in most documents left every record to be checked one by one. It
now indexes each record's whole search text, kept in step by triggers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

RECORDS_FTS = [
    "CREATE VIRTUAL TABLE records_fts USING fts5(search_text, content='records', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN "
    "INSERT INTO records_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN "
    "INSERT INTO records_fts(records_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER records_fts_update AFTER UPDATE OF search_text ON records BEGIN "
    "INSERT INTO records_fts(records_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO records_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO records_fts(records_fts) VALUES ('rebuild')",
]
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
REPLACED = {
    "ix_records_country": ["country"],
    "ix_records_perpetrator": ["perpetrator"],
    "ix_records_review_state": ["review_state"],
    "ix_records_dates_back": ["date_stop", "date_start"],
}


def upgrade() -> None:
    for name in REPLACED:
        op.drop_index(name, table_name="records")
    op.create_index("ix_records_facets", "records", FACETS)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE records_fts")
        for statement in RECORDS_FTS:
            op.execute(statement)
    op.execute("ANALYZE records")  # the planner weighs the new index by its statistics


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER records_fts_{trigger}")
        op.execute("DROP TABLE records_fts")
        for statement in SOURCE_ROWS_FTS:
            op.execute(statement)
    op.drop_index("ix_records_facets", table_name="records")
    for name, columns in REPLACED.items():
        op.create_index(name, "records", columns)
