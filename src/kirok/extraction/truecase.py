"""Lines written all in capitals (a broadcast's script, a telex, a headline) read
in ordinary case: the extraction's patterns know places, months and bodies by
their capitals, and a line in capitals gives every word one.

A line is lower-cased, its sentences' first letters are capitalised again, and
the names Kirok knows are written as it knows them: places of the region and
of its seas, rivers and camps, countries and their peoples, the bodies that
act (with their acronyms), days of the week, and months where a date or a
preposition of time stands by them ("IN MAY", "MAY 3", not "HE MAY HAVE").
The line keeps its length, so every offset holds.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

import ahocorasick

# a run of five words in capitals: a text that may hold such lines
_SHOUTED = re.compile(r"\b[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’,.-]*){4,}")
_LINE = re.compile(r"[^\n]+")
SHOUTED_SHARE = 0.9  # of a line's letters in capitals, at least
SHOUTED_LETTERS = 20  # and that many letters
# where a sentence starts: the line's start, or after a stop, a colon or a dash
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|--\s+|—\s*)[\W_]*([a-z])")
# the region whose places a line in capitals may name (a town's name elsewhere in
# the world may be an English word: "Nice", "Mobile")
_REGION = frozenset({"KP", "KR", "CN", "JP", "RU", "MN"})
# what makes a month's name a month, before or after it: a number, or a word of time
_MONTH_BEFORE = re.compile(
    r"(?:\d|\b(?:in|of|on|since|until|till|by|from|through|to|early|late|mid|last|next|this)"
    r")[\s-]*$"
)
_MONTH_AFTER = re.compile(r"[\s,]*\d")


def truecased(text: str) -> str:
    """``text`` with each line in capitals read in ordinary case."""
    if _SHOUTED.search(text) is None:
        return text
    return _LINE.sub(
        lambda line: _truecased(line.group()) if _shouted(line.group()) else line.group(), text
    )


def _shouted(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if len(letters) < SHOUTED_LETTERS:
        return False
    return sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)


def _truecased(line: str) -> str:
    chars = list(line.lower())
    lowered = "".join(chars)
    for start in (m.start(1) for m in _SENTENCE_START.finditer(lowered)):
        chars[start] = chars[start].upper()
    reach = -1
    for start, end, written in _names_in(lowered):
        if start < reach:
            continue
        if written in _months() and not (
            _MONTH_BEFORE.search(lowered, 0, start) or _MONTH_AFTER.match(lowered, end)
        ):
            continue  # ("HE MAY HAVE BEEN TAKEN": no month)
        chars[start:end] = written
        reach = end
    return "".join(chars)


def _names_in(lowered: str) -> list[tuple[int, int, str]]:
    """The known names in a lower-cased line, leftmost and longest first, each
    whole words: (start, end, the name as Kirok writes it)."""
    hits = []
    for last, written in _automaton().iter(lowered):
        start, end = last - len(written) + 1, last + 1
        before = lowered[start - 1] if start else " "
        after = lowered[end] if end < len(lowered) else " "
        if not (before.isalnum() or after.isalnum()):
            hits.append((start, end, written))
    return sorted(hits, key=lambda hit: (hit[0], hit[0] - hit[1]))


@cache
def _months() -> frozenset[str]:
    return frozenset(name for name in calendar.month_name if name)


@cache
def _automaton() -> ahocorasick.Automaton:
    from kirok.extraction.lexicon import actor_table, load_json
    from kirok.extraction.places import gazetteer

    names: set[str] = set(_months())
    names.update(name for name in calendar.day_name)
    for name, place in gazetteer().items():
        if place.kind == "country" or place.country in _REGION:
            names.add(name)
    names.update(load_json("demonyms.json")["adjectives"])
    for actor in actor_table()["actors"]:
        names.update([actor["name"], *actor.get("aliases", [])])
    written: dict[str, str] = {}
    for name in names:
        if name == name.lower() or len(name) < 2 or name.lower().startswith("the "):
            continue  # ("The Tumen" is a sentence's first words)
        key = name.lower()
        if sum(c.isupper() for c in name) > sum(c.isupper() for c in written.get(key, "")):
            written[key] = name  # ("Tumen River" over "Tumen river")
    machine = ahocorasick.Automaton()
    for key, name in written.items():
        machine.add_word(key, name)
    machine.make_automaton()
    return machine
