"""Ingest through the real `kirok` command, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import INCIDENT, MEASURE, export_lines, kirok, ok, without_times, write_txt
from kirok.cli import samples_folder

SAMPLE_FILES = sum(1 for p in samples_folder().iterdir() if p.is_file())


def test_ingesting_the_samples_twice_adds_nothing_and_changes_nothing(db_url: str) -> None:
    first = ok(kirok("ingest", "--samples", "--db", db_url))
    assert f"{SAMPLE_FILES} added" in first.stderr
    before = export_lines(db_url)
    assert len(before) == SAMPLE_FILES
    assert sum(len(line["records"]) for line in before) > 20

    second = ok(kirok("ingest", "--samples", "--db", db_url))
    assert "0 added" in second.stderr and f"{SAMPLE_FILES} unchanged" in second.stderr
    assert export_lines(db_url) == before  # not even a timestamp moved
    assert "0 problems" in ok(kirok("verify", "--db", db_url)).stdout


def test_every_record_points_into_its_source_and_starts_suggested(db_url: str) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    for line in export_lines(db_url):
        assert len(line["text"]) == line["text_chars"]
        for record in line["records"]:
            assert record["review_state"] == "suggested"
            # one revision: the extractor's suggestion, made when the record was
            assert record["history"] == [
                {
                    "at": record["created_at"],
                    "by": f"kirok {record['extractor_version']}",
                    "action": "suggested",
                    "changes": {},
                    "note": None,
                }
            ]
            for span in record["evidence"]:
                assert line["text"][span["start"] : span["end"]] == span["text"]


def test_one_bad_file_never_stops_the_batch(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_txt(folder / "a-good.txt", INCIDENT)
    (folder / "b-broken.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    (folder / "c-binary.txt").write_bytes(bytes(range(256)) * 4)
    write_txt(folder / "d-good.txt", MEASURE)
    shutil.copy(folder / "a-good.txt", folder / "e-same-bytes.txt")
    result = kirok("ingest", str(folder), str(tmp_path / "missing.txt"), "--db", db_url)
    assert result.returncode == 1
    assert "b-broken.pdf: corrupt or unreadable" in result.stderr
    assert "c-binary.txt: binary content" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr
    assert "2 added" in result.stderr and "1 unchanged" in result.stderr
    assert "3 failed" in result.stderr
    lines = export_lines(db_url)
    assert [line["source"].rsplit("/", 1)[-1] for line in lines] == ["a-good.txt", "d-good.txt"]


def test_a_file_changed_on_disk_is_a_new_source(db_url: str, tmp_path: Path) -> None:
    path = write_txt(tmp_path / "report.txt", INCIDENT)
    ok(kirok("ingest", str(path), "--db", db_url))
    write_txt(path, INCIDENT + " " + MEASURE)
    ok(kirok("ingest", str(path), "--db", db_url))
    lines = export_lines(db_url)
    assert len(lines) == 2 and lines[0]["sha256"] != lines[1]["sha256"]


def test_metadata_given_on_the_command_line_is_kept(db_url: str, tmp_path: Path) -> None:
    path = write_txt(tmp_path / "report.txt", INCIDENT)
    ok(
        kirok(
            "ingest",
            str(path),
            "--db",
            db_url,
            "--publisher",
            "Example Watch (invented)",
            "--url",
            "https://example.org/report",
            "--by",
            "Min-ji (invented)",
        )
    )
    [line] = export_lines(db_url)
    assert line["publisher"] == "Example Watch (invented)"
    assert line["url"] == "https://example.org/report"
    assert line["ingested_by"] == "Min-ji (invented)"
    assert line["published"] == "2021-04-02"


def test_reextraction_updates_suggestions_and_never_touches_reviewed_records(
    db_url: str,
) -> None:
    from sqlalchemy import create_engine, text

    from kirok.store.database import resolve_url

    ok(kirok("ingest", "--samples", "--db", db_url))
    records = [r for line in export_lines(db_url) for r in line["records"]]
    accepted, rejected, edited, tampered = (r["id"] for r in records[:4])
    ok(kirok("review", str(accepted), "--accept", "--db", db_url))
    ok(kirok("review", str(rejected), "--reject", "--db", db_url))
    ok(kirok("review", str(edited), "--set", "place=Hoeryong", "--db", db_url))
    # as if an older extractor had read this one differently
    engine = create_engine(resolve_url(db_url))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE records SET place = 'Nowhere', version = 1 WHERE id = :id"),
            {"id": tampered},
        )
    engine.dispose()
    reviewed_before = {
        r["id"]: r
        for line in export_lines(db_url)
        for r in line["records"]
        if r["id"] in (accepted, rejected, edited)
    }

    result = ok(kirok("ingest", "--samples", "--reextract", "--db", db_url))
    assert f"{SAMPLE_FILES} re-extracted" in result.stderr
    assert "1 updated" in result.stderr and "0 suggested" in result.stderr
    after = {r["id"]: r for line in export_lines(db_url) for r in line["records"]}
    assert len(after) == len(records)  # no reviewed record came back as a new suggestion
    for record_id, record in reviewed_before.items():
        assert after[record_id] == record
    restored = after[tampered]
    assert restored["place"] != "Nowhere" and restored["version"] == 2
    assert restored["history"][-1]["action"] == "re-extracted"
    assert restored["history"][-1]["changes"]["place"][0] == "Nowhere"
    # the search indexes followed every change, addition and withdrawal
    assert "0 problems" in ok(kirok("verify", "--db", db_url)).stdout
    found = ok(kirok("search", "hoeryong", "--state", "edited", "--json", "--db", db_url))
    assert [json.loads(line)["id"] for line in found.stdout.splitlines()] == [edited]


def test_ingest_json_export_has_no_times_that_differ_between_databases(tmp_path: Path) -> None:
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    ok(kirok("ingest", "--samples", "--db", one))
    ok(kirok("ingest", "--samples", "--db", two, "--jobs", "2"))
    assert without_times(export_lines(one)) == without_times(export_lines(two))


def test_verify_finds_an_altered_original(db_url: str) -> None:
    from sqlalchemy import create_engine, text

    from kirok.store.database import resolve_url

    ok(kirok("ingest", "--samples", "--db", db_url))
    sha256 = export_lines(db_url)[0]["sha256"]
    engine = create_engine(resolve_url(db_url))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE originals SET content = :bytes WHERE sha256 = :sha"),
            {"bytes": b"quietly replaced", "sha": sha256},
        )
    engine.dispose()
    result = kirok("verify", "--db", db_url)
    assert result.returncode == 1
    assert f"original {sha256}: its bytes hash to" in result.stderr
    assert "it has been altered" in result.stderr


def test_verify_finds_a_search_index_that_lost_a_record(tmp_path: Path) -> None:
    """SQLite's full-text indexes are checked against their tables (PostgreSQL's
    indexes are the database's own business)."""
    import sqlite3

    db = tmp_path / "kirok.db"
    ok(kirok("ingest", "--samples", "--db", str(db)))
    assert "0 problems" in ok(kirok("verify", "--db", str(db))).stdout
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO records_fts(records_fts, rowid, search_text) "
            "SELECT 'delete', id, search_text FROM records WHERE id = 1"
        )
    result = kirok("verify", "--db", str(db))
    assert result.returncode == 1
    assert "the search index records_fts does not match the records it indexes" in result.stderr


