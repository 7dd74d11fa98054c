"""Time: detection and resolution against the document's date, with Hypothesis for the rules."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from kirok.dates import PartialDate
from kirok.extraction.temporal import HOLIDAYS, find_times, resolve_sequel

ANCHOR = PartialDate(2020, 12, 15)


def resolved(text: str, anchor: PartialDate | None = ANCHOR) -> list[tuple[str | None, str | None]]:
    return [
        (t.date.iso() if t.date else None, t.date_end.iso() if t.date_end else None)
        for t in find_times(text, 0, anchor)
    ]


def test_explicit_dates_keep_their_precision() -> None:
    assert resolved("In June 2019, three men were shot.") == [("2019-06", None)]
    assert resolved("It happened on 22 September 2020.") == [("2020-09-22", None)]
    assert resolved("It happened on Sept. 22, 2020.") == [("2020-09-22", None)]
    assert resolved("Arrests rose in 2019.") == [("2019", None)]


def test_a_span_of_months_with_no_word_before_it() -> None:
    assert resolved("Quarterly report, July to September 2024") == [("2024-07", "2024-09")]
    assert resolved("From July to September 2024 we recorded cases.") == [("2024-07", "2024-09")]


def test_a_span_of_days_first_to_a_part_of_a_month() -> None:
    assert resolved("Between 21 January and early February 1968, 26 were killed.") == [
        ("1968-01-21", "1968-02")
    ]
    assert resolved("from 3 May to 9 June 2015") == [("2015-05-03", "2015-06-09")]
    assert resolved("between March and the end of May 2001") == [("2001-03", "2001-05")]


def test_relative_expressions() -> None:
    assert resolved("In August, guards were ordered") == [("2020-08", None)]
    assert resolved("on September 22, the navy") == [("2020-09-22", None)]
    assert resolved("Last December, officials") == [("2019-12", None)]
    assert resolved("earlier this month") == [("2020-12", None)]
    assert resolved("last year") == [("2019", None)]
    assert resolved("over the past few months") == [("2020", None)]
    assert resolved("between June and September") == [("2020-06", "2020-09")]
    assert resolved("from November to February") == [("2019-11", "2020-02")]


def test_without_a_document_date_relative_stays_unresolved() -> None:
    assert resolved("In August, guards were ordered", None) == [(None, None)]
    assert resolved("In August 2020, guards were ordered", None) == [("2020-08", None)]


def test_numbers_that_are_not_dates() -> None:
    assert resolved("the 2014 UN Commission of Inquiry") == []
    assert resolved("Havel (1936-2011)") == []
    assert resolved("You may leave now.") == []


anchors = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31))


@given(anchors, st.integers(min_value=1, max_value=12))
def test_a_month_without_a_year_is_the_latest_not_after_the_document(
    anchor: dt.date, month: int
) -> None:
    name = calendar.month_name[month]
    [(iso, _)] = resolved(f"In {name}, soldiers", PartialDate.from_date(anchor))
    assert iso is not None
    value = PartialDate.parse_iso(iso)
    assert value.month == month
    assert (value.year, month) <= (anchor.year, anchor.month)
    assert (anchor.year * 12 + anchor.month) - (value.year * 12 + month) < 12


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_written_dates_round_trip(day: dt.date) -> None:
    text = f"on {calendar.month_name[day.month]} {day.day}, {day.year}, police"
    assert resolved(text) == [(day.isoformat(), None)]
    assert PartialDate.parse_iso(day.isoformat()).first_day() == day


# Pieces that make up the dates the patterns look for, and the words around them.
_PIECES = [
    "January", "Sept.", "May", "Dec", "March", "2019", "1998", "20", "3rd", "15",
    "2020-09-22", "-", "–", ",", "and", "to", "between", "from", "in", "on", "of",
    "the end of", "last", "past", "this", "previous", "yesterday", "ago", "month",
    "year", "weeks", "few", "two", "guards", "Hyesan", "LAST", "Between",
    "Monday", "Sunday", "every", "a", "today", "that", "following", "next", "day",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_skipping_patterns_a_sentence_cannot_match_changes_nothing(pieces: list[str]) -> None:
    """A pattern is run only when the sentence holds what it needs; running every
    pattern on every sentence finds the same dates."""
    import kirok.extraction.temporal as temporal

    text = " ".join(pieces) + "."
    found = find_times(text, 0, ANCHOR)
    every = temporal._features
    try:
        temporal._features = lambda text: temporal._EVERYTHING  # type: ignore[assignment]
        assert find_times(text, 0, ANCHOR) == found
    finally:
        temporal._features = every


def test_text_that_is_not_ascii_runs_every_pattern() -> None:
    assert resolved("Between March and May 2020 — 탈북자 두 명이 체포되었다.") == [
        ("2020-03", "2020-05")
    ]
    assert resolved("From June–August 2019, “they” were held.") == [("2019-06", "2019-08")]


# The month names and abbreviations as a plain list, as Kirok wrote them before
# the trie.
MONTH_NAMES_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)

_MONTHISH = [
    "January", "Jan", "June", "Jun", "July", "Jul", "Ju", "Sept", "Sep", "September",
    "May", "Ma", "Mar", "March", "Marc", "Dec", "Decem", "December", "Nov", "Oct", "Octo",
    "Feb", "Apr", "April", "Aug", "August", ".", ". ", " ", "5", ",", "x", "2020", "-",
]  # fmt: skip


@given(st.lists(st.sampled_from(_MONTHISH), min_size=1, max_size=8))
def test_the_month_trie_matches_what_the_list_of_names_matches(pieces: list[str]) -> None:
    from kirok.dates import MONTH

    text = "".join(pieces)
    for template in (r"\b(?P<m>{})", r"\b(?P<m>{})\b", r"(?P<m>{})\s+\d", r"(?P<m>{}),?\s+20\d\d"):
        trie = [m.span() for m in re.finditer(template.format(MONTH), text)]
        names = [m.span() for m in re.finditer(template.format(MONTH_NAMES_PATTERN), text)]
        assert trie == names


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(anchors, st.sampled_from(WEEKDAYS), st.booleans())
def test_a_weekday_is_the_latest_such_day_not_after_the_document(
    anchor: dt.date, weekday: str, last: bool
) -> None:
    text = f"Police arrested him {'last' if last else 'on'} {weekday}."
    [(found, _)] = resolved(text, PartialDate(anchor.year, anchor.month, anchor.day))
    assert found is not None
    day = dt.date.fromisoformat(found)
    assert calendar.day_name[day.weekday()] == weekday
    assert (1 if last else 0) <= (anchor - day).days <= (7 if last else 6)


def test_weekdays_that_name_no_day() -> None:
    sunday = PartialDate(2023, 4, 2)
    assert resolved("Police arrested 40 protesters last Sunday.", sunday) == [("2023-03-26", None)]
    assert resolved("Guards shot a man on Sunday.", sunday) == [("2023-04-02", None)]
    assert resolved("Every Monday they were beaten.", sunday) == []
    assert resolved("It happened on a Sunday in May.", sunday) == [("2022-05", None)]
    assert resolved("On Monday, March 6, 2023, guards shot a man.", sunday) == [
        ("2023-03-06", None)
    ]
    assert resolved("Guards shot a man on Sunday.", PartialDate(2023, 4)) == [(None, None)]


def test_the_following_month_follows_the_date_told_before() -> None:
    assert resolve_sequel("the following month", PartialDate(2016)) == PartialDate(2016)
    assert resolve_sequel("the following month", PartialDate(2019, 12)) == PartialDate(2020, 1)
    assert resolve_sequel("the next day", PartialDate(2020, 2, 28)) == PartialDate(2020, 2, 29)
    assert resolve_sequel("the next day", PartialDate(2020, 2)) == PartialDate(2020, 2)
    assert resolve_sequel("later that year", PartialDate(2018, 5, 3)) == PartialDate(2018)
    assert resolve_sequel("the previous year", PartialDate(2018, 5)) == PartialDate(2017)
    assert resolve_sequel("that week", PartialDate(2018, 5, 3)) == PartialDate(2018, 5)
    # alone in a sentence, nothing before it: left open
    assert resolved("Police arrested him the following month.") == [(None, None)]


def test_a_month_of_the_same_year_and_the_same_day() -> None:
    assert resolve_sequel("July of the same year", PartialDate(1978, 1)) == PartialDate(1978, 7)
    assert resolve_sequel("May of that year", PartialDate(2019, 3, 2)) == PartialDate(2019, 5)
    assert resolve_sequel("the same day", PartialDate(2019, 3, 2)) == PartialDate(2019, 3, 2)
    # not a July of its own, resolved against the document's date
    assert resolved("He was taken in July of the same year.") == [(None, None)]


def test_the_last_week_of_a_month_is_that_month() -> None:
    anchor = PartialDate(2008, 6, 10)
    assert [(t.text, t.date) for t in find_times("in the last week of May", 0, anchor)] == [
        ("of May", PartialDate(2008, 5))
    ]
    assert [t.date for t in find_times("police arrested him last week", 0, anchor)] == [
        PartialDate(2008, 6)
    ]


def test_that_month_named_is_of_the_year_told_before() -> None:
    assert resolve_sequel("that December", PartialDate(2011, 12, 17)) == PartialDate(2011, 12)
    assert resolve_sequel("that same May", PartialDate(2019)) == PartialDate(2019, 5)
    assert resolve_sequel("the following March", PartialDate(2019, 6)) == PartialDate(2020, 3)
    assert resolve_sequel("the following March", PartialDate(2019, 1)) == PartialDate(2019, 3)
    assert resolve_sequel("the previous October", PartialDate(2019, 6)) == PartialDate(2018, 10)
    # "may" is no month: "a report that may be wrong"
    assert [t.text for t in find_times("a report that may be wrong", 0, PartialDate(2020))] == []
    # alone, with nothing told before it: left open
    assert resolved("They were punished that December.") == [(None, None)]


def test_a_season_gives_its_year() -> None:
    assert resolved("In the spring of 2018, she crossed.") == [("2018", None)]
    assert resolved("They were caught in late autumn 2017.") == [("2017", None)]
    assert resolved("A winter 2019 crackdown began.") == [("2019", None)]


def test_so_many_units_earlier_or_later() -> None:
    assert resolve_sequel("two years earlier", PartialDate(2003)) == PartialDate(2001)
    assert resolve_sequel("a month later", PartialDate(2019, 12)) == PartialDate(2020, 1)
    assert resolve_sequel("three days later", PartialDate(2020, 2, 27)) == PartialDate(2020, 3, 1)
    assert resolve_sequel("two weeks later", PartialDate(2020, 5)) == PartialDate(2020, 5)
    assert resolve_sequel("a year later", PartialDate(2020, 2, 29)) == PartialDate(2021, 2)
    # after an event, not a date: no time of its own
    assert resolved("He died two years after his arrest.") == []


def test_a_year_that_names_an_event_after_which_it_happened() -> None:
    [held] = find_times("They were held in the North after the 1953 armistice.", 0, None)
    assert held.date == PartialDate(1953) and held.text == "after the 1953 armistice"
    # a year that only describes something is no time of an act
    assert find_times("He spoke of the 1953 armistice at length.", 0, None) == []


def test_days_known_by_name() -> None:
    assert resolved("On Christmas Day 2009, a man walked across the river.") == [
        ("2009-12-25", None)
    ]
    assert resolved("shot on New Year’s Day") == [("2020-01-01", None)]
    assert resolved("on Christmas Eve") == [("2019-12-24", None)]  # the anchor is 15 December
    assert resolved("arrested on the Day of the Sun in 2012") == [("2012-04-15", None)]
    assert resolved("Christmas Day, 2009") == [("2009-12-25", None)]
    assert resolved("a Christmas card") == []


@given(st.sampled_from(sorted(HOLIDAYS)), st.integers(1900, 2099))
def test_every_named_day_in_the_data_resolves_with_its_year(name: str, year: int) -> None:
    month, day = HOLIDAYS[name]
    assert resolved(f"Police came on {name} {year}.") == [(f"{year}-{month:02d}-{day:02d}", None)]


def test_a_week_gives_its_month_not_a_day() -> None:
    # 1 June 2013 was a Saturday: last week ran from 20 to 26 May
    assert resolved("returned last week", PartialDate(2013, 6, 1)) == [("2013-05", None)]
    assert resolved("arrested this week", PartialDate(2013, 6, 1)) == [("2013-05", "2013-06")]
    assert resolved("earlier this week", PartialDate(2013, 6, 6)) == [("2013-06", None)]
    # 4 March 2021 was a Thursday: last week ran from 22 to 28 February
    assert resolved("last week", PartialDate(2021, 3, 4)) == [("2021-02", None)]
    assert resolved("last week", PartialDate(2021, 3, 2)) == [("2021-02", None)]
    assert resolved("last week", PartialDate(2021, 3, 10)) == [("2021-03", None)]


def test_how_long_ago_in_words() -> None:
    anchor = PartialDate(2021, 1, 16)
    assert resolved("Twenty-one years ago today, agents seized him", anchor) == [
        ("2000-01-16", None)
    ]
    assert resolved("thirty three years ago", anchor) == [("1988", None)]
    assert resolved("fifteen years ago", anchor) == [("2006", None)]
    assert resolved("three days ago", anchor) == [("2021-01-13", None)]
    assert resolved("a month ago", anchor) == [("2020-12", None)]


def test_the_night_before_and_the_day_after() -> None:
    told = PartialDate(2022, 3, 6)
    assert resolve_sequel("the night before", told) == PartialDate(2022, 3, 5)
    assert resolve_sequel("the day after", told) == PartialDate(2022, 3, 7)
    assert resolve_sequel("the month before", told) == PartialDate(2022, 2)
    assert resolved("shot the night before his arrest") == []  # the night before an event


def test_dates_in_figures_read_only_one_way() -> None:
    from kirok.dates import find_explicit_dates

    assert [d.iso() for _, _, d in find_explicit_dates("on 2024.03.12 and 2024/3/9")] == [
        "2024-03-12",
        "2024-03-09",
    ]
    assert [d.iso() for _, _, d in find_explicit_dates("20/03/2024 Musan")] == ["2024-03-20"]
    # the twelfth of March or the third of December: left unread
    assert find_explicit_dates("12/03/2024 Hyesan") == []
    assert find_explicit_dates("version 2.1.2020, 31/02/2024") == []


def test_two_years_told_as_one_time() -> None:
    assert resolved("In the summers of 1977 and 1978, five boys vanished.") == [("1977", "1978")]
    assert resolved("Arrests rose in 2019 and 2020.") == [("2019", "2020")]
    # (two times of two acts stay two)
    assert resolved("He was held in 2015 and released in 2017.") == [
        ("2015", None),
        ("2017", None),
    ]
