"""`kirok search` and `kirok show`: text and filters, on SQLite and on PostgreSQL.

Each filter's answer is checked against the same filter applied, in Python, to
the full export: two independent roads to the same records."""

from __future__ import annotations

import json
from typing import Any

import pytest

from helpers import export_lines, kirok, ok
from kirok.dates import PartialDate


def search_ids(db: str, *args: str) -> list[int]:
    out = ok(kirok("search", "--db", db, "--json", "--limit", "1000", *args)).stdout
    return [json.loads(line)["id"] for line in out.splitlines()]


def all_records(db: str) -> list[dict[str, Any]]:
    return [
        {**record, "source_text": line["text"]}
        for line in export_lines(db)
        for record in line["records"]
    ]


def in_range(record: dict[str, Any], low: str | None, high: str | None) -> bool:
    if record["date"] is None:
        return False
    start = PartialDate.parse_iso(record["date"]).first_day()
    stop = PartialDate.parse_iso(record["date_end"] or record["date"]).last_day()
    return (low is None or stop >= PartialDate.parse_iso(low).first_day()) and (
        high is None or start <= PartialDate.parse_iso(high).last_day()
    )


FILTERS = [
    (["--violation", "life"], lambda r: r["violation"].startswith("life.")),
    (
        ["--violation", "movement.forced_return"],
        lambda r: r["violation"] == "movement.forced_return",
    ),
    (["--kind", "measure"], lambda r: r["kind"] == "measure"),
    (["--country", "cn"], lambda r: r["country"] == "CN"),
    (["--perpetrator", "chinese authorities"], lambda r: r["perpetrator"] == "Chinese authorities"),
    (["--perpetrator", "Bowibu"], lambda r: r["perpetrator"] == "Ministry of State Security"),
    (["--place", "yalu"], lambda r: "yalu" in (r["place"] or "").lower()),
    (["--from", "2020-06", "--to", "2021"], lambda r: in_range(r, "2020-06", "2021")),
    (["--from", "2023"], lambda r: in_range(r, "2023", None)),
    (["--state", "suggested", "--country", "KP"], lambda r: r["country"] == "KP"),
]


@pytest.mark.parametrize(("args", "expected"), FILTERS, ids=[" ".join(f[0]) for f in FILTERS])
def test_each_filter_finds_what_the_export_holds(
    samples_db: str, args: list[str], expected: Any
) -> None:
    want = sorted(r["id"] for r in all_records(samples_db) if expected(r))
    assert want, "the sample corpus should hold records for this filter"
    assert sorted(search_ids(samples_db, *args)) == want


def test_text_search_needs_every_word_in_the_record(samples_db: str) -> None:
    records = all_records(samples_db)
    want = sorted(
        r["id"]
        for r in records
        if all(
            word in " ".join(s["text"] for s in r["evidence"]).lower()
            for word in ("forcibly", "north koreans")
        )
    )
    assert want
    assert sorted(search_ids(samples_db, 'forcibly "North Koreans"')) == want
    narrowed = sorted(r["id"] for r in records if r["id"] in want and r["kind"] == "incident")
    assert (
        sorted(search_ids(samples_db, 'forcibly "North Koreans"', "--kind", "incident")) == narrowed
    )


def test_no_match_says_so(samples_db: str) -> None:
    result = ok(kirok("search", "zzzqqq nothing like this", "--db", samples_db))
    assert "0 records" in result.stdout


def test_korean_text_is_found_by_long_and_short_words(samples_db: str) -> None:
    for word in ("국경경비대", "압록강", "혜산"):  # five, three and two syllables
        out = ok(kirok("search", word, "--sources", "--json", "--db", samples_db)).stdout
        hits = [json.loads(line) for line in out.splitlines()]
        assert [h["title"] for h in hits] == [
            "가상의 현장 보고서 (시험용으로 작성한 것이며 실제 사건이 아님)"
        ], word
        assert word in hits[0]["snippet"]
    assert "0 sources" in ok(kirok("search", "평양", "--sources", "--db", samples_db)).stdout


def test_source_search_with_a_record_filter(samples_db: str) -> None:
    lines = export_lines(samples_db)
    want = sorted(
        line["source_id"]
        for line in lines
        if "china" in (line["title"] + line["text"]).lower()
        and any(r["violation"].startswith("movement.") for r in line["records"])
    )
    out = ok(
        kirok(
            "search", "China", "--sources", "--violation", "movement", "--json", "--db", samples_db
        )
    ).stdout
    assert sorted(json.loads(line)["source_id"] for line in out.splitlines()) == want
    assert want


