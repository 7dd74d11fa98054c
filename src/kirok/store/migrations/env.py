"""Alembic's entry point for Kirok's migrations.

Kirok runs these itself (``kirok init``, and before every ingest) on the
connection it already holds, passed in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from kirok.store.schema import Base, described_by_models

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when a developer runs alembic by hand
    raise SystemExit("run migrations through `kirok init --db URL`")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_name=described_by_models,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
