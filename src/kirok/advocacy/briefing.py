"""Briefings: a filter ("all killings at the northern border since January
2020") becomes a draft fact sheet, with counts by month and by perpetrator, a
chart, and one sentence per record, written from the record's fields by the
templates in ``data/briefing_phrases.json`` (never copied from a source), each
cited to its record, for a person to edit."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from kirok.advocacy.compose import long_date
from kirok.advocacy.letters import new_letter
from kirok.countries import country_name
from kirok.errors import InvalidValue
from kirok.extraction.lexicon import demonyms, load_json, taxonomy, victim_words
from kirok.store.schema import Letter, Record
from kirok.store.search import Filters, record_conditions

MAX_LISTED = 200  # records written out; the counts cover them all
VAGUE = ("dozens", "hundreds", "thousands", "scores", "millions", "many", "several")


@cache
def _phrase_data() -> dict[str, Any]:
    return dict(load_json("briefing_phrases.json"))


def phrases() -> dict[str, dict[str, str]]:
    """Per violation code: how a sentence completes it ("done", "measure")."""
    found: dict[str, dict[str, str]] = _phrase_data()["violations"]
    return found


def _actor_words() -> dict[str, str]:
    found: dict[str, str] = _phrase_data()["actors"]
    return found


def actor(name: str) -> str:
    """A perpetrator's name as it reads inside a sentence ("the Korean People's Army")."""
    return _actor_words().get(name, name)


@cache
def _nationality_words() -> dict[str, tuple[str, str]]:
    """Country code -> (adjective, plural noun), e.g. KP -> North Korean, North Koreans."""
    adjective_codes, plural_codes = demonyms()
    adjectives: dict[str, str] = {}
    for word, code in adjective_codes.items():
        if code and code not in adjectives:
            adjectives[code] = word
    plurals: dict[str, str] = {}
    for word, code in plural_codes.items():
        if code and code not in plurals:
            plurals[code] = word
    return {
        code: (word, plurals.get(code, f"{word} nationals")) for code, word in adjectives.items()
    }


def when(date: str | None, date_end: str | None) -> str | None:
    """ "On 22 September 2020", "In September 2020", "Between June and September 2020"."""
    if not date:
        return None
    if date_end and date_end != date:
        return f"Between {long_date(date)} and {long_date(date_end)}"
    return f"{'On' if len(date) == 10 else 'In'} {long_date(date)}"


def _is_number(words: str) -> bool:
    """Whether the source's words only count ("some 500", "dozens") and name nobody."""
    lexicon = victim_words()
    counting = set(lexicon["number_words"]) | {"a", "an", "and", "of"}
    for phrase in list(lexicon["modifiers"]) + list(lexicon["vague"]):
        counting.update(phrase.split())
    return all(
        word.replace(",", "").isdigit() or word in counting for word in words.casefold().split()
    )


def victims(record: Record) -> tuple[str, bool]:
    """Who suffered it, as a noun phrase, and whether it is plural: the source's
    own words when they name people ("two North Korean fishermen"), else a
    count and a noun Kirok chooses."""
    count, said = record.victim_count, (record.victim_count_text or "").strip()
    plural = count != 1
    if said and not _is_number(said):
        return said, plural
    words = _nationality_words().get(record.victim_nationality or "")
    if words:
        noun = words[1] if plural else f"{words[0]} national"
    else:
        noun = "people" if plural else "person"
    if count == 1:
        return f"one {noun}", False
    if said and not said.isdigit():
        if said.split()[-1].casefold() in VAGUE:
            return f"{said} of {noun}", True
        return f"{said} {noun}", plural
    if count is not None:
        return f"{count:,} {noun}", plural
    return noun, True


def where(record: Record) -> str | None:
    """ " in Jilin", " at the Tumen River": where it happened, as the sentence ends."""
    if record.place:
        last = record.place.split()[-1]
        if last in _place_words():
            article = "" if record.place.casefold().startswith("the ") else "the "
            return f" at {article}{record.place}"
        return f" in {record.place}"
    if record.country:
        return f" in {country_name(record.country)}"
    return None


