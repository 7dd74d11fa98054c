"""SQLite: new sources are added to the word index, and new records to the
counts, by Kirok as it writes them, not by triggers firing row by row.

An ingest writes a transaction's documents, then indexes their text and adds
up their records' counts in one statement each (kirok/store/fulltext.py and
kirok/store/counts.py; the ORM's inserts do the same through listeners). A
trigger did this work between every document's other rows: on 2,000 generated
documents the ingest's own work fell by about a fifth. Triggers still follow
changes and deletions, as for the records' full-text index since migration 0004.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# frozen copies: a migration keeps the schema of its own day
TRIGGERS = {
    "sources_fts_insert": (
        "CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN "
        "INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    ),
    "record_counts_insert": (
        "CREATE TRIGGER record_counts_insert AFTER INSERT ON records BEGIN "
        "INSERT INTO record_counts (violation, kind, review_state, records) "
        "VALUES (new.violation, new.kind, new.review_state, 1) "
        "ON CONFLICT DO UPDATE SET records = records + 1; END"
    ),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in TRIGGERS.values():
            op.execute(statement)
