"""The fields of a record a person may set, and what each may hold.

Review (CLI and web) and import check every value here, so a record in the
database always holds what spec/incidents.md allows: a violation code from the
taxonomy, a canonical perpetrator, ISO dates and country codes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

import pycountry

from kirok.dates import PartialDate
from kirok.errors import InvalidValue
from kirok.extraction.lexicon import actor_table, taxonomy

EDITABLE = (
    "violation",
    "kind",
    "date",
    "date_end",
    "country",
    "place",
    "perpetrator",
    "victims.count",
    "victims.count_text",
    "victims.names",
    "victims.nationality",
    "victims.age",
    "victims.sex",
    "evidence",
)
KINDS = ("incident", "measure")
SEXES = ("male", "female")
MAX_TEXT = 2000
MAX_COUNT = 100_000_000
# A place or perpetrator is a name; the covering index of filters holds both, and
# PostgreSQL refuses index rows over about 2,700 bytes.
MAX_NAME = 200


def violation_conditions(column: Any, violation: str) -> list[Any]:
    """SQL conditions on ``column`` for a violation filter: a code, or a family,
    whose codes sort between "family." and "family/" (an index range)."""
    if violation in taxonomy():
        return [column == violation]
    return [column > violation + ".", column < violation + "/"]


@cache
def perpetrators() -> tuple[str, ...]:
    """The canonical perpetrator names, as the actor table holds them."""
    return tuple(actor["name"] for actor in actor_table()["actors"])


def _text(name: str, value: Any, most: int = MAX_TEXT) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidValue(f"{name}: expected text, got {value!r}")
    value = " ".join(value.split())
    if len(value) > most:
        raise InvalidValue(f"{name}: at most {most} characters, got {len(value)}")
    return value or None


def _violation(value: Any) -> str:
    if value not in taxonomy():
        raise InvalidValue(
            f"violation: {value!r} is not a code of the taxonomy; one of: " + ", ".join(taxonomy())
        )
    return str(value)


def _kind(value: Any) -> str:
    if value not in KINDS:
        raise InvalidValue(f"kind: {value!r} is not one of: incident, measure")
    return str(value)


def _date(name: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is None:
            return None
        try:
            return PartialDate.parse_iso(str(value)).iso()
        except ValueError as error:
            reason = str(error)
            if "is not a date" not in reason:
                reason = f"{str(value)!r} is not a date ({reason})"
            raise InvalidValue(f"{name}: {reason}") from None

    return check


def _country(name: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is None:
            return None
        code = str(value).strip().upper()
        if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
            raise InvalidValue(f"{name}: {value!r} is not an ISO 3166-1 alpha-2 country code")
        return code

    return check


@cache
def _aliases() -> dict[str, str]:
    names = {}
    for actor in actor_table()["actors"]:
        for alias in [actor["name"], *actor.get("aliases", [])]:
            names[alias.casefold()] = actor["name"]
    return names


def _perpetrator(value: Any) -> str | None:
    """The canonical name when the value is one or an alias of one ("MSS"); other
    acting bodies ("Government of Malaysia") are kept as written."""
    text = _text("perpetrator", value, MAX_NAME)
    if text is None:
        return None
    return _aliases().get(text.casefold(), text)


def _integer(name: str, low: int, high: int) -> Callable[[Any], int | None]:
    def check(value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue(f"{name}: expected a whole number, got {value!r}")
        if not low <= value <= high:
            raise InvalidValue(f"{name}: {value} is not between {low} and {high}")
        return value

    return check


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidValue(f"victims.names: expected a list of names, got {value!r}")
    names = [_text("victims.names", name) for name in value]
    return [name for name in names if name]


def _sex(value: Any) -> str | None:
    if value is None:
        return None
    if value not in SEXES:
        raise InvalidValue(f"victims.sex: {value!r} is not one of: male, female")
    return str(value)


def _evidence(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise InvalidValue("evidence: a record needs at least one span")
    spans = []
    for span in value:
        if not isinstance(span, dict) or set(span) != {"start", "end", "text"}:
            raise InvalidValue(f"evidence: each span is {{start, end, text}}, got {span!r}")
        start, end, text = span["start"], span["end"], span["text"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise InvalidValue(f"evidence: start and end must be offsets, start < end: {span!r}")
        if not isinstance(text, str) or len(text) != end - start:
            raise InvalidValue(f"evidence: the text must be the {end - start} characters spanned")
        spans.append({"start": start, "end": end, "text": text})
    return spans


CHECKS: dict[str, Callable[[Any], Any]] = {
    "violation": _violation,
    "kind": _kind,
    "date": _date("date"),
    "date_end": _date("date_end"),
    "country": _country("country"),
    "place": lambda value: _text("place", value, MAX_NAME),
    "perpetrator": _perpetrator,
    "victims.count": _integer("victims.count", 0, MAX_COUNT),
    "victims.count_text": lambda value: _text("victims.count_text", value),
    "victims.names": _names,
    "victims.nationality": _country("victims.nationality"),
    "victims.age": _integer("victims.age", 0, 130),
    "victims.sex": _sex,
    "evidence": _evidence,
}


def check_field(name: str, value: Any) -> Any:
    """The value ``name`` should hold, or :class:`InvalidValue` saying why not."""
    if name not in CHECKS:
        raise InvalidValue(f"{name!r} is not a field of a record; fields: {', '.join(EDITABLE)}")
    return CHECKS[name](value)


def parse_field(name: str, raw: str) -> Any:
    """Read a value typed on the command line (``none`` or nothing clears a field)."""
    raw = raw.strip()
    if name not in CHECKS:
        return check_field(name, raw)
    if raw.lower() in ("", "none", "null"):
        return check_field(name, [] if name == "victims.names" else None)
    if name in ("victims.count", "victims.age"):
        try:
            return check_field(name, int(raw.replace(",", "")))
        except ValueError:
            raise InvalidValue(f"{name}: expected a whole number, got {raw!r}") from None
    if name == "victims.names":
        if raw.startswith("["):
            try:
                return check_field(name, json.loads(raw))
            except json.JSONDecodeError as error:
                raise InvalidValue(f"victims.names: not a JSON list ({error})") from None
        return check_field(name, [part for part in raw.split(";")])
    if name == "evidence":
        raise InvalidValue("evidence: give spans as START-END offsets, e.g. 120-245,300-340")
    return check_field(name, raw)


def check_dates(date: str | None, date_end: str | None) -> None:
    if (
        date
        and date_end
        and PartialDate.parse_iso(date_end).last_day() < (PartialDate.parse_iso(date).first_day())
    ):
        raise InvalidValue(f"date_end: {date_end} is before date {date}")
