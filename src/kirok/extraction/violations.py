"""Violation: triggers from the lexicon, and the rules that say a sentence states no act.

Finding (``find_triggers``) is kept apart from writing records
(:mod:`kirok.extraction.assemble`), as spaCy's rule components do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kirok.extraction.lexicon import (
    TriggerPattern,
    patterns_by_stem,
    sentence_rules,
    trigger_patterns,
)
from kirok.extraction.prefilter import Alternatives, Prefilter, fold
from kirok.extraction.records import Trigger

_SMALL_WORDS = frozenset(
    [
        "of",
        "the",
        "for",
        "and",
        "in",
        "by",
        "on",
        "at",
        "to",
        "a",
        "an",
        "de",
        "des",
        "la",
        "le",
        "du",
        "für",
        "und",
    ]
)
# a passive's auxiliary: "was", "were", "had been" ("were killed", "has been held")
PASSIVE_AUX = r"(?:was|were|had\s+been|have\s+been|has\s+been)"
# a remark in brackets: "(not her real name)"
ASIDE = re.compile(r"\([^()\n]{1,200}\)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# told to someone, before what was decided for a person: "was told on the 14th that Seol-hee "
_TOLD_DECISION = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:informed|told)\b[^.;]{0,40}?"
    r"\bthat\s+(?:[\w'’-]+\s+){1,3}$",
    re.IGNORECASE,
)
# (not one in a clause a comma closed before the act: "who knew of the crime and
# did not report it, is sentenced to two years")
_NEGATION = re.compile(
    r"\b(?:not|no|never|denied|denies|deny|nobody|none)\b,?(?:\s+[^\s,]+){0,5},?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SentenceRules:
    # a demand, or what happens to whoever ...: no act at all (read first, as one
    # alternation: most sentences hold none of these)
    may_be_no_act: Alternatives
    # of those, what is never an act: an instruction, a generic sentence, a plot
    no_act: Alternatives
    # "We urge ... to release ...": no act, but for the act a clause on those it
    # asks to free tells ("... to free the three missionaries it has held since 2013")
    demand: Alternatives
    # "Japan recognised her as a victim of abduction in 2006": a status given, no
    # act; but an act a clause before it tells still counts
    status: Alternatives
    # "An earlier version of this report said ...": a claim taken back
    retracted: Alternatives
    hypothetical: Alternatives
    background: Alternatives
    non_human_cause: Alternatives
    # "Of the raiders themselves, twenty-nine were killed": the attackers, no victims
    attackers_killed: Alternatives


@cache
def rules() -> SentenceRules:
    """The sentence rules, each list tried as one alternation of the patterns
    a sentence holds the words for (:mod:`kirok.extraction.prefilter`)."""
    data = sentence_rules()

    def compiled(*keys: str) -> Alternatives:
        patterns: list[str] = []
        for key in keys:
            value = data[key]
            patterns.extend([value] if isinstance(value, str) else value)
        return Alternatives(patterns, re.IGNORECASE)

    return SentenceRules(
        # "We urge ...", "Do not write ...", "Those who are sent back ... are
        # beaten", "Japan recognised her as a victim of abduction in 2006", "In
        # the film's first act, a guard beats him"
        compiled("demand", "instruction", "generic", "status", "fiction"),
        compiled("instruction", "generic", "fiction"),
        compiled("demand"),
        compiled("status"),
        compiled("retracted"),
        compiled("hypothetical"),
        compiled("background"),
        compiled("non_human_cause"),
        compiled("attackers_killed"),
    )


# a clause that tells an act, with its year, right before the status its
# victims were given: ", taken from a beach in Niigata in 1977 at the age of
# thirteen, are "
_ACT_BEFORE_STATUS = re.compile(
    r",\s+(?:taken|abducted|kidnapped|seized|snatched|lured)\b[^;]{0,120}?\b(?:1[89]|20)\d\d\b"
    r"[^;]{0,60}?,\s+(?:are|is|was|were|has\s+been|have\s+been)\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)


# a clause that tells how long those a demand is for have been held: "... it has
# held since 2013", "... who have been detained since May"
_HELD_SINCE = re.compile(
    r"\b(?:who|whom|that|it|they|which)\s+(?:has|have|had)\s+(?:been\s+)?"
    r"(?:held|detained|jailed|imprisoned)\s+since\b",
    re.IGNORECASE,
)


def _aux_of(words: str) -> str:
    """The passive's auxiliary an act's words open with ("were " of "were shot
    dead"), or nothing."""
    first = words.split(maxsplit=1)[0]
    return f"{first} " if first.lower() in ("was", "were", "been") else ""


def is_heading(text: str) -> bool:
    """A title, a name in a list, a letterhead line: words mostly capitalised, no full stop."""
    stripped = text.strip()
    if stripped.endswith((".", "!", "?", ".”", '."')) or "\n" in stripped:
        return False
    words = [w for w in _WORD.findall(stripped) if w.lower() not in _SMALL_WORDS]
    if not words or len(words) > 14:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


@lru_cache(maxsize=4096)
def patterns_for(stems: frozenset[str]) -> tuple[TriggerPattern, ...]:
    """The trigger patterns worth running on a sentence holding these stems, in data order."""
    by_stem = patterns_by_stem()
    chosen = {id(p) for stem in stems for p in by_stem.get(stem, ())}
    return tuple(p for p in trigger_patterns() if id(p) in chosen)


@cache
def _trigger_prefilter() -> Prefilter:
    """Which trigger patterns a sentence holds the words for (by their place in
    :func:`trigger_patterns`)."""
    return Prefilter([p.regex.pattern for p in trigger_patterns()], re.IGNORECASE)


@cache
def _pattern_number() -> dict[int, int]:
    return {id(p): number for number, p in enumerate(trigger_patterns())}


def stems_in(text: str, stems: tuple[str, ...]) -> set[str]:
    """The stems that start a word somewhere in ``text`` (for tests and single sentences)."""
    lowered = text.lower()
    found = set()
    for stem in stems:
        index = lowered.find(stem)
        while index != -1:
            if index == 0 or not lowered[index - 1].isalnum():
                found.add(stem)
                break
            index = lowered.find(stem, index + 1)
    return found


def _drop_contained(found: list[Trigger]) -> list[Trigger]:
    return [
        t
        for t in found
        if not any(
            o is not t
            and o.family == t.family
            and o.start <= t.start
            and t.end <= o.end
            and (o.end - o.start) > (t.end - t.start)
            for o in found
        )
    ]


# a paper that is "executed" (signed, carried out), not a person: "Agreements
# with partners are executed in two copies", "the orders were executed"
_PAPER_EXECUTED = re.compile(
    r"\b(?:agreements?|contracts?|deeds?|wills?|documents?|leases?|memorand(?:a|ums?)"
    r"|instruments?|warrants?|orders?|plans?|copies|forms?)"
    r"(?:\s+(?:with|between|of|for|on|from)(?:\s+[\w'’-]+){1,3})?"
    r"\s+(?:is|are|was|were|be|been|being)\s+(?:duly\s+|fully\s+|properly\s+)?$",
    re.IGNORECASE,
)
# a film or picture, just before "was shot": "the documentary, which was shot in
# Yanji", "The images of the border fence were shot in 2019"
_FILMED = re.compile(
    r"\b(?:documentar(?:y|ies)|films?|footage|videos?|movies?|scenes?|episodes?|series"
    r"|pictures?|photos?|photographs?|images?)(?:\s+of(?:\s+[\w'’-]+){1,4}?)?"
    r"(?:,?\s+(?:which|that))?\s+(?:was|were|is|are"
    r"|had\s+been|has\s+been|have\s+been|being)?\s*$",
    re.IGNORECASE,
)
_QUOTES = frozenset("\"“”‘’'")
# what befalls fighters, not victims: "killed or captured", "killed or taken prisoner"
_OR_CAPTURED = re.compile(r"\s+or\s+(?:captured|taken\s+prisoner)\b")


def _past_demand_and_status(
    text: str, folded: str, matches: list[tuple[TriggerPattern, re.Match[str]]]
) -> list[tuple[TriggerPattern, re.Match[str]]]:
    """The matches a demand or a status given in ``text`` leaves: none, unless
    a clause tells an act apart from them."""
    table = rules()
    demand = table.demand.search(text, folded)
    if demand is not None:
        held = _HELD_SINCE.search(text, demand.end())
        if held is None:
            return []  # a demand
        # ("urged Pyongyang to free the three South Korean missionaries it has held
        # since 2013 and 2014"): the holding the clause tells
        matches = [(p, m) for p, m in matches if m.start() >= held.start()]
    status = table.status.search(text, folded)
    if status is not None:
        if not _ACT_BEFORE_STATUS.search(text, 0, status.start()):
            return []
        # ("Seventeen Japanese citizens, among them Megumi Yokota, taken from a
        # beach in Niigata in 1977 ..., are recognised by Japan as abductees"):
        # the act the clause before the status tells, not the status
        matches = [(p, m) for p, m in matches if m.end() <= status.start()]
    return matches


def find_triggers(text: str, offset: int, stems: set[str] | None = None) -> list[Trigger]:
    """Acts and named violations in one sentence, after the sentence rules.

    ``stems`` are the trigger stems the sentence holds, when the caller already
    knows them; only the patterns those stems point to are run.
    """
    patterns = trigger_patterns() if stems is None else patterns_for(frozenset(stems))
    folded = fold(text)
    possible = _trigger_prefilter().possible(folded)
    matches = [
        (p, m)
        for p in patterns
        if _pattern_number()[id(p)] in possible
        for m in p.regex.finditer(text)
    ]
    if not matches or is_heading(text):
        return []
    table = rules()
    if table.retracted.search(text, folded):
        return []  # a claim taken back
    if table.may_be_no_act.search(text, folded):
        if table.no_act.search(text, folded):
            return []  # an instruction, what happens to whoever ..., a plot
        matches = _past_demand_and_status(text, folded, matches)
        if not matches:
            return []
    hypothetical = [
        m.span()
        for m in table.hypothetical.finditer(text, folded)
        # ("her mother was told that she would be sent to a labour camp": a
        # decision told to the family, not what might happen)
        if not _TOLD_DECISION.search(text, max(0, m.start() - 80), m.start())
    ]
    natural = table.non_human_cause.regex_for(text, folded)
    attackers = table.attackers_killed.regex_for(text, folded)
    found: list[Trigger] = []
    for pattern, match in matches:
        start, end = match.span()
        if any(start < e and s < end and not start <= s < e <= end for s, e in hypothetical):
            continue  # (a trigger holding the whole of one is the threat: "anyone ... would be shot")
        if start and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
            continue  # the "executed" singer: a word in scare quotes states no act
        before = text[max(0, start - 40) : start]
        if "(" in before or ")" in before:
            # (not an aside's: "Su-bin (not her real name) ...", "a man (invented;
            # his family asked that he not be named) was held")
            before = ASIDE.sub(" ", before)
            before = before[before.rfind(")") + 1 :]  # (an aside opened further back)
        if _NEGATION.search(before):
            continue
        if pattern.violation == "life.execution" and _PAPER_EXECUTED.search(
            text, max(0, start - 80), start
        ):
            continue  # "Agreements with partners are executed in two copies": signed
        if (
            pattern.violation.startswith("life.")
            and "shot" in match.group().lower()
            and _FILMED.search(text, max(0, start - 60), start)
        ):
            continue  # "the documentary, which was shot over three years": filmed
        if (
            natural is not None
            and pattern.violation.startswith("life.")
            and natural.search(text[max(0, start - 80) : start])
        ):
            continue  # "floods killed dozens": no one did it
        if (
            attackers is not None
            and pattern.violation.startswith("life.")
            and attackers.search(text[max(0, start - 80) : start] + _aux_of(match.group()))
        ):
            continue  # "twenty-nine of the raiders were killed in the fighting"
        if pattern.violation.startswith("life.") and _OR_CAPTURED.match(text, end):
            continue  # "Most of them were killed or captured": fighters, hunted down
        found.append(
            Trigger(
                start,
                end,
                match.group(),
                pattern.violation,
                pattern.kind,
                pattern.form,
                pattern.victim_before,
            )
        )
    # A trigger inside a longer one of the same family says the same thing.
    if len(found) > 1:
        found = _drop_contained(found)
    if table.background.search(text, folded):
        found = [t for t in found if t.form == "act"]
        if len({t.family for t in found}) >= 3:
            return []
    for trigger in found:
        trigger.start += offset
        trigger.end += offset
    found.sort(key=lambda t: t.start)
    return found
