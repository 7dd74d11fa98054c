"""The record store: sources, originals, records under review, search and exchange.

SQLite by default (one file), PostgreSQL for teams; the same code and schema
(Alembic migrations) on both. Import from the submodules: ``database``,
``ingest``, ``search``, ``review``, ``exchange``, ``originals``.
"""

# their ORM listeners index and count the sources and records the ORM writes
import kirok.store.counts
import kirok.store.fulltext  # noqa: F401
from kirok.store.database import Database, resolve_url

__all__ = ["Database", "resolve_url"]
