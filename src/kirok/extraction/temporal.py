"""Time: find temporal expressions, then resolve them against the document's date.

Detection uses our own patterns; relative expressions ("last September", "in
August", "on September 22", "over the past few months", "earlier this month",
"last Sunday") are resolved by deterministic rules, a month without a year
being the latest such month not after the document's own month, and a weekday
the latest such day not after the document's own (before it, after "last");
"the following month" follows the last date the text gave before it. Explicit dates go through
dateparser (see :mod:`kirok.dates`). Without a document date, relative
expressions stay unresolved rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kirok.dates import (
    DAY,
    MONTH,
    MONTH_NAMES,
    MONTH_WORDS,
    NUMERIC_DATE,
    YEAR,
    PartialDate,
    month_number,
    normalise_explicit,
    numeric_date,
)
from kirok.extraction.lexicon import load_json
from kirok.extraction.records import TimeMention

_M = rf"(?P<m1>{MONTH})"
_PREP = r"(?i:in|since|by|during|until|till|from|of|early|late|mid-?|the\s+end\s+of|the\s+start\s+of|around|before|after|through|between|and|to|on)"

# "the following month", "later that year": a unit on from the date told before
# how many units ago: "two", "21", "twenty-one", "a"
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_AGO_NUMBER = (
    rf"(?:{'|'.join(_TENS)})(?:[-\s](?:{_UNITS}))?|a|{_UNITS}|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|\d+"
)
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
_SMALL_NUMBERS = (
    "a",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
)
_SEQUEL_UNIT = (
    rf"(?:(?P<sm>{MONTH})\s+of\s+)?"  # "July of the same year"
    r"(?P<seq>the\s+following|the\s+next|the\s+previous|later\s+that|earlier\s+that"
    r"|the\s+same|that\s+same|that)"
    # ("that spring": its year; "that same night", "the next morning": a day;
    # "that December": that month of the year told, a month's name capitalised)
    rf"\s+(?P<unit>day|night|evening|morning|afternoon|week|month|year|{'|'.join(_SEASONS)}"
    r"|(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December))"
)
_FEW = r"a\s+few|several|some"  # "a few weeks later": how many, unsaid
# "two years earlier", "a month later": not "two years after his arrest"
_SHIFT = (
    # ("the night before", "the day after": one day, when nothing follows)
    rf"(?P<n>{'|'.join(_SMALL_NUMBERS)}|\d{{1,2}}|{_FEW}|the)\s+"
    r"(?P<nunit>day|night|evening|week|month|year)s?\s+"
    r"(?P<dir>earlier|later|afterwards|before(?![ \t]+\w)|after(?![ \t]+\w))"
)
_SEQUEL = f"{_SEQUEL_UNIT}|{_SHIFT}"
_SHIFT_OPENING = (
    rf"^(?i:(?P<n>{'|'.join(_SMALL_NUMBERS)}|\d{{1,2}})\s+(?P<nunit>day|week|month|year)s?\s+"
    r"(?P<dir>after|before))(?=\s+(?i:the|his|her|their|its)\s)"
)
# a sentence that opens "After two weeks they sent me ...": so long after the
# event told before
_AFTER_SHIFT_WORDS = (
    rf"^(?i:after)\s+(?P<n>(?i:{'|'.join(_SMALL_NUMBERS)})|\d{{1,2}})\s+"
    r"(?P<nunit>(?i:day|week|month|year))s?"
)
_AFTER_SHIFT_OPENING = re.compile(
    _AFTER_SHIFT_WORDS
    + r"(?=\s*,|\s+(?:they|he|she|we|I|police|guards|officers|agents|the|a|an|his|her|our|their)\b)"
)
_AFTER_SHIFT = re.compile(rf"{_AFTER_SHIFT_WORDS}$")  # such a phrase, found
# a sentence that opens "Afterwards my mother and I were sent ...": after the event
# told before, in its year at least
_AFTERWARDS_WORDS = r"(?:Afterwards|Afterward|After\s+that|(?:Soon|Shortly)\s+after(?:wards)?)"
_AFTERWARDS_OPENING = re.compile(rf"^{_AFTERWARDS_WORDS}(?=\s*,?\s)")
_AFTERWARDS = re.compile(_AFTERWARDS_WORDS)  # such a phrase, found
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "|".join(_WEEKDAYS)
WEEKDAY_NAME = re.compile(rf"\b(?:{_WEEKDAY})\b", re.IGNORECASE)  # a day told by its weekday

# days known by name ("Christmas Day 2009", "the Day of the Sun"), from data
HOLIDAYS: dict[str, tuple[int, int]] = {
    name: (month, day) for name, (month, day) in load_json("holidays.json")["holidays"].items()
}
_HOLIDAY_KEY = re.compile(r"['’]")
_HOLIDAY_NAMES = {_HOLIDAY_KEY.sub("'", name): date for name, date in HOLIDAYS.items()}
_HOLIDAY = "|".join(
    _HOLIDAY_KEY.sub("['’]", re.escape(name)) for name in sorted(HOLIDAYS, key=len, reverse=True)
)
_HOLIDAY_STARTS = tuple(sorted({name.split()[0] for name in HOLIDAYS}))
_MONTH_YEAR = frozenset({"month", "year"})
_MONTH_DIGIT = frozenset({"month", "digit"})

# a span's end given as part of its month: "and early February"
_PART_OF = r"(?:(?i:early|late|mid-?|the\s+(?:end|middle|start)\s+of)\s*)?"

# Each pattern with what a sentence must hold for it to match (see ``_features``).
_PATTERNS: list[tuple[str, re.Pattern[str], frozenset[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?i:between|from)\s+(?P<m1>{MONTH})(?:\s+(?P<d1>{DAY}))?(?:,?\s+(?P<y1>{YEAR}))?"
            rf"\s+(?i:and|to|until|till|through)\s+{_PART_OF}(?P<m2>{MONTH})(?:\s+(?P<d2>{DAY}))?"
            rf"(?:,?\s+(?P<y2>{YEAR}))?\b"
        ),
        frozenset({"between", "month"}),
    ),
    (
        # the days first: "between 21 January and early February 1968"
        "range",
        re.compile(
            rf"\b(?i:between|from)\s+(?P<d1>{DAY})\s+(?P<m1>{MONTH})(?:,?\s+(?P<y1>{YEAR}))?"
            rf"\s+(?i:and|to|until|till|through)\s+{_PART_OF}(?:(?P<d2>{DAY})\s+)?(?P<m2>{MONTH})"
            rf"(?:,?\s+(?P<y2>{YEAR}))?\b"
        ),
        frozenset({"between", "month"}),
    ),
    (
        "range",
        re.compile(rf"\b(?P<m1>{MONTH})\s*[-–]\s*(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?\b"),
        frozenset({"dash", "month"}),
    ),
    (
        # a span with no word before it, as a report's title gives its period:
        # "Quarterly report, July to September 2024"
        "range",
        re.compile(
            rf"\b(?P<m1>{MONTH})\s+(?i:to|through|until)\s+(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR})\b"
        ),
        _MONTH_YEAR,
    ),
    (
        "yearrange",
        re.compile(
            rf"\b(?i:between|from)\s+(?P<y1>{YEAR})\s+(?i:and|to|until|through)\s+(?P<y2>{YEAR})\b"
        ),
        frozenset({"between", "year"}),
    ),
    (
        # two years told as one time: "in the summers of 1977 and 1978", "in 1977 and 1978"
        "yearrange",
        re.compile(
            rf"\b(?i:in)\s+(?:(?i:the)\s+(?i:{'|'.join(_SEASONS)})s?\s+of\s+)?"
            rf"(?P<y1>{YEAR})\s+(?i:and)\s+(?P<y2>{YEAR})\b"
        ),
        frozenset({"year"}),
    ),
    (
        "mdy",
        re.compile(rf"\b(?P<m1>{MONTH})\s+(?P<d1>{DAY}),?\s+(?P<y1>{YEAR})\b"),
        _MONTH_YEAR,
    ),
    (
        "dmy",
        re.compile(rf"\b(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})\b"),
        _MONTH_YEAR,
    ),
    (
        "iso",
        re.compile(rf"\b(?P<y1>{YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[12]\d|3[01]|0[1-9])\b"),
        frozenset({"year", "dash"}),
    ),
    ("numeric", NUMERIC_DATE, frozenset({"year", "digit"})),  # "2024.03.12", "20/03/2024"
    (
        "holiday",  # "on Christmas Day 2009"; with no year, the latest not after the anchor
        re.compile(rf"\b(?P<hol>{_HOLIDAY})\b(?:,?\s+(?:(?i:of|in)\s+)?(?P<y1>{YEAR})\b)?"),
        frozenset({"holiday"}),
    ),
    ("my", re.compile(rf"\b(?P<m1>{MONTH}),?\s+(?:of\s+)?(?P<y1>{YEAR})\b"), _MONTH_YEAR),
    ("md", re.compile(rf"\b(?P<m1>{MONTH})\s+(?P<d1>{DAY})\b(?!,?\s*\d)"), _MONTH_DIGIT),
    ("dm", re.compile(rf"\b(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH})\b"), _MONTH_DIGIT),
    (
        "sequel",  # resolved against the date told before it (``resolve_sequel``);
        # before the months: "July of the same year" is no July of its own
        re.compile(rf"\b(?i:{_SEQUEL_UNIT})\b"),
        frozenset({"sequel"}),
    ),
    ("sequel", re.compile(rf"\b(?i:{_SHIFT})\b"), frozenset({"shift"})),
    # a sentence that opens "A month after the Thai woman vanished, ...": after the
    # event told before, whose date it then takes
    ("sequel", re.compile(_SHIFT_OPENING), frozenset({"shift"})),
    ("sequel", _AFTER_SHIFT_OPENING, frozenset({"shift"})),
    ("sequel", _AFTERWARDS_OPENING, frozenset({"shift"})),
    (
        "lastmonth",
        re.compile(rf"\b(?i:last|past)\s+(?P<m1>{MONTH})\b"),
        frozenset({"last", "month"}),
    ),
    (
        "lastseason",  # "last spring": the year of the latest spring over before
        re.compile(
            r"(?<![Tt]he\s)\b(?i:last)\s+(?P<season>(?i:spring|summer|autumn|fall|winter))\b"
        ),
        frozenset({"last", "season"}),
    ),
    (
        "month",
        # (or a list item's label: "- **March:** a man was executed")
        re.compile(
            rf"\b(?:{_PREP}\s+|(?i:mid|early|late)-)(?P<m1>{MONTH})\b(?!\s+\d)"
            rf"|^[-*•+\s]*\**(?P<m2>{MONTH})\**:\**(?=\s)"
        ),
        frozenset({"month"}),
    ),
    (
        "year",  # a season of a year: the year ("in the spring of 2018", "winter 2019")
        re.compile(
            rf"\b(?:{_PREP}\s+)?(?:(?i:the)\s+)?(?:(?i:early|late|mid-?)\s*)?"
            rf"(?i:{'|'.join(_SEASONS)})\s+(?:(?i:of)\s+)?(?P<y1>{YEAR})\b(?![-–]\d)"
        ),
        frozenset({"year", "season"}),
    ),
    (
        "year",
        re.compile(rf"\b{_PREP}\s+(?:(?i:the\s+year)\s+)?(?P<y1>{YEAR})\b(?![-–]\d)"),
        frozenset({"year"}),
    ),
    ("year", re.compile(rf"(?:^|(?<=[\s(]))(?P<y1>{YEAR})(?=,\s)"), frozenset({"year", "comma"})),
    (
        "year",  # "a 2020 law", "the 2014 crackdown": when the measure was made
        re.compile(
            rf"\b(?i:a|the|its)\s+(?P<y1>{YEAR})\s+(?i:law|decree|order|directive|regulation|"
            r"rule|policy|ban|campaign|crackdown|edict|act)\b"
        ),
        frozenset({"year", "measure"}),
    ),
    (
        "year",  # "held after the 1953 armistice": from that year, as far as the text says
        re.compile(
            rf"\b(?i:after|since|following|during)\s+(?i:the)\s+(?P<y1>{YEAR})\s+"
            r"(?i:armistice|ceasefire|cease-fire|war|famine|floods?|coup|uprising|summit|"
            r"election|crisis|purge|Olympics|Games)\b"
        ),
        frozenset({"year"}),
    ),
    (
        "weekday",
        # not "a Sunday", "every Monday", nor "Monday, March 6, 2023" (the date says it)
        re.compile(
            rf"(?:\b(?P<last>(?i:last|this\s+past|past))\s+)?(?<!\b[Aa]\s)(?<![Ee]very\s)(?<![Ee]ach\s)"
            rf"\b(?P<wd>{_WEEKDAY})\b(?!,?\s+(?:the\s+)?\d|,?\s+(?:{MONTH}))"
        ),
        frozenset({"weekday"}),
    ),
    (
        "relative",
        re.compile(
            r"\b(?i:(?P<rel>(?:earlier|later)\s+this\s+(?:month|year|week)|this\s+(?:month|year|week)"
            # (not "the last week of May": a week of that month)
            r"|last\s+(?:month|year|week|weekend)(?!\s+of\b)|yesterday|(?:the\s+)?previous\s+(?:month|year)"
            # (not a bare "today": "Today, thousands are held in camps" is no act's day)
            r"|(?:early\s+|earlier\s+|late\s+)?this\s+(?:morning|afternoon|evening)|earlier\s+today"
            r"|(?:over|in|during|for|within)\s+the\s+(?:past|last)\s+(?:(?:few|several|two|three|four|six|\d+)\s+)?(?:days|weeks|months|years|month|year)(?!\s+of\b)"
            rf"|(?:{_AGO_NUMBER})\s+(?:days?|weeks?|months?|years?)\s+ago(?:\s+today)?))\b"
        ),
        frozenset({"relative"}),
    ),
]

_NUMBER_WORDS = {
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "few": 3,
    "several": 6,
}


def _amount(word: str) -> int:
    """A number in digits or words up to ninety-nine ("21", "twenty-one", "a")."""
    if word.isdigit():
        return int(word)
    tens, _, unit = word.partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_NUMBER_WORDS[unit] if unit else 0)
    return _NUMBER_WORDS[word]


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_not_after(
    month: int, anchor: PartialDate | None, strictly_before: bool = False
) -> PartialDate | None:
    if anchor is None or anchor.month is None:
        return None
    later = month > anchor.month or (strictly_before and month == anchor.month)
    return PartialDate(anchor.year - 1 if later else anchor.year, month)


def _day_not_after(month: int, day: int, anchor: PartialDate | None) -> PartialDate | None:
    if anchor is None or anchor.month is None:
        return None
    anchor_day = anchor.day or 31
    later = (month, day) > (anchor.month, anchor_day)
    try:
        return PartialDate(anchor.year - 1 if later else anchor.year, month, day)
    except ValueError:
        return None


def _resolve_relative(
    phrase: str, anchor: PartialDate | None
) -> tuple[PartialDate | None, PartialDate | None]:
    if anchor is None:
        return None, None
    text = " ".join(phrase.lower().split())
    month = anchor.month
    if "yesterday" in text:
        if anchor.day is None:
            return None, None
        return PartialDate.from_date(anchor.first_day() - dt.timedelta(days=1)), None
    if text.endswith(("morning", "afternoon", "evening", "today")) and "ago" not in text:
        return (anchor if anchor.day else None), None  # "early this morning", "earlier today"
    if text.endswith(("ago", "ago today")):
        counted = re.match(rf"(?:{_AGO_NUMBER})(?=\s)", text)
        amount = _amount(counted.group().replace(" ", "-")) if counted else 1
        if "year" in text:
            if text.endswith("today") and anchor.day:  # "twenty-one years ago today"
                return PartialDate(anchor.year - amount, anchor.month, anchor.day), None
            return PartialDate(anchor.year - amount), None
        if "month" in text and month:
            return PartialDate(*_shift_months(anchor.year, month, -amount)), None
        if "day" in text and anchor.day:
            return PartialDate.from_date(anchor.first_day() - dt.timedelta(days=amount)), None
        return None, None
    if "past" in text or (
        "last" in text and text.split()[0] in ("over", "in", "during", "for", "within")
    ):
        unit = text.split()[-1]
        words = text.split()
        amount = _NUMBER_WORDS.get(words[-2], int(words[-2]) if words[-2].isdigit() else 1)
        if unit.startswith("year"):
            return PartialDate(anchor.year - amount), PartialDate(anchor.year)
        if unit.startswith("month") and month:
            year, first = _shift_months(anchor.year, month, -amount)
            if year == anchor.year:
                return PartialDate(anchor.year), None
            return PartialDate(year, first), PartialDate(anchor.year, month)
        if month:
            return PartialDate(anchor.year, month), None
        return PartialDate(anchor.year), None
    if "year" in text:
        if "last" in text or "previous" in text:
            return PartialDate(anchor.year - 1), None
        return PartialDate(anchor.year), None
    if "month" in text and month:
        if "last" in text or "previous" in text:
            return PartialDate(*_shift_months(anchor.year, month, -1)), None
        return PartialDate(anchor.year, month), None
    if "week" in text and anchor.day:
        # the week (Monday to Sunday) of the anchor, or the one before: its month,
        # or the two months it falls in, never a day it does not give
        day = anchor.first_day()
        monday = day - dt.timedelta(days=day.weekday() + (7 if "last" in text else 0))
        last = min(day, monday + dt.timedelta(days=6))
        first_month = PartialDate(monday.year, monday.month)
        last_month = PartialDate(last.year, last.month)
        return first_month, None if last_month == first_month else last_month
    return None, None


def _resolve(
    kind: str, match: re.Match[str], anchor: PartialDate | None
) -> tuple[PartialDate | None, PartialDate | None, bool]:
    group = match.groupdict()
    text = match.group()
    if kind in ("mdy", "dmy"):
        return normalise_explicit(text, "day"), None, False
    if kind == "iso":
        return normalise_explicit(text, "day"), None, False
    if kind == "numeric":
        return numeric_date(match), None, False
    if kind == "my":
        return normalise_explicit(text, "month"), None, False
    if kind == "year":
        return PartialDate(int(group["y1"])), None, False
    if kind == "yearrange":
        return PartialDate(int(group["y1"])), PartialDate(int(group["y2"])), False
    if kind == "md":
        return (
            _day_not_after(month_number(group["m1"]), int(re.sub(r"\D", "", group["d1"])), anchor),
            None,
            True,
        )
    if kind == "dm":
        return (
            _day_not_after(month_number(group["m1"]), int(re.sub(r"\D", "", group["d1"])), anchor),
            None,
            True,
        )
    if kind == "month":
        return _month_not_after(month_number(group["m1"] or group["m2"]), anchor), None, True
    if kind == "lastmonth":
        return _month_not_after(month_number(group["m1"]), anchor, strictly_before=True), None, True
    if kind == "lastseason":
        return _last_season(group["season"].lower(), anchor), None, True
    if kind == "range":
        return (*_resolve_range(group, anchor), group.get("y2") is None)
    if kind == "sequel":
        return None, None, True  # the date before it is not known here
    if kind == "holiday":
        month, day = _HOLIDAY_NAMES[_HOLIDAY_KEY.sub("'", group["hol"])]
        if group["y1"]:
            return PartialDate(int(group["y1"]), month, day), None, False
        return _day_not_after(month, day, anchor), None, True
    if kind == "weekday":
        return _weekday_before(group["wd"], anchor, strictly=bool(group["last"])), None, True
    start, end = _resolve_relative(group["rel"], anchor)
    return start, end, True


def _weekday_before(name: str, anchor: PartialDate | None, strictly: bool) -> PartialDate | None:
    """The latest such weekday not after the document's day ("on Monday"), or
    before it ("last Monday"); a document dated only to its month leaves it open."""
    if anchor is None or anchor.day is None:
        return None
    day = anchor.first_day()
    back = (day.weekday() - _WEEKDAYS.index(name)) % 7
    if back == 0 and strictly:
        back = 7
    return PartialDate.from_date(day - dt.timedelta(days=back))


SEQUEL = re.compile(rf"^{_SEQUEL}$", re.IGNORECASE)  # a phrase the pattern above found

# a month, or a day and a month, with no year ("In April", "on February 16")
_YEARLESS = re.compile(
    rf"^(?:(?:in|on|early|late|mid-?|by|during)\s+(?:in\s+)?)?(?:the\s+)?"
    rf"(?:(?P<d1>{DAY})\s+(?:of\s+)?)?(?P<m>{MONTH})(?:\s+(?P<d2>{DAY}))?$",
    re.IGNORECASE,
)


# the month each season ends in (winter: February, of the year its January is in)
_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


def _last_season(season: str, anchor: PartialDate | None) -> PartialDate | None:
    """The year of the latest such season over before ``anchor``'s month ("last
    spring", said in December 2022: 2022; said in April 2022: 2021)."""
    if anchor is None or anchor.month is None:
        return None
    ends = _SEASON_ENDS[season]
    return PartialDate(anchor.year if ends < anchor.month else anchor.year - 1)


