"""Finding records and sources: full text and filters, the same on every database.

Text is matched as substrings, case-insensitively, every term required ("term"
in quotes keeps a phrase whole). That is what a trigram index serves on both
engines (SQLite FTS5's trigram tokenizer, PostgreSQL's pg_trgm), and it works
for Korean, which a word tokenizer splits badly. Terms shorter than three
characters cannot use a trigram index and are checked by scanning the rows the
other terms and filters leave.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    func,
    literal_column,
    select,
    table,
    union,
)
from sqlalchemy import column as column_
from sqlalchemy.orm import Session, selectinload

from kirok.dates import PartialDate
from kirok.errors import InvalidValue
from kirok.extraction.lexicon import taxonomy
from kirok.store.fields import check_field, perpetrators
from kirok.store.fulltext import fold
from kirok.store.schema import REVIEW_STATES, Record, Source

T = TypeVar("T")
TRIGRAM = 3
SORTS = {
    "date": Record.date_start,
    "id": Record.id,
    "violation": Record.violation,
    "kind": Record.kind,
    "country": Record.country,
    "place": Record.place,
    "perpetrator": Record.perpetrator,
    "state": Record.review_state,
    "confidence": Record.confidence,
    "victims": Record.victim_count,
}
SOURCE_TEXT = "coalesce(sources.title, '') || ' ' || sources.text"


@dataclass
class Filters:
    """What a person narrows records down by; every field is optional."""

    text: str | None = None
    violation: str | None = None  # a code ("life.killing") or a family ("life")
    kind: str | None = None
    date_from: str | None = None  # partial ISO dates: "2020", "2020-06", "2020-06-15"
    date_to: str | None = None
    country: str | None = None
    place: str | None = None
    perpetrator: str | None = None
    state: str | None = None
    source_id: int | None = None

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        """Raise :class:`InvalidValue` naming the first filter that cannot match anything."""
        if self.violation and self.violation not in taxonomy():
            families = {v.family for v in taxonomy().values()}
            if self.violation not in families:
                raise InvalidValue(
                    f"violation: {self.violation!r} is neither a code nor a family; families: "
                    + ", ".join(sorted(families))
                )
        if self.kind:
            check_field("kind", self.kind)
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value:
                try:
                    PartialDate.parse_iso(value)
                except ValueError as error:
                    raise InvalidValue(f"{name}: {error}") from None
        if self.country:
            self.country = check_field("country", self.country)
        if self.perpetrator:
            self.perpetrator = check_field("perpetrator", self.perpetrator)
        if self.state and self.state not in REVIEW_STATES:
            raise InvalidValue(f"state: {self.state!r} is not one of: {', '.join(REVIEW_STATES)}")

    def any_record_filter(self) -> bool:
        return any(
            getattr(self, f.name) not in (None, "") for f in fields(self) if f.name != "text"
        )

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


@dataclass
class Page(Generic[T]):
    """One page of results and how many there are in all."""

    total: int
    items: list[T]
    limit: int
    offset: int


def terms(text: str | None) -> list[str]:
    """The search terms of ``text``: words, or phrases in double quotes."""
    if not text or not text.strip():
        return []
    try:
        parts = shlex.split(text)
    except ValueError:  # an unbalanced quote: take the words as they are
        parts = text.replace('"', " ").split()
    return [" ".join(part.split()) for part in parts if part.strip()]


def _like(term: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _trigram_match(fts_table: str, words: list[str]) -> Select[Any] | None:
    """Row IDs of an FTS5 trigram table holding every word of three characters or more."""
    long_terms = [t for t in words if len(t) >= TRIGRAM]
    if not long_terms:
        return None
    fts = table(fts_table, column_("rowid"))
    query = " AND ".join(_fts_phrase(t) for t in long_terms)
    return select(fts.c.rowid).where(literal_column(fts_table).op("MATCH")(query))


def _record_text_conditions(dialect: str, words: list[str]) -> list[ColumnElement[bool]]:
    """Every word in the record's (lower-cased) search text. On SQLite the two
    indexes name the sources that can match (see kirok/store/fulltext.py); LIKE
    then checks each record exactly."""
    folded = [fold(word) for word in words]
    if dialect != "sqlite":  # pg_trgm serves LIKE '%term%' from its index
        return [Record.search_text.like(_like(t), escape="\\") for t in folded]
    conditions: list[ColumnElement[bool]] = []
    for term in folded:
        in_text = _trigram_match("sources_fts", [term])
        in_words = _trigram_match("records_fts", [term])
        if in_text is not None and in_words is not None:
            conditions.append(Record.source_id.in_(union(in_text, in_words)))
    conditions.extend(Record.search_text.like(_like(t), escape="\\") for t in folded)
    return conditions


def tsquery(words: list[str]) -> str:
    """PostgreSQL's query for documents holding every term: each word matches a
    word of the text or its beginning ('압록강' finds '압록강을'); the words of a
    phrase must follow one another."""
    terms = []
    for term in words:
        # \w+ words hold no quote or backslash, so quoting them is enough
        lexemes = [f"'{word}':*" for word in re.findall(r"\w+", term.lower())]
        if lexemes:
            terms.append("(" + " <-> ".join(lexemes) + ")")
    return " & ".join(terms)


def _source_text_conditions(dialect: str, words: list[str]) -> list[ColumnElement[bool]]:
    """Every word in the source's title or text, ignoring case."""
    text_column: ColumnElement[str] = literal_column(SOURCE_TEXT)
    if dialect != "sqlite":
        query = tsquery(words)
        if not query:
            return []
        vector: ColumnElement[Any] = literal_column("sources.search_vector")
        return [vector.op("@@")(func.to_tsquery("simple", query))]
    conditions: list[ColumnElement[bool]] = []
    matched = _trigram_match("sources_fts", words)
    if matched is not None:
        conditions.append(Source.id.in_(matched))
    # short words, which the trigram index cannot hold (LIKE ignores ASCII case only)
    conditions.extend(text_column.like(_like(t), escape="\\") for t in words if len(t) < TRIGRAM)
    return conditions


