"""Finding a document's own date and title in its text.

The date anchors relative expressions ("last September"), so it must be the
date the text was written: a "Date:" line, a dateline, a letter's date line
near the top, a written answer's "Answered 2 July 2015" line (not the day the
question was tabled), a "Received by our office on 18 April 2023" or "Tabled
25 February 2021" line, a press release's embargo ("EMBARGOED UNTIL 00:01 GMT,
4 November 2025": the day it may first be read), or, in a short line above the first paragraph, a date
given as when the text was dated, updated, compiled, recorded or a talk given
("Case note, dated August 6, 2009.", "Notes for a talk given on 9 October
2023", "Programme of 22 April 2024") or a date ending the line ("Press
release -- 7 July 2022"). A day's name may stand before the date ("Received
Saturday 11 November 2023").
When a page carries both a release date and the letter's own date, the
earlier one is when the words were written, and it wins. A header that gives
only a month is the document's period (``find_period``), not its date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from kirok.dates import DAY, MONTH, find_explicit_dates, month_number

HEADER_CHARS = 3000
_LABELLED = re.compile(
    r"^\W*(?:date|dated|published|posted|released|issued|held|answered|received|tabled"
    r"|(?:last\s+)?updated|(?:last\s+)?revised"
    r"|embargoed(?:\s+until)?|embargo|for\s+release|not\s+for\s+release\s+(?:before|until))"
    # ("Date of call: ...", the day the text itself was made)
    r"(?:\s+of\s+(?:the\s+)?(?:call|meeting|interview|session|hearing|briefing|statement|letter"
    r"|report|issue|publication|notes))?"
    r"(?:\s+by\s+[\w'’ ]{1,40}?\s+on|\s+on)?\s*:?\s*"  # ("Received by our office on ...")
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
# a short line that opens with a name and a comma, then the date: "SEOUL,
# March 17 (...)", "Border closure briefing, 1 December 2020 (...)"
_DATELINE = re.compile(r"^\W*[A-Z][A-Za-z .'-]{1,40}(?:,\s*|\s*\()(?P<rest>.+)$")
# a dateline opening a paragraph: its place's words each begin with a capital,
# or are a particle ("SEOUL", "Kuala Lumpur", "Rio de Janeiro"); "Fifty-five
# years ago today, on 9 December 1968, ..." opens a sentence, not a dateline
_DATELINE_IN_PROSE = re.compile(
    r"^\W*(?=[A-Z][A-Za-z .'-]{1,40}(?:,\s*|\s*\())"
    r"[A-Z][A-Za-z.'-]*(?:\s+(?:[A-Z][A-Za-z.'-]*|de|da|del|di|do|du|la|le|el|am|an|upon|sur))*"
    r"(?:,\s*|\s*\()(?P<rest>.+)$"
)
# a dateline's state or country between the city and the date ("Dayton, Ohio,
# October 22, 2014")
_REGION = re.compile(r"[A-Z][A-Za-z .'-]{1,30},\s*")
# within a short line above the first paragraph: "Case note, dated August 6,
# 2009.", "*Updated: March 3, 2022*", "Interviewed 12 May 2021 in Seoul",
# "Sent 15 October 2024.",
# "*Programme of 22 April 2024.*"
_LABELLED_INSIDE = re.compile(
    r"\b(?:dated|published|posted|released|issued|updated|revised|last\s+edited|written|interviewed|recorded|"
    r"translated|unveiled|dedicated|"
    r"compiled|prepared|drafted|submitted|broadcast|aired|exported|circulated|"
    r"(?:statement|declaration|affidavit)\s+on|"
    r"sent(?=\s+(?:on\s+)?\d)|typed\s+up|transcribed|"  # ("Sent 15 October 2024.", not "sent back")
    # ("Sent to members of the network on 1 June 2011.", "Evaluation carried out
    # in Seoul on 14 September 2019.")
    r"sent\s+to\s+(?:(?:all|our|the)\s+)?(?:members|subscribers|readers|supporters|partners|donors"
    r"|staff|volunteers|(?:mailing\s+)?list)\b[^.;:\n]{0,80}?(?=\s+on\s+\d)|"
    r"(?:evaluation|examination|assessment|interview)\s+(?:was\s+)?(?:carried\s+out|conducted|held)|"
    r"(?:given|delivered|presented)(?:\s+on)?|"
    r"(?:programme|program|agenda|minutes|newsletter|bulletin|meeting|session|sitting)\s+of)"
    # ("Published by X on", "Recorded in Seoul, 3 September 2019")
    # ("Translated for the families desk (an invented office) on 20 November 2023.")
    # (what is in brackets there may hold a semicolon: "Prepared by the desk of X (an
    # invented group; the people are invented) on 4 February 2016.")
    r"(?:\s+(?:by|for|to)\s+(?:\([^()\n]{0,120}\)|(?:Dr|Mr|Mrs|Ms|Prof)\.|[^.;:\n(]){1,160}?\s+on|\s+on"
    r"|\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?,?(?:\s+on)?)?"
    r"\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# or a date that ends such a line after a dash, a colon or a bracket: "Press
# release -- 7 July 2022", "Briefing: new laws (2 February 2023)"
_DATE_ENDS_LINE = re.compile(r"(?:--|[-–—:(|,]|\.(?=\s))\s*(?P<rest>[^-–—:(|,]{6,40}?)\)?\W*$")
# the same after the line's last such mark, where an earlier one took words that are
# no date: "Research desk, Seoul Media Watch (invented, for tests). 3 July 2024."
_DATE_ENDS_LINE_LAST = re.compile(rf"^.*{_DATE_ENDS_LINE.pattern}")
# or a date that ends a header line's first sentence, after a comma or a dash:
# "Prepared by the monitoring desk of X, 3 June 2019. For members only."
_DATE_ENDS_SENTENCE = re.compile(
    r"(?:--|[-–—:(|,])\s*(?P<rest>[^-–—:(|,.]{6,40}?)\)?\.\s+(?=[A-Z])"
)
# a sentence of its own that dates the text: "Transcribed 5 October 2021."
_DATING_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+)(?:Transcribed|Recorded|Published|Dated|Written|Compiled|Prepared|Updated"
    r"|Last\s+(?:updated|revised|edited)|Exported|Circulated"
    # ("Translated for our archive on 30 August 2019.")
    r"|Translated(?:\s+for\s+[^.;:\n]{1,60}?(?=\s+on\s))?"
    r"|Issued|Posted|Interviewed|Submitted)\s+(?:in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,?\s+)?(?:on\s+)?"
    # (what the day is for may follow it: "Submitted on 15 October 2024 under grant
    # LT-2023-117."; and the stop may stand before Markdown's marks: "2022.*")
    r"(?P<rest>[^.]{6,40}?)(?:\s+(?:under|for|to)\s+[^.]{1,60}?)?\.(?=[\s*_]|$)"
)
# a dateline's month and day with no year ("SEOUL, Aug. 31 (Wire) --"), and a
# file name that opens with a day ("2016-08-31-wire.txt")
_MONTH_DAY = re.compile(rf"(?:on\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})\b(?!,?\s*\d)")
_DIGITS = re.compile(r"\D")  # (what is not a digit: "31st" is 31)
_NAME_DAY = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])-([012]\d|3[01])(?!\d)")
# a field's label that names an event, not the document ("Date of arrest:",
# "Born:"): its date is that event's
_EVENT_LABEL = re.compile(
    r"[\W_]*(?:(?:date|day)\s+(?:of\s+)?)?(?:born|birth|arrest(?:ed)?|detained|detention"
    r"|disappear\w*|death|died|incident|event|last\s+seen|missing|taken|abduct\w*|execution"
    r"|executed|capture|return|repatriation)\b[^:]{0,20}:",
    re.IGNORECASE,
)
SENTENCE_WORDS = 12  # a line this long that ends with a full stop is a sentence, not a title
HEADER_LINE_CHARS = 160  # a longer line is a paragraph: the header has ended
PARAGRAPH_CHARS = 120  # a longer line opens a paragraph, whose dateline is at its start
_DECORATION = re.compile(r"[*_#>\s]+")
_MARKUP = re.compile(r"[*_#>]+")  # Markdown's marks, spaces kept
WRAPPED_LINE_CHARS = 50  # a line this long that runs on into the next is prose
# a line that goes on with a word in lower case; not a note in brackets under a
# title ("(an invented interviewee, called Mr. Seo here)")
_GOES_ON = re.compile(r"(?![(\[])[\W_]*[a-z]")
_ENDS = re.compile(r"[.:;!?)\]*_]\W*$")  # a line that ends with a stop or a mark


# a page's closing line that says when it was last changed ("This page was last
# edited on 11 February 2021, at 10:15.", "Page last updated: 3 May 2022"): a wiki's
# or a site's footer, which dates the text as it now reads
_LAST_CHANGED = re.compile(
    r"\b(?:last\s+(?:edited|updated|modified|revised|changed|reviewed)"
    r"|(?:page|article|entry|text)\s+(?:was\s+)?(?:edited|updated|modified))"
    r"(?:\s+on)?\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
FOOTER_LINES = 4  # the last lines of a text that may hold such a line

# a date written in Korean ("2023년 10월 12일"), alone or beside the same date in English
_KOREAN_DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")


def _korean_date(line: str) -> str | None:
    """The ISO date of a line that is a date in Korean and nothing else but
    punctuation and, maybe, the same date in another language."""
    found = _KOREAN_DATE.search(line)
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    try:
        value = dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    rest = _MARKUP.sub("", line[: found.start()] + line[found.end() :]).strip(" ,.:-–—()/|")
    return value if not rest or _date_alone(rest) == value else None


def _date_alone(line: str) -> str | None:
    """The ISO date if ``line`` is a date and nothing else (bar punctuation and,
    before it, the day's name: "Tuesday 16 April 2019")."""
    found = find_explicit_dates(line)
    if len(found) != 1:
        return None
    start, end, value = found[0]
    before = _DECORATION.sub("", line[:start]).strip(" ,.:-–—()")
    if _WEEKDAY_FIRST.fullmatch(before + " "):
        before = ""
    rest = before + _DECORATION.sub("", line[end:]).strip(" ,.:-–—()")
    if value.precision == "day" and not rest:
        return value.iso()
    return None


# a list item's mark, or a table's row: a date in one is a timeline's entry or
# a table's value ("| Released | 27 November 1996 |"), not the text's date
_LIST_ITEM = re.compile(r"^\s*(?:[-+*•]|\d{1,3}[.)])\s|^\s*\|")
# a reply's line naming the message it quotes and when that was sent ("On Tue,
# 10 Sep 2024 at 22:14, A <a@example.org> wrote:"): the quoted message's date
_REPLY_ATTRIBUTION = re.compile(r"^On\s.{6,200}\swrote:$")
# a table's row as a Word file's table reads, its cells set apart by bars, one
# of them a sentence: a date in it is an entry's ("12 January 2015 | Border
# guards shot dead a man ... | Two sources")
_TABLE_ROW = re.compile(r"^(?=[^\n]*\w[.!?]\s*(?:\||$))[^|\n]*\|[^|\n]*\|")


def _header_lines(text: str) -> Iterator[tuple[str, bool]]:
    """The text's first lines, stripped, empty ones left out, each with whether
    it is part of hard-wrapped prose: a long line that runs on into the next
    (it ends with no stop, and the next goes on in lower case), or the line it
    runs on into. No header is prose."""
    lines = [line.strip() for line in text[:HEADER_CHARS].splitlines()]
    for number in range(len(lines) - 1):
        if _DAY_AND_MONTH_END.search(lines[number]) and _YEAR_OPENS.match(lines[number + 1]):
            # a date a PDF's line broke: "... on 28 April" over "2021."
            lines[number] = f"{lines[number]} {lines[number + 1]}"
            lines[number + 1] = ""
    runs_on = False
    for number, line in enumerate(lines):
        if not line:
            runs_on = False
            continue
        if _SHOUTED_LINE.fullmatch(line):
            # ("NEWS SCRIPT -- EVENING BULLETIN -- 14 FEBRUARY 2023")
            line = _CAPITAL_NAMES.sub(lambda m: m.group().capitalize(), line)
        continued = runs_on
        following = lines[number + 1] if number + 1 < len(lines) else ""
        runs_on = (
            len(line) >= WRAPPED_LINE_CHARS
            and not _ENDS.search(line)
            and _GOES_ON.match(following) is not None
        )
        yield line, continued or runs_on


# a line in capitals, and the names of months and days written so
_SHOUTED_LINE = re.compile(r"[^a-z]*[A-Z]{3}[^a-z]*")
_CAPITAL_NAMES = re.compile(
    r"\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY"
    r"|SATURDAY|SUNDAY)\b"
)
# a line that ends with a date's day and month, and one that opens with a year
_DAY_AND_MONTH_END = re.compile(rf"(?:\b{DAY}\s+{MONTH}|\b{MONTH}\s+{DAY},?)$")
_YEAR_OPENS = re.compile(r"(?:19|20)\d\d\b(?![\d-])")
# a day's name before its date: "Saturday 11 November 2023"
_WEEKDAY_FIRST = re.compile(r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+")
# a time of day before the date, as an embargo gives it ("00:01 GMT, 4 November 2025")
_TIME_FIRST = re.compile(
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s+(?:GMT|UTC|KST|JST|CET|CEST|BST|EST|EDT))?"
    r",?\s+(?:on\s+)?",
    re.IGNORECASE,
)


def _day_opening(text: str) -> str | None:
    """The ISO day a date at the start of ``text`` gives, if it gives a day."""
    clock = _TIME_FIRST.match(text)
    if clock:
        text = text[clock.end() :]
    weekday = _WEEKDAY_FIRST.match(text)
    if weekday:
        text = text[weekday.end() :]
    if text[:4].lower() == "the ":
        text = text[4:]  # ("Issued on the 21st of March 2022")
    found = find_explicit_dates(text[:40])
    if found and found[0][0] < 4 and found[0][2].precision == "day":
        return found[0][2].iso()
    return None


def _date_then_stop(line: str) -> str | None:
    """The ISO day a header line opens with, if a stop or a dash ends the date
    ("*30 July 2020. Written for members.*", "12 May 2021 -- Seoul")."""
    found = find_explicit_dates(line[:40])
    if not found or found[0][0] >= 4 or found[0][2].precision != "day":
        return None
    after = line[found[0][1] :].lstrip(" *_")
    return found[0][2].iso() if not after or after[0] in ".–—-|:" else None


def _period_end(line: str) -> str | None:
    """The ISO day a header line's period of days ends on, when the line ends
    with it ("Issue 22, covering 26 May to 1 June 2014", "Week of 1-7 March
    2024"): a digest of those days, written at their end."""
    found = find_explicit_dates(line)
    if len(found) != 1 or found[0][2].precision != "day":
        return None
    start, end, value = found[0]
    if _DECORATION.sub("", line[end:]).strip(" .)"):
        return None
    return value.iso() if _PERIOD_START.search(line[:start]) else None


# the first day of a period, before its last ("26 May to ", "1-", "May 26 through ")
# or a period named by its last day ("week ending ", "fortnight to ")
_PERIOD_START = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]+)?|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"\s*(?:to|until|till|through|[-–—])\s*$"
    r"|\b(?i:week|fortnight|month|period|quarter)\s+(?i:ending|ended|to)\s+$"
)