def resolve_in_story(phrase: str, told: PartialDate) -> PartialDate | None:
    """A month (or a day of one) told with no year, after a sentence that dated
    its story ("... on January 25, 2010 and was arrested. In April a court
    sentenced him"): the first such month on or after the date told, not the
    latest before the document's date. None if ``phrase`` is not such a date."""
    match = _YEARLESS.match(" ".join(phrase.split()))
    if match is None:
        return None
    month = month_number(match.group("m"))
    day_text = match.group("d1") or match.group("d2")
    day = int(re.sub(r"\D", "", day_text)) if day_text else None
    year = told.year if (month, day or 1) >= (told.month or 1, told.day or 1) else told.year + 1
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def explicit_times(text: str, offset: int, anchor: PartialDate | None) -> list[TimeMention]:
    """The times in ``text`` that give a date of their own, not one told from
    another ("in March 2019", not "the following month")."""
    return [t for t in find_times(text, offset, anchor) if t.date is not None and not t.relative]


def is_sequel(phrase: str) -> bool:
    """Whether ``phrase`` is a time told from the date before it ("the
    following month", "two days later", "After two weeks")."""
    phrase = " ".join(phrase.split())
    return (
        SEQUEL.match(phrase) is not None
        or _AFTER_SHIFT.match(phrase) is not None
        or _AFTERWARDS.fullmatch(phrase) is not None
    )


