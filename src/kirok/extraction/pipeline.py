"""The extraction pipeline: spaCy's blank English tokenizer, then Kirok's
components, each reading what the ones before it set.

    kirok_sentences  the sentencizer's rule over token arrays, plus breaks at line
                     ends (lists, letterheads, headings) and none after "No." or "Ms."
    kirok_triggers   violation triggers per sentence, after the sentence rules
    kirok_time       temporal expressions, resolved against the document's date
    kirok_place      gazetteer places, and whether each is where the act happened
    kirok_actor      perpetrators by canonical name
    kirok_victims    victim phrases: count, names, nationality, age, sex
    kirok_records    records written from all of the above, each act once

Only sentences holding a trigger stem are examined past ``kirok_triggers``, so
the cost beyond tokenising stays small on long documents.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import ahocorasick
import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kirok.dates import MONTH, PartialDate
from kirok.extraction import sentences
from kirok.extraction.actors import find_actors
from kirok.extraction.assemble import (
    NAMED_ROW,
    TOWARDS,
    build_records,
    counted_by_row,
    earlier_clauses,
    held_until_next,
    named_by_heading,
    named_by_interview_title,
    named_by_item,
    named_by_row,
    named_by_title,
    named_next,
    one_by_pronoun,
    same_reason,
    sentence_before,
    settle_nationalities,
    without_asked_for_returns,
    without_expulsions,
    without_refuted,
)
from kirok.extraction.lexicon import sentence_rules, trigger_stems
from kirok.extraction.places import (
    classify_locative,
    find_places,
    is_family_name,
    main_country,
    where_tellers_are,
)
from kirok.extraction.prefilter import Alternatives
from kirok.extraction.records import ActorMention, Record, Sentence, TimeMention, Trigger
from kirok.extraction.tables import Table, cells, tables
from kirok.extraction.temporal import (
    explicit_times,
    find_times,
    heading_time,
    is_sequel,
    resolve_in_story,
    resolve_sequel,
)
from kirok.extraction.truecase import truecased
from kirok.extraction.victims import find_victims, not_name_words
from kirok.extraction.violations import PASSIVE_AUX, find_triggers, is_heading
from kirok.sources.document import Document

COMPONENTS = (
    "kirok_sentences",
    "kirok_triggers",
    "kirok_time",
    "kirok_place",
    "kirok_actor",
    "kirok_victims",
    "kirok_records",
)


@dataclass
class State:
    """What the components share on ``doc._.kirok``."""

    anchor: PartialDate | None = None
    text: str = ""  # the document's text; spaCy's Doc.text rebuilds it from tokens at every call
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    main_country: str | None = None
    title: str | None = None  # the document's title, which often says who the victims are
    records: list[Record] = field(default_factory=list)


if not Doc.has_extension("kirok"):
    Doc.set_extension("kirok", default=None)


def _state(doc: Doc) -> State:
    state = doc._.kirok
    if state is None:
        state = State(text=doc.text)
        doc._.kirok = state
    assert isinstance(state, State)
    return state


@cache
def _abbreviations() -> frozenset[str]:
    """Words after which a full stop does not end the sentence ("Kyohwaso No. 12")."""
    return frozenset(sentence_rules()["abbreviations"])


@Language.component("kirok_sentences")
def set_sentences(doc: Doc) -> Doc:
    state = _state(doc)
    if not len(doc):
        return doc
    table = doc.to_array([IDX, LENGTH, ORTH, IS_PUNCT])
    idx = table[:, 0].astype(np.int64)
    length = table[:, 1].astype(np.int64)
    starts = sentences.punctuation_starts(table[:, 2], table[:, 3], length, doc.vocab)
    sentences.line_break_starts(state.text, idx, starts, is_heading)
    sentences.footnote_starts(state.text, idx, starts)
    sentences.join_abbreviations(
        state.text, idx, length, table[:, 2], starts, _abbreviations(), doc.vocab
    )
    # spaCy stores SENT_START as uint64, -1 ("not a start") wrapped around
    marks: Any = np.where(starts, 1, -1).astype(np.int64).astype(np.uint64).reshape(-1, 1)
    doc.from_array([SENT_START], marks)
    state.sentence_spans = sentences.spans(idx, length, starts)
    return doc


def _line_of_its_own(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] fills its line: a title or heading, told again in the body."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


# a title's closing remark in brackets ("... (2 February 2023)") does not make it a sentence
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")


@cache
def _stems() -> ahocorasick.Automaton:
    machine = ahocorasick.Automaton()
    for stem in trigger_stems():
        machine.add_word(stem, stem)
    machine.make_automaton()
    return machine


# a list's item that gives a value under a label ("- **Arrested:** 14 April 2017 in
# Kanggye, by state security officers"): a case card's fact, not a heading
_LABELLED_ITEM = re.compile(
    r"[-*•+]\s+\*\*[^*\n]{1,30}:\*\*\s+\S|[-*•+]\s+\*\*[^*\n]{1,30}\*\*:\s+\S"
)


@Language.component("kirok_triggers")
def find_sentence_triggers(doc: Doc) -> Doc:
    state = _state(doc)
    text = state.text
    spans = state.sentence_spans
    starts = [start for start, _ in spans]
    candidates: dict[int, set[str]] = {}
    lowered = text.lower()
    for last, stem in _stems().iter(lowered):
        first = last - len(stem) + 1
        if first == 0 or not lowered[first - 1].isalnum():
            candidates.setdefault(bisect.bisect_right(starts, first) - 1, set()).add(stem)
    if "same" in lowered:
        for told in same_reason()[0].finditer(lowered):
            # (an act "for the same reason" as the sentence before's: see build_records)
            candidates.setdefault(bisect.bisect_right(starts, told.start()) - 1, set())
    plots = _plots(text, spans, starts) if _PLOT_WORDS.search(text) else []
    for index in sorted(candidates):
        start, end = spans[index]
        raw = text[start:end]
        stripped = raw.strip()
        begins = start + len(raw) - len(raw.lstrip())
        if plots and any(after <= begins < stop for after, stop in plots):
            continue  # ("In the film, a young nurse ... Chinese police catch her ...")
        if not stripped or (
            (_TRAILING_BRACKETS.sub("", stripped) if stripped[-1] == ")" else stripped)[-1:]
            not in '.!?"”)'
            and len(stripped.split()) <= 15
            and "\n" not in stripped
            and not _LABELLED_ITEM.match(stripped)
            # (a table's row about a person, a data row's fields: no heading)
            and not NAMED_ROW.match(stripped)
            and stripped.count(";") + stripped.count("\t") < 2
            and _line_of_its_own(
                text, start + len(raw) - len(raw.lstrip()), start + len(raw.rstrip())
            )
        ):
            continue
        start += len(raw) - len(raw.lstrip())
        if _LIST_ITEM.match(stripped) and _under_topics(text, start):
            continue  # ("Submissions may address: - torture during questioning;")
        if stripped[0] in _OPENING_QUOTES and _under_exercise(text, start):
            continue  # ("Code this invented note in pairs: / "A woman ... says ..."")
        triggers = find_triggers(stripped, start, candidates[index])
        if triggers or ("same" in stripped and same_reason()[0].search(stripped)):
            state.sentences.append(
                Sentence(
                    start,
                    start + len(stripped),
                    stripped,
                    triggers=triggers,
                    before=spans[index - 1] if index else None,
                    retells=_retells(stripped),
                )
            )
    if "|" in text:
        _acts_by_column(state, spans, starts)
    return doc


def _plots(text: str, spans: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """Where a paragraph goes on telling a plot after a sentence that opens it
    as one ("In the film, a young nurse, Sun-hwa, crosses the frozen river ...
    Chinese police catch her ..."): from that sentence's end to the paragraph's."""
    found = []
    for words in _PLOT_WORDS.finditer(text):
        start, end = spans[bisect.bisect_right(starts, words.start()) - 1]
        told = _fiction().search(text[start:end].strip())
        if told and _PLOT_WORDS.search(told.group()):
            stop = text.find("\n\n", end)
            found.append((end, len(text) if stop < 0 else stop))
    return found


# words of a work whose plot a paragraph may go on telling ("In the film, ..."; not
# a podcast's episode or a witness's story), looked for once in a document first
_PLOT_WORDS = re.compile(r"\b(?:film|movie|novel|play|drama|musical|opera)\b", re.IGNORECASE)


@cache
def _fiction() -> re.Pattern[str]:
    """A sentence that tells a film's, a novel's or a play's plot (``fiction`` in
    sentence_rules.json)."""
    return re.compile("|".join(f"(?:{p})" for p in sentence_rules()["fiction"]), re.IGNORECASE)


def _under_topics(text: str, start: int) -> bool:
    """Whether the list item at ``start`` is one of a list of topics, under a
    line that opens it as such ("Submissions may address, among other things:",
    "Topics include:"): what may be written about, not what was done."""
    line = text.rfind("\n", 0, start)
    for _ in range(TOPIC_ITEMS):
        if line <= 0:
            return False
        above = text.rfind("\n", 0, line - 1) + 1
        lead = text[above:line].strip()
        if lead and not _LIST_ITEM.match(lead) and not text[above:line][:1].isspace():
            # (past the items, and their wrapped lines, indented under them)
            return _TOPICS_LEAD.search(lead) is not None
        line = above - 1
    return False


def _under_exercise(text: str, start: int) -> bool:
    """Whether the line just above ``start`` sets what follows as an exercise's
    or an example's material ("Code this invented note in pairs:"): text to
    practise on, not a report of what was done."""
    line = text.rfind("\n", 0, start)
    if line <= 0 or text[line:start].strip():
        return False
    above = text.rfind("\n", 0, line) + 1
    return _EXERCISE_LEAD.search(text[above:line].strip()) is not None


_OPENING_QUOTES = "\"“‘'"
# a line that opens text to practise on: "Code this invented note in pairs:",
# "Practice text:", "Example sentence:"
_EXERCISE_LEAD = re.compile(
    r"^\W*(?:code|tag|classify|rewrite|translate|summari[sz]e)\s[^:]{0,80}:$"
    r"|\b(?:exercise|practi[cs]e\s+(?:text|note|item)|sample\s+(?:text|note|sentence)"
    r"|example\s+(?:text|note|sentence)|invented\s+(?:note|text|report|sentence))s?\b[^:]{0,60}:$",
    re.IGNORECASE,
)
TOPIC_ITEMS = 30  # lines of a list read back to the line that opens it
_LIST_ITEM = re.compile(r"[-*•+][ \t]|\d{1,2}[.)][ \t]|\([a-z\d]\)[ \t]")
# a line that opens a list of topics, not of facts
_TOPICS_LEAD = re.compile(
    r"\b(?:may|might|could|should|will|to)\s+(?:address|cover|include|concern|discuss|examine)\b"
    r"[^:]{0,60}:$|\b(?:topics?|themes?)\b[^:]{0,40}:$|\bamong\s+other\s+things:$",
    re.IGNORECASE,
)


# a column that gives why the act was done ("Reason given at the trial", "Charge")
_REASON_COLUMN = re.compile(r"\b(?:reasons?|charges?|accused\s+of|offen[cs]es?|crimes?)\b", re.I)
_PUNISHED_FOR = "punished for "
# a cell that says no one: "0", "none", "-", "n/a"
_NO_ONE_CELL = re.compile(r"0+|none|nil|no|-+|—|–|n/?a", re.IGNORECASE)


def _acts_by_column(state: State, spans: list[tuple[int, int]], starts: list[int]) -> None:
    """The rows of a table whose header names an act in one of its columns
    ("| Date | Place | People executed | Reason |"): each row below it tells
    that act, its cell in that column the act's words (a number there counts
    the people it was done to; an empty cell, "0" or "none" tells no act). A
    row that is already a sentence with an act of another family keeps that
    act too. A column that gives the reason ("Reason given at the trial")
    adds punished expression where the reason is one ("Selling South Korean
    films"). The header itself tells no act."""
    text = state.text
    sentence_starts = [sentence.start for sentence in state.sentences]  # (in order)
    added = False
    for table in tables(text):
        header: list[tuple[int, Trigger]] = []
        reasons: list[int] = []
        for column, (_, cell) in enumerate(table.header):
            acts = [t for t in find_triggers(cell, 0) if t.form == "act"] if cell else []
            if acts and len(cell.split()) <= 4:
                header.append((column, acts[0]))
            elif _REASON_COLUMN.search(cell):
                reasons.append(column)
        if not header:
            added = _laws_by_row(state, table, sentence_starts, spans, starts) or added
            continue
        for row_start, line in table.rows:
            row = cells(line, row_start)
            triggers = [
                Trigger(
                    at,
                    at + len(cell),
                    cell,
                    act.violation,
                    act.kind,
                    act.form,
                    act.victim_before,
                )
                for column, act in header
                if column < len(row)
                for at, cell in [row[column]]
                if cell and not _NO_ONE_CELL.fullmatch(cell)
            ]
            if not triggers:
                continue
            for column in reasons:
                at, cell = row[column] if column < len(row) else (0, "")
                # "| Selling South Korean films |" under "Reason": what was punished
                told_for = [
                    t
                    for t in find_triggers(f"{_PUNISHED_FOR}{cell}", at - len(_PUNISHED_FOR))
                    if t.violation == "expression.suppression"
                ]
                if cell and told_for:
                    act = told_for[0]
                    triggers.append(
                        Trigger(at, at + len(cell), cell, act.violation, act.kind, act.form)
                    )
            added = (
                _row_tells(state, row_start, line, triggers, sentence_starts, spans, starts)
                or added
            )
    if added:
        state.sentences.sort(key=lambda sentence: sentence.start)


def _row_tells(
    state: State,
    row_start: int,
    line: str,
    triggers: list[Trigger],
    sentence_starts: list[int],
    spans: list[tuple[int, int]],
    starts: list[int],
) -> bool:
    """A table's row (``line``, at ``row_start``) tells the acts ``triggers``:
    added to the sentence its words already are, past the families of acts that
    sentence tells itself ("Killing a cow ..."), or else made a sentence of its
    own. Whether one was made (``sentence_starts``: where the document's act
    sentences started before any row was read; ``starts``: where its ``spans`` do)."""
    start = row_start + len(line) - len(line.lstrip())
    at = bisect.bisect_right(sentence_starts, start) - 1
    told = state.sentences[at] if at >= 0 and start < state.sentences[at].end else None
    if told is not None:
        families = {t.family for t in told.triggers if t.form == "act"}
        told.triggers.extend(t for t in triggers if t.family not in families)
        told.triggers.sort(key=lambda t: t.start)
        return False
    end = row_start + len(line.rstrip())
    index = bisect.bisect_right(starts, start) - 1
    state.sentences.append(
        Sentence(
            start,
            end,
            state.text[start:end],
            triggers=triggers,
            before=spans[index - 1] if index > 0 else None,
        )
    )
    return True


def _laws_by_row(
    state: State,
    table: Table,
    sentence_starts: list[int],
    spans: list[tuple[int, int]],
    starts: list[int],
) -> bool:
    """The rows of a table of laws, a column naming each law and one its penalty
    ("| Law | Adopted | Harshest penalty |"): each row whose law and penalty,
    read together as "<law> punishes <penalty>", tell a measure is a sentence
    telling it. Whether any row was added."""
    names = [i for i, (_, cell) in enumerate(table.header) if _LAW_COLUMN.fullmatch(cell)]
    penalties = [i for i, (_, cell) in enumerate(table.header) if _PENALTY_COLUMN.search(cell)]
    if not names or not penalties:
        return False
    added = False
    for row_start, line in table.rows:
        row = cells(line, row_start)
        if max(names[0], penalties[0]) >= len(row):
            continue
        (law_at, law), (penalty_at, penalty) = row[names[0]], row[penalties[0]]
        if not law or not penalty:
            continue
        read = f"{law} punishes {penalty}."  # (a sentence, not a heading of capitals)
        measures = [t for t in find_triggers(read, 0) if t.kind == "measure"]
        if not measures:
            continue
        start, end = min(law_at, penalty_at), max(law_at + len(law), penalty_at + len(penalty))
        act = measures[0]
        trigger = Trigger(start, end, state.text[start:end], act.violation, "measure", act.form)
        added = (
            _row_tells(state, row_start, line, [trigger], sentence_starts, spans, starts) or added
        )
    return added


# a table's column of laws, and of the penalties they set
_LAW_COLUMN = re.compile(r"(?:laws?|acts?|legislation|decrees?|statutes?)", re.IGNORECASE)
_PENALTY_COLUMN = re.compile(r"\b(?:penalt\w*|punishments?|sanctions?|sentences?)\b", re.I)


# a list item that is a year alone: "- 2018", "* 2019:"
_YEAR_ITEM = re.compile(r"([ \t]*)[-*+][ \t]+((?:19|20)\d\d)[ \t]*:?[ \t]*$")


# a day a story does not date: "One day", "one night"
_ONE_DAY = re.compile(r"\b(?i:one)\s+(?:day|night|morning|evening|afternoon)\b")


def _parent_year(text: str, position: int) -> int | None:
    """The year of the list item a nested item at ``position`` stands under
    ("- 2018" over "  - March: ..."), or None."""
    line_start = text.rfind("\n", 0, position) + 1
    indent = position - line_start
    if indent == 0:
        return None  # (not nested)
    at = line_start - 1
    for _ in range(40):  # (the parent's other items between: a few lines back)
        if at <= 0:
            return None
        start = text.rfind("\n", 0, at) + 1
        line = text[start:at]
        at = start - 1
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip())
        if depth < indent:
            parent = _YEAR_ITEM.fullmatch(line)
            return int(parent.group(2)) if parent else None
    return None


