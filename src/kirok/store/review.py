"""Review: a person accepts, edits or rejects a record, or adds one.

Every change is one revision naming who, when, and each field's old and new
value, and bumps the record's ``version``; a caller that passes the version it
saw gets :class:`StaleEdit` instead of overwriting someone else's change.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session, object_session

from kirok.errors import InvalidValue, NotFound, StaleEdit
from kirok.store.fields import EDITABLE, check_dates, check_field, parse_field
from kirok.store.records import date_bounds, get_field, now, search_text, set_field
from kirok.store.schema import Record, Revision, Source

MAX_NOTE = 2000
ACTIONS = {"accepted": "accept", "rejected": "reject"}


def get_record(session: Session, record_id: int, for_update: bool = False) -> Record:
    """The record, locked against other writers until commit when ``for_update``."""
    record = session.get(Record, record_id, with_for_update=for_update or None)
    if record is None:
        raise NotFound(f"no record {record_id}")
    return record


def _check_version(record: Record, expected: int | None) -> None:
    if expected is not None and record.version != expected:
        raise StaleEdit(
            f"record {record.id} has changed since you opened it, by someone else or by this form sent twice "
            f"(version {expected}, now {record.version}); reload it and apply your change again"
        )


def _note(note: str | None) -> str | None:
    if note and len(note) > MAX_NOTE:
        raise InvalidValue(f"note: at most {MAX_NOTE} characters")
    return note or None


def _change(
    record: Record,
    by: str,
    action: str,
    changes: dict[str, list[Any]],
    note: str | None,
) -> Record:
    record.updated_at = now()
    record.version += 1
    record.search_text = search_text(record)  # SQLite's index follows by trigger
    record.revisions.append(
        Revision(at=record.updated_at, by=by, action=action, changes=changes, note=_note(note))
    )
    session = object_session(record)
    assert session is not None
    session.flush()
    return record


def _set_state(
    session: Session, record_id: int, state: str, by: str, note: str | None, expected: int | None
) -> Record:
    record = get_record(session, record_id, for_update=True)
    _check_version(record, expected)
    if record.review_state == state:
        return record
    changes = {"review_state": [record.review_state, state]}
    record.review_state = state
    return _change(record, by, ACTIONS[state], changes, note)


def accept(
    session: Session, record_id: int, by: str, note: str | None = None, version: int | None = None
) -> Record:
    """Mark a record right as it stands."""
    return _set_state(session, record_id, "accepted", by, note, version)


def reject(
    session: Session, record_id: int, by: str, note: str | None = None, version: int | None = None
) -> Record:
    """Mark a record wrong: it stays, with its history, but counts for nothing."""
    return _set_state(session, record_id, "rejected", by, note, version)


def spans_from_offsets(source: Source, raw: str) -> list[dict[str, Any]]:
    """Evidence spans from ``"120-245,300-340"``, their text taken from the source."""
    spans = []
    for part in raw.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", part)
        if not match:
            raise InvalidValue(f"evidence: {part.strip()!r} is not START-END")
        start, end = int(match.group(1)), int(match.group(2))
        if not 0 <= start < end <= len(source.text):
            raise InvalidValue(
                f"evidence: {start}-{end} is outside the source's text (0-{len(source.text)})"
            )
        spans.append({"start": start, "end": end, "text": source.text[start:end]})
    return spans


def check_spans(source: Source, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    spans = check_field("evidence", spans)
    for span in spans:
        if source.text[span["start"] : span["end"]] != span["text"]:
            raise InvalidValue(
                f"evidence: {span['start']}-{span['end']} does not hold that text in source "
                f"{source.id}"
            )
    return spans


def parse_changes(source: Source, assignments: list[str]) -> dict[str, Any]:
    """``["date=2020-09", "victims.count=3"]`` as checked values."""
    changes: dict[str, Any] = {}
    for assignment in assignments:
        name, equals, raw = assignment.partition("=")
        name = name.strip()
        if not equals:
            raise InvalidValue(f"{assignment!r}: write FIELD=VALUE, e.g. date=2020-09")
        if name not in EDITABLE:
            raise InvalidValue(
                f"{name!r} is not a field of a record; fields: {', '.join(EDITABLE)}"
            )
        changes[name] = (
            spans_from_offsets(source, raw) if name == "evidence" else parse_field(name, raw)
        )
    return changes


def edit(
    session: Session,
    record_id: int,
    values: dict[str, Any],
    by: str,
    note: str | None = None,
    version: int | None = None,
) -> Record:
    """Set fields (already typed values; each is checked) and mark the record edited."""
    record = get_record(session, record_id, for_update=True)
    _check_version(record, version)
    if not values:
        raise InvalidValue("name at least one field to change")
    checked = {name: check_field(name, value) for name, value in values.items()}
    if "evidence" in checked:
        checked["evidence"] = check_spans(record.source, checked["evidence"])
    check_dates(
        checked.get("date", record.date),
        checked.get("date_end", record.date_end),
    )
    changes = {
        name: [get_field(record, name), value]
        for name, value in checked.items()
        if get_field(record, name) != value
    }
    if not changes:
        return record
    for name, (_, value) in changes.items():
        set_field(record, name, value)
    if record.review_state != "edited":
        changes["review_state"] = [record.review_state, "edited"]
        record.review_state = "edited"
    return _change(record, by, "edit", changes, note)


def add_record(
    session: Session, source_id: int, values: dict[str, Any], by: str, note: str | None = None
) -> Record:
    """A record a person states from a source (e.g. by selecting its text)."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source {source_id}")
    for required in ("violation", "kind", "evidence"):
        if values.get(required) in (None, [], ""):
            raise InvalidValue(f"{required}: a new record needs one")
    checked = {name: check_field(name, value) for name, value in values.items()}
    checked["evidence"] = check_spans(source, checked["evidence"])
    check_dates(checked.get("date"), checked.get("date_end"))
    when = now()
    record = Record(
        source=source,
        confidence=1.0,
        review_state="accepted",
        origin="person",
        created_at=when,
        updated_at=when,
        version=1,
    )
    for name, value in checked.items():
        set_field(record, name, value)
    record.date_start, record.date_stop = date_bounds(record.date, record.date_end)
    record.search_text = search_text(record)
    record.revisions = [
        Revision(
            at=when,
            by=by,
            action="add",
            changes={name: [None, value] for name, value in checked.items()},
            note=_note(note),
        )
    ]
    session.add(record)
    session.flush()
    return record
