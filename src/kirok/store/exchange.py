"""Export and import: records with their sources and evidence, out and back in.

JSON Lines is the exchange format: one line per source, as the extraction
contract writes it (spec/incidents.md), plus the source's text and metadata,
each record's ID, review state and history. Imported into another database it
exports again byte for byte. CSV is for spreadsheets: one row per record.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload

from kirok.errors import ExchangeError, InvalidValue
from kirok.sources.readers import FORMATS as SOURCE_FORMATS
from kirok.store.database import Database, begin_write
from kirok.store.fields import check_dates, check_field
from kirok.store.records import date_bounds, flat, record_to_dict, search_text, set_field
from kirok.store.schema import REVIEW_STATES, Original, Record, Revision, Source
from kirok.store.search import Filters, record_select

FORMATS = ("jsonl", "json", "csv")
ORIGINS = ("extractor", "person", "import")
EXPORT_VERSION = 1
CSV_COLUMNS = (
    "record_id",
    "review_state",
    "violation",
    "kind",
    "date",
    "date_end",
    "country",
    "place",
    "perpetrator",
    "victims_count",
    "victims_count_text",
    "victims_names",
    "victims_nationality",
    "victims_age",
    "victims_sex",
    "confidence",
    "evidence",
    "evidence_offsets",
    "source_id",
    "source_title",
    "source_publisher",
    "source_url",
    "source_published",
    "source_sha256",
    "source_file",
)
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def _utc(value: dt.datetime) -> str:
    if value.tzinfo is None:  # SQLite keeps no zone; Kirok writes UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat()


def _parse_time(value: Any, where: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise InvalidValue(f"{where}: {value!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        raise InvalidValue(f"{where}: {value!r} has no time zone")
    return parsed.astimezone(dt.UTC)


def record_out(record: Record) -> dict[str, Any]:
    out = record_to_dict(record)
    out["extractor_version"] = record.extractor_version
    out["created_at"] = _utc(record.created_at)
    out["updated_at"] = _utc(record.updated_at)
    out["history"] = [
        {"at": _utc(r.at), "by": r.by, "action": r.action, "changes": r.changes, "note": r.note}
        for r in record.revisions
    ]
    return out


def source_out(
    source: Source, records: list[Record], original: bytes | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "source_id": source.id,
        "source": source.filename,
        "sha256": source.sha256,
        "format": source.format,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": source.published,
        "text_chars": len(source.text),
        "ingested_at": _utc(source.ingested_at),
        "ingested_by": source.ingested_by,
        "extractor_version": source.extractor_version,
        "text": source.text,
        "records": [record_out(r) for r in records],
    }
    if original is not None:
        out["original"] = base64.b64encode(original).decode("ascii")
    return out


def iter_export(
    session: Session,
    dialect: str,
    filters: Filters,
    with_originals: bool = False,
    source_id: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Each source (in ID order) with the records ``filters`` allow.

    With no filter every source comes out, records or not; with one, only
    sources that have a matching record. ``source_id`` gives that one source,
    with all its records."""
    record_ids = record_select(dialect, filters).with_only_columns(Record.id)
    if source_id is not None:
        query = select(Source).where(Source.id == source_id)
    elif filters.any_record_filter() or filters.text:
        source_ids = select(Record.source_id).where(Record.id.in_(record_ids)).distinct()
        query = select(Source).where(Source.id.in_(source_ids))
    else:
        query = select(Source)
    ids = session.scalars(query.with_only_columns(Source.id).order_by(Source.id)).all()
    for start in range(0, len(ids), 200):
        chunk = ids[start : start + 200]
        sources = session.scalars(
            select(Source).where(Source.id.in_(chunk)).order_by(Source.id)
        ).all()
        records = session.scalars(
            select(Record)
            .where(Record.source_id.in_(chunk), Record.id.in_(record_ids))
            .options(
                selectinload(Record.evidence),
                selectinload(Record.names),
                selectinload(Record.revisions),
            )
            .order_by(Record.id)
        ).all()
        by_source: dict[int, list[Record]] = {}
        for record in records:
            by_source.setdefault(record.source_id, []).append(record)
        for source in sources:
            original = session.get(Original, source.sha256) if with_originals else None
            yield source_out(
                source, by_source.get(source.id, []), original.content if original else None
            )
        session.expire_all()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    cell = str(value)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_rows(line: dict[str, Any]) -> Iterator[list[str]]:
    for record in line["records"]:
        victims = record["victims"]
        values = [
            record["id"],
            record["review_state"],
            record["violation"],
            record["kind"],
            record["date"],
            record["date_end"],
            record["country"],
            record["place"],
            record["perpetrator"],
            victims["count"],
            victims["count_text"],
            "; ".join(victims["names"]),
            victims["nationality"],
            victims["age"],
            victims["sex"],
            record["confidence"],
            " … ".join(span["text"] for span in record["evidence"]),
            ";".join(f"{span['start']}-{span['end']}" for span in record["evidence"]),
            line["source_id"],
            line["title"],
            line["publisher"],
            line["url"],
            line["published"],
            line["sha256"],
            line["source"],
        ]
        yield [_csv_cell(value) for value in values]


