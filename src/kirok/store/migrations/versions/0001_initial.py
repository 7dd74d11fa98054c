"""Sources, originals, records, evidence, victim names, revisions, and search indexes.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)

# SQLite: FTS5 with the trigram tokenizer finds any substring of three characters
# or more in any script (Korean attaches particles to words), kept in step with
# the sources by triggers and with the records by kirok/store/fulltext.py.
# PostgreSQL: a pg_trgm index serves LIKE '%...%' on records, a tsvector sources.
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE sources_fts USING fts5(title, text, content='sources', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN "
    "INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN "
    "INSERT INTO sources_fts(sources_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources BEGIN "
    "INSERT INTO sources_fts(sources_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    # one row per source, all its records' search text: see kirok/store/fulltext.py
    "CREATE VIRTUAL TABLE records_fts USING fts5(search_text, tokenize='trigram')",
]
POSTGRESQL_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Documents are long: checking a substring in every candidate costs too much,
    # so PostgreSQL finds documents by words and word beginnings (a tsvector of
    # the 'simple' configuration: no stemming, any script), see store/search.py.
    "ALTER TABLE sources ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_sources_search ON sources USING gin (search_vector)",
]
# pg_trgm lives in one schema per database, maybe not on this search path (a
# team's other Kirok database in a schema of its own may have made it there): its
# operator class is named with that schema, which TRGM_SCHEMA finds (quoted)
RECORDS_TRIGRAM_INDEX = (
    "CREATE INDEX ix_records_search ON records USING gin (search_text {trgm}.gin_trgm_ops)"
)
TRGM_SCHEMA = (
    "SELECT quote_ident(n.nspname) FROM pg_extension e "
    "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
)


def upgrade() -> None:
    op.create_table(
        "originals",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("filename", sa.Text),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", WHEN, nullable=False),
        sa.Column("ingested_by", sa.String(200), nullable=False),
        sa.Column("extractor_version", sa.String(64)),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("violation", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("date_start", sa.Date),
        sa.Column("date_stop", sa.Date),
        sa.Column("country", sa.String(2)),
        sa.Column("place", sa.Text),
        sa.Column("perpetrator", sa.String(200)),
        sa.Column("victim_count", sa.Integer),
        sa.Column("victim_count_text", sa.Text),
        sa.Column("victim_nationality", sa.String(2)),
        sa.Column("victim_age", sa.Integer),
        sa.Column("victim_sex", sa.String(6)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("review_state", sa.String(16), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("extractor_version", sa.String(64)),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.CheckConstraint(
            "review_state IN ('suggested', 'accepted', 'edited', 'rejected')",
            name="review_state_known",
        ),
        sa.CheckConstraint("kind IN ('incident', 'measure')", name="kind_known"),
    )
    op.create_index("ix_records_source_id", "records", ["source_id"])
    op.create_index("ix_records_country", "records", ["country"])
    op.create_index("ix_records_perpetrator", "records", ["perpetrator"])
    op.create_index("ix_records_review_state", "records", ["review_state"])
    op.create_index("ix_records_filters", "records", ["violation", "date_start"])
    op.create_index("ix_records_dates", "records", ["date_start", "date_stop"])
    op.create_index("ix_records_dates_back", "records", ["date_stop", "date_start"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_evidence_record_id", "evidence", ["record_id"])
    op.create_table(
        "victim_names",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index("ix_victim_names_record_id", "victim_names", ["record_id"])
    op.create_index("ix_victim_names_name", "victim_names", ["name"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_id", sa.Integer, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_revisions_record_id", "revisions", ["record_id"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)
        return
    for statement in POSTGRESQL_SEARCH:
        op.execute(statement)
    trgm = op.get_bind().exec_driver_sql(TRGM_SCHEMA).scalar()
    op.execute(RECORDS_TRIGRAM_INDEX.format(trgm=trgm))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in ("records_fts", "sources_fts"):
            op.execute(f"DROP TABLE {table}")
    for table in ("revisions", "victim_names", "evidence", "records", "sources", "originals"):
        op.drop_table(table)
