"""Actor: perpetrators by their canonical names, found through their aliases.

Aliases in lower case match in any case ("border guards", "Border Guards");
aliases with capitals (acronyms, "the Party") match only as written. Country
names ("North Korea closed its borders") count as the state only as the subject
of a clause, never after a preposition or as a possessive. Generic words ("the
authorities") name the state of the document's main country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import pycountry

from kirok.countries import label
from kirok.extraction.lexicon import actor_table, demonyms, sentence_rules, victim_words
from kirok.extraction.places import COUNTRY_POSSESSIVE, country_of
from kirok.extraction.prefilter import Prefilter, fold
from kirok.extraction.records import ActorMention, PlaceMention
from kirok.wordlists import alternation

# "... by the Ministry", "by an interrogator", "by local police", "by officers
# of China's state security": the actor of a passive verb
_AGENT_BEFORE = re.compile(
    r"\bby\s+(?:(?:the|a|an|its|their|local|provincial|state|maritime|coastal|military|railway|"
    r"county|city|district)\s+){0,2}"
    r"(?:(?:officers|agents|members|officials|personnel|operatives|men|police)\s+(?:of|from)\s+"
    r"(?:the\s+)?)?$",
    re.I,
)
_KOREA_AFTER = re.compile(r"\s+Korean?\b")
_PRIVATE_GUARD = re.compile(r"\b(?i:security|night|private|museum|bank|hotel|shop|car\s+park)\s+$")
# what a guard's post or tower is: "guard posts", "guard towers", "a guard hut"
_GUARD_THING = re.compile(r"\s+(?:posts?|towers?|huts?|houses?|boxes|box|stations?|rails?)\b")
_NOT_SUBJECT_BEFORE = frozenset(
    [
        "in",
        "near",
        "at",
        "on",
        "to",
        "from",
        "into",
        "of",
        "with",
        "for",
        "against",
        "toward",
        "towards",
        "about",
        "across",
        "the",
        "than",
        "between",
        "like",
        "inside",
        "outside",
        "within",
        "over",
        "via",
        "through",
        # verbs a place follows as their object: "reports that reached South Korea"
        "reach",
        "reached",
        "reaching",
        "entered",
        "entering",
        "visited",
        "visiting",
        "left",
        "leaving",
        "fled",
        "fleeing",
        "crossed",
        "crossing",
    ]
)


@dataclass(frozen=True)
class Actors:
    insensitive: re.Pattern[str] | None
    sensitive: re.Pattern[str] | None
    subject: re.Pattern[str] | None
    generic: re.Pattern[str] | None
    contextual: re.Pattern[str] | None
    police: re.Pattern[str] | None
    security: re.Pattern[str] | None  # "security agents": a country's security service
    military: re.Pattern[str] | None  # "soldiers": a country's armed forces
    national_state: re.Pattern[str] | None
    owned_state: re.Pattern[str] | None  # "North Korea's legislature"
    canonical: dict[str, tuple[str, str | None]]
    state_of: dict[str, str]
    reporting_after: re.Pattern[str]
    describes_person: re.Pattern[str] | None  # after a state word: "... government employee"


def _alternation(words: list[str], fold_case: bool = False) -> str:
    """Any of ``words`` as a whole word (either apostrophe matching either)."""
    body = alternation(words, fold_case=fold_case, apostrophes=True)
    return rf"(?<![\w-])(?:{body})(?![\w-])"


@cache
def actors() -> Actors:
    table = actor_table()
    canonical: dict[str, tuple[str, str | None]] = {}
    lower: list[str] = []
    upper: list[str] = []
    subject: list[str] = []
    for actor in table["actors"]:
        for alias in [actor["name"], *actor.get("aliases", [])]:
            key = alias.lower().replace("’", "'")
            canonical[key] = (actor["name"], actor.get("country"))
            exact = alias.isupper() or alias in table.get("case_sensitive", [])
            (upper if exact else lower).append(alias)
        for name in actor.get("subject_only", []):
            canonical[name.lower()] = (actor["name"], actor.get("country"))
            subject.append(name)
    reporting = sentence_rules()["reporting"]
    adjectives, _ = demonyms()
    national = [a for a, code in adjectives.items() if code]
    state_words = table.get("state_words", [])
    employees = table.get("state_people", [])
    return Actors(
        re.compile(_alternation(lower, fold_case=True), re.IGNORECASE) if lower else None,
        re.compile(_alternation(upper)) if upper else None,
        re.compile(_alternation(subject)) if subject else None,
        re.compile(_alternation(table.get("generic", []), fold_case=True), re.IGNORECASE),
        re.compile(_alternation(list(table.get("contextual", {})), fold_case=True), re.IGNORECASE),
        re.compile(
            _alternation(table.get("police", {}).get("words", []), fold_case=True), re.IGNORECASE
        ),
        re.compile(
            _alternation(table.get("security", {}).get("words", []), fold_case=True),
            re.IGNORECASE,
        ),
        re.compile(
            _alternation(table.get("military", {}).get("words", []), fold_case=True),
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w-])(?P<nation>{alternation(national)})"
            rf"\s+(?:{'|'.join(re.escape(w) for w in state_words)})(?![\w-])"
        )
        if national and state_words
        else None,
        re.compile(
            rf"{COUNTRY_POSSESSIVE}\s+(?:{'|'.join(re.escape(w) for w in state_words)})(?![\w-])"
        )
        if state_words
        else None,
        canonical,
        dict(table.get("state_of", {})),
        # ("the ministry said", "the ministry, in a report published in 2024, said")
        # (not past a word that opens a clause of its own: "arrested by state
        # security after a neighbour reported that ...")
        re.compile(
            rf"^\s*(?:,[^,.;]{{1,60}},\s*)?"
            rf"(?:(?!(?:after|because|when|before|since|once|while|until)\b)\w+\s+){{0,3}}{reporting}",
            re.IGNORECASE,
        ),
        re.compile(rf"\s+(?:{alternation(employees, fold_case=True)})(?![\w-])", re.IGNORECASE)
        if employees
        else None,
    )


def actor_country(name: str) -> str | None:
    """The country of a canonical actor ("Chinese authorities": CN), if it has one."""
    return next((country for known, country in actors().canonical.values() if known == name), None)


def state_actor(country: str | None) -> str | None:
    """The canonical name of a country's state, for generic words like "the authorities"."""
    if country is None:
        return None
    table = actors().state_of
    if country in table:
        return table[country]
    found = pycountry.countries.get(alpha_2=country)
    if found is None:
        return None
    return f"Government of {label(found)}"