def resolve_sequel(phrase: str, before: PartialDate) -> PartialDate | None:
    """ "The following month", "that year", "the next day" after the date told
    just before (``before``): one unit on, back, or the same, at the precision
    both allow ("the following month" after a year alone is that year)."""
    phrase = " ".join(phrase.split())
    match = SEQUEL.match(phrase)
    if match is None and _AFTERWARDS.fullmatch(phrase):
        return PartialDate(before.year)  # ("Afterwards": that year, at least)
    if match is None:
        after = _AFTER_SHIFT.match(phrase)
        return _shifted(after.group("n"), after.group("nunit"), "after", before) if after else None
    if match.group("n"):
        return _shifted(match.group("n"), match.group("nunit"), match.group("dir"), before)
    seq, unit = match.group("seq").lower(), match.group("unit").lower()
    step = 1 if seq.endswith(("following", "next")) else -1 if seq.endswith("previous") else 0
    if unit.rstrip(".") in MONTH_NAMES:
        # "that December", "the following May": that month, of the year told or
        # the one after (or before) it
        named = month_number(unit)
        if step > 0 and (before.month is None or named <= before.month):
            return PartialDate(before.year + 1, named)
        if step < 0 and (before.month is None or named >= before.month):
            return PartialDate(before.year - 1, named)
        return PartialDate(before.year, named)
    if unit in ("night", "evening", "morning", "afternoon"):
        unit = "day"
    if unit == "year":
        month = match.group("sm")
        return PartialDate(before.year + step, month_number(month) if month else None)
    if unit in _SEASONS:
        return PartialDate(before.year + step)
    if before.month is None:
        return PartialDate(before.year)
    if unit == "week" or (unit == "day" and before.day is None):
        return PartialDate(before.year, before.month)
    if unit == "month":
        return PartialDate(*_shift_months(before.year, before.month, step))
    return PartialDate.from_date(before.first_day() + dt.timedelta(days=step))