def _day_in(pattern: re.Pattern[str], line: str) -> str | None:
    """The ISO day of the first match of ``pattern`` in ``line`` whose ``rest``
    is a date and nothing else: the date that ends a header line's first
    sentence ("..., 3 June 2019. For members only."), or a sentence of a
    paragraph that only says when the text was made ("Transcribed 5 October
    2021.")."""
    for match in pattern.finditer(line):
        day = _date_alone(match.group("rest"))
        if day:
            return day
    return None


def dated_by_name(text: str, name: str) -> str | None:
    """The day a file's name opens with ("2016-08-31-wire.txt"), when the text's
    dateline gives that month and day without a year ("SEOUL, Aug. 31 (Wire)
    --"): the two agree, and the name gives the year the dateline leaves out."""
    named = _NAME_DAY.match(name)
    if not named:
        return None
    month, day = int(named.group(2)), int(named.group(3))
    for line, _ in _header_lines(text):
        dateline = (_DATELINE_IN_PROSE if len(line) > PARAGRAPH_CHARS else _DATELINE).match(
            line[:60]
        )
        if not dateline:
            continue
        rest = dateline.group("rest")
        region = _REGION.match(rest)
        for opening in (rest, rest[region.end() :] if region else None):
            told = _MONTH_DAY.match(opening) if opening else None
            if (
                told
                and month_number(told.group("month")) == month
                and int(_DIGITS.sub("", told.group("day"))) == day
            ):
                return named.group(0)
    return None


