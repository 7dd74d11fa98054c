"""Counting the records a filter allows: per month (or year) and violation family,
by perpetrator, by place, and the dated incidents for a timeline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from kirok.extraction.lexicon import taxonomy
from kirok.store.schema import Record
from kirok.store.search import Filters, record_conditions

MONTHS_SHOWN = 72  # longer spans are counted by year
TOP = 10
TIMELINE_LIMIT = 1000


def families() -> list[str]:
    """Violation families in the taxonomy's order."""
    seen: dict[str, None] = {}
    for violation in taxonomy().values():
        seen[violation.family] = None
    return list(seen)


@dataclass
class Series:
    """Counts per period, each split by violation family."""

    unit: str  # "month" or "year"
    periods: list[str] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # period -> family -> n
    undated: int = 0  # records with no date, or none precise enough for the unit

    def rows(self) -> list[list[Any]]:
        names = families()
        return [["period", *names]] + [
            [period, *(self.counts.get(period, {}).get(name, 0) for name in names)]
            for period in self.periods
        ]


def _conditions(dialect: str, filters: Filters) -> Any:
    return and_(True, *record_conditions(dialect, filters))


def over_time(session: Session, dialect: str, filters: Filters) -> Series:
    """Records per month by family (per year when the span is long)."""
    found = session.execute(
        select(Record.date, Record.violation, func.count())
        .where(_conditions(dialect, filters))
        .group_by(Record.date, Record.violation)
    ).all()
    months: Counter[tuple[str, str]] = Counter()
    years: Counter[tuple[str, str]] = Counter()
    no_date = year_only = 0
    for date, violation, count in found:
        family = violation.split(".")[0]
        if not date:
            no_date += count
            continue
        years[(date[:4], family)] += count
        if len(date) >= 7:
            months[(date[:7], family)] += count
        else:
            year_only += count
    month_keys = sorted({period for period, _ in months})
    span = _span(month_keys[0], month_keys[-1]) if month_keys else []
    if span and len(span) <= MONTHS_SHOWN and year_only == 0:
        series = Series("month", span, undated=no_date)
        for (period, family), count in months.items():
            series.counts.setdefault(period, {})[family] = count
        return series
    year_keys = sorted({period for period, _ in years})
    periods = (
        [str(y) for y in range(int(year_keys[0]), int(year_keys[-1]) + 1)] if year_keys else []
    )
    series = Series("year", periods, undated=no_date)
    for (period, family), count in years.items():
        series.counts.setdefault(period, {})[family] = count
    return series


def _span(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    result = []
    while (year, month) <= (int(last[:4]), int(last[5:7])):
        result.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return result


def by_column(
    session: Session, dialect: str, filters: Filters, column: Any, top: int = TOP
) -> list[tuple[str, int]]:
    """The most frequent values of ``column`` (unknown ones counted apart), the rest as 'other'."""
    found = session.execute(
        select(column, func.count())
        .where(_conditions(dialect, filters))
        .group_by(column)
        .order_by(func.count().desc(), column)
    ).all()
    named = [(value, count) for value, count in found if value]
    unknown = sum(count for value, count in found if not value)
    result = [(str(value), int(count)) for value, count in named[:top]]
    rest = sum(count for _, count in named[top:])
    if rest:
        result.append(("other", rest))
    if unknown:
        result.append(("not stated", unknown))
    return result


@dataclass
class Point:
    record_id: int
    date: str
    family: str
    violation: str
    place: str | None


def timeline(session: Session, dialect: str, filters: Filters) -> tuple[list[Point], int]:
    """Dated incidents, oldest first (at most TIMELINE_LIMIT), and how many there are."""
    conditions = and_(
        _conditions(dialect, filters), Record.kind == "incident", Record.date.isnot(None)
    )
    total = session.scalar(select(func.count(Record.id)).where(conditions)) or 0
    rows = session.execute(
        select(Record.id, Record.date, Record.violation, Record.place)
        .where(conditions)
        .order_by(Record.date_start, Record.id)
        .limit(TIMELINE_LIMIT)
    ).all()
    points = [
        Point(rid, date, violation.split(".")[0], violation, place)
        for rid, date, violation, place in rows
        if date
    ]
    return points, total