@Language.component("kirok_time")
def find_sentence_times(doc: Doc) -> Doc:
    state = _state(doc)
    starts = [start for start, _ in state.sentence_spans]
    headings: list[tuple[int, str]] | None = None  # (found when first needed)
    period: TimeMention | None = None  # the title's (with the headings)
    # a notebook's entry lines ("11/3 - Yanji."), found once (most texts have none)
    entries = list(_ENTRY_DAY.finditer(state.text)) if "/" in state.text else []

    def section_time(position: int) -> TimeMention | None:
        """The time the section heading above ``position`` gives, unless it is the
        document's own date (a date line)."""
        nonlocal headings, period
        if headings is None:
            headings = [(m.start(), m.group()) for m in _SECTION_HEADING.finditer(state.text)]
            period = title_period(state)
        above = bisect.bisect_right(headings, position, key=lambda h: h[0]) - 1
        if above < 0:
            return period
        at, heading = headings[above]
        section = heading_time(heading, at, state.anchor)
        return section if section is not None and section.date != state.anchor else period

    for sentence in state.sentences:
        sentence.times = find_times(sentence.text, sentence.start, state.anchor)
        if sentence.text[:1] in "-*+" and any(t.relative for t in sentence.times):
            # an item under a list item of its year ("- 2018" over "  - March: ...
            # is arrested"): a month of that year
            year = _parent_year(state.text, sentence.start)
            if year is not None:
                end_of_year = PartialDate.parse_iso(f"{year}-12-31")
                sentence.times = find_times(sentence.text, sentence.start, end_of_year)
        stamp = sentences.STAMP.match(sentence.text)
        if stamp is not None and any(t.relative for t in sentence.times):
            # a log's line under the day it was sent ("16 Nov 2018 07:14 KST ...
            # entered the country illegally from China last month"): from that day
            sent = [t.date for t in sentence.times if t.end - sentence.start <= stamp.end()]
            if sent and sent[0] is not None and sent[0].day:
                sentence.times = find_times(sentence.text, sentence.start, sent[0])
        entry = _entry_day(state, entries, sentence.start) if entries else None
        if entry is not None and any(t.relative for t in sentence.times):
            # a notebook's entry under its day ("12/3 - Tumen. ... sent back
            # over the bridge this morning"): relative to that day
            sentence.times = find_times(sentence.text, sentence.start, entry.date)
        if "\n" in state.text and any(t.relative and t.date for t in sentence.times):
            # an entry under a heading of its own day ("## 14 May 1997"):
            # "yesterday" is the day before it
            section = section_time(sentence.start)
            if section is not None and section.date is not None and section.date.day:
                sentence.times = find_times(sentence.text, sentence.start, section.date)
        story: PartialDate | bool | None = False  # (False: not looked for yet)
        for time in sentence.times:
            if (
                time.date is None
                and is_sequel(time.text)
                # ("One day a teacher ... beat her so badly that she died that night":
                # the night of a day the text does not date)
                and not _ONE_DAY.search(sentence.text, 0, time.start - sentence.start)
            ):
                before = _date_told_before(state, time.start)
                time.date = resolve_sequel(time.text, before) if before else None
            elif time.relative and time.date_end is None:
                # a month after a date of its own sentence goes on from it ("in
                # February 2016, and in March they sent me back"); else from the story
                earlier = [
                    t.date
                    for t in sentence.times
                    if t.end <= time.start
                    and t.date is not None
                    and not t.relative
                    and (stamp is None or t.start - sentence.start >= stamp.end())
                ]
                if story is False and not earlier:
                    story = _story_date(state, sentence)
                goes_on_from = earlier[-1] if earlier else story
                if isinstance(goes_on_from, PartialDate):
                    in_story = resolve_in_story(time.text, goes_on_from)
                    anchor = state.anchor
                    if in_story is not None and (
                        anchor is None or in_story.first_day() <= anchor.last_day()
                    ):
                        time.date = in_story
        sentence.scene = _told_just_before(state, sentence)
        if (
            sentence.scene is None
            and sentence.before is not None
            and state.text.find(" came ", *sentence.before) >= 0
            and _CAME_TO_A_HOME.search(state.text, *sentence.before)
            and not _acts_in(state, *sentence.before)
        ):
            # "... security agents came to his parents' flat in Hyesan. His father
            # ... was held for three weeks": what those agents did there, then
            sentence.scene = sentence.field_actor = sentence.before
        if not any(time.date for time in sentence.times) or _only_earlier_times(sentence):
            index = bisect.bisect_right(starts, sentence.start) - 1
            if index > 0:
                sentence.told_before = _time_alone(state, *state.sentence_spans[index - 1])
                line = state.sentence_spans[index - 1]
                if sentence.told_before and sentence.scene is None and not _acts_in(state, *line):
                    # and the places of a line that sets the scene and tells no act of
                    # its own ("20/03/2024 Musan." over the entry's act)
                    sentence.scene = line
            told = sentence.told_before
            if state.anchor is None and told is not None and told.date and told.date.day:
                # a log's entry under its day ("20/03/2024 Musan. ... shot dead a man on
                # 18 Mar"): a day without its year is the last such day before it
                again = find_times(sentence.text, sentence.start, told.date)
                if any(t.date for t in again):
                    sentence.times, sentence.told_before = again, None
        if entry is not None:
            # ("14/3 - phone call w/ Musan source. Says 2 teenagers caught ..."):
            # the entry's day, if the sentence gives none, and its line's places
            if sentence.told_before is None and not any(t.date for t in sentence.times):
                sentence.told_before = entry
            if sentence.scene is None and not _acts_in(state, entry.start, entry.end):
                sentence.scene = (entry.start, text_line_end(state.text, entry.start))
        if sentence.told_before is None and sentence.scene is None:
            if _FIELD.match(sentence.text) or _FIELD.match(
                state.text, state.text.rfind("\n\n", 0, sentence.start) + 2
            ):
                # a record exported as fields: "incident_date: 2024-02-11", "location:
                # Musan County", then "summary: Anjeonbu officers detained ..." (and
                # the field's later sentences: "... Since then the family has ...")
                sentence.told_before, sentence.scene, sentence.field_actor = _fields_before(
                    state, sentence
                )
            elif (form := _form_above(state, sentence)) is not None:
                # a form's section told in prose ("3. CIRCUMSTANCES" over "Four
                # men ... took Mr Kang from his home") under its blocks of fields
                when, place, actor = _fields_in(state, form, sentence.start)
                if place is not None or actor is not None:
                    sentence.told_before, sentence.scene, sentence.field_actor = when, place, actor
        if sentence.told_before is None:
            # (its own dates may all be when it was told: "confirmed four days later")
            scene = sentence.scene
            if scene is not None:
                times = find_times(state.text[scene[0] : scene[1]], scene[0], state.anchor)
                dated = [t for t in times if t.date is not None]
                sentence.told_before = _in_story(state, dated[-1]) if dated else None
        if sentence.told_before is None and "\n" in state.text:
            sentence.section_time = section_time(sentence.start)
    return doc


