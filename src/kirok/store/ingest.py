"""Ingest: files in, originals kept, sources and suggested records written.

Each document is written in one transaction (its original, its source row, its
records and their revisions), so a crash or kill leaves every document either
fully stored or not at all, and a re-run picks up the rest. The same bytes are
one source however often they arrive. A newer extractor updates suggestions
but never a record a person accepted, edited or rejected.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kirok import __version__
from kirok.batch import Outcome, extract_bytes
from kirok.extraction.lexicon import data_fingerprint
from kirok.sources.document import Document
from kirok.sources.paths import collect_paths
from kirok.store.database import Database
from kirok.store.records import date_bounds, flat, get_field, now, search_text, set_field
from kirok.store.schema import Original, Record, Revision, Source


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


class _Writer:
    def __init__(self, database: Database, by: str, metadata: Metadata, report: IngestReport):
        self.database = database
        self.by = by
        self.metadata = metadata
        self.report = report
        self.version = extractor_version()
        self.machine = f"kirok {self.version}"

    def state_of(self, session: Session, sha256: str) -> str | None:
        """The extractor version a stored source was read with ("" if none); None if new."""
        found = session.execute(
            select(Source.extractor_version).where(Source.sha256 == sha256)
        ).first()
        return None if found is None else (found[0] or "")

    def write(self, session: Session, name: str, data: bytes, outcome: Outcome) -> str:
        assert outcome.document is not None and outcome.result is not None
        document = outcome.document
        source = session.scalars(select(Source).where(Source.sha256 == document.sha256)).first()
        if source is None:
            source = self._new_source(session, name, data, document)
            self._add_records(session, source, outcome.result["records"])
            status = "added"
            self.report.added += 1
        else:
            self._reconcile(session, source, outcome.result["records"])
            source.extractor_version = self.version
            status = "re-extracted"
            self.report.reextracted += 1
        session.commit()
        return status

    def _new_source(self, session: Session, name: str, data: bytes, document: Document) -> Source:
        if session.get(Original, document.sha256) is None:
            session.add(Original(sha256=document.sha256, size=len(data), content=data))
        source = Source(
            sha256=document.sha256,
            filename=name,
            format=document.format,
            title=self.metadata.title or document.title,
            publisher=self.metadata.publisher or document.publisher,
            url=self.metadata.url or document.url,
            published=document.published,
            text=document.text,
            ingested_at=now(),
            ingested_by=self.by,
            extractor_version=self.version,
        )
        session.add(source)
        session.flush()
        return source

    def _add_records(self, session: Session, source: Source, records: list[dict[str, Any]]) -> None:
        for extracted in records:
            session.add(self._record(source, extracted))
            self.report.records_added += 1

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
    database.upgrade()
    metadata = metadata or Metadata()
    report = IngestReport()
    writer = _Writer(database, by, metadata, report)
    tell = listener or (lambda path, status, detail: None)
    files = list(collect_paths(paths))
    if total:
        total(len(files))
    in_flight: deque[tuple[str, bytes]] = deque()
    seen: set[str] = set()

    def fail(path: str, message: str) -> None:
        report.failed += 1
        report.errors.append(message)
        tell(path, "failed", message)

    with database.session() as session:

        def to_extract() -> Iterator[tuple[str, bytes]]:
            for path, problem in files:
                if problem:
                    fail(path, f"{path}: {problem}")
                    continue
                try:
                    with open(path, "rb") as handle:
                        data = handle.read()
                except OSError as error:
                    fail(path, f"{path}: {error.strerror or error}")
                    continue
                sha256 = hashlib.sha256(data).hexdigest()
                stored = writer.state_of(session, sha256)
                session.rollback()  # end the read so other writers are not held up
                if sha256 in seen or (
                    stored is not None and stored == writer.version and not reextract
                ):
                    report.unchanged += 1
                    tell(path, "unchanged", None)
                    continue
                seen.add(sha256)
                in_flight.append((path, data))
                yield path, data

        for outcome in extract_bytes(to_extract(), metadata.published, jobs):
            path, data = in_flight.popleft()
            if outcome.error is not None:
                fail(path, outcome.error)
                continue
            try:
                status = writer.write(session, path, data, outcome)
            except Exception:
                session.rollback()
                raise
            tell(path, status, None)
    return report