def _shifted(
    n_words: str, unit_word: str, direction: str, before: PartialDate
) -> PartialDate | None:
    """ "Two years earlier", "a month later", "after two weeks" (``n_words``,
    ``unit_word``, ``direction``): so many units from the date told before, at
    the precision both allow (weeks and days: the month at most)."""
    n_text = " ".join(n_words.lower().split())
    unit = unit_word.lower()
    if n_text in ("a few", "several", "some"):
        # "a few weeks later": the same year, but how many years, unsaid; "a few
        # days later": the same month, as far as a month is told
        if unit in ("day", "night", "evening") and before.month is not None:
            return PartialDate(before.year, before.month)
        return None if unit == "year" else PartialDate(before.year)
    if n_text == "the" and direction.lower() not in ("before", "after"):
        return None  # "the day later" is no English
    n = (
        int(n_text)
        if n_text.isdigit()
        else 1
        if n_text == "the"
        else max(1, _SMALL_NUMBERS.index(n_text))
    )
    step = -n if direction.lower() in ("earlier", "before") else n
    unit = "day" if unit in ("night", "evening") else unit
    if unit == "year":
        try:
            return PartialDate(before.year + step, before.month, before.day)
        except ValueError:  # from 29 February to a year without one
            return PartialDate(before.year + step, before.month)
    if unit == "month" and before.month is not None:
        year, month = _shift_months(before.year, before.month, step)
        return PartialDate(year, month)
    if unit == "month" or before.month is None:
        return PartialDate(before.year)
    if before.day is None:
        return PartialDate(before.year, before.month)
    days = step * (7 if unit == "week" else 1)
    return PartialDate.from_date(before.first_day() + dt.timedelta(days=days))


