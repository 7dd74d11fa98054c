"""The totals a records list shows, after every kind of change to the records.

On SQLite, a list narrowed only by violation, kind and review state (or not at
all) is counted from ``record_counts``, which triggers keep as records change
(migration 0006) and Kirok as it adds them (migration 0007); PostgreSQL counts
the records. Each total is checked against the export."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers import INCIDENT, MEASURE, downgrade, export_lines, kirok, ok, write_txt

Check = Callable[[dict[str, Any]], bool]
LISTS: list[tuple[list[str], Check]] = [
    ([], lambda r: True),
    (["--violation", "movement"], lambda r: r["violation"].startswith("movement.")),
    (["--violation", "detention.arbitrary"], lambda r: r["violation"] == "detention.arbitrary"),
    (["--kind", "measure"], lambda r: r["kind"] == "measure"),
    (["--state", "suggested"], lambda r: r["review_state"] == "suggested"),
    (["--state", "rejected"], lambda r: r["review_state"] == "rejected"),
    (
        ["--violation", "life", "--kind", "incident", "--state", "edited"],
        lambda r: (
            r["violation"].startswith("life.")
            and r["kind"] == "incident"
            and r["review_state"] == "edited"
        ),
    ),
    # a filter the kept counts do not answer, beside them
    (
        ["--violation", "movement", "--country", "CN"],
        lambda r: r["violation"].startswith("movement.") and r["country"] == "CN",
    ),
]


def shown_total(db: str, *args: str) -> int:
    """The total `kirok search` prints above its table ("1-1 of 12 records")."""
    out = ok(kirok("search", "--db", db, "--limit", "1", *args)).stdout
    found = re.search(r"(\d+) records?\b", out)
    assert found, out
    return int(found.group(1))


def records_of(db: str) -> list[dict[str, Any]]:
    return [record for line in export_lines(db) for record in line["records"]]


def assert_totals_match_the_export(db: str, lists: int = len(LISTS)) -> None:
    records = records_of(db)
    for args, check in LISTS[:lists]:
        want = sum(1 for r in records if check(r))
        assert shown_total(db, *args) == want, args


def test_list_totals_follow_reviews_and_imports(db_url: str, tmp_path: Path) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    records = records_of(db_url)
    life = next(r for r in records if r["violation"].startswith("life."))
    movement = [r for r in records if r["violation"].startswith("movement.")]
    ok(kirok("review", str(movement[0]["id"]), "--accept", "--db", db_url))
    ok(kirok("review", str(movement[1]["id"]), "--reject", "--db", db_url))
    # an edit that moves a record to another family, kind and state at once
    ok(
        kirok(
            "review",
            str(movement[2]["id"]),
            "--set",
            "violation=life.killing",
            "--set",
            "kind=incident",
            "--db",
            db_url,
        )
    )
    ok(kirok("review", str(life["id"]), "--set", "place=Hoeryong", "--db", db_url))
    assert_totals_match_the_export(db_url)
    assert shown_total(db_url, "--state", "edited") == 2
    assert "0 problems" in ok(kirok("verify", "--db", db_url)).stdout

    # the same records, imported into a new database
    exported = tmp_path / "export.jsonl"
    ok(kirok("export", "--db", db_url, "--format", "jsonl", "--output", str(exported)))
    other = f"sqlite:///{tmp_path / 'imported.db'}"
    ok(kirok("import", str(exported), "--db", other))
    assert_totals_match_the_export(other, lists=3)
    assert shown_total(other) == len(records)


def test_deleted_records_leave_the_counts_and_a_wrong_count_is_reported(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "kirok.db")
    ok(kirok("ingest", "--samples", "--db", db))
    records = records_of(db)
    gone = [r["id"] for r in records if r["violation"].startswith("detention.")][:2]
    with sqlite3.connect(db) as connection:
        connection.executemany("DELETE FROM evidence WHERE record_id = ?", [(i,) for i in gone])
        connection.executemany("DELETE FROM victim_names WHERE record_id = ?", [(i,) for i in gone])
        connection.executemany("DELETE FROM revisions WHERE record_id = ?", [(i,) for i in gone])
        connection.executemany("DELETE FROM records WHERE id = ?", [(i,) for i in gone])
    assert shown_total(db) == len(records) - 2
    assert_totals_match_the_export(db)
    assert "0 problems" in ok(kirok("verify", "--db", db)).stdout

    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE record_counts SET records = records + 1")
    checked = kirok("verify", "--db", db)
    assert checked.returncode == 1
    assert "record_counts" in checked.stderr and "wrong totals" in checked.stderr


def test_an_older_database_gets_its_counts_when_upgraded(tmp_path: Path) -> None:
    db = str(tmp_path / "kirok.db")
    ok(kirok("ingest", "--samples", "--db", db))
    downgrade(db, "0005")
    with sqlite3.connect(db) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "record_counts" not in tables
    ok(kirok("init", "--db", db))
    assert_totals_match_the_export(db)


def sources_found(db: str, text: str) -> list[str]:
    out = ok(kirok("search", text, "--sources", "--json", "--db", db)).stdout
    return [json.loads(line)["title"] for line in out.splitlines()]


def test_rows_written_by_0006s_triggers_and_by_kirok_are_all_counted_and_found(
    tmp_path: Path,
) -> None:
    """Up to migration 0006 triggers indexed each new source and counted each new
    record; since 0007 Kirok does, once per transaction. Taken down to 0006, the
    triggers are back and work; brought up again, they are gone, and what either
    way wrote is counted, found, and passes ``kirok verify``."""
    db = str(tmp_path / "kirok.db")
    ok(kirok("ingest", "--samples", "--db", db))
    downgrade(db, "0006")
    text = "Flooding reached Sinuiju (invented)"
    sha256 = hashlib.sha256(text.encode()).hexdigest()
    with sqlite3.connect(db) as connection:  # written as under 0006: triggers do the rest
        connection.execute(
            "INSERT INTO originals (sha256, size, content) VALUES (?, ?, ?)",
            (sha256, len(text), text.encode()),
        )
        connection.execute(
            "INSERT INTO sources (sha256, format, title, text, ingested_at, ingested_by) "
            "VALUES (?, 'text', 'Written under 0006', ?, '2026-01-01 00:00:00.000000', 'test')",
            (sha256, text),
        )
        source = connection.execute("SELECT max(id) FROM sources").fetchone()[0]
        connection.execute(
            "INSERT INTO records (source_id, violation, kind, confidence, review_state, "
            "origin, search_text, created_at, updated_at, version) VALUES (?, "
            "'movement.forced_return', 'incident', 1.0, 'accepted', 'person', "
            "'movement.forced_return', '2026-01-01 00:00:00.000000', "
            "'2026-01-01 00:00:00.000000', 1)",
            (source,),
        )
        connection.execute(  # what Kirok itself did for a new record under 0006
            "INSERT INTO records_fts (rowid, search_text) SELECT id, search_text FROM records "
            "WHERE source_id = ?",
            (source,),
        )
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        indexed = connection.execute(
            "SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'sinuiju'"
        ).fetchall()
        counted = connection.execute(
            "SELECT records FROM record_counts WHERE review_state = 'accepted'"
        ).fetchall()
    assert {"sources_fts_insert", "record_counts_insert"} <= names
    assert indexed == [(source,)] and counted == [(1,)]

    ok(kirok("init", "--db", db))
    with sqlite3.connect(db) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert not {"sources_fts_insert", "record_counts_insert"} & names
    report = write_txt(tmp_path / "report.txt", INCIDENT.replace("Yalu", "Tumen"))
    ok(kirok("ingest", str(report), str(write_txt(tmp_path / "m.txt", MEASURE)), "--db", db))
    assert_totals_match_the_export(db)
    assert shown_total(db, "--state", "accepted") == 1
    assert "0 problems" in ok(kirok("verify", "--db", db)).stdout
    found = ok(kirok("search", "wading across the Tumen", "--json", "--db", db)).stdout
    assert len(found.splitlines()) == 1
    assert len(sources_found(db, "wading Tumen")) == 1
    assert sources_found(db, "Sinuiju flooding") == ["Written under 0006"]