def test_paging_and_sorting(samples_db: str) -> None:
    everything = search_ids(samples_db, "--sort", "id", "--ascending")
    assert everything == sorted(everything)
    first = search_ids(samples_db, "--sort", "id", "--ascending", "--limit", "5")
    second = search_ids(samples_db, "--sort", "id", "--ascending", "--limit", "5", "--offset", "5")
    assert first + second == everything[:10]
    table = ok(kirok("search", "--limit", "5", "--db", samples_db)).stdout
    assert f"1-5 of {len(everything)} records" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--violation", "life.murder"], "'life.murder' is neither a code nor a family"),
        (["--from", "2020-13"], "from"),
        (["--country", "XX"], "'XX' is not an ISO 3166-1 alpha-2 country code"),
        (["--state", "maybe"], "'maybe' is not one of: suggested, accepted, edited, rejected"),
        (["--sort", "colour"], "sort: 'colour' is not one of"),
    ],
)
def test_a_filter_that_cannot_match_is_refused_by_name(
    samples_db: str, args: list[str], message: str
) -> None:
    result = kirok("search", *args, "--db", samples_db)
    assert result.returncode == 2
    assert message in result.stderr


def test_show_gives_fields_evidence_in_context_source_and_history(samples_db: str) -> None:
    line = next(line for line in export_lines(samples_db) if line["records"])
    record = line["records"][0]
    out = ok(kirok("show", str(record["id"]), "--db", samples_db)).stdout
    assert f"Record {record['id']}" in out and record["violation"] in out
    assert line["sha256"] in out
    span = record["evidence"][0]
    assert " ".join(span["text"].split())[:60] in " ".join(out.split())
    before = line["text"][max(0, span["start"] - 40) : span["start"]]
    assert " ".join(before.split())[-20:] in " ".join(out.split())
    assert "suggested" in out and "History" in out
    shown = json.loads(ok(kirok("show", str(record["id"]), "--json", "--db", samples_db)).stdout)
    assert shown["evidence"] == record["evidence"]
    assert shown["source"]["sha256"] == line["sha256"]


def test_show_an_unknown_record(samples_db: str) -> None:
    result = kirok("show", "999999", "--db", samples_db)
    assert result.returncode == 2 and "no record 999999" in result.stderr


