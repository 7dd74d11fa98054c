"""Record lists sorted by date or place that many records match: the page is
met walking an index in the sort's order, not by sorting every match.

A list of one violation family sorted newest first sorted all of the family's
records (a third of a large archive) for each page; walking the dates' index
finds the page among the first few thousand entries, but visited the table for
each entry to check the filters, which costs more than the sort when the
family's records are not among the newest. Widened to hold the filterable
fields, the dates' index answers those checks alone, and counts under any mix
of filters as the index of filters led by the review state did, which it
replaces (an ingest keeps as many indexes up to date as before). On SQLite, a
second such index led by the place serves the lists sorted by place
(PostgreSQL's planner sorts the matches faster than it would walk one).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# frozen copies: a migration keeps the schema of its own day
DATE_FACETS = [
    "date_start",
    "date_stop",
    "violation",
    "review_state",
    "country",
    "kind",
    "perpetrator",
    "place",
]
PLACE_FACETS = [
    "place",
    "violation",
    "review_state",
    "country",
    "kind",
    "perpetrator",
    "date_start",
    "date_stop",
]

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

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_records_facets", table_name="records")
    op.drop_index("ix_records_dates", table_name="records")
    op.create_index("ix_records_dates", "records", DATE_FACETS)
    if bind.dialect.name == "sqlite":
        op.create_index("ix_records_places", "records", PLACE_FACETS)
    if bind.execute(sa.text("SELECT EXISTS (SELECT 1 FROM records)")).scalar():
        op.execute("ANALYZE records")  # the planner weighs the new indexes by their statistics


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_records_places", table_name="records")
    op.drop_index("ix_records_dates", table_name="records")
    op.create_index("ix_records_dates", "records", ["date_start", "date_stop"])
    op.create_index("ix_records_facets", "records", FACETS)