def email_date(value: str) -> str | None:
    """The day of an e-mail's date ("Wed, 14 Aug 2024 09:12:00 +0900", RFC 5322),
    as the sender's clock gave it, or None if ``value`` is not one."""
    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _labelled_inside(line: str) -> str | None:
    """The day after the first label within a header line that a day follows:
    "Prepared for the network. Evaluation carried out in Seoul on 14 September
    2019." is dated by its second label, the first being followed by no day."""
    start = 0
    while inside := _LABELLED_INSIDE.search(line, start):
        day = _day_opening(inside.group("rest"))
        if day:
            return day
        start = inside.start() + 1
    return None


def _made_then_dated(line: str) -> str | None:
    """The day that ends a long header paragraph's first sentence, after a comma,
    when that sentence says the text was made ("A working matrix prepared by
    the Lantern Coalition ... for its members, 12 December 2019. The ...")."""
    first = _FIRST_SENTENCE.match(line)
    if first is None or not _MADE.search(first.group()):
        return None
    ending = next((m for m in _DATE_ENDS_SENTENCE.finditer(line) if m.end() == first.end()), None)
    return _date_alone(ending.group("rest")) if ending else None


_FIRST_SENTENCE = re.compile(r".{10,300}?\.\s+(?=[A-Z])")
_MADE = re.compile(
    r"\b(?:prepared|compiled|written|drafted|issued|published|produced|circulated)\b", re.I
)