def _resolve_range(
    group: dict[str, str | None], anchor: PartialDate | None
) -> tuple[PartialDate | None, PartialDate | None]:
    m1 = month_number(group["m1"] or "")
    m2 = month_number(group["m2"] or "")
    y2_text = group.get("y2")
    end: PartialDate | None
    end = PartialDate(int(y2_text), m2) if y2_text else _month_not_after(m2, anchor)
    if end is None:
        return None, None
    y1_text = group.get("y1")
    year1 = int(y1_text) if y1_text else (end.year if m1 <= m2 else end.year - 1)
    d1, d2 = group.get("d1"), group.get("d2")
    try:
        start = PartialDate(year1, m1, int(re.sub(r"\D", "", d1)) if d1 else None)
        if d2:
            end = PartialDate(end.year, m2, int(re.sub(r"\D", "", d2)))
    except ValueError:
        return None, None
    return start, end


# Every pattern above needs a digit, a month's name or one of these words.
_MAYBE = re.compile(
    rf"\d|{MONTH}|{_WEEKDAY}|{_HOLIDAY}"
    r"|(?i:\b(?:this|last|past|previous|yesterday|ago|that|following|next|today)\b)"
)

_MONTH_STARTS = tuple(sorted({word[:3] for word in MONTH_WORDS}))
_YEAR_STARTS = ("18", "19", "20")
_DIGIT = re.compile(r"[0-9]")
_WORDS = {
    "between": ("between", "from"),
    "last": ("last", "past"),
    "relative": ("this", "last", "past", "previous", "yesterday", "ago", "today"),
}
# what "a 2020 law" may name (lower-cased, as it is written mostly)
_MEASURE_WORDS = (
    "law", "decree", "order", "directive", "regulation", "rule", "policy", "ban",
    "campaign", "crackdown", "edict", "act",
)  # fmt: skip
_EVERYTHING = frozenset(
    {
        "month",
        "year",
        "digit",
        "dash",
        "comma",
        "weekday",
        "sequel",
        "shift",
        "season",
        "measure",
        "holiday",
        *_WORDS,
    }
)