def record_conditions(dialect: str, filters: Filters) -> list[ColumnElement[bool]]:
    conditions: list[Any] = []
    words = terms(filters.text)
    if words:
        conditions.extend(_record_text_conditions(dialect, words))
    if filters.violation:
        if filters.violation in taxonomy():
            conditions.append(Record.violation == filters.violation)
        else:
            conditions.append(Record.violation.like(filters.violation + ".%"))
    if filters.kind:
        conditions.append(Record.kind == filters.kind)
    if filters.date_from:
        first = PartialDate.parse_iso(filters.date_from).first_day()
        conditions.append(Record.date_stop >= first)
    if filters.date_to:
        last = PartialDate.parse_iso(filters.date_to).last_day()
        conditions.append(Record.date_start <= last)
    if filters.country:
        conditions.append(Record.country == filters.country)
    if filters.place:
        conditions.append(Record.place.ilike(_like(filters.place), escape="\\"))
    if filters.perpetrator:
        if filters.perpetrator in perpetrators():  # canonical: the index serves it
            conditions.append(Record.perpetrator == filters.perpetrator)
        else:
            conditions.append(func.lower(Record.perpetrator) == filters.perpetrator.lower())
    if filters.state:
        conditions.append(Record.review_state == filters.state)
    if filters.source_id is not None:
        conditions.append(Record.source_id == filters.source_id)
    return conditions


def record_select(dialect: str, filters: Filters) -> Select[Record]:
    """The records ``filters`` allow, unordered."""
    return select(Record).where(and_(True, *record_conditions(dialect, filters)))


def _count(session: Session, conditions: list[Any]) -> int:
    return session.scalar(select(func.count(Record.id)).where(and_(True, *conditions))) or 0


def search_records(
    session: Session,
    dialect: str,
    filters: Filters,
    *,
    limit: int = 50,
    offset: int = 0,
    sort: str = "date",
    descending: bool = True,
    brief: bool = False,
) -> Page[Record]:
    """A page of records matching ``filters``, with sources and evidence loaded
    (``brief``: only the sources' titles and dates, for a list)."""
    if sort not in SORTS:
        raise InvalidValue(f"sort: {sort!r} is not one of: {', '.join(SORTS)}")
    conditions = record_conditions(dialect, filters)
    key = SORTS[sort]
    order: list[Any] = [
        key.desc().nulls_last() if descending else key.asc().nulls_last(),
        Record.id.desc(),
    ]
    if filters.text:
        # every match is read to sort them anyway: count them in the same pass
        found = session.execute(
            select(Record.id, func.count().over())
            .where(and_(True, *conditions))
            .order_by(*order)
            .limit(limit)
            .offset(offset)
        ).all()
        ids = [row[0] for row in found]
        total = found[0][1] if found else _count(session, conditions)
        query = select(Record).where(Record.id.in_(ids))
    else:
        total = _count(session, conditions)
        query = select(Record).where(and_(True, *conditions))
    if brief:  # a list of records: no evidence, and not the sources' text
        details: tuple[Any, ...] = (
            selectinload(Record.source).load_only(
                Source.id, Source.title, Source.filename, Source.publisher, Source.published
            ),
        )
    else:
        details = (
            selectinload(Record.source),
            selectinload(Record.evidence),
            selectinload(Record.names),
        )
    rows = session.scalars(
        query.options(*details).order_by(*order).limit(limit).offset(offset)
    ).all()
    return Page(total, list(rows), limit, offset)


@dataclass
class SourceHit:
    source: Source
    records: int
    snippet: str | None


def snippet(text: str, words: list[str], width: int = 90) -> str | None:
    """The text around the first term found, for showing why a source matched."""
    folded = text.casefold()
    for word in words:
        at = folded.find(word.casefold())
        if at >= 0:
            start, end = max(0, at - width), min(len(text), at + len(word) + width)
            piece = " ".join(text[start:end].split())
            return ("…" if start else "") + piece + ("…" if end < len(text) else "")
    return None


def search_sources(
    session: Session, dialect: str, filters: Filters, *, limit: int = 50, offset: int = 0
) -> Page[SourceHit]:
    """Sources whose title or text hold every term and that have a record the
    other filters allow (when any is given)."""
    words = terms(filters.text)
    conditions = _source_text_conditions(dialect, words)
    if filters.any_record_filter():
        record_filters = Filters(**{**filters.as_dict(), "text": None})
        matching = record_conditions(dialect, record_filters)
        conditions.append(exists().where(Record.source_id == Source.id, *matching))
    query = select(Source).where(and_(True, *conditions))
    total = session.scalar(select(func.count(Source.id)).where(and_(True, *conditions))) or 0
    rows = session.scalars(
        query.order_by(Source.published.desc().nulls_last(), Source.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    counts = dict(
        session.execute(
            select(Record.source_id, func.count())
            .where(Record.source_id.in_([s.id for s in rows]))
            .group_by(Record.source_id)
        ).all()
    )
    hits = [SourceHit(s, counts.get(s.id, 0), snippet(s.text, words)) for s in rows]
    return Page(total, hits, limit, offset)
