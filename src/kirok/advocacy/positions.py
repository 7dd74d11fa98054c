"""Government positions: what each state did on a matter, year by year, each
entry with its source; shown as a grid of states by years and citable in
letters as ``[[position:N]]``."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from kirok.countries import country_code, country_name
from kirok.errors import InvalidValue, NotFound
from kirok.store.records import now
from kirok.store.schema import Position

MAX_VALUE = 100
MAX_TEXT = 2000
FIELDS = (
    "state",
    "matter",
    "year",
    "value",
    "detail",
    "source_title",
    "source_publisher",
    "source_date",
    "source_url",
)
REQUIRED = ("state", "matter", "year", "value", "source_title")


def state_code(value: str) -> str:
    """ISO 3166-1 alpha-3 from a name or a 2- or 3-letter code."""
    country = pycountry.countries.get(alpha_2=country_code(value) or "")
    if country is None:
        raise InvalidValue(f"state: {value!r} is not a country Kirok knows")
    return str(country.alpha_3)


def check_position(values: dict[str, Any]) -> dict[str, Any]:
    """An entry's fields, checked; the first problem raises naming its field."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise InvalidValue(f"{unknown[0]}: not a field of a position; fields: {', '.join(FIELDS)}")
    checked: dict[str, Any] = {}
    for name in FIELDS:
        raw = values.get(name)
        text = " ".join(str(raw).split()) if raw is not None else ""
        if not text:
            if name in REQUIRED:
                raise InvalidValue(f"{name}: required")
            checked[name] = None
            continue
        limit = MAX_VALUE if name == "value" else MAX_TEXT
        if len(text) > limit:
            raise InvalidValue(f"{name}: at most {limit} characters, got {len(text):,}")
        checked[name] = text
    checked["state"] = state_code(checked["state"])
    year = checked["year"]
    if not (year.isdigit() and 1945 <= int(year) <= dt.date.today().year + 1):
        raise InvalidValue(f"year: {year!r} is not a year from 1945 to next year")
    checked["year"] = int(year)
    if checked["source_date"]:
        try:
            checked["source_date"] = dt.date.fromisoformat(checked["source_date"]).isoformat()
        except ValueError:
            raise InvalidValue(
                f"source_date: {checked['source_date']!r} is not a date (YYYY-MM-DD)"
            ) from None
    url = checked["source_url"]
    if url and not url.startswith(("https://", "http://")):
        raise InvalidValue(f"source_url: {url!r} is not a web address (http:// or https://)")
    return checked


def add_position(session: Session, values: dict[str, Any], by: str) -> Position:
    """A new entry; one per state, matter and year. The caller commits."""
    checked = check_position(values)
    existing = session.scalars(
        select(Position).where(
            Position.matter == checked["matter"],
            Position.state == checked["state"],
            Position.year == checked["year"],
        )
    ).first()
    if existing is not None:
        raise InvalidValue(
            f"{country_name(checked['state'])} already has an entry for {checked['year']} on "
            f"“{checked['matter']}” (position {existing.id}); remove it first to replace it."
        )
    position = Position(**checked, created_at=now(), created_by=by)
    session.add(position)
    session.flush()
    return position


def remove_position(session: Session, position_id: int) -> None:
    position = session.get(Position, position_id)
    if position is None:
        raise NotFound(f"There is no position {position_id}.")
    session.delete(position)


def matters(session: Session) -> list[str]:
    return list(session.scalars(select(Position.matter).distinct().order_by(Position.matter)))


@dataclass
class Grid:
    """States by years on one matter: ``cells[state][year]`` is the entry."""

    matter: str
    years: list[int] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    cells: dict[str, dict[int, Position]] = field(default_factory=dict)


def grid(session: Session, matter: str) -> Grid:
    found = list(session.scalars(select(Position).where(Position.matter == matter)))
    result = Grid(matter)
    if not found:
        return result
    first, last = min(p.year for p in found), max(p.year for p in found)
    result.years = list(range(first, last + 1))
    for position in found:
        result.cells.setdefault(position.state, {})[position.year] = position
    result.states = sorted(result.cells, key=country_name)
    return result


def import_positions(session: Session, path: Path, by: str) -> Iterator[tuple[int, str | None]]:
    """Add the entries of a CSV file with a header of :data:`FIELDS`, each line
    in its own transaction: yields (line number, problem or None)."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InvalidValue(f"{path}: cannot be read ({error.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
        if missing:
            raise InvalidValue(f"{path}: the header lacks {', '.join(missing)}")
        for row in reader:
            line = reader.line_num
            try:
                values = {k: v for k, v in row.items() if k in FIELDS}
                add_position(session, values, by)
                session.commit()
                yield line, None
            except InvalidValue as problem:
                session.rollback()
                yield line, str(problem)
