"""`kirok export` and `kirok import`: formats, round trips, and refusals."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import json
from pathlib import Path
from typing import Any

import pycountry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import export_lines, kirok, ok
from kirok.extraction.lexicon import taxonomy
from kirok.store.database import Database
from kirok.store.exchange import import_lines, iter_export
from kirok.store.fields import perpetrators
from kirok.store.schema import REVIEW_STATES
from kirok.store.search import Filters


def test_csv_has_one_row_per_record_with_its_source(db_url: str, tmp_path: Path) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    lines = export_lines(db_url)
    target = tmp_path / "records.csv"
    result = ok(kirok("export", "--format", "csv", "-o", str(target), "--db", db_url))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    records = [(line, r) for line in lines for r in line["records"]]
    assert len(rows) == len(records)
    assert f"exported {len(records)} records from {len(lines)} sources" in result.stderr
    for row, (line, record) in zip(rows, records, strict=True):
        assert int(row["record_id"]) == record["id"]
        assert row["violation"] == record["violation"]
        assert row["source_title"] == (line["title"] or "")
        assert row["source_sha256"] == line["sha256"]
        assert row["evidence_offsets"].split(";")[0] == "{start}-{end}".format(
            **record["evidence"][0]
        )


def test_csv_cells_never_start_a_spreadsheet_formula(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    report = tmp_path / "formula.txt"
    report.write_text(
        "Date: April 2, 2021\n\n"
        "On March 3, 2021, border guards shot and killed two women near Hyesan.\n",
        encoding="utf-8",
    )
    ok(kirok("ingest", str(report), "--title", '=HYPERLINK("http://example.invalid")', "--db", db))
    out = ok(kirok("export", "--format", "csv", "--db", db)).stdout
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["source_title"].startswith("'=HYPERLINK")


def test_json_is_one_document_with_the_filter(db_url: str) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    out = ok(kirok("export", "--format", "json", "--violation", "life", "--db", db_url)).stdout
    data = json.loads(out)
    assert data["filters"] == {"violation": "life"}
    records = [r for s in data["sources"] for r in s["records"]]
    assert records and all(r["violation"].startswith("life.") for r in records)
    assert sorted(r["id"] for r in records) == sorted(
        json.loads(line)["id"]
        for line in ok(
            kirok("search", "--violation", "life", "--json", "--db", db_url)
        ).stdout.splitlines()
    )


def test_export_to_an_unwritable_place_says_so_and_leaves_nothing(
    db_url: str, tmp_path: Path
) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    missing = tmp_path / "no-such-folder" / "out.jsonl"
    result = kirok("export", "-o", str(missing), "--db", db_url)
    assert result.returncode == 2
    assert f"cannot write {missing}: No such file or directory" in result.stderr
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    result = kirok("export", "-o", str(a_file / "out.jsonl"), "--db", db_url)
    assert result.returncode == 2 and "Not a directory" in result.stderr
    assert a_file.read_text() == "not a folder"
    assert list(tmp_path.iterdir()) == [a_file]


def test_round_trip_into_another_database_is_exact(db_url: str, tmp_path: Path) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    rid = str(export_lines(db_url)[0]["records"][0]["id"])
    ok(kirok("review", rid, "--set", "place=Hoeryong", "--note", "second source", "--db", db_url))
    exported = tmp_path / "all.jsonl"
    ok(kirok("export", "-o", str(exported), "--with-originals", "--db", db_url))
    other = str(tmp_path / "other.db")
    result = ok(kirok("import", str(exported), "--db", other))
    assert "0 refused" in result.stderr
    assert export_lines(other) == export_lines(db_url)
    assert "0 problems" in ok(kirok("verify", "--db", other)).stdout
    again = ok(kirok("import", str(exported), "--db", other))
    assert "0 sources imported" in again.stderr and "already there" in again.stderr


def test_bad_and_conflicting_lines_are_refused_alone(db_url: str, tmp_path: Path) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    lines = export_lines(db_url)
    good, changed = lines[0], json.loads(json.dumps(lines[1]))
    changed["title"] = "A different title for the same bytes"
    bad_record = json.loads(json.dumps(lines[2]))
    bad_record["sha256"] = hashlib.sha256(b"other bytes").hexdigest()
    bad_record["records"][0]["violation"] = "life.murder"
    stray_span = json.loads(json.dumps(lines[3]))
    stray_span["sha256"] = hashlib.sha256(b"yet other bytes").hexdigest()
    span = stray_span["records"][0]["evidence"][0]
    span["text"] = "x" * len(span["text"])  # the right length, not the source's words
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(good),
                "{not json",
                json.dumps(changed),
                json.dumps(bad_record),
                json.dumps(stray_span),
                json.dumps({"sha256": "x"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    before = export_lines(db_url)
    result = kirok("import", str(path), "--db", db_url)
    assert result.returncode == 1
    assert f"{path}, line 2: not JSON" in result.stderr
    assert f"{path}, line 3: conflicts with source {lines[1]['source_id']}" in result.stderr
    assert (
        f"line 4 (record {lines[2]['records'][0]['id']}): violation: 'life.murder'" in result.stderr
    )
    assert "line 5" in result.stderr and "is not that text of the source" in result.stderr
    assert "line 6: missing 'text'" in result.stderr
    assert "0 sources imported" in result.stderr and "1 already there, 5 refused" in result.stderr
    assert export_lines(db_url) == before


def test_import_under_taken_ids_renumbers(tmp_path: Path) -> None:
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    (folder_a / "a.txt").write_text(
        "Date: April 2, 2021\n\nOn March 3, 2021, border guards shot and killed two women near Hyesan.\n"
    )
    (folder_b / "b.txt").write_text(
        "Date: May 2, 2021\n\nIn April 2021, police arrested a man in Wonsan for watching foreign films.\n"
    )
    ok(kirok("ingest", str(folder_a), "--db", one))
    ok(kirok("ingest", str(folder_b), "--db", two))
    exported = tmp_path / "one.jsonl"
    ok(kirok("export", "-o", str(exported), "--db", one))
    result = ok(kirok("import", str(exported), "--db", two))
    assert "1 sources imported (1 under new IDs)" in result.stderr
    lines = export_lines(two)
    assert [line["source_id"] for line in lines] == [1, 2]
    moved = lines[1]
    assert moved["records"] and moved["records"][0]["id"] > lines[0]["records"][-1]["id"]


# --- the round trip as a property -----------------------------------------------------

ids = itertools.count(1000)
safe_text = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x00"),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
moments = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC)
).map(lambda d: d.isoformat())
countries = st.sampled_from([c.alpha_2 for c in pycountry.countries])
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> tuple[str | None, str | None]:
    if draw(st.booleans()):
        return None, None
    first = draw(dates)
    cut = draw(st.sampled_from([4, 7, 10]))
    if draw(st.booleans()):
        return first.isoformat()[:cut], None
    later = draw(st.dates(min_value=first, max_value=dt.date(2030, 12, 31)))
    return first.isoformat()[:cut], later.isoformat()[:cut]


json_values = st.recursive(
    st.none() | st.integers(-1000, 1000) | safe_text,
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=5,
)


@st.composite
def export_line(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(
        st.text(min_size=40, max_size=400)
        .filter(lambda t: "\x00" not in t)
        .map(lambda t: t.encode("utf-8", "replace").decode("utf-8"))
    )
    text = text.encode("utf-8", "ignore").decode("utf-8")
    if len(text) < 2:
        text = "A short text that is long enough for spans."
    records = []
    for _ in range(draw(st.integers(0, 3))):
        spans = []
        for _ in range(draw(st.integers(1, 2))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            spans.append({"start": start, "end": end, "text": text[start:end]})
        date, date_end = draw(partial_dates())
        records.append(
            {
                "id": next(ids),
                "violation": draw(st.sampled_from(sorted(taxonomy()))),
                "kind": draw(st.sampled_from(["incident", "measure"])),
                "date": date,
                "date_end": date_end,
                "country": draw(st.none() | countries),
                "place": draw(st.none() | safe_text),
                "perpetrator": draw(st.none() | st.sampled_from(perpetrators())),
                "victims": {
                    "count": draw(st.none() | st.integers(0, 100_000)),
                    "count_text": draw(st.none() | safe_text),
                    "names": draw(st.lists(safe_text, max_size=3)),
                    "nationality": draw(st.none() | countries),
                    "age": draw(st.none() | st.integers(0, 130)),
                    "sex": draw(st.sampled_from([None, "male", "female"])),
                },
                "evidence": spans,
                "confidence": draw(st.floats(0, 1)),
                "review_state": draw(st.sampled_from(REVIEW_STATES)),
                "origin": draw(st.sampled_from(["extractor", "person", "import"])),
                "version": draw(st.integers(1, 50)),
                "extractor_version": draw(st.none() | st.just("0.1.0+abc")),
                "created_at": draw(moments),
                "updated_at": draw(moments),
                "history": [
                    {
                        "at": draw(moments),
                        "by": draw(safe_text),
                        "action": draw(st.sampled_from(["suggested", "accept", "edit", "reject"])),
                        "changes": draw(
                            st.dictionaries(
                                safe_text, st.tuples(json_values, json_values).map(list), max_size=3
                            )
                        ),
                        "note": draw(st.none() | safe_text),
                    }
                    for _ in range(draw(st.integers(0, 3)))
                ],
            }
        )
    published = draw(st.none() | dates.map(dt.date.isoformat))
    return {
        "source_id": next(ids),
        "source": draw(st.none() | safe_text),
        "sha256": hashlib.sha256(text.encode("utf-8") + str(next(ids)).encode()).hexdigest(),
        "format": draw(st.sampled_from(["text", "markdown", "html", "pdf", "docx"])),
        "title": draw(st.none() | safe_text),
        "publisher": draw(st.none() | safe_text),
        "url": draw(st.none() | st.just("https://example.org/a")),
        "published": published,
        "text_chars": len(text),
        "ingested_at": draw(moments),
        "ingested_by": draw(safe_text),
        "extractor_version": draw(st.none() | st.just("0.1.0+abc")),
        "text": text,
        "records": records,
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(line=export_line())
def test_any_export_line_imports_and_exports_back_exactly(
    db_url: str, line: dict[str, Any]
) -> None:
    database = Database(db_url)
    try:
        report = import_lines(database, iter([json.dumps(line)]), "generated")
        assert report.errors == [] and report.imported == 1
        with database.session() as session:
            [back] = list(
                iter_export(session, database.dialect, Filters(), source_id=line["source_id"])
            )
        assert back == line
    finally:
        database.close()