def find_published(text: str) -> str | None:
    """The document's own date from its header lines, or None."""
    candidates: list[str] = []
    in_header = True
    for line, wrapped in _header_lines(text):
        if _LIST_ITEM.match(line) or line.startswith(">") or _REPLY_ATTRIBUTION.match(line):
            # "- 10 May 2013": a timeline's entry; a table's row; "> Date: ...",
            # "On 10 Sep 2024, A wrote:": a message quoted in a reply, not the reply
            continue
        if _EVENT_LABEL.match(line):
            continue  # "**Date of arrest:** 7 November 2021": an event's date
        if _TABLE_ROW.match(line):
            continue  # "12 January 2015 | Border guards shot dead a man ... | Two sources"
        if (len(line) > HEADER_LINE_CHARS or wrapped or not in_header) and (
            day := _day_in(_DATING_SENTENCE, line)
            or (_made_then_dated(line) if in_header else None)
        ):
            # a note above the text in one paragraph: "Archive of X (invented).
            # Transcribed 5 October 2021. The witness, ..."
            candidates.append(day)
            continue
        if in_header and len(line) <= HEADER_LINE_CHARS and not wrapped:
            at_end = _DATE_ENDS_LINE.search(line)
            day = (
                _labelled_inside(line)
                or (_date_alone(at_end.group("rest")) if at_end else None)
                or (
                    _date_alone(last.group("rest"))
                    if at_end and (last := _DATE_ENDS_LINE_LAST.match(line))
                    else None
                )
                or _date_then_stop(line)
                or _period_end(line)
                or _day_in(_DATE_ENDS_SENTENCE, line)
            )
            if day:
                candidates.append(day)
                continue
        else:
            in_header = False
        dateline = _DATELINE
        if len(line) > PARAGRAPH_CHARS:
            line = line[:60]  # a dateline opens the first paragraph of a news item
            dateline = _DATELINE_IN_PROSE
        alone = _date_alone(line) or _korean_date(line)
        if alone:
            candidates.append(alone)
            continue
        for pattern in (_LABELLED, dateline):
            match = pattern.match(line)
            day = _day_opening(match.group("rest")) if match else None
            if match and not day and pattern is dateline:
                region = _REGION.match(match.group("rest"))
                day = _day_opening(match.group("rest")[region.end() :]) if region else None
            if match and not day and pattern is _LABELLED:  # a saved e-mail's header
                day = email_date(match.group("rest"))
            if day:
                candidates.append(day)
                break
    return min(candidates) if candidates else chat_date(text)


