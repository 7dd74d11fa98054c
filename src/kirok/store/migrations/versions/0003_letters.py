"""Letters and briefings, their signatures and versions, and government positions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("sender", sa.JSON, nullable=False),
        sa.Column("letter_date", sa.String(10)),
        sa.Column("recipients", sa.JSON, nullable=False),
        sa.Column("cc", sa.JSON, nullable=False),
        sa.Column("subject", sa.Text),
        sa.Column("salutation", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("closing", sa.Text),
        sa.Column("filters", sa.JSON),
        sa.Column("signon_token", sa.String(64), nullable=False, unique=True),
        sa.Column("signon_open", sa.Boolean, nullable=False),
        sa.Column("sent_at", WHEN),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.CheckConstraint("kind IN ('letter', 'briefing')", name="letter_kind_known"),
    )
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("signer", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("affiliation", sa.Text),
        sa.Column("represents", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("confirm_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("confirmed_at", WHEN),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("decided_by", sa.String(200)),
        sa.CheckConstraint("kind IN ('organisation', 'individual')", name="signer_kind_known"),
        sa.CheckConstraint(
            "state IN ('pending', 'approved', 'removed')", name="signature_state_known"
        ),
    )
    op.create_index("ix_signatures_letter_id", "signatures", ["letter_id"])
    op.create_table(
        "letter_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("markdown", sa.Text),
        sa.Column("html", sa.Text),
        sa.Column("docx", sa.LargeBinary),
    )
    op.create_index("ix_letter_versions_letter_id", "letter_versions", ["letter_id"])
    op.create_table(
        "positions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("state", sa.String(3), nullable=False),
        sa.Column("matter", sa.String(300), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("value", sa.String(100), nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("source_title", sa.Text, nullable=False),
        sa.Column("source_publisher", sa.Text),
        sa.Column("source_date", sa.String(10)),
        sa.Column("source_url", sa.Text),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_positions_entry", "positions", ["matter", "state", "year"], unique=True)


def downgrade() -> None:
    op.drop_table("positions")
    op.drop_table("letter_versions")
    op.drop_table("signatures")
    op.drop_table("letters")