def test_new_and_reextracted_documents_written_together_keep_every_record(
    db_url: str, tmp_path: Path
) -> None:
    """New documents' rows are held and written at the commit, with IDs taken then;
    re-extraction writes through the ORM in the same transaction. Neither may take
    the other's IDs, and the indexes and counts must hold both."""
    from sqlalchemy import create_engine, text

    from kirok.store.database import resolve_url

    folder = tmp_path / "sources"
    shutil.copytree(samples_folder(), folder)
    ok(kirok("ingest", str(folder), "--db", db_url))
    before = [r for line in export_lines(db_url) for r in line["records"]]
    # as if an older extractor had called the first record something else: the
    # re-extraction adds it anew (through the ORM) and withdraws the old one
    engine = create_engine(resolve_url(db_url))
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE records SET violation = CASE WHEN violation = 'life.killing' "
                "THEN 'life.execution' ELSE 'life.killing' END WHERE id = :id"
            ),
            {"id": before[0]["id"]},
        )
    engine.dispose()
    write_txt(folder / "0-first-new.txt", INCIDENT)
    write_txt(folder / "zz-last-new.txt", MEASURE)

    result = ok(kirok("ingest", str(folder), "--reextract", "--db", db_url))
    assert f"2 added, {SAMPLE_FILES} re-extracted" in result.stderr
    assert "3 suggested, 0 updated, 1 withdrawn" in result.stderr
    after = [r for line in export_lines(db_url) for r in line["records"]]
    ids = [r["id"] for r in after]
    assert len(ids) == len(set(ids)) == len(before) + 2
    assert before[0]["id"] not in ids
    assert "0 problems" in ok(kirok("verify", "--db", db_url)).stdout
    for sentence, violation in ((INCIDENT, "life.killing"), (MEASURE, "movement.restriction")):
        words = sentence.split()[-3:]  # "near Hyesan.", "without a pass."
        found = ok(kirok("search", " ".join(words), "--json", "--db", db_url)).stdout
        records = [json.loads(line) for line in found.splitlines()]
        assert [r["violation"] for r in records if r["evidence"][0]["text"] in sentence] == [
            violation
        ]
    readded = ok(kirok("search", "--violation", before[0]["violation"], "--json", "--db", db_url))
    evidence = {json.loads(line)["evidence"][0]["text"] for line in readded.stdout.splitlines()}
    assert before[0]["evidence"][0]["text"] in evidence


