"""`kirok review`: accept, edit, reject, with who and what kept, on both engines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from helpers import export_lines, kirok, ok


def first_record(db: str) -> dict[str, Any]:
    return next(r for line in export_lines(db) for r in line["records"])


def shown(db: str, record_id: int) -> dict[str, Any]:
    return json.loads(ok(kirok("show", str(record_id), "--json", "--db", db)).stdout)


def test_accept_edit_and_reject_keep_every_change(db_url: str) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    record = first_record(db_url)
    rid = str(record["id"])

    out = ok(kirok("review", rid, "--accept", "--by", "Ji-woo (invented)", "--db", db_url))
    assert f"record {rid}: accepted (version 2) by Ji-woo (invented)" in out.stdout
    ok(
        kirok(
            "review",
            rid,
            "--db",
            db_url,
            "--set",
            "place=Hoeryong",
            "--set",
            "victims.count=4",
            "--set",
            "victims.names=Kim A (invented); Pak B (invented)",
            "--set",
            "date=2020-09",
            "--note",
            "checked against a second source",
        )
    )
    ok(kirok("review", rid, "--reject", "--by", "Chris (invented)", "--db", db_url))

    after = shown(db_url, record["id"])
    assert after["review_state"] == "rejected" and after["version"] == 4
    assert after["place"] == "Hoeryong" and after["victims"]["count"] == 4
    assert after["victims"]["names"] == ["Kim A (invented)", "Pak B (invented)"]
    assert after["date"] == "2020-09"
    actions = [(h["action"], h["by"]) for h in after["history"]]
    assert actions == [
        ("suggested", actions[0][1]),
        ("accept", "Ji-woo (invented)"),
        ("edit", "tester"),
        ("reject", "Chris (invented)"),
    ]
    edit = after["history"][2]
    assert edit["changes"]["place"] == [record["place"], "Hoeryong"]
    assert edit["changes"]["victims.count"] == [record["victims"]["count"], 4]
    assert edit["changes"]["review_state"] == ["accepted", "edited"]
    assert edit["note"] == "checked against a second source"
    # filters see the new state and values
    found = ok(
        kirok("search", "--state", "rejected", "--place", "hoeryong", "--json", "--db", db_url)
    )
    assert [json.loads(line)["id"] for line in found.stdout.splitlines()] == [record["id"]]
    # and so does the text search: the edited names are found, the old count text not
    found = ok(kirok("search", '"pak b (invented)"', "--json", "--db", db_url))
    assert [json.loads(line)["id"] for line in found.stdout.splitlines()] == [record["id"]]
    assert "0 problems" in ok(kirok("verify", "--db", db_url)).stdout


def test_evidence_can_be_set_by_offsets(db_url: str) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    line = next(line for line in export_lines(db_url) if line["records"])
    record = line["records"][0]
    span = record["evidence"][0]
    start, end = span["start"], span["start"] + 20
    ok(kirok("review", str(record["id"]), "--set", f"evidence={start}-{end}", "--db", db_url))
    assert shown(db_url, record["id"])["evidence"] == [
        {"start": start, "end": end, "text": line["text"][start:end]}
    ]


def test_bad_edits_are_refused_and_change_nothing(db_url: str) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    record = first_record(db_url)
    rid = str(record["id"])
    before = export_lines(db_url)
    cases = [
        (
            ["--set", "violation=life.murder"],
            "violation: 'life.murder' is not a code of the taxonomy",
        ),
        (["--set", "date=2020-13-45"], "date: '2020-13-45' is not a date"),
        (["--set", "country=Narnia"], "country: 'Narnia' is not an ISO 3166-1 alpha-2"),
        (["--set", "victims.count=many"], "victims.count: expected a whole number, got 'many'"),
        (["--set", "victims.age=300"], "victims.age: 300 is not between 0 and 130"),
        (["--set", "colour=red"], "'colour' is not a field of a record"),
        (["--set", "place"], "write FIELD=VALUE"),
        (["--set", "evidence=5-999999999"], "outside the source's text"),
        (["--set", "date=2021", "--set", "date_end=2019"], "date_end: 2019 is before date 2021"),
        (["--accept", "--reject"], "exactly one of --accept, --reject or --set"),
        (["--accept", "--version", "7"], "has changed since you opened it"),
    ]
    for args, message in cases:
        result = kirok("review", rid, *args, "--db", db_url)
        assert result.returncode == 2, args
        assert message in result.stderr, (args, result.stderr)
    missing = kirok("review", "999999", "--accept", "--db", db_url)
    assert missing.returncode == 2 and "no record 999999" in missing.stderr
    assert export_lines(db_url) == before


def test_a_stale_edit_is_refused_and_a_current_one_goes_through(db_url: str) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    rid = str(first_record(db_url)["id"])
    ok(kirok("review", rid, "--set", "place=Musan", "--version", "1", "--db", db_url))
    stale = kirok("review", rid, "--set", "place=Hyesan", "--version", "1", "--db", db_url)
    assert stale.returncode == 2 and "version 1, now 2" in stale.stderr
    ok(kirok("review", rid, "--set", "place=Hyesan", "--version", "2", "--db", db_url))
    assert shown(db_url, int(rid))["place"] == "Hyesan"


def test_reviews_go_through_while_an_ingest_is_writing(db_url: str, tmp_path: Path) -> None:
    """Regression: on SQLite a review that read before it wrote failed with
    "database is locked" when the ingest committed in between."""
    from test_store_kill import corpus

    ok(kirok("ingest", "--samples", "--db", db_url))
    ids = [r["id"] for line in export_lines(db_url) for r in line["records"]][:6]
    folder = corpus(tmp_path / "reports", 60)
    ingest = subprocess.Popen(
        [sys.executable, "-m", "kirok", "ingest", str(folder), "--db", db_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for number, record_id in enumerate(ids):
            ok(kirok("review", str(record_id), "--set", f"place=Musan {number}", "--db", db_url))
    finally:
        _, errors = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, errors
    assert "60 added" in errors
    places = {r["id"]: r["place"] for line in export_lines(db_url) for r in line["records"]}
    assert [places[i] for i in ids] == [f"Musan {n}" for n in range(len(ids))]