_THAT_WORD = re.compile(r"that\s")
_SEQUEL_WORDS = re.compile(r"(?:following|next|previous|same)\s")


def _features(text: str) -> frozenset[str]:
    """What ``text`` holds of the words and characters the patterns need: a pattern
    whose needs are not all here cannot match, so it is not run. Substring tests
    cost far less than a pattern's pass over the sentence. The words are tested
    lower-cased, which is exact only for ASCII text (a case-insensitive pattern
    also matches, say, the long s): any other text runs every pattern, if it
    holds a digit, a month's name or a relative word at all."""
    if not text.isascii():
        return _EVERYTHING if _MAYBE.search(text) else frozenset()
    found = set()
    if any(month in text for month in _MONTH_STARTS):
        found.add("month")
    if any(year in text for year in _YEAR_STARTS):
        found.add("year")
    if _DIGIT.search(text):
        found.add("digit")
    if "-" in text:
        found.add("dash")
    if "," in text:
        found.add("comma")
    if "day" in text:
        found.add("weekday")  # every weekday's name ends so
    lowered = text.lower()
    if _THAT_WORD.search(lowered) or _SEQUEL_WORDS.search(text):  # "That spring"
        found.add("sequel")  # (a line may break after the word: "that\nspring")
    if "earlier" in text or "later" in text or "before" in text or "fter" in text:
        found.add("shift")
    if any(word in text for word in _MEASURE_WORDS):
        found.add("measure")
    if any(start in text for start in _HOLIDAY_STARTS):
        found.add("holiday")
    if any(season in lowered for season in _SEASONS):
        found.add("season")
    for feature, words in _WORDS.items():
        if any(word in lowered for word in words):
            found.add(feature)
    return frozenset(found)


