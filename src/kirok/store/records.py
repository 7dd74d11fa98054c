"""Records between their three forms: the extraction contract's dict, the
database rows, and the flat field map that review and revisions speak."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kirok.dates import PartialDate
from kirok.extraction.lexicon import taxonomy
from kirok.store.schema import EvidenceSpan, Record, VictimName

# contract field -> Record column, for the fields that are plain columns
COLUMNS = {
    "violation": "violation",
    "kind": "kind",
    "date": "date",
    "date_end": "date_end",
    "country": "country",
    "place": "place",
    "perpetrator": "perpetrator",
    "victims.count": "victim_count",
    "victims.count_text": "victim_count_text",
    "victims.nationality": "victim_nationality",
    "victims.age": "victim_age",
    "victims.sex": "victim_sex",
}


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def date_bounds(date: str | None, date_end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a record's partial dates allow."""
    if date is None:
        return None, None
    start = PartialDate.parse_iso(date)
    stop = PartialDate.parse_iso(date_end) if date_end else start
    return start.first_day(), stop.last_day()


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """The contract's nested record as ``{"victims.count": 3, ...}``."""
    values = {name: record[name] for name in COLUMNS if "." not in name}
    for name, value in record["victims"].items():
        values[f"victims.{name}"] = value
    values["evidence"] = [dict(span) for span in record["evidence"]]
    return values


def get_field(row: Record, name: str) -> Any:
    if name in COLUMNS:
        return getattr(row, COLUMNS[name])
    if name == "victims.names":
        return [victim.name for victim in row.names]
    if name == "evidence":
        return [{"start": e.start, "end": e.end, "text": e.text} for e in row.evidence]
    raise KeyError(name)


def set_field(row: Record, name: str, value: Any) -> None:
    """Set one field (already checked) and keep the derived columns in step."""
    if name in COLUMNS:
        setattr(row, COLUMNS[name], value)
    elif name == "victims.names":
        row.names = [VictimName(position=i, name=n) for i, n in enumerate(value)]
    elif name == "evidence":
        row.evidence = [
            EvidenceSpan(position=i, start=s["start"], end=s["end"], text=s["text"])
            for i, s in enumerate(value)
        ]
    else:
        raise KeyError(name)
    if name in ("date", "date_end"):
        row.date_start, row.date_stop = date_bounds(row.date, row.date_end)


def search_text(row: Record) -> str:
    """What full-text search sees of a record: its words, labels and evidence."""
    violation = taxonomy().get(row.violation)
    parts = [
        row.violation,
        violation.label if violation else "",
        row.kind,
        row.place or "",
        row.perpetrator or "",
        row.victim_count_text or "",
        *(victim.name for victim in row.names),
        *(span.text for span in row.evidence),
    ]
    return "\n".join(part for part in parts if part)


def record_to_dict(row: Record) -> dict[str, Any]:
    """The extraction contract's record, plus its ID and review state."""
    return {
        "id": row.id,
        "violation": row.violation,
        "kind": row.kind,
        "date": row.date,
        "date_end": row.date_end,
        "country": row.country,
        "place": row.place,
        "perpetrator": row.perpetrator,
        "victims": {
            "count": row.victim_count,
            "count_text": row.victim_count_text,
            "names": [victim.name for victim in row.names],
            "nationality": row.victim_nationality,
            "age": row.victim_age,
            "sex": row.victim_sex,
        },
        "evidence": get_field(row, "evidence"),
        "confidence": row.confidence,
        "review_state": row.review_state,
        "origin": row.origin,
        "version": row.version,
    }
