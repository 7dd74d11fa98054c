"""Which database a command uses, and what it says when it cannot use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import INCIDENT, downgrade, kirok, ok, write_txt
from kirok.store.schema import SCHEMA_REVISION


def test_the_default_is_kirok_db_in_the_current_folder(tmp_path: Path) -> None:
    write_txt(tmp_path / "report.txt", INCIDENT)
    ok(kirok("ingest", "report.txt", cwd=tmp_path))
    assert (tmp_path / "kirok.db").is_file()
    found = ok(kirok("search", "Yalu", "--json", cwd=tmp_path)).stdout
    assert len(found.splitlines()) == 1


def test_the_environment_names_the_database(tmp_path: Path) -> None:
    write_txt(tmp_path / "report.txt", INCIDENT)
    env = {"KIROK_DATABASE_URL": f"sqlite:///{tmp_path / 'team.db'}"}
    ok(kirok("ingest", str(tmp_path / "report.txt"), env=env))
    assert (tmp_path / "team.db").is_file()
    records = ok(kirok("search", "--json", env=env)).stdout.splitlines()
    assert json.loads(records[0])["violation"] == "life.killing"
    # --db wins over the environment
    other = tmp_path / "other.db"
    ok(kirok("init", "--db", str(other), env=env))
    assert "0 records" in ok(kirok("search", "--db", str(other), env=env)).stdout


COMMANDS = [
    ["init"],
    ["ingest", "--samples"],
    ["search", "x"],
    ["show", "1"],
    ["review", "1", "--accept"],
    ["export"],
    ["verify"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_server_that_does_not_answer_is_named_without_its_password(command: list[str]) -> None:
    url = "postgresql://kirok:s3cret@127.0.0.1:1/archive"
    result = kirok(*command, "--db", url)
    assert result.returncode == 2
    assert (
        "cannot use the database postgresql+psycopg://kirok:***@127.0.0.1:1/archive"
        in result.stderr
    )
    assert "s3cret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_import_into_a_server_that_does_not_answer(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text("{}\n")
    result = kirok("import", str(path), "--db", "postgresql://postgres@127.0.0.1:1/test")
    assert result.returncode == 2 and "cannot use the database" in result.stderr


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] not in ("init", "ingest")])
def test_reading_a_database_that_is_not_there_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    target = tmp_path / "nothing.db"
    result = kirok(*command, "--db", str(target))
    assert result.returncode == 2
    assert f"no Kirok database at {target}: run `kirok init`" in result.stderr
    assert not target.exists()


def test_urls_kirok_cannot_use(tmp_path: Path) -> None:
    result = kirok("init", "--db", "mysql://root@localhost/kirok")
    assert result.returncode == 2 and "Kirok works with SQLite" in result.stderr
    missing = tmp_path / "no" / "such" / "folder" / "k.db"
    result = kirok("init", "--db", str(missing))
    assert result.returncode == 2 and "no folder" in result.stderr


def test_init_twice_says_it_is_up_to_date(db_url: str) -> None:
    assert f"ready (schema {SCHEMA_REVISION})" in ok(kirok("init", "--db", db_url)).stdout
    assert "already up to date" in ok(kirok("init", "--db", db_url)).stdout


def test_the_schema_revision_kirok_expects_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from kirok.store.database import _migrations
    from kirok.store.schema import SCHEMA_REVISION

    assert ScriptDirectory.from_config(_migrations()).get_current_head() == SCHEMA_REVISION


def test_the_migrations_make_the_tables_the_models_describe(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from kirok.store.database import Database
    from kirok.store.schema import Base, described_by_models

    database = Database(db_url)
    database.upgrade()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": described_by_models})
        differences = compare_metadata(context, Base.metadata)
    database.close()
    assert differences == []


def test_a_database_from_before_the_search_indexes_is_upgraded_and_searched(
    db_url: str, tmp_path: Path
) -> None:
    """Migration 0004 (the covering index of filters, one full-text row per record
    on SQLite) on a database that already holds records, and back."""
    write_txt(tmp_path / "report.txt", INCIDENT)
    ok(kirok("ingest", str(tmp_path / "report.txt"), "--db", db_url))
    downgrade(db_url, "0003")
    refused = kirok("search", "wading", "--db", db_url)
    assert refused.returncode != 0 and "older schema (0003)" in refused.stderr
    assert f"schema {SCHEMA_REVISION}" in ok(kirok("init", "--db", db_url)).stdout

    # a word only the evidence holds, one only the record's own fields hold
    assert "1 record" in ok(kirok("search", "wading", "--db", db_url)).stdout
    assert "1 record" in ok(kirok("search", "killing", "--country", "KP", "--db", db_url)).stdout
    ok(kirok("review", "1", "--set", "place=Sinpo", "--db", db_url))
    assert "1 record" in ok(kirok("search", "sinpo", "--db", db_url)).stdout
    assert "0 records" in ok(kirok("search", "--place", "Hyesan", "--db", db_url)).stdout


def test_sqlite_connections_are_reused_by_many_threads_at_once(tmp_path: Path) -> None:
    """The web server's threads each hold a session: connections opened for one
    burst of requests serve the next, rather than being opened and closed again."""
    import threading

    from sqlalchemy import event, text

    from kirok.store.database import Database

    database = Database(f"sqlite:///{tmp_path / 'kirok.db'}")
    database.upgrade()
    opened = []
    event.listen(database.engine, "connect", lambda *_: opened.append(1))
    at_once = 12

    def burst() -> None:
        ready = threading.Barrier(at_once)

        def read() -> None:
            with database.session() as session:
                session.execute(text("SELECT count(*) FROM records")).scalar()
                ready.wait(timeout=10)  # every thread holds its connection together

        threads = [threading.Thread(target=read) for _ in range(at_once)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    burst()
    first = len(opened)
    burst()
    burst()
    database.close()
    assert first <= at_once
    assert len(opened) == first, "the second and third bursts opened connections again"


def test_sessions_come_from_one_factory_per_engine(tmp_path: Path) -> None:
    """Each request opens a session: they share one factory (a new factory makes a
    new Session class, whose events SQLAlchemy sets up again at a cost per
    request), and a database closed and used again gets a factory for its new engine."""
    from sqlalchemy import text

    from kirok.store.database import Database

    database = Database(f"sqlite:///{tmp_path / 'kirok.db'}")
    database.upgrade()
    kinds = set()
    for _ in range(3):
        with database.session() as session:
            kinds.add(type(session))
            session.execute(text("SELECT count(*) FROM records")).scalar()
    assert len(kinds) == 1
    database.close()
    with database.session() as session:
        assert session.execute(text("SELECT count(*) FROM records")).scalar() == 0
        assert session.get_bind() is database.engine
    database.close()


def test_an_ingests_sqlite_settings_stay_with_its_own_transactions(tmp_path: Path) -> None:
    """An ingest writes with a bigger page cache and rarer checkpoints; a web
    upload's connection, back in the pool, serves the next request with SQLite's
    own defaults."""
    from sqlalchemy import text

    from kirok.store.database import DEFAULT_SETTINGS, Database, begin_write
    from kirok.store.ingest import ingest_items

    database = Database(f"sqlite:///{tmp_path / 'kirok.db'}")
    database.upgrade()

    def settings(session: object) -> dict[str, int]:
        return {
            name: session.execute(text(f"PRAGMA {name}")).scalar()  # type: ignore[attr-defined]
            for name in DEFAULT_SETTINGS
        }

    seen = []
    with database.session() as session:
        assert settings(session) == DEFAULT_SETTINGS
        begin_write(session, bulk=True)
        seen.append(settings(session))
        begin_write(session)
        seen.append(settings(session))
        session.commit()
    # 64 MB of the new database's 16 KB pages between checkpoints, and a 64 MB cache
    assert seen == [{"cache_size": -65536, "wal_autocheckpoint": 4096}, DEFAULT_SETTINGS]

    report = ingest_items(database, [("report.txt", INCIDENT.encode(), None)], by="tester", jobs=1)
    assert report.added == 1
    with database.session() as session:
        assert settings(session) == DEFAULT_SETTINGS
        assert session.execute(text("SELECT count(*) FROM records")).scalar() == 1
    database.close()


def test_postgresql_uses_pg_trgm_made_in_another_teams_schema(
    postgresql_server: str, tmp_path: Path
) -> None:
    """pg_trgm is made once per database, in one schema: perhaps by another team's
    Kirok in its own schema, off this one's search path. A new Kirok database
    still builds its trigram index and searches with it."""
    import uuid

    from sqlalchemy import create_engine, text

    tag = uuid.uuid4().hex[:8]
    schema, elsewhere = f"kirok_test_{tag}", f"kirok_other_team_{tag}"
    engine = create_engine(postgresql_server)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
        connection.execute(text(f"CREATE SCHEMA {elsewhere}"))
        connection.execute(text(f"ALTER EXTENSION pg_trgm SET SCHEMA {elsewhere}"))
    try:
        url = f"{postgresql_server}?options=-csearch_path%3D{schema}"
        write_txt(tmp_path / "report.txt", INCIDENT)
        ok(kirok("ingest", str(tmp_path / "report.txt"), "--db", url))
        found = ok(kirok("search", "yalu river", "--json", "--db", url)).stdout.splitlines()
        assert [json.loads(line)["violation"] for line in found] == ["life.killing"]
        with engine.connect() as connection:
            index = connection.execute(
                text(
                    "SELECT indexdef FROM pg_indexes "
                    "WHERE schemaname = :schema AND indexname = 'ix_records_search'"
                ),
                {"schema": schema},
            ).scalar_one()
        assert f"{elsewhere}.gin_trgm_ops" in index
    finally:
        with engine.begin() as connection:
            connection.execute(text("ALTER EXTENSION pg_trgm SET SCHEMA public"))
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            connection.execute(text(f"DROP SCHEMA {elsewhere}"))  # empty again: no CASCADE
        engine.dispose()


def test_new_sqlite_databases_have_16_kb_pages_and_older_ones_keep_theirs(
    tmp_path: Path,
) -> None:
    """``kirok init`` makes a database of 16 KB pages (an ingest's commits cost
    less); a database made with SQLite's 4 KB pages keeps them, ingests into it,
    and checkpoints after as many bytes."""
    import sqlite3

    from sqlalchemy import text

    from kirok.cli import samples_folder
    from kirok.store.database import Database, begin_write

    new = tmp_path / "new.db"
    ok(kirok("init", "--db", str(new)))
    with sqlite3.connect(new) as connection:
        assert connection.execute("PRAGMA page_size").fetchone() == (16384,)

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as connection:  # as Kirok made them before
        connection.execute("PRAGMA page_size=4096")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE made_before (x)")
    ok(kirok("ingest", "--db", str(old), str(samples_folder())))
    with sqlite3.connect(old) as connection:
        assert connection.execute("PRAGMA page_size").fetchone() == (4096,)
        assert connection.execute("SELECT count(*) FROM records").fetchone()[0] > 0
    database = Database(f"sqlite:///{old}")
    with database.session() as session:
        begin_write(session, bulk=True)
        assert session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 16384
        session.rollback()
    database.close()


def test_the_records_search_index_merges_eight_segments_at_a_time(tmp_path: Path) -> None:
    """Migration 0008 (SQLite): FTS5 keeps the setting in the index's own config
    table; taken back to 0007 the index merges four at a time again, FTS5's default."""
    import sqlite3

    db = tmp_path / "kirok.db"

    def automerge() -> object:
        with sqlite3.connect(db) as connection:
            found = connection.execute(
                "SELECT v FROM records_fts_config WHERE k = 'automerge'"
            ).fetchone()
        return found[0] if found else None

    ok(kirok("init", "--db", str(db)))
    assert automerge() == 8
    downgrade(f"sqlite:///{db}", "0007")
    assert automerge() == 4
    ok(kirok("ingest", "--db", str(db), str(write_txt(tmp_path / "report.txt", INCIDENT))))
    assert automerge() == 8
    found = ok(kirok("export", "--db", str(db), "--text", "wading across")).stdout
    rows = [json.loads(line) for line in found.splitlines()]
    assert [r["violation"] for row in rows for r in row["records"]] == ["life.killing"]