def _contextual(word: str, text: str) -> str:
    rule = actor_table()["contextual"][word.lower()]
    words = set(re.findall(r"[a-z]+", text.lower()))
    for name, cues in rule["by_context"].items():
        if words & set(cues):
            return str(name)
    return str(rule["default"])


def _police(country: str | None, body: str = "police") -> str | None:
    """A country's police (or its security service, ``body`` "security", or its
    armed forces, "military"), as ``actors.json`` names it, or else its state."""
    if country is None:
        return None
    named = actor_table().get(body, {}).get(country)
    return str(named) if named else state_actor(country)


# after a country's name: the country acting, as a state does, on people
STATE_ACTS = re.compile(
    r"\s+(?:(?:has|had|have)\s+)?(?:forcibly\s+)?(?:returned|deported|repatriated|expelled|"
    r"(?:sent|handed|forced)\s+(?:(?:them|him|her|us|me)\s+)?back|handed\s+over)\b"
)


_NOT_TOLD = re.compile(r"\b(?:not|never|refused|refuses|declined|declines)\b", re.IGNORECASE)


def _tells(reporting: re.Match[str] | None) -> bool:
    """Whether the reporting words after an actor tell something: "the ministry
    said", not "the North has not told us where he is" (who keeps it hidden),
    nor "the state ranks its citizens according to ..." (how it acts: "according
    to" names a source only before it, "according to the ministry")."""
    return (
        reporting is not None
        and not _NOT_TOLD.search(reporting.group())
        and "according" not in reporting.group().lower()
    )


@cache
def _prefilter() -> tuple[Prefilter, dict[int, int]]:
    """Which of the actor patterns a sentence holds the words for."""
    table = actors()
    patterns = [
        p
        for p in (
            table.sensitive,
            table.insensitive,
            table.national_state,
            table.owned_state,
            table.contextual,
            table.police,
            table.security,
            table.military,
            table.subject,
            table.generic,
        )
        if p is not None
    ]
    return Prefilter(patterns), {id(p): number for number, p in enumerate(patterns)}


def _matcher(text: str) -> Callable[[re.Pattern[str] | None], Iterator[re.Match[str]]]:
    """A pattern's matches in ``text``: none, without a search, when ``text``
    lacks the words it needs."""
    prefilter, number = _prefilter()
    chosen = prefilter.possible(fold(text))

    def matches(pattern: re.Pattern[str] | None) -> Iterator[re.Match[str]]:
        if pattern is None or number[id(pattern)] not in chosen:
            return iter(())
        return pattern.finditer(text)

    return matches


_GENERIC = 3  # the priority of words that name no state by themselves ("the authorities")


def _key(words: str) -> str:
    """An alias as the table keeps it: lower case, a straight apostrophe, one
    space between words (a match may run over a line's end)."""
    return " ".join(words.lower().replace("’", "'").split())