@contextmanager
def _atomic_output(path: Path | None, stdout: IO[str]) -> Iterator[IO[str]]:
    """Write to a temporary file beside ``path`` and move it into place only when
    everything is written, so a failed export never leaves half a file."""
    if path is None:
        yield stdout
        return
    folder = path.resolve().parent
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then moved
            "w", encoding="utf-8", newline="", dir=folder, prefix=f".{path.name}.", delete=False
        )
    except OSError as error:
        raise ExchangeError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with handle:
            yield handle
        os.replace(handle.name, path)
    except OSError as error:
        Path(handle.name).unlink(missing_ok=True)
        raise ExchangeError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def export_text(
    session: Session,
    dialect: str,
    output_format: str,
    filters: Filters,
    with_originals: bool = False,
    counts: list[int] | None = None,
) -> Iterator[str]:
    """The export as pieces of text, one source at a time (for a file or a web
    response alike); ``counts`` gets [sources, records] as they go."""
    if output_format not in FORMATS:
        raise ExchangeError(f"format {output_format!r}: use one of {', '.join(FORMATS)}")
    tally = counts if counts is not None else [0, 0]
    tally[:] = [0, 0]
    if output_format == "csv":
        yield _csv_text([list(CSV_COLUMNS)])
    elif output_format == "json":
        head = {"kirok_export": EXPORT_VERSION, "filters": filters.as_dict()}
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "sources": ['
    for line in iter_export(session, dialect, filters, with_originals):
        if output_format == "csv":
            yield _csv_text(list(csv_rows(line)))
        elif output_format == "json":
            yield ("," if tally[0] else "") + "\n" + json.dumps(line, ensure_ascii=False)
        else:
            yield json.dumps(line, ensure_ascii=False) + "\n"
        tally[0] += 1
        tally[1] += len(line["records"])
    if output_format == "json":
        yield "\n]}\n"


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def export(
    database: Database,
    output_format: str,
    filters: Filters,
    path: Path | None,
    stdout: IO[str],
    with_originals: bool = False,
) -> tuple[int, int]:
    """Write the export to ``path`` (or ``stdout``); returns (sources, records) written."""
    if output_format not in FORMATS:
        raise ExchangeError(f"format {output_format!r}: use one of {', '.join(FORMATS)}")
    database.require_current()
    counts = [0, 0]
    with _atomic_output(path, stdout) as handle, database.session() as session:
        for piece in export_text(
            session, database.dialect, output_format, filters, with_originals, counts
        ):
            handle.write(piece)
    return counts[0], counts[1]


# --- import -------------------------------------------------------------------------


@dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0
    renumbered: int = 0
    failed: int = 0
    records: int = 0
    errors: list[str] = field(default_factory=list)


def _require(mapping: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise InvalidValue(f"{where}: missing {key!r}")
    value = mapping[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise InvalidValue(f"{where}: {key!r} has the wrong type ({type(value).__name__})")
    return value


def _optional_text(
    mapping: dict[str, Any], key: str, where: str, longest: int | None = None
) -> str | None:
    value = mapping.get(key)
    if value is not None and not isinstance(value, str):
        raise InvalidValue(f"{where}: {key!r} must be text or null")
    if value is not None and longest is not None and len(value) > longest:
        raise InvalidValue(f"{where}: {key!r} is longer than {longest} characters")
    return value


def _short(mapping: Any, key: str, where: str, longest: int) -> str:
    value = _require(mapping, key, str, where)
    if len(value) > longest:
        raise InvalidValue(f"{where}: {key!r} is longer than {longest} characters")
    return str(value)


def _build_record(data: Any, source: Source, where: str) -> Record:
    record_id = _require(data, "id", int, where)
    where = f"{where} (record {record_id})"
    victims = _require(data, "victims", dict, where)
    for key in ("count", "count_text", "names", "nationality", "age", "sex"):
        if key not in victims:
            raise InvalidValue(f"{where}: victims has no {key!r}")
    for key in ("violation", "kind", "date", "date_end", "country", "place", "perpetrator"):
        if key not in data:
            raise InvalidValue(f"{where}: missing {key!r}")
    values = flat({**data, "evidence": _require(data, "evidence", list, where)})
    checked: dict[str, Any] = {}
    for name, value in values.items():
        try:
            checked[name] = check_field(name, value)
        except InvalidValue as error:
            raise InvalidValue(f"{where}: {error}") from None
        if checked[name] != value:
            raise InvalidValue(f"{where}: {name} {value!r} is not in its canonical form")
    check_dates(checked["date"], checked["date_end"])
    for span in checked["evidence"]:
        if source.text[span["start"] : span["end"]] != span["text"]:
            raise InvalidValue(
                f"{where}: evidence {span['start']}-{span['end']} is not that text of the source"
            )
    state = _require(data, "review_state", str, where)
    if state not in REVIEW_STATES:
        raise InvalidValue(f"{where}: review_state {state!r} is not one of {REVIEW_STATES}")
    confidence = _require(data, "confidence", (int, float), where)
    if not 0 <= confidence <= 1:
        raise InvalidValue(f"{where}: confidence {confidence} is not between 0 and 1")
    origin = _require(data, "origin", str, where)
    if origin not in ORIGINS:
        raise InvalidValue(f"{where}: origin {origin!r} is not one of {', '.join(ORIGINS)}")
    version = _require(data, "version", int, where)
    if version < 1:
        raise InvalidValue(f"{where}: version {version} is not 1 or more")
    record = Record(
        id=record_id,
        confidence=float(confidence),
        review_state=state,
        origin=origin,
        extractor_version=_optional_text(data, "extractor_version", where, 64),
        created_at=_parse_time(_require(data, "created_at", str, where), where),
        updated_at=_parse_time(_require(data, "updated_at", str, where), where),
        version=version,
    )
    record.source = source
    for name, value in checked.items():
        set_field(record, name, value)
    record.date_start, record.date_stop = date_bounds(record.date, record.date_end)
    record.search_text = search_text(record)
    history = _require(data, "history", list, where)
    record.revisions = []
    for step in history:
        changes = _require(step, "changes", dict, where)
        record.revisions.append(
            Revision(
                at=_parse_time(_require(step, "at", str, where), where),
                by=_short(step, "by", where, 200),
                action=_short(step, "action", where, 32),
                changes=changes,
                note=_optional_text(step, "note", where),
            )
        )
    return record


def _format(data: Any, where: str) -> str:
    value = _require(data, "format", str, where)
    if value not in SOURCE_FORMATS:
        raise InvalidValue(f"{where}: format {value!r} is not one of {', '.join(SOURCE_FORMATS)}")
    return str(value)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _storable(data: Any, where: str) -> None:
    """Refuse what no database text column holds: NUL characters, unpaired surrogates."""
    for string in _strings(data):
        if "\x00" in string:
            raise InvalidValue(f"{where}: holds a NUL character, which no text may contain")
        try:
            string.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidValue(
                f"{where}: holds an unpaired surrogate (not valid Unicode)"
            ) from None


def _build_source(data: Any, where: str) -> tuple[Source, bytes | None]:
    if not isinstance(data, dict):
        raise InvalidValue(f"{where}: expected a JSON object (one source per line)")
    body = _require(data, "text", str, where)
    sha256 = _require(data, "sha256", str, where)
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise InvalidValue(f"{where}: sha256 {sha256!r} is not a SHA-256 in hex")
    original = None
    if data.get("original") is not None:
        try:
            original = base64.b64decode(_require(data, "original", str, where), validate=True)
        except ValueError:
            raise InvalidValue(f"{where}: 'original' is not base64") from None
        if hashlib.sha256(original).hexdigest() != sha256:
            raise InvalidValue(f"{where}: the original's bytes do not match its sha256")
    published = _optional_text(data, "published", where)
    if published is not None:
        check_field("date", published)
    source = Source(
        id=_require(data, "source_id", int, where),
        sha256=sha256,
        filename=_optional_text(data, "source", where),
        format=_format(data, where),
        title=_optional_text(data, "title", where),
        publisher=_optional_text(data, "publisher", where),
        url=_optional_text(data, "url", where),
        published=published,
        text=body,
        ingested_at=_parse_time(_require(data, "ingested_at", str, where), where),
        ingested_by=_short(data, "ingested_by", where, 200),
        extractor_version=_optional_text(data, "extractor_version", where, 64),
    )
    return source, original


def _bump_sequences(session: Session, dialect: str) -> None:
    if dialect != "postgresql":
        return
    for table in ("sources", "records"):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        )


def _import_line(
    session: Session, dialect: str, data: Any, where: str, report: ImportReport
) -> None:
    source, original = _build_source(data, where)
    existing = session.scalars(select(Source).where(Source.sha256 == source.sha256)).first()
    records_data = _require(data, "records", list, where)
    if existing is not None:
        stored = next(iter_export(session, dialect, Filters(), source_id=existing.id), None)
        mine = {k: v for k, v in data.items() if k != "original"}
        if stored is not None and stored == mine:
            report.unchanged += 1
            return
        raise InvalidValue(
            f"{where}: conflicts with source {existing.id} already in the database (the same "
            "bytes, sha256 " + source.sha256[:12] + "…, with other metadata or records); "
            "nothing imported from this line"
        )
    records = [_build_record(r, source, where) for r in records_data]
    ids = [r.id for r in records]
    if len(set(ids)) != len(ids):
        raise InvalidValue(f"{where}: a record ID appears twice")
    taken_source = session.get(Source, source.id) is not None
    taken_records = bool(ids and session.scalar(select(func.count()).where(Record.id.in_(ids))))
    if taken_source or taken_records:
        # the IDs belong to other things here: the line comes in under new ones
        source.id = None  # type: ignore[assignment]
        for record in records:
            record.id = None  # type: ignore[assignment]
        report.renumbered += 1
    if original is not None and session.get(Original, source.sha256) is None:
        session.add(Original(sha256=source.sha256, size=len(original), content=original))
    session.add(source)
    session.add_all(records)
    session.flush()
    _bump_sequences(session, dialect)
    report.imported += 1
    report.records += len(records)


def import_lines(
    database: Database,
    lines: Iterator[str],
    name: str,
    on_line: Callable[[], None] | None = None,
) -> ImportReport:
    """Import each line of a JSONL export in its own transaction: a bad or
    conflicting line is reported and leaves the database as it was."""
    database.upgrade()
    report = ImportReport()
    with database.session() as session:
        for number, line in enumerate(lines, 1):
            if on_line:
                on_line()
            if not line.strip():
                continue
            where = f"{name}, line {number}"
            try:
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InvalidValue(f"{where}: not JSON ({error.msg})") from None
                _storable(data, where)
                begin_write(session)
                _import_line(session, database.dialect, data, where, report)
                session.commit()
            except InvalidValue as error:
                session.rollback()
                report.failed += 1
                report.errors.append(str(error))
            except DBAPIError as error:
                session.rollback()
                if error.connection_invalidated:
                    raise
                report.failed += 1
                reason = str(error.orig or error).strip().splitlines()[0]
                report.errors.append(f"{where}: the database refused it ({reason})")
    return report
