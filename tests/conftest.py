from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

POSTGRESQL = os.environ.get(
    "KIROK_TEST_POSTGRESQL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from kirok.extraction import Extractor

    return Extractor()


def _postgresql_reason() -> str | None:
    """Why PostgreSQL cannot be used here, or None if it can."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(POSTGRESQL, connect_args={"connect_timeout": 3})
        with engine.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        engine.dispose()
    except Exception as error:  # any failure means: not usable here
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return None


@pytest.fixture(scope="session")
def postgresql_server() -> str:
    reason = _postgresql_reason()
    if reason:
        if os.environ.get("KIROK_REQUIRE_POSTGRESQL"):
            pytest.fail(f"PostgreSQL is required here but {POSTGRESQL} does not answer: {reason}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRESQL} ({reason}); SQLite only")
    return POSTGRESQL


@contextmanager
def _database(
    kind: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if kind == "sqlite":
        yield str(tmp_path_factory.mktemp("db") / "kirok.db")
        return
    server = request.getfixturevalue("postgresql_server")
    from sqlalchemy import create_engine, text

    schema = f"kirok_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{server}?options=-csearch_path%3D{schema},public"
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One test body, every database: an SQLite file, or a fresh PostgreSQL schema."""
    with _database(request.param, request, tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def samples_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database holding the sample corpus and the Korean test report, for tests
    that only read it (one per module and engine)."""
    from helpers import KOREAN_REPORT, kirok, ok

    with _database(request.param, request, tmp_path_factory) as url:
        folder = tmp_path_factory.mktemp("korean")
        (folder / "korean-report.txt").write_text(KOREAN_REPORT, encoding="utf-8")
        ok(kirok("ingest", "--samples", str(folder), "--db", url))
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright (which never downloads a browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