# "(Lee 2019; Han and Park 2020, pp. 41-45)", "(interview 14, Seoul, 2020)"
_AUTHOR_YEAR = (
    r"(?:(?:see|cf\.|e\.g\.)\s+)?[A-Z][\w'’.&-]*(?:\s+(?:and|&|et\s+al\.?|[A-Z][\w'’.&-]*))*,?"
    r"\s+(?:1[89]|20)\d\d[a-z]?(?:,\s*(?:pp?\.|at)\s*\d+(?:[–-]\d+)?)?"
)
_CITATION = re.compile(
    rf"\({_AUTHOR_YEAR}(?:\s*;\s*{_AUTHOR_YEAR})*\)"
    r"|\((?i:interview(?:ed)?|source|recorded)\b[^()]{0,80}\)"
)


def find_times(text: str, offset: int, anchor: PartialDate | None) -> list[TimeMention]:
    """Temporal expressions in ``text`` (which starts at document offset ``offset``)."""
    features = _features(text)
    # (a citation's year is when a work was published, a source note's when
    # someone was interviewed: neither is when anything happened)
    taken: list[tuple[int, int]] = (
        [m.span() for m in _CITATION.finditer(text)] if "(" in text else []
    )
    found: list[TimeMention] = []
    for kind, pattern, needs in _PATTERNS:
        if not needs <= features:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            try:
                date, date_end, relative = _resolve(kind, match, anchor)
            except (ValueError, KeyError):
                continue
            taken.append((start, end))
            found.append(
                TimeMention(offset + start, offset + end, match.group(), date, date_end, relative)
            )
    found.sort(key=lambda mention: mention.start)
    return found