# a message's stamp in a chat's export, with its sender: "[02/11/2023, 19:04]
# Mina: ...", "02/11/2023, 19:04 - Mina: ..."
_CHAT_STAMP = re.compile(
    r"^[ \t]*\[?(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)?\d\d),?[ \t]+"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \t]*[APap]\.?[Mm]\.?)?\]?[ \t]*(?:-[ \t]*)?"
    r"[^:\n]{1,80}:",
    re.MULTILINE,
)
CHAT_MESSAGES = 2  # stamped messages that make a text a chat's export


def footer_date(text: str) -> str | None:
    """The day a page's footer says it was last edited or updated, or None:
    for a page whose header gives no date, that day dates the text better than
    any date a page's markup may let a library guess (an infobox's day of the
    event the page is about)."""
    lines = [line.strip() for line in text[-1000:].splitlines() if line.strip()]
    for line in reversed(lines[-FOOTER_LINES:]):
        changed = _LAST_CHANGED.search(line)
        day = _day_opening(changed.group("rest")) if changed else None
        if day:
            return day
    return None


def chat_date(text: str) -> str | None:
    """The day of the last message of a chat's export, or None. Which number is
    the day is read from the stamps themselves: one above 12 is a day; where no
    stamp tells, the order in which the messages must run does; else None."""
    stamps = [
        (int(m.group("a")), int(m.group("b")), int(m.group("y")))
        for m in _CHAT_STAMP.finditer(text)
    ]
    if len(stamps) < CHAT_MESSAGES:
        return None
    stamps = [(a, b, year + 2000 if year < 100 else year) for a, b, year in stamps]
    readings = []
    for day_first in (True, False):
        try:
            days = [
                dt.date(year, b, a) if day_first else dt.date(year, a, b) for a, b, year in stamps
            ]
        except ValueError:
            continue  # (a 13th month: the other reading)
        if days == sorted(days):
            readings.append(days[-1])
    return readings[0].isoformat() if len(set(readings)) == 1 else None