@pytest.mark.parametrize("sort", ["date", "id", "place"])
@pytest.mark.parametrize("violation", [None, "life"])
def test_walking_the_sort_index_finds_the_pages_sorting_does(
    samples_db: str, sort: str, violation: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many matches are found walking the sort's index, few are sorted: the
    same pages either way, in the order a person expects (unknown last)."""
    from kirok.store import search
    from kirok.store.database import Database

    records = [
        r
        for r in all_records(samples_db)
        if violation is None or r["violation"].startswith("life.")
    ]
    by_id = sorted(records, key=lambda r: r["id"], reverse=True)
    for descending in (True, False):
        pages: dict[str, list[list[int]]] = {}
        for way, few in (("walked", 0), ("sorted", 10**9)):
            monkeypatch.setattr(search, "SORT_FEW", few)
            database = Database(samples_db)
            with database.session() as session:
                found = [
                    search.search_records(
                        session,
                        database.dialect,
                        search.Filters(violation=violation),
                        limit=7,
                        offset=offset,
                        sort=sort,
                        descending=descending,
                    )
                    for offset in range(0, len(records) + 7, 7)
                ]
            database.close()
            assert all(page.total == len(records) for page in found)
            pages[way] = [[record.id for record in page.items] for page in found]
        assert pages["walked"] == pages["sorted"]
        if sort == "place":
            continue  # the engine's collation orders the names
        key = {
            "date": lambda r: r["date"] and PartialDate.parse_iso(r["date"]).first_day(),
            "id": lambda r: r["id"],
        }[sort]
        known = sorted((r for r in by_id if key(r)), key=key, reverse=descending)
        expected = [r["id"] for r in known + [r for r in by_id if not key(r)]]
        assert [i for page in pages["walked"] for i in page] == expected


def _words_of(record: dict[str, Any]) -> str:
    """What a record's text search sees, rebuilt from the export."""
    from kirok.extraction.lexicon import taxonomy

    victims = record["victims"]
    parts = [
        record["violation"],
        taxonomy()[record["violation"]].label,
        record["kind"],
        record["place"] or "",
        record["perpetrator"] or "",
        victims.get("count_text") or "",
        *(victims.get("names") or []),
    ]
    return " ".join(parts + [span["text"] for span in record["evidence"]]).lower()


@pytest.mark.parametrize(
    ("word", "violation"),
    [("korea", "movement"), ("forcibly", "movement.forced_return"), ("korea", "life")],
)
def test_text_with_a_violation_filter_counts_what_the_export_holds(
    samples_db: str, word: str, violation: str
) -> None:
    """On SQLite the trigram index checks a family itself and a code is checked
    on the records: either way the records, and the count, are the export's."""
    family = "." not in violation
    want = sorted(
        r["id"]
        for r in all_records(samples_db)
        if word in _words_of(r)
        and (r["violation"].startswith(violation + ".") if family else r["violation"] == violation)
    )
    assert len(want) > 1, "the sample corpus should hold such records"
    assert sorted(search_ids(samples_db, word, "--violation", violation)) == want
    table = ok(kirok("search", word, "--violation", violation, "--limit", "1", "--db", samples_db))
    assert f"1-1 of {len(want)} records" in table.stdout


FILTER_SETS = [
    {},
    {"violation": "life"},
    {"text": "korea", "violation": "movement"},
    {"text": "forcibly", "violation": "movement.forced_return"},
    {"text": "forcibly", "kind": "incident"},
    {"country": "KP", "date_from": "2019"},
]


@pytest.mark.parametrize("filters", FILTER_SETS, ids=[str(f) for f in FILTER_SETS])
def test_a_list_shows_the_records_a_search_finds(samples_db: str, filters: dict[str, str]) -> None:
    """The web app's lists read plain rows: the same records, order, counts and
    source titles as the full records."""
    from kirok.store import search
    from kirok.store.database import Database

    database = Database(samples_db)
    with database.session() as session:
        for sort, offset in (("date", 0), ("place", 3), ("victims", 0)):
            wanted = search.Filters(**filters)
            full = search.search_records(
                session, database.dialect, wanted, limit=5, offset=offset, sort=sort
            )
            rows = search.list_records(
                session, database.dialect, wanted, limit=5, offset=offset, sort=sort
            )
            assert rows.total == full.total
            assert [(r.id, r.violation, r.place, r.review_state) for r in rows.items] == [
                (r.id, r.violation, r.place, r.review_state) for r in full.items
            ]
            assert [r.source.title for r in rows.items] == [r.source.title for r in full.items]
    database.close()


@pytest.mark.parametrize(("word", "violation"), [("korea", None), ("korea", "movement")])
@pytest.mark.parametrize("sort", ["date", "id"])
@pytest.mark.parametrize("always", [False, True], ids=["when-dense", "always"])
def test_a_text_search_read_from_the_newest_records_finds_the_pages_the_index_does(
    samples_db: str,
    word: str,
    violation: str | None,
    sort: str,
    always: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SQLite looks for a text search's first pages among the newest records when
    the matches are many (here: windows of 2 to 19 records, a page of one; or
    for every page): the same pages, totals and order as gathering the matches
    from the trigram index, whether the page lies in the window or not; and the
    export's records."""
    from kirok.store import search
    from kirok.store.database import Database

    want = {
        r["id"]
        for r in all_records(samples_db)
        if word in _words_of(r)
        and (violation is None or r["violation"].startswith(violation + "."))
    }
    assert len(want) > 4, "the sample corpus should hold such records"
    walks: list[bool] = []
    newest_with_text = search._newest_with_text

    def counted_walk(*args: Any) -> list[int] | None:
        found = newest_with_text(*args)
        walks.append(found is not None)
        return found

    monkeypatch.setattr(search, "_newest_with_text", counted_walk)
    monkeypatch.setattr(search, "LOOK_UP_FEW", 0)
    if always:
        monkeypatch.setattr(search, "_dense_enough", lambda *_: True)
    database = Database(samples_db)
    pages: dict[int, list[list[int]]] = {}
    for window in (0, 2, 5, 8, 12, 19):  # 0: never read from the newest
        monkeypatch.setattr(search, "WALK_ROWS", window)
        with database.session() as session:
            found = [
                search.list_records(
                    session,
                    database.dialect,
                    search.Filters(text=word, violation=violation),
                    limit=1,
                    offset=offset,
                    sort=sort,
                )
                for offset in range(len(want) + 1)
            ]
        assert {page.total for page in found} == {len(want)}
        pages[window] = [[row.id for row in page.items] for page in found]
        assert pages[window] == pages[0], f"a window of {window} records"
    assert {i for page in pages[0] for i in page} == want
    if database.dialect == "sqlite" and (always or violation is None):
        # (five records of the family, among 29, are too few to be worth a walk)
        assert any(walks), "some pages should have been found among the newest records"
        if always:
            assert not all(walks), "some windows should have been too small for the page"
    database.close()


def test_a_document_search_leaves_the_sessions_planner_as_it_was(samples_db: str) -> None:
    """PostgreSQL: a search of the documents' words asks the word index first
    (a scan of the table reads every document's word vector); the session's
    other queries then plan as before."""
    from sqlalchemy import text

    from kirok.store import search
    from kirok.store.database import Database

    database = Database(samples_db)
    with database.session() as session:
        page = search.search_sources(session, database.dialect, search.Filters(text="border"))
        assert page.total > 0 and all("border" in (hit.snippet or "").lower() for hit in page.items)
        if database.dialect == "postgresql":
            assert session.execute(text("SHOW enable_seqscan")).scalar() == "on"
        records = search.search_records(session, database.dialect, search.Filters(text="border"))
        assert records.total > 0
    database.close()
