"""Where the records live: one ``Database(url)`` per SQLite file or PostgreSQL server.

Nothing connects at import or at construction; the first query does. Schema
changes are Alembic migrations, run by :meth:`Database.upgrade`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from kirok.errors import DatabaseUnavailable, NotInitialised
from kirok.store.schema import SCHEMA_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

DEFAULT_DATABASE = "kirok.db"
ENVIRONMENT_VARIABLE = "KIROK_DATABASE_URL"


def resolve_url(given: str | None = None) -> URL:
    """The database to use: ``given``, else ``$KIROK_DATABASE_URL``, else ``./kirok.db``.

    A plain path means an SQLite file; ``postgresql://`` means psycopg 3.
    """
    value = given or os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_DATABASE
    if "://" not in value:
        return URL.create("sqlite", database=value)
    try:
        url = make_url(value)
    except ArgumentError:
        raise DatabaseUnavailable(f"{value!r} is not a database URL") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(
            f"{url.render_as_string(hide_password=True)}: Kirok works with SQLite "
            "(a file path or sqlite:///path) and PostgreSQL (postgresql+psycopg://...)"
        )
    return url


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, open transactions (see _sqlite_begin):
    # the module would run DDL outside any transaction, so a migration killed
    # half-way could leave half a schema.
    connection.isolation_level = None
    cursor = connection.cursor()
    # Set before the first table is written, the page size holds for the file's
    # life; for a database that already exists this does nothing.
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")
    # WAL: readers never wait for the writer, and a killed writer leaves the last
    # committed state; NORMAL is durable at each checkpoint and safe against corruption.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # A transaction that will write takes the write lock at once (BEGIN IMMEDIATE):
    # one that read first and then tried to write would fail with "database is
    # locked" whenever another writer committed in between.
    options = connection.get_execution_options()
    bulk = bool(options.get(BULK_OPTION))
    if bulk != connection.info.get(BULK_OPTION, False):
        _bulk_settings(connection, bulk)
    if options.get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


# The page size of new SQLite databases. An ingest's commits write again every index
# page a new row touched, most of each covering index's pages once the database is
# large, and SQLite's work per page (its cache, the write-ahead log's frame and
# checksum, the B-tree's cell moves) is paid four times less often with 16 KB pages
# than with the default 4 KB: replaying the writes of 10,000 generated documents
# took 7.9 s of CPU against 9.6 s (8 KB: 8.4 s; 32 KB: 8.5 s; 64 KB: 9.1 s).
PAGE_SIZE = 16384

# SQLite settings of a connection writing many documents (an ingest), and SQLite's
# defaults, which every other connection keeps. Index pages written by one commit
# are written again by the next: with a bigger page cache the writer reads fewer of
# them back, and checkpointing the write-ahead log every 64 MB instead of every 4 MB
# copies each such page into the database once instead of after every commit.
BULK_CACHE_KB = 65536
BULK_CHECKPOINT_BYTES = 64 * 1024 * 1024
DEFAULT_SETTINGS = {"cache_size": -2000, "wal_autocheckpoint": 1000}


def _bulk_settings(connection: Any, bulk: bool) -> None:
    settings = DEFAULT_SETTINGS
    if bulk:  # the checkpoint counts pages, of whatever size the database has
        page_size = int(connection.exec_driver_sql("PRAGMA page_size").scalar())
        settings = {
            "cache_size": -BULK_CACHE_KB,
            "wal_autocheckpoint": BULK_CHECKPOINT_BYTES // page_size,
        }
    for name, value in settings.items():
        connection.exec_driver_sql(f"PRAGMA {name}={value}")
    connection.info[BULK_OPTION] = bulk


# SQLite connections kept open for reuse. Opening one costs its pragmas and a read of
# the schema; the web server's threads hold up to this many at once under load, and
# with the default of five each request past the fifth opened and closed its own.
SQLITE_POOL = 20

WRITE_OPTION = "kirok_write"
BULK_OPTION = "kirok_bulk"


def begin_write(session: Session, *, bulk: bool = False) -> None:
    """Start the session's next transaction as one that writes: on SQLite it waits
    for and takes the write lock first. Call it before the reads that decide a write
    (a record's version); anything not committed in the session is rolled back.
    ``bulk``: the transaction writes many documents, with SQLite's settings for that."""
    session.rollback()
    session.connection(execution_options={WRITE_OPTION: True, BULK_OPTION: bulk})


def _migrations() -> Config:
    from alembic.config import Config  # alembic is only needed to change the schema

    config = Config()
    config.set_main_option("script_location", "kirok.store:migrations")
    return config


class Database:
    """A Kirok database at ``url`` (see :func:`resolve_url`)."""

    def __init__(self, url: str | URL | None = None) -> None:
        self.url = url if isinstance(url, URL) else resolve_url(url)
        self.dialect = self.url.get_backend_name()
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    def __repr__(self) -> str:
        return f"Database({self.name!r})"

    @property
    def name(self) -> str:
        """The URL without its password, for messages."""
        if self.dialect == "sqlite":
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            try:
                if self.dialect == "sqlite":
                    self._engine = create_engine(
                        self.url, connect_args={"timeout": 30}, pool_size=SQLITE_POOL
                    )
                    event.listen(self._engine, "connect", _sqlite_pragmas)
                    event.listen(self._engine, "begin", _sqlite_begin)
                else:
                    self._engine = create_engine(
                        self.url, pool_pre_ping=True, connect_args={"connect_timeout": 5}
                    )
            except (NoSuchModuleError, ArgumentError) as error:
                raise DatabaseUnavailable(f"{self.name}: {error}") from None
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._sessions = None

    def _unavailable(self, error: DBAPIError) -> DatabaseUnavailable:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        return DatabaseUnavailable(f"cannot use the database {self.name}: {reason}")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed by the caller, and rolled back on error."""
        # one factory per engine: each sessionmaker makes a Session class of its
        # own, and SQLAlchemy sets up that class's events, a cost per request
        if self._sessions is None:
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            with self._sessions() as session:
                yield session
        except DBAPIError as error:
            if error.connection_invalidated or _is_connection_error(error):
                raise self._unavailable(error) from None
            raise

    def revision(self) -> str | None:
        """The schema revision the database is at (None: no Kirok tables)."""
        if self.dialect == "sqlite" and not self._sqlite_file_exists():
            return None
        try:
            with self.engine.connect() as connection:
                if not inspect(connection).has_table("alembic_version"):
                    return None
                found = connection.execute(text("SELECT version_num FROM alembic_version"))
                return found.scalar()
        except DBAPIError as error:
            raise self._unavailable(error) from None

    def head(self) -> str:
        """The newest schema revision this Kirok knows."""
        return SCHEMA_REVISION

    def upgrade(self) -> bool:
        """Create the tables or bring them up to date; True if anything changed."""
        if self.dialect == "sqlite":
            folder = Path(str(self.url.database)).resolve().parent
            if not folder.is_dir():
                raise DatabaseUnavailable(f"cannot create {self.name}: no folder {folder}")
        before = self.revision()
        if before == self.head():
            return False
        from alembic import command

        config = _migrations()
        try:
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except DBAPIError as error:
            raise self._unavailable(error) from None
        return True

    def require_current(self) -> None:
        """Raise :class:`NotInitialised` unless the schema is Kirok's current one."""
        revision = self.revision()
        if revision is None:
            raise NotInitialised(
                f"no Kirok database at {self.name}: run `kirok init` (or `kirok ingest`) first"
            )
        if revision != self.head():
            raise NotInitialised(
                f"the database {self.name} has an older schema ({revision}): "
                "run `kirok init` to upgrade it"
            )

    def _sqlite_file_exists(self) -> bool:
        database = str(self.url.database or "")
        return database in ("", ":memory:") or Path(database).is_file()


def _is_connection_error(error: DBAPIError) -> bool:
    message = str(error.orig or "").lower()
    return any(
        phrase in message
        for phrase in ("connection refused", "could not connect", "unable to open", "timeout")
    )
