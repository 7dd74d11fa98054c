"""Ingest: files in, originals kept, sources and suggested records written.

Each document is written in one transaction (its original, its source row, its
records and their revisions), so a crash or kill leaves every document either
fully stored or not at all, and a re-run picks up the rest. The same bytes are
one source however often they arrive. A newer extractor updates suggestions
but never a record a person accepted, edited or rejected.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Insert, bindparam, literal, null, select, text
from sqlalchemy.orm import Session

from kirok import __version__
from kirok.batch import Outcome, earlier_objects_set_aside, extract_bytes
from kirok.extraction.lexicon import data_fingerprint
from kirok.sources.document import Document
from kirok.sources.paths import collect_paths
from kirok.store.bulk import insert_ordered, insert_rows, statement
from kirok.store.counts import count_new
from kirok.store.database import Database, begin_write
from kirok.store.fulltext import index_new_records, index_new_sources
from kirok.store.records import (
    NEW_RECORD_COLUMNS,
    date_bounds,
    flat,
    get_field,
    new_record_row,
    now,
    search_text,
    set_field,
)
from kirok.store.schema import Base, Record, Revision, Source

# Core tables, and the columns of the bulk inserts of new documents: the ORM's
# per-object work cost more than the extraction itself.
TABLES = Base.metadata.tables
ORIGINAL_COLUMNS = ("sha256", "size", "content")
SOURCE_COLUMNS = (
    "id",
    "sha256",
    "filename",
    "format",
    "title",
    "publisher",
    "url",
    "published",
    "text",
    "ingested_at",
    "ingested_by",
    "extractor_version",
)
ID, VIOLATION, KIND, REVIEW_STATE, SEARCH_TEXT = (
    NEW_RECORD_COLUMNS.index(name)
    for name in ("id", "violation", "kind", "review_state", "search_text")
)
EVIDENCE_COLUMNS = ("record_id", "position", "start", "end", "text")
NAME_COLUMNS = ("record_id", "position", "name")
REVISION_COLUMNS = ("record_id", "at", "by", "action", "changes", "note")


# Documents are committed together at most this often (seconds): each commit is
# whole documents, so a kill loses at most this much work and never half a document.
COMMIT_EVERY = 0.5
# Once every file has been handed out, documents are also committed as soon as as
# many are held as files are still being extracted (and at least this many): the
# last transaction, which the extracting processes no longer overlap, stays small
# (10,000 documents ended with about 400 in it, a second with nothing else to do).
DRAIN_COMMIT_AT_LEAST = 8
# Files handed to each extracting process ahead of the one being written: enough
# to keep the processes busy while a commit writes the documents held for it,
# which takes about half a second once the database holds 100,000 records (with
# 64, the processes ran out of work during each commit: 10,000 documents took
# 5% longer). The bytes in hand are capped apart (``kirok.batch.WINDOW_BYTES``).
WINDOW_PER_JOB = 512
# Files are hashed and looked up in the database this many (or bytes) at a time.
LOOKUP_FILES = 200
LOOKUP_BYTES = 32_000_000
# Documents written after which the planner's statistics are renewed, then ten
# times as many, and so on: plans made for a small table (PostgreSQL's key checks
# scanning it) stop fitting as it grows.
REFRESH_STATISTICS = 200


def reserve_ids(connection: Connection, table: str, count: int) -> list[int]:
    """``count`` new IDs for ``table``, so rows go in as one executemany: SQLite
    cannot return generated IDs of many rows in order, and row-at-a-time inserts
    cost more than the extraction. SQLite: the caller's transaction holds the
    write lock (:func:`begin_write`), so no one else can take these numbers."""
    if not count:
        return []
    if connection.dialect.name == "postgresql":
        found = connection.execute(
            text(
                f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                "FROM generate_series(1, :count)"
            ),
            {"count": count},
        )
        return [int(value) for value in found.scalars()]
    highest = connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar()
    return list(range(int(highest or 0) + 1, int(highest or 0) + 1 + count))


def refresh_statistics(database: Database, session: Session, last: bool) -> None:
    """Let the query planner know the tables' new sizes (autovacuum would, later):
    searches right after stay fast. At the ``last`` refresh of an ingest,
    PostgreSQL also vacuums, which lets counts read the covering index alone."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(text("PRAGMA optimize"))
        session.commit()
        return
    tables = "sources, records, evidence, victim_names"
    if not last:
        connection.execute(text(f"ANALYZE {tables}"))
        session.commit()
        return
    session.commit()
    with database.engine.connect() as outside:  # VACUUM runs outside any transaction
        outside.execution_options(isolation_level="AUTOCOMMIT").execute(
            text(f"VACUUM (ANALYZE) {tables}")
        )