@cache
def _place_words() -> frozenset[str]:
    return frozenset(_phrase_data()["places_at"])


def sentence(record: Record) -> str:
    """One sentence stating a record, with its citation."""
    phrase = phrases().get(record.violation, {})
    label = taxonomy()[record.violation].label.lower() if record.violation in taxonomy() else ""
    place = where(record)
    if record.kind == "measure":
        doer = actor(record.perpetrator) if record.perpetrator else "the authorities"
        text = f"{doer} {phrase.get('measure', 'imposed a measure of ' + label)}"
    else:
        who, plural = victims(record)
        text = f"{who} {'were' if plural else 'was'} {phrase.get('done', label)}"
        if record.perpetrator:
            text += f" by {actor(record.perpetrator)}"
    if place:
        text += place
    date = when(record.date, record.date_end)
    text = f"{date}, {text}" if date else text[0].upper() + text[1:] + " (no date given)"
    return f"{text}.[[record:{record.id}]]"


def describe(filters: Filters) -> str:
    """The filter in words, for a briefing's title and summary."""
    parts = []
    if filters.violation:
        found = taxonomy().get(filters.violation)
        parts.append(found.label.lower() if found else f"{filters.violation} violations")
    else:
        parts.append("violations")
    if filters.kind:
        parts.append(f"({filters.kind}s)")
    if filters.text:
        parts.append(f"mentioning “{filters.text}”")
    if filters.place:
        parts.append(f"at {filters.place}")
    if filters.country:
        parts.append(f"in {country_name(filters.country)}")
    if filters.perpetrator:
        parts.append(f"by {actor(filters.perpetrator)}")
    if filters.date_from and filters.date_to:
        parts.append(f"from {long_date(filters.date_from)} to {long_date(filters.date_to)}")
    elif filters.date_from:
        parts.append(f"since {long_date(filters.date_from)}")
    elif filters.date_to:
        parts.append(f"up to {long_date(filters.date_to)}")
    return " ".join(parts)


def draft_briefing(
    session: Session, dialect: str, filters: Filters, by: str, title: str | None = None
) -> Letter:
    """A new briefing (a letter of kind ``briefing``) drafted from ``filters``;
    records a reviewer rejected are left out. The caller commits."""
    conditions = and_(True, *record_conditions(dialect, filters), Record.review_state != "rejected")
    total = session.scalar(select(func.count(Record.id)).where(conditions)) or 0
    if total == 0:
        raise InvalidValue("The filter allows no records: there is nothing to brief on.")
    reviewed = (
        session.scalar(
            select(func.count(Record.id)).where(
                conditions, Record.review_state.in_(("accepted", "edited"))
            )
        )
        or 0
    )
    found = list(
        session.scalars(
            select(Record)
            .where(conditions)
            .order_by(Record.date_start.asc().nulls_last(), Record.id)
            .limit(MAX_LISTED)
        )
    )
    subject = describe(filters)
    lines = [
        f"Kirok holds {total:,} record{'s' if total != 1 else ''} of {subject}; "
        f"{reviewed:,} of them checked by a reviewer.",
        "",
        "[[chart:months]]",
        "",
        "[[chart:perpetrators]]",
        "",
        "## What the sources report",
        "",
    ]
    lines += [f"- {sentence(record)}" for record in found]
    if total > len(found):
        lines += [
            "",
            f"Only the first {len(found)} records are listed; narrow the filter for the rest.",
        ]
    parts: dict[str, Any] = {
        "title": title or f"Briefing: {subject}"[:300],
        "subject": subject[:300],
        "body": "\n".join(lines),
        "closing": None,
    }
    return new_letter(session, parts, by, kind="briefing", filters=filters.as_dict())
