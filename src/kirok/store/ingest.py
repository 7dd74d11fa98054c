"""Ingest: files in, originals kept, sources and suggested records written.

Each document is written in one transaction (its original, its source row, its
records and their revisions), so a crash or kill leaves every document either
fully stored or not at all, and a re-run picks up the rest. The same bytes are
one source however often they arrive. A newer extractor updates suggestions
but never a record a person accepted, edited or rejected.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
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
from kirok.sources.paths import collect_paths
from kirok.store.background import BackgroundWriter, InlineWriter
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


# Documents extracted are handed to the background writer at most this often
# (seconds), or, while it is still writing the last ones, once it is done: each
# commit is whole documents, so a kill loses at most a commit's work and never half
# a document.
COMMIT_EVERY = 0.5
# Documents held for the writer past which the extraction waits for it (memory
# stays bounded however slow the database is).
HELD_AT_MOST = 2000
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
# With one job and at least this many files, on a machine of two cores or more,
# the files are extracted in a process of their own while this one writes what
# was extracted (SQLite's writing, done in this process, then overlaps the
# extraction: 3,000 documents took 13.5 s against 14.8 s, and `kirok extract`
# 13.4 s). Fewer files would not repay starting the process.
APART_FROM_FILES = 50
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
    """How documents become rows: new documents' rows built (:meth:`hold`) and
    written together (:meth:`flush`); stored documents extracted again
    reconciled (:meth:`reextract`)."""

    def __init__(self, by: str, metadata: Metadata):
        self.by = by
        self.metadata = metadata
        self.version = extractor_version()
        self.machine = f"kirok {self.version}"
        self.first_revisions = self._first_revisions()

    def flush(self, session: Session, held: list[_NewDocument]) -> None:
        """Write, index and count the new documents ``held`` (call it before committing)."""
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

    def hold(self, name: str, data: bytes, outcome: Outcome) -> _NewDocument:
        """A new document's rows, to be written by :meth:`flush` (any thread)."""
        assert outcome.document is not None and outcome.result is not None
        document = outcome.document
        records = outcome.result["records"]
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
        return _NewDocument(original, source, records)

    def reextract(self, session: Session, outcome: Outcome, report: IngestReport) -> None:
        """Reconcile a stored document's records with a new extraction, in the
        session's open transaction; counted in ``report``."""
        assert outcome.document is not None and outcome.result is not None
        source = session.scalars(
            select(Source).where(Source.sha256 == outcome.document.sha256)
        ).one()
        self._reconcile(session, source, outcome.result["records"], report)
        source.extractor_version = self.version
        session.flush()
        report.reextracted += 1

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

    def _reconcile(
        self,
        session: Session,
        source: Source,
        records: list[dict[str, Any]],
        report: IngestReport,
    ) -> None:
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
                report.records_added += 1
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
                report.records_updated += 1
        for stale in suggested:
            if stale.id not in kept:
                session.delete(stale)
                report.records_withdrawn += 1


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
        apart=jobs == 1 and len(files) >= APART_FROM_FILES and (os.cpu_count() or 1) > 1,
    )


@dataclass
class _Batch:
    """Documents committed together: whole documents, so a kill loses at most a
    batch and never half a document."""

    new: list[_NewDocument] = field(default_factory=list)
    again: list[Outcome] = field(default_factory=list)  # stored documents, extracted again
    told: list[tuple[str, str]] = field(default_factory=list)  # (path, status) once committed
    last: bool = False  # the ingest's last: its statistics are renewed in full


class _Committer:
    """Writes each batch in a transaction of its own (on the background writer's
    thread, for PostgreSQL)."""

    def __init__(self, database: Database, writer: _Writer) -> None:
        self.database = database
        self.writer = writer
        self.report = IngestReport()  # what re-extraction did, counted on that thread
        self.committed = 0
        self.refresh_at = REFRESH_STATISTICS

    def write(self, batch: _Batch) -> None:
        """Write and commit ``batch``; a database that stops answering raises
        :class:`~kirok.errors.DatabaseUnavailable` (the session's translation)."""
        with self.database.session() as session:
            begin_write(session, bulk=True)
            for outcome in batch.again:
                self.writer.reextract(session, outcome, self.report)
            self.writer.flush(session, batch.new)
            session.commit()
            self.committed += len(batch.told)
            if self.committed >= self.refresh_at or (
                batch.last and self.committed >= REFRESH_STATISTICS
            ):
                refresh_statistics(self.database, session, batch.last)
                self.refresh_at *= 10