def extractor_version() -> str:
    return f"{__version__}+{data_fingerprint()}"


@dataclass
class IngestReport:
    """What an ingest did, file by file counted."""

    added: int = 0
    reextracted: int = 0
    unchanged: int = 0
    failed: int = 0
    records_added: int = 0
    records_updated: int = 0
    records_withdrawn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def files(self) -> int:
        return self.added + self.reextracted + self.unchanged + self.failed


# Called once per file: (path, what happened: "added", "re-extracted", "unchanged"
# or "failed", and the error message or None).
Listener = Callable[[str, str, str | None], None]


@dataclass
class Metadata:
    """What a person says about the files they ingest, where the files do not say it."""

    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None


def _overlaps(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> bool:
    return any(x["start"] < y["end"] and y["start"] < x["end"] for x in a for y in b)


@dataclass
class _NewDocument:
    """A new document's rows, held until its transaction commits."""

    original: dict[str, Any]
    source: dict[str, Any]  # the ``sources`` row but its ID
    records: list[dict[str, Any]]  # as extracted (the contract's dicts)


class _Writer:
    def __init__(self, database: Database, by: str, metadata: Metadata, report: IngestReport):
        self.database = database
        self.by = by
        self.metadata = metadata
        self.report = report
        self.version = extractor_version()
        self.machine = f"kirok {self.version}"
        self.writing = False  # the open transaction took the write lock
        # New documents are written just before their transaction commits, one
        # statement per table for all of them, and indexed and counted then:
        # statement by statement, document by document, the database's own work
        # between the statements cost more (SQLite), and every statement was a
        # round trip (PostgreSQL).
        self.held: list[_NewDocument] = []
        self.first_revisions = self._first_revisions()

    def flush(self, session: Session) -> None:
        """Write, index and count the new documents held since the last commit
        (call it before committing)."""
        held, self.held = self.held, []
        if not held:
            return
        connection = session.connection()
        dialect = connection.dialect
        source_ids = reserve_ids(connection, "sources", len(held))
        record_ids = iter(reserve_ids(connection, "records", sum(len(d.records) for d in held)))
        sources: list[dict[str, Any]] = []
        records: list[list[Any]] = []  # in the order of NEW_RECORD_COLUMNS
        spans: list[tuple[int, int, int, int, str]] = []
        names: list[tuple[int, int, str]] = []
        for source_id, document in zip(source_ids, held, strict=True):
            document.source["id"] = source_id
            sources.append(document.source)
            when = document.source["ingested_at"]
            for extracted in document.records:
                record_id = next(record_ids)
                records.append(new_record_row(extracted, record_id, source_id, self.version, when))
                for position, span in enumerate(extracted["evidence"]):
                    spans.append((record_id, position, span["start"], span["end"], span["text"]))
                for position, name in enumerate(extracted["victims"]["names"]):
                    names.append((record_id, position, name))
        statement(dialect, "originals", ORIGINAL_COLUMNS, skip_existing=True).run(
            connection,
            (document.original for document in held),  # the same bytes kept once
        )
        insert_rows(connection, "sources", SOURCE_COLUMNS, sources)
        insert_ordered(connection, "records", NEW_RECORD_COLUMNS, records)
        insert_ordered(connection, "evidence", EVIDENCE_COLUMNS, spans)
        insert_ordered(connection, "victim_names", NAME_COLUMNS, names)
        if records:
            connection.execute(self.first_revisions, {"sources": source_ids})
        index_new_sources(connection, ((s["id"], s["title"], s["text"]) for s in sources))
        index_new_records(connection, ((r[ID], r[SEARCH_TEXT]) for r in records))
        count_new(connection, Counter((r[VIOLATION], r[KIND], r[REVIEW_STATE]) for r in records))

    def _first_revisions(self) -> Insert:
        """Each new record's first revision ("suggested", by this extractor, when
        the record was made), written by the database from the records of the
        given new ``sources``: a row built and bound per record cost about 0.4 s
        of CPU in a 10,000-document ingest."""
        records, revisions = TABLES["records"], TABLES["revisions"]
        return revisions.insert().from_select(
            list(REVISION_COLUMNS),
            select(
                records.c.id,
                records.c.created_at,
                literal(self.machine, revisions.c.by.type),
                literal("suggested", revisions.c.action.type),
                literal({}, revisions.c.changes.type),
                null(),
            )
            .where(records.c.source_id.in_(bindparam("sources", expanding=True)))
            .order_by(records.c.id),
        )

    def states_of(self, session: Session, hashes: list[str]) -> dict[str, str]:
        """The extractor version each stored source was read with ("" if unknown);
        hashes not stored are left out."""
        sources = TABLES["sources"]
        found = session.connection().execute(
            select(sources.c.sha256, sources.c.extractor_version).where(
                sources.c.sha256.in_(hashes)
            )
        )
        return {sha256: version or "" for sha256, version in found}

    def write(self, session: Session, name: str, data: bytes, outcome: Outcome, new: bool) -> str:
        """Write one document into the open transaction (the caller flushes and commits)."""
        assert outcome.document is not None and outcome.result is not None
        if not self.writing:  # the first document since the last commit
            begin_write(session, bulk=True)
            self.writing = True
        document = outcome.document
        if new:
            self._hold(name, data, document, outcome.result["records"])
            self.report.added += 1
            return "added"
        source = session.scalars(select(Source).where(Source.sha256 == document.sha256)).one()
        self._reconcile(session, source, outcome.result["records"])
        source.extractor_version = self.version
        session.flush()
        self.report.reextracted += 1
        return "re-extracted"

    def _hold(
        self, name: str, data: bytes, document: Document, records: list[dict[str, Any]]
    ) -> None:
        source = dict(
            sha256=document.sha256,
            filename=name,
            format=document.format,
            title=self.metadata.title or document.title,
            publisher=self.metadata.publisher or document.publisher,
            url=self.metadata.url or document.url,
            published=document.published,
            text=document.text,
            ingested_at=now(),  # and its records' creation
            ingested_by=self.by,
            extractor_version=self.version,
        )
        original = {"sha256": document.sha256, "size": len(data), "content": data}
        self.held.append(_NewDocument(original, source, records))
        self.report.records_added += len(records)

    def _record(self, source: Source, extracted: dict[str, Any]) -> Record:
        when = now()
        row = Record(
            source=source,
            confidence=extracted["confidence"],
            review_state="suggested",
            origin="extractor",
            extractor_version=self.version,
            created_at=when,
            updated_at=when,
            version=1,
        )
        for name, value in flat(extracted).items():
            set_field(row, name, value)
        row.date_start, row.date_stop = date_bounds(row.date, row.date_end)
        row.search_text = search_text(row)
        row.revisions = [Revision(at=when, by=self.machine, action="suggested", changes={})]
        return row

    def _reconcile(self, session: Session, source: Source, records: list[dict[str, Any]]) -> None:
        reviewed = [r for r in source.records if r.review_state != "suggested"]
        suggested = [r for r in source.records if r.review_state == "suggested"]
        kept: set[int] = set()
        for extracted in records:
            family = extracted["violation"].split(".")[0]
            spans = extracted["evidence"]
            if any(
                r.violation.split(".")[0] == family and _overlaps(spans, get_field(r, "evidence"))
                for r in reviewed
            ):
                continue  # a person has decided on this one
            match = next(
                (
                    r
                    for r in suggested
                    if r.id not in kept
                    and r.violation == extracted["violation"]
                    and _overlaps(spans, get_field(r, "evidence"))
                ),
                None,
            )
            if match is None:
                session.add(self._record(source, extracted))
                self.report.records_added += 1
                continue
            kept.add(match.id)
            changes = {
                name: [get_field(match, name), value]
                for name, value in flat(extracted).items()
                if get_field(match, name) != value
            }
            if match.confidence != extracted["confidence"]:
                changes["confidence"] = [match.confidence, extracted["confidence"]]
                match.confidence = extracted["confidence"]
            if changes:
                for name, (_, value) in changes.items():
                    if name != "confidence":
                        set_field(match, name, value)
                match.search_text = search_text(match)
                match.extractor_version = self.version
                match.updated_at = now()
                match.version += 1
                match.revisions.append(
                    Revision(
                        at=match.updated_at, by=self.machine, action="re-extracted", changes=changes
                    )
                )
                self.report.records_updated += 1
        for stale in suggested:
            if stale.id not in kept:
                session.delete(stale)
                self.report.records_withdrawn += 1


def ingest_paths(
    database: Database,
    paths: Iterable[str],
    *,
    by: str,
    metadata: Metadata | None = None,
    jobs: int = 1,
    reextract: bool = False,
    listener: Listener | None = None,
    total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths`` into ``database`` (upgrading its schema first)."""
    files = list(collect_paths(paths))
    if total:
        total(len(files))
    items = ((path, None, problem) for path, problem in files)
    return ingest_items(
        database,
        items,
        by=by,
        metadata=metadata,
        jobs=jobs,
        reextract=reextract,
        listener=listener,
    )


def ingest_items(
    database: Database,
    items: Iterable[tuple[str, bytes | None, str | None]],
    *,
    by: str,
    metadata: Metadata | None = None,
    jobs: int = 1,
    reextract: bool = False,
    listener: Listener | None = None,
) -> IngestReport:
    """Ingest ``(name, bytes, problem)`` items: bytes already in hand (an upload), or
    None to read the file ``name``; a problem makes the item fail with it."""
    database.upgrade()
    metadata = metadata or Metadata()
    report = IngestReport()
    writer = _Writer(database, by, metadata, report)
    tell = listener or (lambda path, status, detail: None)
    in_flight: deque[tuple[str, bytes, bool]] = deque()
    handed_out = False  # every file is with the extracting processes or done
    seen: set[str] = set()

    def fail(path: str, message: str) -> None:
        report.failed += 1
        report.errors.append(message)
        tell(path, "failed", message)

    with earlier_objects_set_aside(), database.session() as session:

        def read(path: str, given: bytes | None, problem: str | None) -> bytes | None:
            if problem:
                fail(path, f"{path}: {problem}")
                return None
            if given is not None:
                return given
            try:
                with open(path, "rb") as handle:
                    return handle.read()
            except OSError as error:
                fail(path, f"{path}: {error.strerror or error}")
                return None

        def chunks() -> Iterator[list[tuple[str, bytes, str]]]:
            """Files read and hashed a group at a time, to ask the database once a group."""
            chunk: list[tuple[str, bytes, str]] = []
            size = 0
            for path, given, problem in items:
                data = read(path, given, problem)
                if data is None:
                    continue
                chunk.append((path, data, hashlib.sha256(data).hexdigest()))
                size += len(data)
                if len(chunk) >= LOOKUP_FILES or size >= LOOKUP_BYTES:
                    yield chunk
                    chunk, size = [], 0
            if chunk:
                yield chunk

        def to_extract() -> Iterator[tuple[str, bytes]]:
            nonlocal handed_out
            for chunk in chunks():
                stored = writer.states_of(session, [sha256 for _, _, sha256 in chunk])
                for path, data, sha256 in chunk:
                    version = stored.get(sha256)
                    if sha256 in seen or (version == writer.version and not reextract):
                        report.unchanged += 1
                        tell(path, "unchanged", None)
                        continue
                    seen.add(sha256)
                    in_flight.append((path, data, version is None))
                    yield path, data
            handed_out = True

        written: list[tuple[str, str]] = []  # in the open transaction, not yet committed
        last_commit = time.monotonic()

        refresh_at = REFRESH_STATISTICS

        def commit(last: bool = False) -> None:
            nonlocal last_commit, refresh_at
            writer.flush(session)
            session.commit()
            done = report.added + report.reextracted
            if done >= refresh_at or (last and done >= REFRESH_STATISTICS):
                refresh_statistics(database, session, last)
                refresh_at *= 10
            writer.writing = False
            last_commit = time.monotonic()
            for path, status in written:
                tell(path, status, None)
            written.clear()

        try:
            for outcome in extract_bytes(to_extract(), metadata.published, jobs, WINDOW_PER_JOB):
                path, data, new = in_flight.popleft()
                if outcome.error is not None:
                    fail(path, outcome.error)
                    continue
                written.append((path, writer.write(session, path, data, outcome, new)))
                if time.monotonic() - last_commit >= COMMIT_EVERY or (
                    handed_out and len(written) >= max(DRAIN_COMMIT_AT_LEAST, len(in_flight))
                ):
                    commit()
            commit(last=True)
        except BaseException:
            session.rollback()
            raise
    return report