def find_period(text: str) -> str | None:
    """The month (``YYYY-MM``) a short header line above the first paragraph
    dates the document to, when it gives no day ("Monthly incident log, March
    2022", "Update - June 2021"), or None."""
    latest_year = 0  # the latest year the header names above ("Spring 2019")
    for line, wrapped in _header_lines(text):
        if len(line) > HEADER_LINE_CHARS or wrapped:
            return None  # the first paragraph: the header has ended
        for _, _, value in find_explicit_dates(line):
            if value.precision == "month" and value.year >= latest_year:
                return value.iso()
        # (a month before a year named above heads an entry: "Hongdo, August 1977")
        latest_year = max([latest_year, *(int(year) for year in _YEAR.findall(line))])
    return None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


_NOT_TITLE = re.compile(
    r"^(?:https?://|www\.|date\b|to:|from:|cc:|dear\b|for\s+immediate\s+release\b)",
    re.IGNORECASE,
)
# a saved e-mail's subject, a letter's "Re:" line: the title
_SUBJECT = re.compile(r"^(?:(?:subject|re):\s*)+", re.IGNORECASE)


# a static site's front matter (YAML between "---" lines) and its title
_FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<body>(?:[^\n]*\n){1,40}?)---[ \t]*(?:\n|$)")
_FRONT_TITLE = re.compile(r"^title:[ \t]*(?P<q>[\"']?)(?P<title>.+?)(?P=q)[ \t]*$", re.MULTILINE)


def find_title(text: str) -> str | None:
    """A plausible title: a front matter's ``title:``, else the first short line
    of several words that is not a date or link."""
    front = _FRONT_MATTER.match(text)
    if front:
        titled = _FRONT_TITLE.search(front.group("body"))
        if titled:
            return titled.group("title").strip()
    for raw in text[:HEADER_CHARS].splitlines():
        if " > " in raw:  # a breadcrumb trail
            continue
        line = _SUBJECT.sub("", _DECORATION.sub(" ", raw).strip())
        words = line.split()
        if len(line) > HEADER_LINE_CHARS:
            return None  # the first paragraph: a title stands above it, or there is none
        if len(words) < 3 or _NOT_TITLE.match(line) or "#" in raw.strip("# "):
            continue
        if len(words) >= SENTENCE_WORDS and line.endswith("."):
            return None  # a story's first sentence: the text has no title of its own
        if _date_alone(line):
            continue
        return line
    return None