def _only_earlier_times(sentence: Sentence) -> bool:
    """Whether every date the sentence gives is in a clause of what had happened
    before ("Lee, who had defected in 1982, ..., was shot"), under a date line."""
    clauses = earlier_clauses(sentence)
    if not clauses:
        return False
    return all(
        any(start <= time.start < end for start, end in clauses)
        for time in sentence.times
        if time.date is not None
    )


# a notebook's entry that opens its line with a day and a month: "11/3 - Yanji."
_ENTRY_DAY = re.compile(r"^[ \t]*(\d{1,2})/(\d{1,2})[ \t]*[-–—:][ \t]", re.MULTILINE)
ENTRY_CHARS = 1500  # characters back to an entry's day line (a paragraph may run on)


def text_line_end(text: str, start: int) -> int:
    """Where the line holding ``start`` ends."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _entry_day(state: State, entries: list[re.Match[str]], position: int) -> TimeMention | None:
    """The day of the notebook entry ``position`` is in: the last of the
    ``entries`` (lines that open with a day and a month and no year: "11/3 -
    Yanji.") above it, in its paragraph, read day first or month first,
    whichever falls later not after the document's date; None without that
    date."""
    anchor = state.anchor
    if anchor is None or anchor.day is None:
        return None
    above = bisect.bisect_left(entries, position, key=lambda m: m.start()) - 1
    if above < 0:
        return None
    found = entries[above]
    start = max(state.text.rfind("\n\n", 0, position) + 1, position - ENTRY_CHARS)
    if found.start() < start or found.end() > position:
        return None
    first, second = int(found.group(1)), int(found.group(2))
    readings: list[dt.date] = []
    for day, month in ((first, second), (second, first)):
        for year in (anchor.year, anchor.year - 1):
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if date <= dt.date(anchor.year, anchor.month or 12, anchor.day):
                readings.append(date)
                break
    if not readings:
        return None
    latest = max(readings)
    at = found.start(1)
    return TimeMention(
        at,
        found.end(2),
        state.text[at : found.end(2)],
        PartialDate(latest.year, latest.month, latest.day),
    )


def title_period(state: State) -> TimeMention | None:
    """The time a periodic report's title ends with ("Quarterly report to donors,
    July to September 2024", "Monthly incident log, March 2022"): a span or a
    month or year, not a day (a dateline), and not the document's own date. The
    time of the acts it tells without a date of their own."""
    line = state.text[: state.text.find("\n")] if "\n" in state.text else ""
    if len(line) > TITLE_CHARS or not _PERIODIC.search(line):
        return None
    found = [t for t in find_times(line, 0, state.anchor) if t.date is not None]
    if len(found) != 1:
        return None
    period = found[0]
    if (
        line[period.end :].strip(" *_).") == ""
        and period.date is not None
        and period.date.day is None
        and (period.date_end is None or period.date_end.day is None)
        and period.date != state.anchor
    ):
        return period
    return None


TITLE_CHARS = 120
# the words of a title of a report that covers a period
_PERIODIC = re.compile(
    r"\b(?:report|log|update|digest|bulletin|round-?up|summary|newsletter|overview"
    r"|monitor(?:ing)?|chronicle)\b",
    re.IGNORECASE,
)


# a section's heading: a Markdown heading, or a line that is all in bold
_SECTION_HEADING = re.compile(r"^(?:#{1,6}[ \t]+[^\n]+|\*\*[^*\n]+\*\*[ \t]*)$", re.MULTILINE)


_GOES_ON = re.compile(r"\b(?:he|she|him|her|they|them)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|me|us)\b")
STORY_LOOKBACK = 6  # sentences back to the date of one's own story told in turn


def _story_date(state: State, sentence: Sentence) -> PartialDate | None:
    """The last date with its year that the sentence just before gives, when
    that sentence tells of an act and this one goes on about the same people
    ("he", "her", "they"), or when it says nothing but a year ("A: In the spring of
    2019."): the time the story is told in. One's own story ("I", "we") goes
    on from the last of the few sentences before that tells an act and dates
    it ("Police arrested me in February 2016 ... In May I was sent to a labour
    camp")."""
    # (past the blank line between paragraphs, which is a span of its own)
    before = sentence_before(sentence, state.text, state.sentence_spans)
    if before is None:
        return None
    alone = _time_alone(state, *before)
    if alone is not None and alone.date is not None and alone.date.month is None:
        # the answer's first words give its year ("A: In the spring of 2019.
        # Agents ... came one night in April"): a month of that year
        return alone.date
    if _GOES_ON.search(sentence.text):
        return _date_of_act_in(state, *before)
    if not _FIRST_PERSON.search(sentence.text):
        return None
    index = bisect.bisect_left(state.sentence_spans, before)
    for start, end in itertools.islice(_lines_back(state, index), STORY_LOOKBACK):
        told = _date_of_act_in(state, start, end)
        if told is not None:
            return told
    return None


def _lines_back(state: State, index: int) -> Iterator[tuple[int, int]]:
    """The sentences from the ``index``-th back to the first, blank lines left out."""
    for start, end in reversed(state.sentence_spans[: index + 1]):
        if state.text[start:end].strip():
            yield start, end


def _date_of_act_in(state: State, start: int, end: int) -> PartialDate | None:
    """The last date with its year the text from ``start`` to ``end`` gives, if
    a sentence there tells of an act."""
    told = bisect.bisect_left(state.sentences, start, key=lambda s: s.start)
    if told == len(state.sentences) or state.sentences[told].end > end:
        return None  # (no act told there: background, or a blank line)
    dates = [t.date for t in explicit_times(state.text[start:end], start, state.anchor)]
    if dates:
        return dates[-1]
    # (an act dated by the scene told before it: "... came to his parents' flat in
    # April 2019. His father ... was held for three weeks")
    scene = state.sentences[told].told_before
    return scene.date if scene is not None and scene.date is not None else None


SCENE_LOOKBACK = 3  # sentences back to the one that tells the event "in the attack" retells


def _is_heading_line(text: str) -> bool:
    return text.lstrip().startswith("#") or is_heading(text)


def _told_just_before(state: State, sentence: Sentence) -> tuple[int, int] | None:
    """The span of the sentence that told the event ``sentence`` tells of again
    ("... captured the ship off Wonsan on January 23, 1968. A sailor was killed
    in the attack."; "... walked across the frozen river on Christmas Day. He
    carried a letter. Soldiers detained him soon after he crossed"): the
    stretch from the nearest of the last few that gives a date to the one just
    before, or else the one just before. Its time and places are the act's."""
    if sentence.before is None or not sentence.retells:
        return None
    index = bisect.bisect_left(state.sentence_spans, sentence.before)
    told = [
        (start, end)
        for start, end in state.sentence_spans[max(0, index - SCENE_LOOKBACK + 1) : index + 1]
        if state.text[start:end].strip()
    ]
    start, end = sentence.before
    for first, last in reversed(told):
        if any(t.date for t in find_times(state.text[first:last], first, state.anchor)):
            return first, end  # (from there to the sentence just before)
    if state.text[start:end].strip():
        return start, end
    return _told_above_heading(state, index)


def _told_above_heading(state: State, index: int) -> tuple[int, int] | None:
    """Under a heading of its own (a question's, "### What does it punish?"),
    the dated sentence among the last few above the heading."""
    back = _lines_back(state, index)
    heading = next(back, None)
    if heading is None or not _is_heading_line(state.text[heading[0] : heading[1]]):
        return None
    above = list(itertools.islice(back, SCENE_LOOKBACK))
    for first, last in above:
        if any(t.date for t in find_times(state.text[first:last], first, state.anchor)):
            return first, above[0][1]
    return None


@cache
def _event_again() -> Alternatives:
    return Alternatives([sentence_rules()["event_again"]], re.IGNORECASE)


def _retells(text: str) -> bool:
    """Whether a sentence tells the event before it again ("killed in the
    attack")."""
    return _event_again().search(text) is not None


# what may stand in a sentence beside its time for the time to stand alone:
# a speaker's mark ("A:"), and words that place the time itself
_ONLY_WITH_A_TIME = re.compile(
    r"(?:^\s*[A-Z]\s*:)?(?:\W|\b(?:it|was|that|this|happened|in|on|during|the|"
    r"early|late|around|about|spring|summer|autumn|fall|winter)\b)*",
    re.IGNORECASE,
)


# a sentence that opens by setting its time: "It was the winter of 1997, and ..."
_SCENE_BEFORE = re.compile(r"\W*(?:[A-Z]\s*:\s*)?(?:It|This|That)\s+was\s+(?:in\s+|during\s+)?")
_SCENE_AFTER = re.compile(r"\s*[,.;]")


# a headline in bold with its date in brackets after it, heading an item of news
_HEADLINE = re.compile(r"[-*•\s]*\*\*[^*]{3,200}\*\*\s*[(\[](?P<when>[^)\]]{3,40})[)\]]\W*$")
# a bold label that gives, in brackets, where and when what follows happened
_LABEL_IN_BOLD = re.compile(r"[-*•\s]*\*\*[^*()]{1,60}\((?P<inside>[^()]{2,60})\)\.?(?:\*\*)?\W*$")
_LABEL_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# a short sentence that opens with its time sets the scene of the next one
SCENE_CHARS = 60
# between a time and the same time told again: "... years ago today, on ..."
_SAME_TIME_AGAIN = re.compile(r",?\s*(?:on|in)?\s*")
_OPENS_WITH_TIME = re.compile(
    r"\W*(?:In|On|By|During|Early\s+in|Late\s+in)?\s*"
    r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"  # ("On the morning of 16 ...")
)


def _time_alone(state: State, start: int, end: int) -> TimeMention | None:
    """The time of a sentence that says nothing but a time ("In the spring of
    2018."), or a time and places ("- **Last seen:** Copenhagen, July 1983"),
    or that opens by setting it ("It was the winter of 1997, and ...", "On 18
    August 1976 a work party tried to trim a tree." when it tells no act)."""
    text = state.text[start:end]
    if len(text) > 300:
        return None
    # (a day with no year of its story's year: see _in_story)
    times = [
        _in_story(state, t) for t in find_times(text, start, state.anchor) if t.date is not None
    ]
    label = _LABEL_IN_BOLD.match(text) if not times and "**" in text else None
    year = _LABEL_YEAR.search(text, label.start("inside"), label.end("inside")) if label else None
    if year is not None:
        # "**Case A (Hoeryong, 2017).**": the case's place and year (which read
        # alone, as a citation's "(Lee, 2017)" would, are no time of an act)
        return TimeMention(
            start + year.start(),
            start + year.end(),
            year.group(),
            PartialDate(int(year.group())),
            None,
            False,
        )
    opening = times[0].start if times else start
    if (
        len(times) == 2
        and times[0].date == times[1].date
        and _SAME_TIME_AGAIN.fullmatch(text, times[0].end - start, times[1].start - start)
    ):
        times = times[1:]  # "Fifty-five years ago today, on 9 December 1968, ...": one time
    if len(times) != 1:
        return None
    before, after = text[: opening - start], text[times[0].end - start :]
    if _SCENE_BEFORE.fullmatch(before) and _SCENE_AFTER.match(after):
        return times[0]
    headline = _HEADLINE.match(text)
    if headline and headline.start("when") <= times[0].start - start:
        return times[0]  # "- **Guards shoot man near Sinuiju** (14 March).": the item's date
    if _OPENS_WITH_TIME.fullmatch(before) and (
        len(text) <= SCENE_CHARS
        or (times[0].date != state.anchor and not _acts_in(state, start, end))
    ):
        # "In 1977 that life ended."; "On 18 August 1976 a work party tried to
        # trim a tree." (the scene of the act told next, if it tells none itself)
        return times[0]
    if len(text) > 80:
        return None
    rest = before + " " + after
    if _ONLY_WITH_A_TIME.fullmatch(rest):
        return times[0]
    # a line of a time and places, maybe under a label: "- **Last seen:**
    # Copenhagen, Denmark, July 1983", "12 March 2024, Hyesan."
    if times[0].date == state.anchor:
        return None  # "Seoul, January 18, 2024": a dateline, when it was written
    rest = _ITEM_LABEL.sub("", rest, count=1)
    for place in find_places(rest):
        rest = rest.replace(place.text, " ", 1)
    return times[0] if _ONLY_WITH_A_TIME.fullmatch(rest) else None


# a field of an exported record: "summary: ...", "incident_date: 2024-02-11"
# (a form in Markdown sets its labels in bold: "**Date of arrest:** 7 November 2021";
# a record's table of two columns gives one a row: "| Date | 15 April 1969 |",
# its rule under the header row, "|---|---|", going with them)
_FIELD = re.compile(
    r"[ \t]*(?:\*\*|__)?[A-Za-z][\w ]{0,40}:(?:\*\*|__)?[ \t]"
    r"|[ \t]*\|(?:[ \t]*[A-Za-z][\w ]{0,40}|[ \t:-]+)\|[^|\n]*\|[ \t]*(?:\n|$)"
)


def _field_line(label: str) -> re.Pattern[str]:
    """A field whose label holds ``label`` (a pattern), its value the group
    "value": "Date of arrest: 7 May", "**Location:** Hyesan", "| Date | 15 April
    1969 |" (a row of a table of two columns)."""
    return re.compile(
        rf"^[ \t]*(?:(?P<row>\|)[ \t]*|(?:\*\*|__)?){label}"
        rf"(?(row)[ \t]*\||[ \t]*:(?:\*\*|__)?)[ \t]*"
        rf"(?P<value>(?(row)[^|\n]*[^|\s]|.+))(?(row)[ \t]*\|[ \t]*)$",
        re.MULTILINE,
    )


_DATE_FIELD = _field_line(r"[\w ]{0,20}?(?i:date|when|day|since)[\w ]{0,20}?")
LOCATION_FIELD = _field_line(
    r"(?i:location|place|where|county|city|province|site)(?:[ \t]+of[ \t]+[a-z]+)?"
)
# who a form says acted: "Forces believed responsible: Ministry of State Security"
PERPETRATOR_FIELD = _field_line(
    r"(?i:perpetrators?|alleged\s+perpetrators?|forces\s+(?:believed\s+)?"
    r"responsible|(?:arresting|detaining)\s+(?:body|agency|authority|authorities)|taken\s+by)"
)
# a field's label: a row's first cell, or what comes before its colon
_LABEL = re.compile(r"[ \t]*\|([^|\n]*)\||([^:\n]*)")


def _label(line: str) -> str:
    """The label of the field ``line``."""
    match = _LABEL.match(line)
    assert match is not None  # (the second branch matches any line)
    return match.group(1) or match.group(2)


FIELDS_BACK = 12  # paragraphs of a form, one field each, read back for its date and place


def _fields_before(
    state: State, sentence: Sentence
) -> tuple[TimeMention | None, tuple[int, int] | None, tuple[int, int] | None]:
    """The date, the place and who acted (where each is) that the fields above
    a record's field holding an act give it, within its block of lines (up to
    a blank line), or, in a form whose fields stand a paragraph each, within
    the fields before it."""
    blank = state.text.rfind("\n\n", 0, sentence.start)
    start = 0 if blank < 0 else blank + 2
    for _ in range(FIELDS_BACK):
        blank = state.text.rfind("\n\n", 0, max(0, start - 2))
        above = 0 if blank < 0 else blank + 2
        if start <= 0 or not _FIELD.match(state.text, above):
            break
        start = above
    return _fields_in(state, start, sentence.start)


def _fields_in(
    state: State, start: int, end: int
) -> tuple[TimeMention | None, tuple[int, int] | None, tuple[int, int] | None]:
    """The date, the place and who acted (where each is) that the fields of a
    form from ``start`` to ``end`` give, the last of each; no date of a field
    that dates something else ("Date of birth:", "Date of submission:")."""
    time: TimeMention | None = None
    place: tuple[int, int] | None = None
    for match in _DATE_FIELD.finditer(state.text, start, end):
        if _OTHER_DATE.search(state.text, match.start(), match.start("value")):
            continue
        found = [
            t
            for t in find_times(match.group("value"), match.start("value"), state.anchor)
            if t.date is not None
        ]
        time = found[0] if len(found) == 1 else time
    for match in LOCATION_FIELD.finditer(state.text, start, end):
        place = match.span("value")
    actor: tuple[int, int] | None = None
    for match in PERPETRATOR_FIELD.finditer(state.text, start, end):
        actor = match.span("value")
    return time, place, actor


# a date field's label that dates something other than the act
_OTHER_DATE = re.compile(
    r"\b(?:birth|born|submi\w*|sent|received|report\w*|interview\w*|updated|filed)\b",
    re.IGNORECASE,
)
# a form's fields that tell of an act, by their labels: its date's ("Date of
# arrest:", "Detained since:"), who did it ("Forces believed responsible:"), or a
# heading over them ("DATE AND PLACE OF THE ARREST"); not a "Subject:" line's words
_OF_THE_ACT = re.compile(
    r"\b(?:arrest(?:ed)?|detention|detained|abduct(?:ion|ed)|disappear(?:ance|ed)|incident"
    r"|execution|killing|killed|fatalities|seizure|responsible|perpetrators?)\b",
    re.IGNORECASE,
)
# a line of a form that heads a section: "3. CIRCUMSTANCES", "Steps taken"
_FORM_HEADING = re.compile(r"(?:#{1,6}[ \t]+)?(?:\d{1,2}[.)][ \t]+)?[A-Za-z][^\n.:;!?]{1,60}")


def _form_above(state: State, sentence: Sentence) -> int | None:
    """Where a form begins whose fields stand above the section ``sentence``
    opens or tells: the paragraph holding it opens with a heading line, lies
    under one or lies right under the fields, and above that, up to the form's
    first field, only blocks of fields ("Date: 14 February 2023", "Place: ...",
    each block maybe under its heading, or a field a paragraph), headings and
    the form's other sections (paragraphs under a heading line); None when the
    sentence is in no such form, or the form's fields tell of no act (see
    ``_OF_THE_ACT``)."""
    text = state.text
    blank = text.rfind("\n\n", 0, sentence.start)
    if blank < 0:
        return None
    start = paragraph = blank + 2
    line = text.find("\n", start, sentence.start)  # (the heading may open the paragraph)
    headed = line >= 0 and _FORM_HEADING.fullmatch(text[start:line].strip()) is not None
    fields: int | None = None  # where the first block of fields begins
    of_the_act = False  # whether they tell of an act (not a transcript's "Date:", "Place:")
    for _ in range(FIELDS_BACK):
        blank = text.rfind("\n\n", 0, max(0, start - 2))
        above = 0 if blank < 0 else blank + 2
        lines = text[above:start].strip().splitlines()
        if not lines:
            break
        heading = _FORM_HEADING.fullmatch(lines[0].strip()) is not None
        if len(lines) == 1 and heading:
            headed = headed or fields is None  # (right above the sentence's paragraph)
        elif (len(lines) > 1 or _FIELD.match(lines[0])) and all(
            _FIELD.match(line) for line in lines[1:]
        ):
            # a block of fields, maybe under its heading, or one field alone
            # (a page's "Detained since: 9 January 2025" right over the case)
            headed = headed or (fields is None and start == paragraph)
            fields = above
            labels = " ".join(_label(line) for line in lines)
            of_the_act = of_the_act or _OF_THE_ACT.search(labels) is not None
        elif not heading:  # (past another section of the form, told in prose)
            break
        start = above
        if above == 0:
            break
    return fields if headed and of_the_act else None


# a body's people coming to a home, a sentence that tells no act but sets the
# scene of the next: "security agents came to his parents' flat in Hyesan"
_CAME_TO_A_HOME = re.compile(
    r"\b(?:agents|officers|police(?:men)?|soldiers|officials)\s+came\s+(?:to|for)\s+"
    r"(?:(?:his|her|their|the|our|my)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:home|house|flat|apartment|door)\b",
    re.IGNORECASE,
)


def _acts_in(state: State, start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` holds a sentence that tells an act."""
    first = bisect.bisect_left(state.sentences, start, key=lambda s: s.start)
    return first < len(state.sentences) and state.sentences[first].start < end


# a list item's bold label ("- **Last seen:**")
_ITEM_LABEL = re.compile(r"^\s*(?:[-*•+]\s+)?\*\*[^*\n]{1,30}\*\*:?")


SEQUEL_LOOKBACK = 1500  # characters before "the following month" searched for its date


# the year of a month or a day written with it: "17 January 1968", "March 2009"
_YEAR_OF_A_MONTH = re.compile(
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?"
    r"\s+(?P<year>(?:1[89]|20)\d\d)\b"
)
_ANY_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _in_story(state: State, time: TimeMention) -> TimeMention:
    """A day or month with no year that sets the scene ("On the night of 21
    January a police checkpoint stopped the group.") after text that dated its
    story to a month of another year than the document's ("... cut through the
    wire on 17 January 1968"): of the story's year, not the document's."""
    if not time.relative or time.date is None or state.anchor is None:
        return time
    start = max(0, time.start - SEQUEL_LOOKBACK)
    window = state.text[start : time.start]
    last = next(iter(reversed(list(_YEAR_OF_A_MONTH.finditer(window)))), None)
    if last is None:
        return time  # (no month with its year told before it)
    if _ANY_YEAR.search(window, last.end()) is None:
        # the last date told before it (the common case, without reading every time)
        if int(last.group("year")) == state.anchor.year:
            return time
        found = find_times(last.group(), start + last.start(), state.anchor)
        before = found[0].date if found else None
    else:
        before = _date_told_before(state, time.start)
    if before is None or before.month is None or before.year == state.anchor.year:
        return time
    in_story = resolve_in_story(time.text, before)
    return replace(time, date=in_story) if in_story is not None else time


def _date_told_before(state: State, position: int) -> PartialDate | None:
    """The last date the text gives before ``position`` (in about the preceding
    paragraph): what "the following month" follows."""
    start = max(0, position - SEQUEL_LOOKBACK)
    found = [
        t for t in find_times(state.text[start:position], start, state.anchor) if t.date is not None
    ]
    return found[-1].date if found else None


@Language.component("kirok_place")
def find_sentence_places(doc: Doc) -> Doc:
    state = _state(doc)
    if not state.sentences:
        return doc  # no act to place: the gazetteer's pass over the text would go unused
    not_names, titles = not_name_words()
    everywhere = [  # (not a person named for a city: "the claimant, Eiko Kawasaki")
        place
        for place in find_places(state.text)
        if not is_family_name(state.text, place, not_names, titles)
    ]
    state.main_country = main_country(state.text, everywhere)
    starts = [p.start for p in everywhere]
    headings: list[tuple[int, int, int]] | None = None  # (found when first needed)
    for sentence in state.sentences:
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        for place in everywhere[first:last]:
            place.locative = classify_locative(
                sentence.text, place.start - sentence.start, place.kind, place.end - sentence.start
            )
            sentence.places.append(place)
        before = sentence.scene
        if before is not None:
            text = state.text[before[0] : before[1]]
            line = state.text.rfind("\n", 0, before[0]) + 1
            # ("location: Hoeryong"; a notebook's "11/3 - Yanji.")
            field = LOCATION_FIELD.match(state.text, line) or _ENTRY_DAY.match(state.text, line)
            for place in everywhere[
                bisect.bisect_left(starts, before[0]) : bisect.bisect_left(starts, before[1])
            ]:
                scene = replace(place)  # (the same mention, read in its own sentence)
                scene.locative = (
                    True  # ("location: Hoeryong")
                    if field is not None
                    else classify_locative(
                        text, place.start - before[0], place.kind, place.end - before[0]
                    )
                )
                sentence.scene_places.append(scene)
                if sentence.scene_destination is None and place.country:
                    words = text[max(0, place.start - before[0] - 12) : place.start - before[0]]
                    if TOWARDS.search(words):
                        sentence.scene_destination = place.country
        if not sentence.scene_places and "\n" in state.text:
            if headings is None:
                headings = _section_headings(state.text)
            above = bisect.bisect_right(headings, sentence.start, key=lambda h: h[0]) - 1
            lead = headings[above][1:] if above >= 0 else None
            if lead is not None and lead[0] != lead[1]:
                # under "Musan: two traders detained", the section's acts are
                # there unless they say where ("detained ... at the market")
                at = bisect.bisect_left(starts, lead[0])
                if at < len(everywhere) and (everywhere[at].start, everywhere[at].end) == lead:
                    sentence.scene_places.append(replace(everywhere[at], locative=True))
    return doc


# a line of its own that heads a section: a section's heading, or a short line
# that opens with a name and a colon ("Musan: two traders detained", "Update:
# Kang Chol-min released", "Q: Where was he held?")
_HEADING_LINE = re.compile(
    rf"{_SECTION_HEADING.pattern}|^(?P<lead>[A-Z][^\n:.;,]{{0,40}}):[ \t]+[^\n.]{{3,100}}[?!]?$",
    re.MULTILINE,
)


def _section_headings(text: str) -> list[tuple[int, int, int]]:
    """Each section heading's start, and the span of the name before its colon
    (empty where it has none)."""
    return [
        (m.start(), *(m.span("lead") if m.group("lead") else (m.start(), m.start())))
        for m in _HEADING_LINE.finditer(text)
    ]


@Language.component("kirok_actor")
def find_sentence_actors(doc: Doc) -> Doc:
    state = _state(doc)
    for sentence in state.sentences:
        # (not the places of those who tell: "People in Changbai who trade ... say")
        places = [
            p
            for p in sentence.places
            if not where_tellers_are(
                sentence.text, p.start - sentence.start, p.end - sentence.start
            )
        ]
        sentence.actors = find_actors(sentence.text, sentence.start, state.main_country, places)
        if sentence.text.startswith(("It ", "Its ")) and sentence.before is not None:
            # "**The Ministry of State Security.** It runs the camps": the body
            # the line before is nothing but the name of
            lead = _lead_actor(state, *sentence.before)
            if lead is not None:
                word = sentence.text.split(" ", 1)[0]
                sentence.actors.insert(
                    0,
                    ActorMention(
                        sentence.start,
                        sentence.start + len(word),
                        word,
                        name=lead.name,
                        country=lead.country,
                    ),
                )
        if sentence.field_actor is not None:
            start, end = sentence.field_actor
            named = find_actors(state.text[start:end], start, state.main_country)
            sentence.field_perpetrator = named[0].name if named else None
    return doc


# what may stand around a body's name for a line to be nothing but it
_AROUND_NAME = re.compile(r"[\s*_•-]*(?:(?i:the)\s+)?|[\s*_.:]*")


def _lead_actor(state: State, start: int, end: int) -> ActorMention | None:
    """The one body a line names and says nothing else of ("The Ministry of
    State Security.", a list item's bold lead), or None."""
    text = state.text[start:end]
    if len(text) > 80:
        return None
    found = find_actors(text, start, state.main_country)
    if len(found) != 1:
        return None
    actor = found[0]
    before, after = text[: actor.start - start], text[actor.end - start :]
    if _AROUND_NAME.fullmatch(before) is None or _AROUND_NAME.fullmatch(after) is None:
        return None
    return actor


# those an act was done in front of, not to: "tried in front of about a thousand people"
_AUDIENCE = re.compile(
    r"\b(?:in\s+front\s+of|before|watched\s+by|attended\s+by|in\s+the\s+presence\s+of)\s+"
    r"(?:(?:about|some|nearly|almost|around|over|more\s+than|at\s+least)\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)


@Language.component("kirok_victims")
def find_sentence_victims(doc: Doc) -> Doc:
    state = _state(doc)
    for sentence in state.sentences:
        exclude = [
            (m.start - sentence.start, m.end - sentence.start)
            for m in [*sentence.actors, *sentence.places]
            if m.text[:1].isupper() and not _passive_subject(sentence, m.end)
        ]
        sentence.victims = find_victims(sentence.text, sentence.start, exclude)
        before = sentence.scene
        if before is not None:
            groups = [
                v
                for v in find_victims(state.text[before[0] : before[1]], before[0], [])
                if v.count is not None
                and v.count > 1
                and not _AUDIENCE.search(state.text, max(before[0], v.start - 40), v.start)
            ]
            sentence.scene_group = groups[-1] if groups else None
    return doc


def _passive_subject(sentence: Sentence, end: int) -> bool:
    """Whether the words ending at ``end`` are the subject of an act the
    sentence tells in the passive: "Two South Korean soldiers were killed"
    are the act's victims, though their words also name a body that acts."""
    joined = _PASSIVE_AFTER.match(sentence.text, end - sentence.start)
    return joined is not None and any(
        end < t.start <= sentence.start + joined.end() for t in sentence.triggers
    )


# what joins a passive act's subject to its verb: " were also ", " had been "
_PASSIVE_AFTER = re.compile(
    rf"\s+{PASSIVE_AUX}\s+(?:(?:also|all|both|later|then|reportedly|allegedly)\s+)?"
)


@Language.component("kirok_records")
def write_records(doc: Doc) -> Doc:
    state = _state(doc)
    state.records = build_records(
        state.sentences, state.main_country, state.text, state.sentence_spans, state.anchor
    )
    named_by_heading(state.records, state.text, state.main_country)
    named_by_item(state.records, state.text)
    named_by_row(state.records, state.text, state.main_country)
    counted_by_row(state.records, state.text)
    named_next(state.records, state.text)
    named_by_title(state.records, state.title)
    named_by_interview_title(state.records, state.title)
    held_until_next(state.records, state.text, state.anchor)
    settle_nationalities(state.records, state.text, state.title, state.main_country)
    one_by_pronoun(state.records)
    state.records = without_expulsions(state.records)
    state.records = without_refuted(state.records, state.text, state.sentence_spans)
    state.records = without_asked_for_returns(state.records, state.text, state.sentence_spans)
    return doc


def build_pipeline() -> Language:
    """A blank English pipeline (the tokenizer only) with Kirok's components."""
    nlp = spacy.blank("en")
    nlp.max_length = 10**9  # no parser or NER: memory grows only with the tokens
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@dataclass
class Extraction:
    document: Document
    records: list[Record]

    def to_dict(self) -> dict[str, Any]:
        """The object of one JSON Lines row of ``kirok extract --format jsonl``."""
        return {
            "source": self.document.source,
            "sha256": self.document.sha256,
            "format": self.document.format,
            "title": self.document.title,
            "published": self.document.published,
            "text_chars": len(self.document.text),
            "records": [record.to_dict() for record in self.records],
        }


class Extractor:
    """Turns documents into records. Build one and reuse it: building loads the data files."""

    def __init__(self) -> None:
        self.nlp = build_pipeline()

    def extract(self, document: Document) -> Extraction:
        text = reading_view(document.text)
        doc = self.nlp.make_doc(text)
        state = State(text=text, title=document.title)
        anchor = document.published[:10] if document.published else document.period
        if anchor:
            try:
                state.anchor = PartialDate.parse_iso(anchor)
            except ValueError:
                state.anchor = None
        doc._.kirok = state
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        if text is not document.text:
            for record in state.records:
                _as_written(record, text, document.text)
        return Extraction(document, state.records)


# a reply's quoting marks at the starts of lines ("> ", ">> "), and a redaction
_QUOTE_MARKS = re.compile(r"^[ \t]*>[> \t]*", re.MULTILINE)
_REDACTED = re.compile(r"\[(?i:redacted)\]")


def _as_written(record: Record, view: str, text: str) -> None:
    """``record``'s evidence, and the words that count its victims, as the
    document ``text`` has them where its ``view`` differs ("two [REDACTED]
    traders"); a quoting mark inside those words stays out of them."""
    for evidence in record.evidence:
        evidence.text = text[evidence.start : evidence.end]
    words = record.victims.count_text
    if not words:
        return
    for evidence in record.evidence:
        at = view.find(words, evidence.start, evidence.end)
        if at >= 0:
            written = text[at : at + len(words)]
            record.victims.count_text = written if ">" not in written else words
            return


def reading_view(text: str) -> str:
    """``text`` as the components read it, of the same length so that every
    offset holds: a quoted reply's marks blanked ("> On 19 August, ... a
    52-year-old\\n>> trader" reads as one sentence), and "[REDACTED]" read as
    a word ("two [REDACTED] traders" are two traders), and lines in capitals
    in ordinary case ("BORDER GUARDS SHOT DEAD A MAN ... NEAR MUSAN ON SUNDAY"
    as "Border guards shot dead a man ... near Musan on Sunday"). Evidence keeps
    the document's own text."""
    text = truecased(text)
    if ">" in text:
        text = _QUOTE_MARKS.sub(lambda m: m.group().replace(">", " "), text)
    if "[" in text:
        text = _REDACTED.sub(" redacted ", text)
    if "-\n" in text or "- \n" in text:
        written = set(_WRITTEN_WORD.findall(text.lower()))
        text = _BROKEN_WORD.sub(lambda match: _mended(match, written), text)
    return text


# a word broken over two lines by a hyphen, as a justified page or a scan
# prints it ("State Secu-\nrity", "Yo-\ndok", "mobi-\nlised")
_BROKEN_WORD = re.compile(r"(?<![\w-])([A-Za-z]+)-[ \t]?\n[ \t]*([a-z]+)(?![\w-])")
# a word as the text writes it on one line, hyphens and all ("yong-han")
_WRITTEN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _mended(match: re.Match[str], written: set[str]) -> str:
    """A word broken over two lines (``written``: the text's words, lower-cased),
    read whole, its letters moved together and the spaces they leave put after
    it, so that every later offset holds; or read with its hyphen where the
    hyphen is the word's own: a Korean given name ("Yong-\nhan"), written so
    elsewhere in the text or capitalised before the break."""
    first, second = match.group(1), match.group(2)
    whole, hyphened = first + second, f"{first}-{second}"
    if whole.lower() in _known_words():
        mended = whole  # ("State Secu-\nrity Department", "Yo-\ndok")
    elif hyphened.lower() in written:
        mended = hyphened
    elif whole.lower() in written or first[0].islower():
        mended = whole  # ("mobi-\nlised", "saw-\nmill")
    else:
        mended = hyphened
    return mended + " " * (len(match.group()) - len(mended))


@cache
def _known_words() -> frozenset[str]:
    """Words of the names Kirok knows (places, bodies that act): a broken one of
    these is one word ("State Secu-\nrity Department", "Yo-\ndok")."""
    from kirok.extraction.actors import actors
    from kirok.extraction.places import gazetteer

    words = {word.lower() for name in gazetteer() for word in name.split()}
    for alias in actors().canonical:
        words.update(alias.lower().split())
    return frozenset(w for w in words if w.isalpha() and len(w) > 3)


@cache
def _default_extractor() -> Extractor:
    return Extractor()


def extract_document(document: Document) -> Extraction:
    """Extract with a shared extractor (built on first use)."""
    return _default_extractor().extract(document)
