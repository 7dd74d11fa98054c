"""Victims: how many, the words that say so, names, nationality, age and sex.

A victim phrase is a quantity ("three", "a", "at least 12", "tens of
thousands") and a word for people ("men", "citizen", "fisheries official"),
with up to five words between them; or a plural nationality noun ("North
Koreans"); or a family group ("the man and his family"). Number words are read
by number-parser; vague quantities come from a lexicon and leave the count
empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from number_parser import parse_number

from kirok.dates import MONTH, YEAR
from kirok.extraction.lexicon import demonyms, victim_words
from kirok.extraction.places import COUNTRY_POSSESSIVE, country_of
from kirok.extraction.records import VictimMention
from kirok.wordlists import alternation

# Nouns that are also adjectives ("an official passport") must end the phrase.
_AMBIGUOUS = frozenset({"official", "national", "resident", "member", "christian", "youth", "crew"})
_AFTER_AMBIGUOUS = re.compile(
    r"^(?:\s*[,.;:)\]—–-]|\s*$|\s+(?:who|was|were|had|has|and|in|from|of|on|at|by|named|called|to|"
    r"[A-Z]))"
)
# a Korean given name alone, as testimonies give it ("Eun-ji (not her real name)")
_GIVEN_TAIL = r"[a-z]{1,4}-[a-z]{2,5}"  # (after its capital)


def _name_pattern(prefixes: list[str]) -> str:
    """Two to five capitalised words, one right after "surnamed", or a given name
    alone that is no English word with a prefix ("Anti-state"). All begin with a
    capital, written once at the front so that the regex engine skips every
    other character without trying the pattern there; a prefix is tried right
    after that capital, which must be its own."""
    not_given = "|".join(f"(?<={p[0]}){p[1:]}-" for p in prefixes)
    return (
        r"[A-Z](?:[a-z]+(?:-[A-Za-z][a-z]*)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]*)?){1,4}"
        r"|(?<=surnamed [A-Z])[a-z]+(?:-[a-z]+)?"
        rf"|(?!{not_given}){_GIVEN_TAIL}(?![\w-]))"
    )


_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_AGE = re.compile(
    r"(?<!\d)(\d{1,3})[- ]years?[- ]old|\b(?:aged|at\s+the\s+age\s+of)\s+(\d{1,3})\b"
    rf"|\b((?i:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|{_UNITS}))-years?-old\b"  # "seven-year-old"
    # "..., when he was 16.": not "when she was 16 kilometres away"
    r"|\b(?i:when)\s+(?:he|she)\s+was\s+(\d{1,2})(?:\s+years\s+old)?(?=\s*[,.;)]|\s+and\s)"
)


def _age(groups: tuple[Any, ...]) -> int:
    """The age an :data:`_AGE` match gives, in digits or in words."""
    digits = groups[0] or groups[1] or groups[3]
    return int(digits) if digits else int(parse_number(groups[2].replace("-", " ")) or 0)


@dataclass(frozen=True)
class VictimPatterns:
    phrase: re.Pattern[str]
    plural_demonym: re.Pattern[str]
    group: re.Pattern[str]
    name: re.Pattern[str]
    demonym: re.Pattern[str]
    sex: dict[str, str | None]
    singular: frozenset[str]
    plural: frozenset[str]  # (its words for people, lower-cased)
    vague: dict[str, int | None]
    implied: dict[str, str]
    pseudonym: re.Pattern[str]  # "Ms. A", "Mr. Pak": one person, by a title
    pseudonym_titles: tuple[str, ...]
    pseudonym_sex: dict[str, str | None]
    modifier: re.Pattern[str]  # "at least", "some", "a further": before a count
    possessives: frozenset[str]
    counted: dict[str, int]  # words for people that say how many: "parents"
    and_one_more: re.Pattern[str]  # ", and (his) younger sister": one more
    after_act: re.Pattern[str]  # right after an act: "her", "his wife", "inmates"
    before_passive: re.Pattern[str]  # "she was ...", at the end of the text before an act
    plural_subject: re.Pattern[str]  # "Women held in ... were ...": a sentence's first words
    the_plural_before: re.Pattern[str]  # "the women were ...", at the end of the text before an act
    the_plural_subject: re.Pattern[str]  # "the women" right before an act told of them
    cases_were: re.Pattern[str]  # "Twelve of the new cases were" (forced returns): so many
    pronoun_sex: dict[str, str | None]
    family_of: re.Pattern[str]  # "a North Korean family of four": how many it names
    the_number: re.Pattern[str]  # "the nine" (who were named before): a group of so many
    couple: re.Pattern[str]  # "Mr and Mrs Yoon": two people
    kin_owner: re.Pattern[str]  # "my cousin's" (husband): a relative's relative is one
    some_of_them: re.Pattern[str]  # "one of them", "two of them": so many of a group


# a person's name in the possessive, as the owner of a relative ("Kang's grandfather")
_NAMED_OWNER = r"(?-i:[A-Z][a-z][\w-]*['’]s)"
_NAMED_OWNER_WORD = re.compile(_NAMED_OWNER)


@cache
def patterns() -> VictimPatterns:
    data = victim_words()
    adjectives, plurals = demonyms()
    people = data["people"]
    numbers = alternation(data["number_words"], fold_case=True)
    possessives = alternation(data["possessives"], fold_case=True)
    number = rf"(?:\d(?:[\d,]*\d)?|(?:{numbers})(?:[- ](?:{numbers}|and))*)"
    # a relative's relative: "my cousin's husband", "her brother's wife" are one
    kin_owner = rf"(?:{possessives}|our|your)\s+[a-z]+(?:-in-law)?['’]s"
    count = (
        rf"(?:(?:between|from)\s+{number}\s+(?:and|to)\s+{number}"
        rf"|{number}\s+(?:to|or)\s+{number}"
        rf"|(?:(?:{alternation(data['modifiers'], fold_case=True)})\s+)?"
        rf"(?:{alternation(data['vague'], fold_case=True)}|{number}|an?|one|the)"
        rf"|{kin_owner}|{possessives}|{_NAMED_OWNER})"  # "her brother", "Kang's grandfather": one
    )
    filler_stop = (
        rf"(?:a|an|the|and|or|to|of|who|that|which|by|when|while|as|my|our|your|both|"
        rf"{possessives}|{numbers})"
    )  # (not "seven-year-old", a word of its own)
    filler = rf"(?:(?!{filler_stop}(?![\w'’-]))(?:\d{{1,3}}-years?(?:-old)?|[A-Za-z][\w'’-]*)\s+)"
    nouns = alternation([p["word"] for p in people] + list(plurals), fold_case=True)
    phrase = re.compile(
        rf"(?<![\w-])(?P<count>{count})(?:\]\([^)\s]{{0,200}}\))?(?:\s+of(?:\s+(?:the|those|these|their|his|her|our|its))?)?\s+(?P<mods>{filler}{{0,5}}?)(?P<noun>{nouns})(?![\w-])",
        re.IGNORECASE,
    )
    singular = [p["word"] for p in people if p["singular"]]
    plural = [p["word"] for p in people if not p["singular"]]
    pronouns = data["pronouns"]
    after_act = re.compile(
        rf"\s+(?:(?:{possessives})\s+"
        rf"(?P<one>{alternation(singular, fold_case=True)})"
        rf"|(?P<pronoun>{alternation(pronouns['object'], fold_case=True)})(?![\w'’])"
        rf"|{filler}{{0,2}}?(?P<many>{alternation(plural, fold_case=True)}))(?![\w-])",
        re.IGNORECASE,
    )
    before_passive = re.compile(
        # "they were beaten", "they were deprived of sleep and beaten"; "he
        # was believed to have died"; "each of them was given ten years"; "he
        # was given ten years of reform through labour and sent to ..."
        r"(?<![\w-])(?P<of>(?i:each|all|every\s+one)\s+of\s+)?"
        rf"(?P<pronoun>(?(of)(?i:them|us)|{alternation(pronouns['subject'], fold_case=True)}))\s+"
        r"(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+"
        r"(?:(?:(?!(?:that|told|said|heard|learned|who|which|when|while)\b)\w+\s+){1,7}"
        r"(?:and|or)\s+|\w+\s+)?"
        r"|(?:was|were|is|are)\s+(?:believed|thought|said|reported|known|feared|presumed)"
        r"\s+to\s+have\s+(?:been\s+)?)$",
        re.IGNORECASE,
    )
    titles = data["pseudonym_titles"]
    plural_subject = re.compile(
        rf"\W*(?:(?:the|these|those)\s+)?(?P<many>{filler}{{0,2}}?(?:{alternation(plural, fold_case=True)}))(?![\w-])",
        re.IGNORECASE,
    )
    the_plural = (
        rf"(?<![\w-])(?P<many>(?:the|these|those)\s+(?:{alternation(plural, fold_case=True)}))\s+"
    )
    the_plural_before = re.compile(
        the_plural
        # ("The students were questioned for ten days and then sent ...")
        + r"(?:was|were|had\s+been|have\s+been)\s+(?:(?:\w+\s+){1,6}?(?:and|or)\s+(?:then\s+|later\s+)?"
        r"|\w+\s+)?$",
        re.IGNORECASE,
    )
    the_plural_subject = re.compile(the_plural + "$", re.IGNORECASE)
    # a report's count of its cases, opening the sentence and right before the
    # act's words: "Twelve of the new cases were (forced returns)", "Eight (were arrests)"
    cases_were = re.compile(
        rf"\W*(?P<count>{number})(?P<cases>\s+of\s+(?:the|these|those|our|them)(?:\s+[\w-]+){{0,2}}?"
        r"\s+(?:cases|reports|incidents|accounts|records))?\s+(?P<verb>(?:were|are)\s+(?:(?:all|also)\s+)?)?",
        re.IGNORECASE,
    )
    return VictimPatterns(
        phrase=phrase,
        plural_demonym=re.compile(rf"(?<![\w-])(?:{alternation(plurals)})(?![\w-])"),
        group=re.compile("|".join(data["groups"]), re.IGNORECASE),
        name=re.compile(_name_pattern(data["hyphen_prefixes"])),
        demonym=re.compile(
            rf"(?<![\w-])(?:{alternation(a for a in adjectives if adjectives[a])})(?![\w-])"
        ),
        sex={p["word"].lower(): p["sex"] for p in people},
        singular=frozenset(p["word"].lower() for p in people if p["singular"]),
        plural=frozenset(word.lower() for word in plural),
        vague={k.lower(): v for k, v in data["vague"].items()},
        implied={k.lower(): v for k, v in data["implied_nationality"].items()},
        # "Ms. A", or "Mr. Pak" with no given name after it (nor "'s")
        pseudonym=re.compile(
            rf"(?<![\w-])(?P<title>{alternation(titles)})\.?\s+"
            r"(?:[A-Z](?![\w-])|[A-Z][a-z]+(?:-[a-z]+)?(?![\w'’-])(?!\s+[A-Z]))"
        ),
        pseudonym_titles=tuple(titles),
        kin_owner=re.compile(kin_owner, re.IGNORECASE),
        some_of_them=re.compile(rf"(?<![\w-])({number})\s+of\s+them\b", re.IGNORECASE),
        couple=re.compile(
            rf"(?<![\w-])(?:{alternation(t for t, sex in titles.items() if sex == 'male')})\.?\s+"
            rf"and\s+(?:{alternation(t for t, sex in titles.items() if sex == 'female')})\.?\s+"
            r"[A-Z][\w'’-]+"
        ),
        pseudonym_sex=dict(titles),
        modifier=re.compile(rf"^(?:{alternation(data['modifiers'], fold_case=True)})\s+"),
        possessives=frozenset(word.lower() for word in data["possessives"]),
        counted={p["word"].lower(): p["count"] for p in people if p.get("count")},
        and_one_more=re.compile(
            rf"\s*,?\s+and\s+(?:(?:(?:{possessives})\s+)?(?:[a-z][\w-]*\s+)?"
            rf"(?:{alternation(singular, fold_case=True)})|(?-i:I|me|myself))(?![\w-])",
            re.IGNORECASE,
        ),  # ("his parents and younger sister", "my mother and I")
        after_act=after_act,
        before_passive=before_passive,
        plural_subject=plural_subject,
        the_plural_before=the_plural_before,
        the_plural_subject=the_plural_subject,
        cases_were=cases_were,
        family_of=re.compile(
            rf"(?<![\w-])(?:a|an|one|the|his|her|their|my|our)\s+"
            rf"(?P<mods>{filler}{{0,3}}?)(?:famil(?:y|ies)"
            # "her whole class of thirty-two was sent": a group counted, no word for
            # its people after the number (a "crew of eight fishermen" are those)
            rf"|(?:class|crew|team|group|unit|brigade|household)"
            rf"(?=\s+of\s+(?:{number})(?:\s*[,.;:)]|\s+(?:was|were|had|has|is|are)\b)))"
            rf"\s+of\s+(?P<count>{number})(?![\w-])",
            re.IGNORECASE,
        ),
        pronoun_sex={
            word.lower(): sex for table in pronouns.values() for word, sex in table.items()
        },
        the_number=re.compile(
            # (not a number's first digits: "the 2.97 million doses", "the 1,500")
            rf"(?<![\w-])(?<!\bof\s)the\s+(?:other\s+|remaining\s+)?(?P<count>{number})"
            rf"(?![.,]\d)(?=\s*[,.;:)]|\s+(?:{_AFTER_THE_NUMBER})\b)",
            re.IGNORECASE,
        ),
    )


_AS_ROLE = re.compile(r"(?<!such)\s(?i:as)\s+$")  # "as a tourist": a role, not a victim
# what may follow "the nine" for it to be a group of people, not "the nine months"
_AFTER_THE_NUMBER = (
    "who|were|are|was|had|have|in|into|to|from|on|at|back|and|with|for|before|after|"
    "near|across|remain|remained|all|both|there|by|off|away|while"
)


def _count(
    count_words: str, noun: str, table: VictimPatterns, partitive: bool = False
) -> int | None:
    """How many ``count_words`` say; ``partitive``: of a group ("one of its
    nationals" is one)."""
    words = count_words.lower()
    if re.search(r"\d\s+(?:and|to|or)\s+\S|^(?:between|from)\s", words):
        return None  # a range: the count is uncertain
    core = table.modifier.sub("", words)
    if core in table.vague:
        return table.vague[core]
    if core in ("a", "an", "one"):
        return 1 if noun.lower() in table.singular or (partitive and core == "one") else None
    if (
        core in table.possessives
        or _NAMED_OWNER_WORD.fullmatch(count_words)
        or table.kin_owner.fullmatch(count_words)
    ):
        # "her brother", "Kang's grandfather" are one; "their children" not counted
        if noun.lower() in table.counted:
            return table.counted[noun.lower()]  # "his parents": two
        return 1 if noun.lower() in table.singular else None
    if core == "the":
        return None  # "the citizen" points back to someone already counted
    digits = core.replace(",", "")
    if digits.isdigit():
        return int(digits)
    return _parse_words(core)


def count_in(words: str) -> int | None:
    """How many people the words alone say ("516", "about 500", "twelve"); None
    for a range ("80,000 to 120,000") or anything else."""
    return _count(words.strip(), "people", patterns())


@cache
def _parse_words(words: str) -> int | None:
    """Number words to a number; number-parser is slow, so each phrase is read once."""
    parsed = parse_number(words)
    return int(parsed) if isinstance(parsed, int) else None


def find_victims(text: str, offset: int, exclude: list[tuple[int, int]]) -> list[VictimMention]:
    """Victim phrases in a sentence ``text`` starting at document offset ``offset``.

    ``exclude`` holds sentence-relative spans (actors, places) that are not victims.
    """
    table = patterns()
    adjectives, plurals = demonyms()
    found: list[VictimMention] = []
    taken: list[tuple[int, int]] = list(exclude)

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    def whole(match: re.Match[str], **fields: Any) -> None:
        """The whole match as one victim phrase, if no other phrase took its words:
        a group named without a number ("the man and his family", "North
        Koreans"), or a person kept anonymous ("Ms. A")."""
        if free(*match.span()):
            taken.append(match.span())
            found.append(
                VictimMention(
                    offset + match.start(),
                    offset + match.end(),
                    match.group(),
                    count_text=match.group(),
                    **fields,
                )
            )

    for match in table.group.finditer(text):
        whole(match)
    for match in table.family_of.finditer(text) if _BODY_OF.search(text) else ():
        demonym = table.demonym.search(match.group("mods"))
        whole(
            match,
            count=_count(match.group("count"), "people", table),
            nationality=adjectives.get(demonym.group()) if demonym else None,
        )
    for match in table.phrase.finditer(text):
        noun = match.group("noun")
        if _a_year(match, text) or _DAY_MONTH.match(match.group("mods")):
            continue  # "in 2017 her brother", "In 2019 farmers ...", "On 19 January residents"
        if noun.lower() in _AMBIGUOUS and not _AFTER_AMBIGUOUS.match(text[match.end() :]):
            continue
        start = match.start()
        if match.group("count").lower() == "the" and noun.lower() not in table.singular:
            continue
        if match.group("count").lower() in ("a", "an") and _AS_ROLE.search(text, 0, start):
            continue  # "entered the country as a tourist": what he was, not whom it was done to
        if noun.lower() in _COLLECTIVE and _OF_COUNTED.match(text, match.end()):
            continue  # "a crew of eight South Korean fishermen": the eight are the victims
        if not free(start, match.end()):
            continue
        kin = _POSSESSIVE_KIN.match(text, match.end())
        if kin is not None:
            # "The accused's wife, Ri Ok-hui, ... is sentenced": the wife, not the accused
            taken.append((start, kin.end()))
            found.append(
                VictimMention(
                    offset + start,
                    offset + kin.end(),
                    text[start : kin.end()],
                    count=1,
                    count_text=text[start : kin.end()],
                    sex=table.sex.get(kin.group(1).lower()),
                )
            )
            continue
        taken.append((start, match.end()))
        phrase = match.group()
        demonym = table.demonym.search(phrase)
        nationality = (
            adjectives.get(demonym.group())
            if demonym
            else plurals.get(noun) or table.implied.get(noun.lower())
        )
        age = _AGE.search(phrase)
        found.append(
            VictimMention(
                offset + start,
                offset + match.end(),
                phrase,
                count=_count(match.group("count"), noun, table, partitive=" of " in phrase),
                count_text=phrase,
                nationality=nationality,
                age=_age(age.groups()) if age else None,
                sex=table.sex.get(noun.lower()),
            )
        )
    for match in table.plural_demonym.finditer(text):
        whole(match, nationality=plurals.get(match.group()))
    if "the " in text or "The " in text:
        for match in table.the_number.finditer(text):
            number = _count(match.group("count"), "people", table)
            if number is not None and number > 1:
                whole(match, count=number)
    if " and " in text:
        for match in table.couple.finditer(text):
            whole(match, count=2)
    if " of them" in text:
        for match in table.some_of_them.finditer(text):
            # "fired on two men ...; one of them was killed": one
            whole(match, count=_count(match.group(1), "people", table, partitive=True))
    if "both" in text or "Both" in text:
        for match in THEM_BOTH.finditer(text):
            whole(match, count=2)  # "the police arrested them both", "Both were shot"
    if any(title in text for title in table.pseudonym_titles):
        for match in table.pseudonym.finditer(text):
            whole(match, count=1, sex=table.pseudonym_sex[match.group("title")])
    found.sort(key=lambda v: v.start)
    return found


THEM_BOTH = re.compile(
    r"(?<![\w-])(?i:them|us)\s+(?i:both)\b"
    r"|^\W*Both(?=\s+(?:were|had|have|are|died|disappeared|vanished|remain|remained)\b)"
)
# the words a family or a body counted by its number opens with ("family of", "class of")
_BODY_OF = re.compile(
    r"\b(?:famil(?:y|ies)|class|crew|team|group|unit|brigade|household)\s+of\s", re.IGNORECASE
)
# a relative of one just named, after the possessive: "'s wife"
_POSSESSIVE_KIN = re.compile(
    r"['’]s\s+(wife|husband|son|daughter|mother|father|brother|sister|widow|uncle|aunt"
    r"|nephew|niece|grandson|granddaughter|grandfather|grandmother)\b"
)
# a word for a body of people, and what counts its people after it ("a crew of
# eight South Korean fishermen"), which then is the victims' phrase
_COLLECTIVE = frozenset({"crew", "group", "team", "class", "unit", "brigade", "party"})
_OF_COUNTED = re.compile(
    r"\s+of\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|a\s+hundred|hundreds|dozens|several|some)\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(YEAR)
_DAY_MONTH = re.compile(rf"{MONTH}\s")  # a count before a month's name is a day
_BEFORE_YEAR = re.compile(
    r"(?:\b(?:in|since|until|till|from|by|during|of|before|after|early|late|mid|between|"
    rf"and|to|spring|summer|autumn|fall|winter)|\b{MONTH}|[,(])\s*$",
    re.IGNORECASE,
)


def _a_year(match: re.Match[str], text: str) -> bool:
    """Whether a victim phrase's number is a year: four digits from 1800 to 2099
    after a word that goes before dates ("in 2017 her brother"). "2,000 people"
    and "1500 people" at the start of a clause stay counts."""
    count = match.group("count")
    return bool(_YEAR.fullmatch(count)) and bool(_BEFORE_YEAR.search(text[: match.start()]))


def victim_after_act(text: str, offset: int, start: int, end: int) -> VictimMention | None:
    """The victim an act's words (``start`` to ``end``, sentence-relative) take
    within or right after them when no counted phrase names one: a pronoun ("beat
    her"; how many, it does not say), a possessive and a word for one person
    ("arrested his wife": one), or a plural without a number ("beat inmates")."""
    table = patterns()
    # (the match must begin within the act's words: try only where a space begins
    # there, not every place up to the sentence's end)
    match = None
    at = start
    while match is None:
        space = _SPACE.search(text, at, end + 1)
        if space is None:
            return None
        match = table.after_act.match(text, space.start())
        at = space.end()
    first = match.start() + len(match.group()) - len(match.group().lstrip())
    words = text[first : match.end()]
    if match.group("pronoun"):
        return pronoun_victim(offset + first, words)
    noun = (match.group("one") or match.group("many")).lower()
    return VictimMention(
        offset + first,
        offset + match.end(),
        words,
        count=1 if match.group("one") else None,
        count_text=words if match.group("one") else None,
        nationality=table.implied.get(noun),
        sex=table.sex.get(noun),
    )


def victim_before_passive(text: str, offset: int, at: int) -> VictimMention | None:
    """The pronoun a passive act is said of ("she was beaten"), ending right before ``at``."""
    table = patterns()
    match = table.before_passive.search(text, 0, at)
    if match is None:
        return None
    start, end = match.span("pronoun")
    return pronoun_victim(offset + start, text[start:end])


_CREW_OF = re.compile(
    r"\s+(?:fishing\s+boat|trawler|boat|ship|vessel|tanker|freighter|ferry)"
    r"(?:\s+(?:and|with)\s+(?:all\s+)?its|,\s+with\s+(?:all\s+)?its)\s+$"
)


def crew_nationality(text: str) -> str | None:
    """The nationality of a boat's crew, from the boat's, in ``text`` that ends
    right before them: "a South Korean trawler and its " (twelve crew)."""
    tail = text[-80:]
    for match in patterns().demonym.finditer(tail):
        if _CREW_OF.fullmatch(tail, match.end()):
            return demonyms()[0].get(match.group())
    return None


@cache
def self_words() -> frozenset[str]:
    """The pronouns of one person telling ("I", "me"; ``self`` in victims.json)."""
    return frozenset(w.lower() for w in victim_words()["self"])


def pronoun_victim(start: int, word: str) -> VictimMention:
    """A pronoun at ``start`` as a victim: its sex, and a count only for one who
    tells ("me")."""
    one = word.lower() in self_words()
    return VictimMention(
        start,
        start + len(word),
        word,
        count=1 if one else None,
        count_text=word if one else None,
        sex=patterns().pronoun_sex[word.lower()],
    )


def one_more_after(text: str, at: int) -> int | None:
    """Where ", and (his) younger sister" ends, if it follows ``at``: one person
    more, told without a number of their own."""
    match = patterns().and_one_more.match(text, at)
    return match.end() if match else None


def plural_subject(text: str, offset: int) -> VictimMention | None:
    """People a sentence opens with, without a number ("Women held in Hoeryong
    ... were forced ..."): the victims of a passive act told of them."""
    match = patterns().plural_subject.match(text)
    return _uncounted(match, offset) if match else None


def the_plural_before_passive(text: str, offset: int, at: int) -> VictimMention | None:
    """People told of before by a plural noun after "the" ("the women were
    accused ..."), ending right before ``at``: a group told of before, so no
    count of their own; the words (kept as ``count_text``) let the group be found."""
    match = patterns().the_plural_before.search(text, 0, at)
    return _uncounted(match, offset, words_kept=True) if match else None


def the_plural_right_before(text: str, offset: int, at: int) -> VictimMention | None:
    """People told of before by a plural noun after "the", right before ``at``,
    an act told of its subject ("the women found themselves in Pyongyang")."""
    match = patterns().the_plural_subject.search(text, 0, at)
    return _uncounted(match, offset, words_kept=True) if match else None


def cases_counted(text: str, offset: int, at: int) -> VictimMention | None:
    """The people a report's count of cases counts, when ``text`` opens with
    it and the act's words begin at ``at``: "Twelve of the new cases were
    forced returns" (twelve people), "Eight were arrests" (the act's words
    begin with "were")."""
    match = patterns().cases_were.fullmatch(text, 0, at)
    if match is None or not (match.group("cases") or match.group("verb") or _WERE.match(text, at)):
        return None  # (not a year before an act's words: "2019 arrests ...")
    words = match.group("count")
    count = int(words.replace(",", "")) if words[0].isdigit() else _parse_words(words)
    if count is None:
        return None
    start = offset + match.start("count")
    return VictimMention(start, start + len(words), words, count=count, count_text=words)


_WERE = re.compile(r"(?:were|are)\s", re.IGNORECASE)


def _uncounted(match: re.Match[str], offset: int, words_kept: bool = False) -> VictimMention:
    """People a plural noun names (a match's ``many`` group), with no number:
    the sex and nationality the noun implies ("women", "North Koreans")."""
    table = patterns()
    start, end = match.span("many")
    words = match.string[start:end]
    noun = words.split()[-1].lower()
    return VictimMention(
        offset + start,
        offset + end,
        words,
        count_text=words if words_kept else None,
        nationality=table.implied.get(noun),
        sex=table.sex.get(noun),
    )


@cache
def not_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised words that are not names, and titles before a name."""
    adjectives, plurals = demonyms()
    words = {*adjectives, *plurals, "North", "South", "East", "West", "The", "In", "On"}
    words.update(victim_words().get("not_name_words", []))
    return frozenset(words), frozenset(victim_words().get("titles", []))


def is_family_of(text: str) -> bool:
    """Whether a victim phrase is a family and how many it holds ("a North Korean
    family of four")."""
    return "famil" in text.lower() and patterns().family_of.fullmatch(text) is not None


def find_full_names(text: str) -> list[tuple[int, str]]:
    """Runs of two or more capitalised words that may be names, and where they
    start; none runs on past a blank line (a heading "Pak Nam-gi" over a
    paragraph that opens with the name). A form's name given in two fields
    ("Family name: KANG" over "First name: Myong-chol") is one name, family
    name first."""
    found = []
    for match in patterns().name.finditer(text):
        start = match.start()
        for piece in _BLANK_LINE.split(match.group()):
            name = piece.lstrip()
            if " " in name:
                found.append((start + len(piece) - len(name), name.rstrip()))
            start += len(piece)
    if "name" in text.lower():
        for match in _NAME_FIELDS.finditer(text):
            family = match.group("family") or match.group("family2")
            given = match.group("given") or match.group("given2")
            if family.isupper():
                family = family.capitalize()  # (forms write the family name in capitals)
            found.append((match.start(), f"{family} {given}"))
        found.sort()
    return found


# a form's name in two fields, one over the other, either way round
_FAMILY_FIELD = r"(?:family\s+name|surname|last\s+name)"
_GIVEN_FIELD = r"(?:first|given|other|fore)[ \t]*names?"
_FIELD_GAP = r"(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*"
_FAMILY_VALUE = r"[A-Z][A-Za-z'’]+(?:-[A-Za-z]+)?"
_GIVEN_VALUE = r"[A-Z][a-z'’]+(?:-[a-z]+)?(?:[ -][A-Z][a-z'’]+)?"
_NAME_FIELDS = re.compile(
    rf"^[ \t]*(?:\*\*|__)?(?i:{_FAMILY_FIELD}){_FIELD_GAP}(?P<family>{_FAMILY_VALUE})[ \t]*\n"
    rf"[ \t]*(?:\*\*|__)?(?i:{_GIVEN_FIELD}){_FIELD_GAP}(?P<given>{_GIVEN_VALUE})[ \t]*$"
    rf"|^[ \t]*(?:\*\*|__)?(?i:{_GIVEN_FIELD}){_FIELD_GAP}(?P<given2>{_GIVEN_VALUE})[ \t]*\n"
    rf"[ \t]*(?:\*\*|__)?(?i:{_FAMILY_FIELD}){_FIELD_GAP}(?P<family2>{_FAMILY_VALUE})[ \t]*$",
    re.MULTILINE,
)


_BLANK_LINE = re.compile(r"(?<=\S)(?=\s*\n\s*\n)")


def names_before(text: str, at: int) -> list[tuple[int, int]]:
    """Where the last name before ``at`` stands, as an anchor for ``find_names``
    (a name is its own anchor: it is then found right after itself)."""
    not_names, _ = not_name_words()
    found = [
        m.span()
        for m in patterns().name.finditer(text, 0, at)
        if not not_names & set(m.group().split()) and not is_ruler(m.group())
    ]
    return [(found[-1][0], found[-1][0])] if found else []


@cache
def _ruler_names() -> frozenset[str]:
    return frozenset(_name_key(n) for n in victim_words()["rulers"])


def _name_key(name: str) -> str:
    """A name lower-cased, with one space between its parts and for each hyphen."""
    return " ".join(name.replace("-", " ").lower().split())


def is_ruler(name: str) -> bool:
    """Whether ``name`` (titles left out) is that of one who rules North Korea,
    written with or without hyphens: never a victim a record names."""
    return _name_key(name) in _ruler_names()


def find_names(
    text: str, offset: int, anchors: list[tuple[int, int]], blocked: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Personal names set beside a victim phrase or an act in ``text``.

    A name counts when it stands in apposition to an anchor (", Lee Dae-jun,"
    after "a fisheries official"), right after it ("the killing of Kim
    Jong-nam"), or right before it ("Otto Warmbier, a student, was").
    """
    not_names, titles = not_name_words()
    names: list[tuple[int, int, str]] = []
    anchors = list(anchors)
    used_before: set[tuple[int, int]] = set()
    waiting: list[tuple[int, int]] = []  # names no anchor took, yet
    for match in patterns().name.finditer(text):
        start, end = match.span()
        if any(start < e and s < end for s, e in blocked):
            continue
        words = match.group().split()
        # "Defence Minister Hyon Yong-chol", "South Korean Kim Chol-su"
        while len(words) > 1 and (words[0] in titles or words[0] in not_names):
            start += len(words[0]) + 1
            words = words[1:]
        # a lone word: only after "surnamed", or a Korean given name ("Eun-ji")
        single = len(words) == 1 and start == match.start() and not _GIVEN_NAME.fullmatch(words[0])
        if (
            not_names & set(words)
            or len(words) > 3
            or (single and not text[:start].endswith("surnamed "))
            # "the wife of President Park Chung-hee", "related by marriage to Kim
            # Jong-il": a relative of the one the act was done to
            or _RELATIVE_BEFORE.search(text, max(0, match.start() - 60), match.start())
            # ("On 27 September 1997, Kim Jong Il ordered ...": who rules, no victim)
            or is_ruler(" ".join(words))
        ):
            continue
        for anchor in anchors:
            a_start, a_end = anchor
            if 0 <= start - a_end <= 60 and _after_anchor().fullmatch(text[a_end:start]):
                names.append((offset + start, offset + end, text[start:end]))
                anchors.append((start, end))
                break
            if (
                anchor not in used_before
                and 0 <= a_start - end <= 110
                and _BEFORE_ANCHOR.fullmatch(text[end:a_start])
                and not _PLACE_BEFORE.search(text, max(0, start - 8), start)
            ):
                names.append((offset + start, offset + end, text[start:end]))
                used_before.add(anchor)
                break
        else:
            waiting.append((start, end))
    # a name joined by "and" or a comma to one found ("Kim Kook-gi and Choi Chun-gil were")
    found_more = True
    joined = _joined()
    while found_more:
        found_more = False
        for start, end in list(waiting):
            if any(
                joined.fullmatch(text[end : s - offset])
                or joined.fullmatch(text[e - offset : start])
                for s, e, _ in names
            ):
                names.append((offset + start, offset + end, text[start:end]))
                waiting.remove((start, end))
                found_more = True
    names.sort()
    return names


_SPACE = re.compile(r"\s+")
_GIVEN_NAME = re.compile(rf"[A-Z]{_GIVEN_TAIL}")


@cache
def _joined() -> re.Pattern[str]:
    """What joins two names of victims: a comma or "and", and maybe what the
    second one is ("the interpreter Sin Hye-yong and the diplomat Kim
    Song-hye")."""
    person = alternation(_person_words())
    return re.compile(rf"\s*(?:,\s*|,?\s+and\s+)(?:the\s+(?:{person})\s+)?")


@cache
def _after_anchor() -> re.Pattern[str]:
    """What may stand between an act or a victim phrase and the name after it:
    "named", capitalised titles and nationalities ("Defence Minister", "South
    Korean"), and lower-case words ending with a word for a person ("Chinese
    businessman")."""
    person = alternation(_person_words())
    people = alternation(p["word"] for p in victim_words()["people"] if not p["singular"])
    return re.compile(
        # "two women traders, Ri Ok-sun and ...": the word for what they are
        rf"(?:\s+(?:{people}|{person})(?=,))?"
        r"\s*(?:,|,?\s*and)?\s*(?:named\s+|called\s+|surnamed\s+|of\s+)?"
        # "arrested the brothers, Cha Min-ho and ...": people told of before, named
        rf"(?:the\s+(?:[a-z][\w-]*\s+)?(?:{people}),\s+)?"
        r"(?:(?:\w+-)+year-old\s+)?"  # "killed nine-year-old Lee Seung-bok"
        r"(?:[A-Z][a-z]+\s+){0,3}"
        rf"(?:(?:[a-z][\w-]*\s+){{0,2}}(?:{person})\s+)?"
    )


# (one or two remarks between commas: "Merrill Newman, of Palo Alto, California, was")
_BEFORE_ANCHOR = re.compile(
    r"(?:\s*\([^()]{1,60}\))?"  # "Su-bin (not her real name) spent"
    r"\s*(?:(?:,[^,]{1,90}){1,2},\s*)?"
    r"(?:,\s*(?:a|an|the)\s*|,?\s*(?:was|were|had been|has been)\s+(?:\w+\s+)?|,\s*)?"
    r"|[*_]*\s*,\s*\d{1,3}\s*:\s*"  # a list item's "Ri Sun-hee, 52: arrested in ..."
)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:(?:related|married)\s+(?:by\s+\w+\s+)?to|(?:wife|husband|widow|son|daughter|"
    r"mother|father|brother|sister|half-brother|half-sister|nephew|niece|cousin|uncle|aunt|"
    r"grandson|granddaughter|relative|child)\s+of)\s+$"
)
# before a run of capitals, what makes it a place ("Merrill Newman, of Palo Alto,")
_PLACE_BEFORE = re.compile(r",\s*(?:of|from|in|near)\s+$")


def nationality_before(text: str) -> str | None:
    """The nationality of a title before a name: "Japanese citizen " before "Megumi
    Yokota". The words after the nationality end with a word for a person or a
    title, so that "North Korean agents abducted " gives no nationality to whom
    they took."""
    tail = text[-60:]
    for match in patterns().demonym.finditer(tail):
        # "American citizen ", "the Swedish engineer, ", or "Another American, "
        # right before the name
        words = re.fullmatch(r"(?:,|((?:\s+[a-z][\w-]*){0,3}),?)\s+", tail[match.end() :])
        if words and (not words.group(1) or words.group(1).split()[-1] in _person_words()):
            return demonyms()[0].get(match.group())
    return None


@cache
def _person_words() -> frozenset[str]:
    """Words for a person that may stand before a name ("citizen", "pastor")."""
    data = victim_words()
    return frozenset(
        [p["word"].lower() for p in data["people"] if p["singular"]]
        + [title.lower() for title in data["titles"]]
    )


def age_in(text: str) -> int | None:
    """An age the sentence states once ("aged 34", "at the age of 13")."""
    found = _AGE.findall(text)
    return _age(found[0]) if len(found) == 1 else None


def nationality_near(text: str) -> str | None:
    """The nationality an appositive gives ("..., the half-brother of North Korean
    leader ...", "..., the half-brother of North Korea's leader")."""
    match = patterns().demonym.search(text)
    if match:
        return demonyms()[0].get(match.group())
    return country_of(_leaders_country().finditer(text))


@cache
def _leaders_country() -> re.Pattern[str]:
    """ "North Korea's leader": a country and the one who leads it."""
    leaders = alternation(victim_words()["leaders"], fold_case=True)
    return re.compile(rf"{COUNTRY_POSSESSIVE}\s+(?:[\w-]+\s+)?(?:{leaders})\b")


@cache
def _country_possessive() -> re.Pattern[str]:
    """ "South Korea's best-known film actresses": a country's own people."""
    data = victim_words()
    nouns = alternation([p["word"] for p in data["people"]] + list(demonyms()[1]), fold_case=True)
    return re.compile(rf"{COUNTRY_POSSESSIVE}\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b")


def nationality_of_country_possessive(text: str) -> str | None:
    """The country whose people a remark says the person is one of ("one of South
    Korea's best-known film actresses")."""
    return country_of(_country_possessive().finditer(text))


def nationality_in_title(title: str) -> str | None:
    """The one nationality of people a title names ("Three detained Americans
    freed", "Canadian pastor given life sentence"), or None."""
    adjectives, plurals = demonyms()
    found = {plurals.get(match.group()) for match in patterns().plural_demonym.finditer(title)} | {
        adjectives.get(match.group())
        for match in patterns().demonym.finditer(title)
        if _person_words() & {w.lower() for w in title[match.end() :].split()[:3]}
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def nationality_of_noun(text: str, noun: str) -> str | None:
    """The one nationality the document gives a word for a person where it says
    it with a nationality ("Canadian pastor ... Hyeon Soo Lim, a pastor"); None
    when it gives none or several."""
    right_after = re.compile(rf"\s+{re.escape(noun)}\b")
    found = {
        demonyms()[0].get(match.group())
        for match in patterns().demonym.finditer(text)
        if right_after.match(text, match.end())
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def age_after_name(text: str) -> int | None:
    """An age given as ", 47," right after a name, or as "was 16 when ..."."""
    match = _AGE_AFTER_NAME.match(text)
    return int(match.group(1) or match.group(2)) if match else None


_AGE_AFTER_NAME = re.compile(r"\s*,\s*(\d{1,3})\s*,|\s+was\s+(\d{1,2})(?:\s+years\s+old)?\s+when\b")


def nationality_of_group(
    text: str, before: int, *, count: int | None = None, noun: str | None = None
) -> str | None:
    """The nationality of the group the text named before ``before`` with as
    many people (``count``: "the nine young North Koreans ... the nine") or the
    same word for them (``noun``: "more than 100 North Korean women ... many of
    the women"): the last such phrase that gives one."""
    table = patterns()
    adjectives, plurals = demonyms()
    found = None
    for match in table.phrase.finditer(text, 0, before):
        said = match.group("noun")
        if noun is not None and said.lower() != noun.lower():
            continue
        if count is not None and _count(match.group("count"), said, table) != count:
            continue
        demonym = table.demonym.search(match.group())
        found = (adjectives.get(demonym.group()) if demonym else plurals.get(said)) or found
    return found


def nationality_of_members(text: str, start: int, before: int, names: int) -> str | None:
    """The nationality of a group of at least ``names`` people (and at least two)
    that ``text[start:before]`` names with one ("Three South Korean missionaries
    are held in North Korea. Kim Jung-wook was arrested ..."): the people named
    after it are its members. The last such group; None if it gives none."""
    table = patterns()
    adjectives, plurals = demonyms()
    found = None
    for match in table.phrase.finditer(text, start, before):
        said = match.group("noun")
        count = _count(match.group("count"), said, table)
        if count is None or count < max(2, names):
            continue
        demonym = table.demonym.search(match.group())
        nationality = adjectives.get(demonym.group()) if demonym else plurals.get(said)
        found = nationality or found
    return found