def test_a_parallel_ingest_ends_with_a_small_transaction(tmp_path: Path) -> None:
    """Once every file is with the extracting processes, documents are committed
    as soon as as many are held as are still being extracted: the last
    transaction, which no extraction overlaps, holds only a few documents, and
    the progress bar is not held back until the end."""
    from collections import Counter

    from sqlalchemy import event

    from kirok.store.database import Database
    from kirok.store.ingest import DRAIN_COMMIT_AT_LEAST, ingest_items

    database = Database(f"sqlite:///{tmp_path / 'kirok.db'}")
    database.upgrade()
    commits: list[object] = []
    event.listen(database.engine, "commit", lambda connection: commits.append(connection))
    told: list[int] = []  # for each document reported stored: the commits made by then
    items = [
        (
            f"report-{n}.txt",
            f"Field report {n}\n\nDate: April 2, 2021\n\n{INCIDENT}\n".encode(),
            None,
        )
        for n in range(300)
    ]
    report = ingest_items(
        database, items, by="tester", jobs=2, listener=lambda *_: told.append(len(commits))
    )
    database.close()
    assert report.added == 300 and report.records_added == 300
    groups = Counter(told)  # documents told after each commit
    last = groups[max(groups)]
    assert len(groups) > 3
    assert last < DRAIN_COMMIT_AT_LEAST, sorted(groups.items())


def test_an_ingest_sets_earlier_objects_aside_from_the_collector_and_puts_them_back(
    tmp_path: Path,
) -> None:
    """While an ingest runs, the objects the process held before it are out of the
    garbage collector's passes (each full pass walked them all: about 0.8 s of
    CPU in a 10,000-document ingest); afterwards, and after an ingest that stops
    with an error, they are back, so a long-running server still collects them."""
    import gc

    import pytest

    from kirok.store.database import Database
    from kirok.store.ingest import ingest_items

    database = Database(f"sqlite:///{tmp_path / 'kirok.db'}")
    before = gc.get_freeze_count()
    during: list[int] = []
    items = [(f"report-{n}.txt", f"{INCIDENT}\n{n}\n".encode(), None) for n in range(3)]
    report = ingest_items(
        database, items, by="tester", listener=lambda *_: during.append(gc.get_freeze_count())
    )
    assert report.added == 3
    assert len(during) == 3 and min(during) > before
    assert gc.get_freeze_count() == before

    def stop(*_: object) -> None:
        raise RuntimeError("stopped by the listener")

    more = [(f"other-{n}.txt", f"{INCIDENT}\nother {n}\n".encode(), None) for n in range(3)]
    with pytest.raises(RuntimeError, match="stopped by the listener"):
        ingest_items(database, more, by="tester", listener=stop)
    database.close()
    assert gc.get_freeze_count() == before


def test_a_document_told_stored_is_committed_and_postgresql_commits_on_a_writer_thread(
    db_url: str,
) -> None:
    """The listener (the progress bar) hears of a document only once another
    connection can see it, and always on the ingest's own thread. PostgreSQL's
    commits run on a writer thread while the next documents are extracted."""
    import threading

    from sqlalchemy import event, text

    from kirok.store.database import Database
    from kirok.store.ingest import ingest_items

    database = Database(db_url)
    database.upgrade()
    committed_on: set[str] = set()
    event.listen(
        database.engine, "commit", lambda _: committed_on.add(threading.current_thread().name)
    )
    watcher = Database(db_url)
    told: list[tuple[str, int, bool]] = []

    def listen(path: str, status: str, detail: str | None) -> None:
        with watcher.engine.connect() as connection:
            visible = connection.execute(text("SELECT count(*) FROM sources")).scalar()
        told.append((status, int(visible or 0), threading.current_thread() is caller))

    caller = threading.current_thread()
    items = [
        (f"report-{n}.txt", f"Field report {n}\n\n{INCIDENT}\n".encode(), None) for n in range(60)
    ]
    report = ingest_items(database, items, by="tester", listener=listen)
    database.close()
    watcher.close()
    assert report.added == 60
    assert all(status == "added" for status, _, _ in told)
    assert all(visible >= number for number, (_, visible, _) in enumerate(told, start=1))
    assert all(on_caller for _, _, on_caller in told)
    writer = "kirok-ingest-writer" if "postgresql" in db_url else caller.name
    assert committed_on == {writer}