_FULL_MONTHS = [name.lower() for name in calendar.month_name]  # ("" at 0)
# a heading's text, its marks stripped ("## January", "**August 2020**")
_HEADING_MARKS = re.compile(r"^[#*_\s]+|[*_:.\s]+$")
_YEAR_ALONE = re.compile(r"(?:1[89]|20)\d\d")


def heading_time(text: str, offset: int, anchor: PartialDate | None) -> TimeMention | None:
    """The time a heading that is nothing but a time gives ("## January",
    "### March 2019", "**2016**"): a month alone is the latest such month not
    after ``anchor``, as "in January" is. The time of the acts its section
    tells without a date of their own."""
    inner = _HEADING_MARKS.sub("", text)
    if not inner:
        return None
    start = offset + text.index(inner)
    if inner.lower() in _FULL_MONTHS:
        date = _month_not_after(_FULL_MONTHS.index(inner.lower()), anchor)
        return TimeMention(start, start + len(inner), inner, date, None, True) if date else None
    if _YEAR_ALONE.fullmatch(inner):
        return TimeMention(start, start + len(inner), inner, PartialDate(int(inner)))
    found = [t for t in find_times(inner, start, anchor) if t.date is not None]
    if len(found) == 1 and found[0].text == inner:
        return found[0]
    return None


# how long something went on, in whole years: "for forty-three years"
_FOR_YEARS = re.compile(rf"\bfor\s+(?P<n>{_AGO_NUMBER})\s+years\b", re.IGNORECASE)


def years_lasting(text: str) -> int | None:
    """How many years ``text`` says something went on for ("for forty-three
    years", "for 12 years"), or None."""
    found = _FOR_YEARS.search(text)
    if found is None or found.group("n").lower() == "a":
        return None
    return _amount(" ".join(found.group("n").lower().split()).replace(" ", "-"))
