"""Partial dates and the patterns that find dates written out in English text.

Dates in sources are often partial ("June 2019", "2020") and the record keeps
exactly the precision the text gives, so a date here is a year with an optional
month and day, written as ISO 8601 ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Explicit dates are found with our own patterns (dateparser's ``search_dates``
misreads "In June 2019, three men" as 3 June) and then normalised by dateparser.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser

from kirok.wordlists import alternation

_DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["year"],
}

# The shapes our patterns find, tried first; dateparser's full parser takes the rest
# ("Sept. 22, 2020"). Trying formats first is fifty times faster.
_FORMATS = [
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%d %b %Y",
    "%Y-%m-%d",
    "%B %Y",
    "%B, %Y",
    "%b %Y",
]

MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9

# Capitalised month names only: "may" as a verb is not a month. Each name, then
# its abbreviations with and without a full stop (written out: calendar's names
# follow the locale).
_FULL = "January February March April May June July August September October November December"
_SHORT = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
MONTH_WORDS = (*_FULL.split(), *(f"{short}{dot}" for short in _SHORT.split() for dot in (".", "")))
# as a trie: the regex engine does not try twenty-odd words wherever it looks
MONTH = f"(?:{alternation(MONTH_WORDS)})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1..12")
        if self.day is not None and self.month is not None:
            dt.date(self.year, self.month, self.day)  # raises on 31 February

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @classmethod
    def parse_iso(cls, value: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not match:
            raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)


def month_number(word: str) -> int:
    return MONTH_NAMES[word.lower().rstrip(".")]


@lru_cache(maxsize=65536)
def normalise_explicit(text: str, precision: str) -> PartialDate | None:
    """Normalise an explicit date span (one with a year) through dateparser.

    ``precision`` is what the span states ("day", "month" or "year"); the
    returned date keeps exactly that precision.
    """
    if precision == "year":
        found = re.search(YEAR, text)
        return PartialDate(int(found.group())) if found else None
    cleaned = " ".join(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text).replace(" of ", " ").split())
    parsed = dateparser.parse(
        cleaned, date_formats=_FORMATS, languages=["en"], settings=_DATEPARSER_SETTINGS
    )
    if parsed is None:
        return None
    if precision == "month":
        return PartialDate(parsed.year, parsed.month)
    return PartialDate(parsed.year, parsed.month, parsed.day)


_EXPLICIT = re.compile(
    rf"\b(?P<mdy>{MONTH}\s+{DAY},?\s+{YEAR})\b"
    rf"|\b(?P<dmy>{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR})\b"
    rf"|\b(?P<iso>{YEAR}-(?:0[1-9]|1[0-2])-(?:[12]\d|3[01]|0[1-9]))\b"
    rf"|\b(?P<my>{MONTH},?\s+(?:of\s+)?{YEAR})\b"
)


def find_explicit_dates(text: str) -> list[tuple[int, int, PartialDate]]:
    """Every explicit date (one that names its year and month) in ``text``."""
    found = []
    for match in _EXPLICIT.finditer(text):
        kind = match.lastgroup or ""
        precision = "month" if kind == "my" else "day"
        value = normalise_explicit(match.group(), precision)
        if value is not None:
            found.append((match.start(), match.end(), value))
    if "/" in text or "." in text:
        for match in NUMERIC_DATE.finditer(text):
            value = numeric_date(match)
            if value is not None:
                found.append((match.start(), match.end(), value))
        found.sort(key=lambda item: item[0])
    return found


# a date in figures that cannot be read two ways: year first ("2024.03.12",
# "2024/3/12", as Korean texts write it), or a day past the twelfth first
# ("20/03/2024"); "12/03/2024" may be either, and is left unread
NUMERIC_DATE = re.compile(
    rf"(?<![\d./])(?:(?P<ny>{YEAR})([./])(?P<nm>0?[1-9]|1[0-2])\2(?P<nd>[12]\d|3[01]|0?[1-9])"
    rf"|(?P<dd>1[3-9]|2\d|3[01])/(?P<mm>0?[1-9]|1[0-2])/(?P<yy>{YEAR}))(?![\d/]|\.\d)"
)


def numeric_date(match: re.Match[str]) -> PartialDate | None:
    """The day a :data:`NUMERIC_DATE` match gives, if there is such a day."""
    year, month, day = (
        (match.group("ny"), match.group("nm"), match.group("nd"))
        if match.group("ny")
        else (match.group("yy"), match.group("mm"), match.group("dd"))
    )
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return PartialDate(int(year), int(month), int(day))