@cache
def _ruler_orders() -> re.Pattern[str]:
    """The name of one who rules North Korea right before an order or decree
    ("Kim Jong Il ordered", "Kim Jong Un had declared ... and ordered"): the
    state acts. (Named otherwise, a ruler acts for no one: a victim's relative,
    a target of sanctions, a speaker.)"""
    names = [
        r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", name))
        for name in victim_words()["rulers"]
    ]
    return re.compile(
        rf"(?<![\w-])(?i:{'|'.join(names)})(?=\s+(?:had\s+|has\s+)?(?:personally\s+)?"
        r"(?:ordered|decreed|directed|instructed|declared)\b)"
    )


def find_actors(
    text: str, offset: int, main_country: str | None, places: list[PlaceMention] | None = None
) -> list[ActorMention]:
    """Actor mentions in a sentence ``text`` that starts at document offset ``offset``.

    Words that name no state by themselves ("the authorities", "police") take
    the country of the place the sentence is set in, or else the document's.
    """
    table = actors()
    adjectives, _ = demonyms()
    here = next((p.country for p in places or [] if p.locative and p.country), None) or main_country
    spans: list[tuple[int, int, str, str | None, int]] = []
    matches = _matcher(text)
    for pattern in (table.sensitive, table.insensitive):
        for match in matches(pattern):
            name, country = table.canonical[_key(match.group())]
            spans.append((match.start(), match.end(), name, country, 0))
    ruling = state_actor("KP")
    if ruling and "Kim" in text:
        for match in _ruler_orders().finditer(text):
            # "Kim Jong Il ordered the security forces to ...": the state he rules
            spans.append((match.start(), match.end(), ruling, "KP", 0))
    for match in matches(table.national_state):
        nation = adjectives.get(match.group("nation"))
        state = state_actor(nation) if nation != "KP" else None
        if nation == "KP" and "police" in match.group().lower():
            state = _police("KP")
        if state:
            spans.append((match.start(), match.end(), state, nation, 1))
    for match in matches(table.owned_state):
        nation = country_of([match])
        state = state_actor(nation)
        if nation == "KP" and "police" in match.group().lower():
            state = _police("KP")
        if state:
            spans.append((match.start(), match.end(), state, nation, 1))
    for match in matches(table.contextual):
        if _PRIVATE_GUARD.search(text, 0, match.start()):
            continue  # "a 52-year-old security guard": a job, no state's guard
        if _GUARD_THING.match(text, match.end()):
            continue  # "new fences and guard posts": a building, no one
        name = _contextual(match.group(), text)
        country = next((c for n, c in table.canonical.values() if n == name), None)
        spans.append((match.start(), match.end(), name, country, 2))
    for match in matches(table.police):
        police = _police(here)
        if police:
            spans.append((match.start(), match.end(), police, here, 2))
    for match in matches(table.security):
        security = _police(here, "security")
        if security:
            spans.append((match.start(), match.end(), security, here, 2))
    for match in matches(table.military):
        # (where the text names no country: North Korea's, as Kirok reads first)
        military = _police(here or "KP", "military")
        if military:
            spans.append((match.start(), match.end(), military, here or "KP", 2))
    for match in matches(table.subject):
        after = text[match.end() : match.end() + 2]
        before = text[: match.start()].split()
        previous = before[-1].lower() if before else ""
        if after.startswith(("'", "’")) or previous in _NOT_SUBJECT_BEFORE:
            continue
        if _KOREA_AFTER.match(text, match.end()):
            continue  # "the North Korean authorities": another name, found by its own
        name, country = table.canonical[_key(match.group())]
        spans.append((match.start(), match.end(), name, country, 0))
    for place in places or ():
        # "whom Laos returned", "Thailand deported them": a country that acts is its state
        at = place.start - offset
        if (
            place.kind == "country"
            and place.country
            and STATE_ACTS.match(text, at + len(place.text))
        ):
            state = state_actor(place.country)
            if state and at >= 0:
                spans.append((at, at + len(place.text), state, place.country, 1))
    for match in matches(table.generic):
        name_or_none = state_actor(here)
        if name_or_none:
            spans.append((match.start(), match.end(), name_or_none, here, _GENERIC))
    named = [(start, end) for start, end, _, _, priority in spans if priority < _GENERIC]
    if named:
        # "the state security department": a body's name, not "the state" before it
        spans = [
            span
            for span in spans
            if span[4] < _GENERIC or not any(s < span[1] and span[0] < e for s, e in named)
        ]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[4]))
    mentions: list[ActorMention] = []
    reach = -1
    for start, end, name, country, _priority in spans:
        if start < reach:
            continue
        if table.describes_person is not None and table.describes_person.match(text, end):
            continue  # "a South Korean government employee": a person, not the state
        reach = end
        preceding = text[max(0, start - 40) : start]
        mentions.append(
            ActorMention(
                offset + start,
                offset + end,
                text[start:end],
                name,
                country,
                is_source=_tells(table.reporting_after.match(text[end : end + 120]))
                or "according to" in text[max(0, start - 20) : start].lower(),
                is_agent=bool(_AGENT_BEFORE.search(preceding)),
            )
        )
    return mentions