def ingest_items(
    database: Database,
    items: Iterable[tuple[str, bytes | None, str | None]],
    *,
    by: str,
    metadata: Metadata | None = None,
    jobs: int = 1,
    reextract: bool = False,
    listener: Listener | None = None,
    apart: bool = False,
) -> IngestReport:
    """Ingest ``(name, bytes, problem)`` items: bytes already in hand (an upload), or
    None to read the file ``name``; a problem makes the item fail with it.
    ``apart``: with one job, extract in a process of its own, while this one writes.

    PostgreSQL: extraction runs here (or in ``jobs`` processes) while a
    background thread commits the documents extracted before
    (:mod:`kirok.store.background`). SQLite: each batch is written in turn."""
    database.upgrade()
    metadata = metadata or Metadata()
    report = IngestReport()
    writer = _Writer(by, metadata)
    tell = listener or (lambda path, status, detail: None)
    in_flight: deque[tuple[str, bytes, bool]] = deque()
    handed_out = False  # every file is with the extracting processes or done
    seen: set[str] = set()

    def fail(path: str, message: str) -> None:
        report.failed += 1
        report.errors.append(message)
        tell(path, "failed", message)

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
            stored = states_of(database, [sha256 for _, _, sha256 in chunk])
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

    def told(batches: list[_Batch]) -> None:
        for batch in batches:
            for path, status in batch.told:
                tell(path, status, None)

    with earlier_objects_set_aside():
        committer = _Committer(database, writer)
        background: BackgroundWriter[_Batch] | InlineWriter[_Batch]
        if database.dialect == "postgresql":  # the server does the work: overlap it
            background = BackgroundWriter(committer.write, name="kirok-ingest-writer")
        else:
            background = InlineWriter(committer.write)
        batch = _Batch()
        last_handed = time.monotonic()
        extracted = extract_bytes(
            to_extract(), metadata.published, jobs, WINDOW_PER_JOB, apart=apart
        )
        try:
            # closed as the loop ends, whatever way: on an error the extracting
            # processes stop then, before the writer is waited for
            with contextlib.closing(extracted):
                for outcome in extracted:
                    path, data, new = in_flight.popleft()
                    if outcome.error is not None:
                        fail(path, outcome.error)
                        continue
                    if new:
                        batch.new.append(writer.hold(path, data, outcome))
                        report.added += 1
                        report.records_added += len(batch.new[-1].records)
                        batch.told.append((path, "added"))
                    else:
                        batch.again.append(outcome)
                        batch.told.append((path, "re-extracted"))
                    told(background.finished())
                    draining = handed_out and len(batch.told) >= max(
                        DRAIN_COMMIT_AT_LEAST, len(in_flight)
                    )
                    if draining or time.monotonic() - last_handed >= COMMIT_EVERY:
                        # past the bound, or with the extraction nearly done, wait for
                        # the writer: the last commit, which nothing overlaps, stays small
                        wait = draining or len(batch.told) >= HELD_AT_MOST
                        if background.hand(batch, wait=wait):
                            batch, last_handed = _Batch(), time.monotonic()
            batch.last = True
            background.hand(batch, wait=True)
            told(background.close())
        except BaseException:
            with contextlib.suppress(BaseException):  # the first error is the one to tell
                background.close()
            raise
    report.reextracted += committer.report.reextracted
    report.records_added += committer.report.records_added
    report.records_updated += committer.report.records_updated
    report.records_withdrawn += committer.report.records_withdrawn
    return report


def states_of(database: Database, hashes: list[str]) -> dict[str, str]:
    """The extractor version each stored source was read with ("" if unknown);
    hashes not stored are left out."""
    sources = TABLES["sources"]
    with database.engine.connect() as connection:
        found = connection.execute(
            select(sources.c.sha256, sources.c.extractor_version).where(
                sources.c.sha256.in_(hashes)
            )
        )
        return {sha256: version or "" for sha256, version in found}
