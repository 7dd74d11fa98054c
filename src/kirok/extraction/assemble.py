"""Writing records: one per act in a sentence, then one per act in the document.

For each violation a sentence states, the record takes the time, perpetrator,
victims and place that the sentence ties to that act; then reports of the same
act later in the document ("Lee was killed ...", "the incident ...") join the
first record as further evidence instead of making records of their own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from kirok.dates import MONTH, YEAR, PartialDate
from kirok.extraction.actors import STATE_ACTS, actor_country, find_actors, state_actor
from kirok.extraction.lexicon import (
    actor_table,
    demonyms,
    sentence_rules,
    taxonomy_extras,
    victim_words,
)
from kirok.extraction.places import (
    FAMILY_NAME_KINDS,
    find_places,
    gazetteer,
    where_kin_are,
    where_tellers_are,
)
from kirok.extraction.prefilter import Alternatives
from kirok.extraction.records import (
    ActorMention,
    Evidence,
    PlaceMention,
    Record,
    Sentence,
    TimeMention,
    Trigger,
    VictimMention,
    Victims,
)
from kirok.extraction.sentences import STAMP
from kirok.extraction.tables import Table, cells, tables
from kirok.extraction.temporal import WEEKDAY_NAME, explicit_times, find_times, years_lasting
from kirok.extraction.victims import (
    THEM_BOTH,
    age_after_name,
    age_in,
    cases_counted,
    count_in,
    crew_nationality,
    find_full_names,
    find_names,
    find_victims,
    is_family_of,
    is_ruler,
    names_before,
    nationality_before,
    nationality_in_title,
    nationality_near,
    nationality_of_country_possessive,
    nationality_of_group,
    nationality_of_members,
    nationality_of_noun,
    not_name_words,
    one_more_after,
    plural_subject,
    pronoun_victim,
    self_words,
    the_plural_before_passive,
    the_plural_right_before,
    victim_after_act,
    victim_before_passive,
)
from kirok.extraction.victims import patterns as victim_patterns
from kirok.extraction.violations import ASIDE, PASSIVE_AUX
from kirok.wordlists import alternation

MERGE_WINDOW = 4  # sentences within which "the incident" points back
RETELLING_WINDOW = 2  # sentences within which a retelling adds to the act it tells again
# "he" or "she" names the person named last if that was at most this many
# characters before (about two or three sentences)
REFER_BACK_CHARS = 400
_ONE_PERSON = frozenset({"he", "him", "she", "her"})
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}\W*$", re.IGNORECASE
)
# "his wife", "their two daughters": the owner before a word for a person
_OWNER_WORD = r"(?:his|her|their|my|our)\s+"
_OWNER = rf"(?:{_OWNER_WORD})?"
# ", and then ": what joins a first act's clause to a second verb sharing its subject
_AND_JOIN = r",?\s+and\s+(?:then\s+|later\s+|subsequently\s+|finally\s+)?"
# "..., and then " right before a second verb
_AND_THEN = rf"{_AND_JOIN}$"
# "was arrested by Chinese police in Tumen and handed back": a passive the act
# shares, with its agent, by "and"
_AND_PASSIVE = re.compile(
    rf"\b(?:was|were)\s+(?:\w+\s+)?(?:\w+(?:ed|en|wn|ught)|sent|held|kept|led)\b[^.;:]{{0,80}}?{_AND_THEN}",
    re.IGNORECASE,
)
_AND_AFTER_AGENT = re.compile(rf"[^.;:]{{0,60}}?{_AND_THEN}")
# an act told in a clause that describes people ("families whose relatives
# were ..."), right before the act's words
_WHOSE_BEFORE = re.compile(
    r"(?:\bwhose\s+(?:[\w'’-]+\s+){1,3}|\b(?:those|people|anyone|everyone|all)\s+who\s+)"
    r"(?:were|was|had\s+been|have\s+been|has\s+been)\s+$",
    re.IGNORECASE,
)
# right after an arrest's or a sentence's words: for what those punished did to
# others ("seven soldiers were jailed for them", "... in prison for the killings")
_PUNISHED_FOR_THE_ACT = re.compile(
    r"(?:\s+(?:[\w-]+\s+){0,6}?)?\s*for\s+(?:them\b|(?:the|their|his|her)\s+(?:[\w-]+\s+)?"
    r"(?:(?:part|role)\s+in\s+(?:the\s+)?)?(?:killings?|murders?|massacres?|shootings?|beatings?|abuses?)\b)",
    re.IGNORECASE,
)
# things, not people, that "vanished" or "disappeared"
_THINGS_GONE = re.compile(
    r"\b(?:scenes?|sights?|stalls?|markets?|shops?|signs?|traces?|posts?|pages?|photos?"
    r"|pictures?|videos?|goods|houses?|buildings?|crowds?|boats?|smells?|sounds?|customs?"
    r"|habits?|jobs?|records?|files?|fences?|trees?)\b(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:all\s+|since\s+|long\s+)?$",
    re.IGNORECASE,
)
# right after a return that tells who the tellers are: "Women sent back from
# China have told researchers that ..."
_THEN_TELL = re.compile(
    r"\s+(?:have\s+|had\s+)?(?:told|tell|said|say|described|describe|recalled|recall|testified)\b",
    re.IGNORECASE,
)
_HAVE_KIN_WHO = re.compile(
    r"\b(?:have|has|had|with)\s+(?:[\w'’-]+\s+){0,2}?(?:relatives|family\s+members|families|"
    r"friends|parents|children|siblings)\s+who\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+$",
    re.IGNORECASE,
)
# a remark that opens a sentence or a table's cell and ends right before a name
_OPENING_REMARK = re.compile(
    r"(?:^|\|\s*)\W*(?:An?|Another|The)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?[^,;|]{0,140},\s*$"
)
_A_LAW = re.compile(r"\b(?:law|laws|act|decree|edict|code)\b", re.IGNORECASE)
# a subject who acts for another: "Minders sent by" (the North Korean state)
_SENT_BY = re.compile(
    r"[\W_]*(?:[\w'’-]+\s+){1,3}?(?:sent|employed|hired|appointed|assigned|dispatched|posted)"
    r"\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
_GROUP_WORDS = re.compile(r"\b(?:family|families|relatives|parents|children|people)\b", re.I)
_PRONOUN_PASSIVE = re.compile(
    r"\b(?:he|she|they)\s+(?:had\s+been|has\s+been|have\s+been|was|were)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_AND_WAS_BEFORE = re.compile(r"\band\s+(?:was|were)\s+(?:\w+\s+)?$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band\s+$", re.IGNORECASE)
_ORDER = re.compile(r"\b(?:ordered|instructed|commanded|directed|told)\b", re.IGNORECASE)
_ANOTHER = re.compile(
    r"\b(?:another|other|others|second|third|also|again|separately|similar|further)\b",
    re.IGNORECASE,
)
# "were reported to have been sent back": the act is what is reported, and a
# date before it is the act's
_PASSIVE_REPORT = re.compile(r"\b(?:was|were|is|are|been|being)\s+$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}(?:,\s*[^-—–(]{4,30}?\s*(?:--|—|–|-|\()|\s*\([^)]{4,30}\)\s*(?:--|—|–|-))"
)
# a reporting word and at most one more before a time: the time it was said
_RIGHT_AFTER_REPORT = re.compile(
    r"[\w’']+(?:\s+(?!that\b)\w+)?\s+(?:on|in|last|this|earlier|late|early)?\s*"
)
_MONTH_WORD = re.compile(MONTH)
# an act told as still going on when it was reported ("In 1994 Amnesty reported
# that he was being held"): the report's time is the act's too
_ONGOING_BEFORE = re.compile(r"\b(?:was|were|is|are)\s+(?:still\s+)?being\s+\Z")
_HOLDING = re.compile(r"\b(?:were|are)\s+(?:being\s+)?held\b", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"^\W*(?:even|after|before|while|when|although|though|whereas)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class _Rules:
    reporting: Alternatives
    anaphora: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    subset_before: re.Pattern[str]  # "..., including three teenagers": part of a group
    criminal_inquiry: Alternatives  # "suspects", "investigators": a police inquiry


@cache
def _rules() -> _Rules:
    data = sentence_rules()
    return _Rules(
        Alternatives([data["reporting"]], re.IGNORECASE),
        re.compile(data["anaphora"], re.IGNORECASE),
        re.compile(data["clause_breaks"]),
        re.compile(
            r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in data["subset_words"]) + r")\s*$",
            re.IGNORECASE,
        ),
        Alternatives([data["criminal_inquiry"]], re.IGNORECASE),
    )


# the countries whose arrests Kirok records whoever is held: North Korea, and
# China, which hunts and holds North Koreans for return
STATES_OF_CONCERN = frozenset({"KP", "CN"})


_NEXT_SENTENCE = re.compile(r"\s*(.{0,300}?[.!?])(?=\s|$)", re.DOTALL)


def _suspects_held_abroad(record: Record, sentence: Sentence, text: str) -> bool:
    """An arrest elsewhere of people who are not North Koreans, in a police
    inquiry that this sentence, the next or the one before tells of ("Police have arrested two
    women. Investigators are also seeking ..."): the investigation of a crime,
    not a violation. ``text``: the document's."""
    if not record.violation.startswith("detention.") or record.country in STATES_OF_CONCERN:
        return False
    if record.country is None or record.victims.nationality == "KP":
        return False
    inquiry = _rules().criminal_inquiry
    after = _NEXT_SENTENCE.match(text, sentence.end)
    before = text[slice(*sentence.before)] if sentence.before and text else ""
    # (or the sentence before: "The agent who took him, Sin Gwang-su, ... South
    # Korean police arrested Sin in 1985.")
    return bool(
        inquiry.search(sentence.text)
        or (after and inquiry.search(after.group(1)))
        or (before and inquiry.search(before))
    )


def _points_back(sentence: Sentence) -> bool:
    """Whether the sentence has words that point back ("the incident", "the
    two"), found once a sentence."""
    if sentence.points_back is None:
        sentence.points_back = _rules().anaphora.search(sentence.text) is not None
    return sentence.points_back


def _window(sentence: Sentence, end: int, width: int) -> tuple[int, int]:
    """Where in the sentence's text to look back from ``end`` (a document
    offset) for words that must end right there: the last ``width`` characters,
    not the whole sentence before."""
    stop = end - sentence.start
    return max(0, stop - width), stop


def _segments(sentence: Sentence) -> list[tuple[int, int]]:
    """Clause-like stretches of the sentence, in document offsets (found once a sentence)."""
    if sentence.segments is None:
        bounds = [0]
        for match in _rules().clause_breaks.finditer(sentence.text):
            bounds.append(match.start())
        bounds.append(len(sentence.text))
        sentence.segments = [
            (sentence.start + a, sentence.start + b) for a, b in itertools.pairwise(bounds) if b > a
        ]
    return sentence.segments


def _after_semicolon(sentence: Sentence, segment: tuple[int, int]) -> bool:
    """Whether the clause ``segment`` opens with a semicolon."""
    return segment[0] > sentence.start and sentence.text.startswith(
        ";", segment[0] - sentence.start
    )


def _clause_without_place(sentence: Sentence, trigger: Trigger) -> bool:
    """Whether ``trigger`` stands in a clause after a semicolon that names no place."""
    home = _segment_of(trigger.start, _segments(sentence))
    return _after_semicolon(sentence, home) and not any(
        home[0] <= p.start < home[1] for p in sentence.places
    )


def _later_clause(sentence: Sentence, segment: tuple[int, int], home: tuple[int, int]) -> bool:
    """Whether ``segment`` is a clause a semicolon sets after ``home`` (the act's)."""
    return segment[0] > home[0] and _after_semicolon(sentence, segment)


def _segment_of(position: int, segments: list[tuple[int, int]]) -> tuple[int, int]:
    for start, end in segments:
        if start <= position < end:
            return start, end
    return segments[-1]


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


# a sentence that opens by naming its source, up to the comma that ends it
_ACCORDING_FIRST = re.compile(r"\W*(?i:according\s+to)\s[^,;]{1,160},")
# a relative clause in the past perfect, up to the comma that ends it: "a man
# who had fled to the South in 2017 swam back": what happened to someone before
# (up to what the one it is about was doing when the act was done: "a soldier who
# had left his post and was trying to cross the river ... on the night of 9 August")
_EARLIER_CLAUSE = re.compile(
    r"\b(?:who|whom|which)\s+had\s+(?:(?!\s+and\s+(?:was|were)\s+\w+ing\b)[^,;]){1,160}"
)


# a relative clause about the subject, and the main clause's verb after it: "a
# student who spent six months in custody was sent home on Monday"
_WHO = re.compile(r"\bwho\s+")
_MAIN_VERB = re.compile(r"[^,;:()]*?\s(?=(?:was|were|is|are|has|have|had)\s)")


def _relative_clause(sentence: Sentence, trigger: Trigger) -> tuple[int, int] | None:
    """The span (document offsets) of the "who" clause that holds ``trigger``
    and ends at a comma (", who was arrested in Hyesan, died ...") or where the
    main clause's verb comes after it, if it does: the times outside it are the
    main clause's."""
    text, at = sentence.text, trigger.start - sentence.start
    who = None
    for match in _WHO.finditer(text, 0, at):
        who = match
    if who is None or any(mark in text[who.end() : at] for mark in ",;:()"):
        return None
    if text[: who.start()].endswith(", "):  # "Kim, who was arrested in Hyesan, died in 2019"
        comma = text.find(",", trigger.end - sentence.start)
        return (sentence.start + who.start(), sentence.start + comma) if comma != -1 else None
    main = _MAIN_VERB.match(text, trigger.end - sentence.start)
    if main is None:
        return None
    return sentence.start + who.start(), sentence.start + main.end()


def earlier_clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """The past-perfect relative clauses of ``sentence`` (document offsets):
    their times are another, earlier event's."""
    if " had " not in sentence.text:
        return []
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in _EARLIER_CLAUSE.finditer(sentence.text)
    ]


def _earlier_clauses(sentence: Sentence, trigger: Trigger) -> list[tuple[int, int]]:
    """The past-perfect relative clauses of ``sentence`` that do not hold ``trigger``."""
    return [(a, b) for a, b in earlier_clauses(sentence) if not a <= trigger.start < b]


# a year before what was written or asked in it: "a 2020 study", "the 2014 report"
_YEAR_OF_A_STUDY = re.compile(
    r"\s+(?:study|studies|report|reports|survey|surveys|paper|book|article|census|poll|review"
    r"|assessment|inquiry|hearing|interview|interviews)\b"
)
# an author before the year of a citation: "(Yoon 2020", "; Park and Choi 2019"
_CITED = re.compile(
    r"[(;]\s*(?-i:[A-Z])[\w'’-]+(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]+|\s+et\s+al\.?)?,?\s+$"
)
# a clause after the act's with a subject of its own, doing another thing: ", and
# the government added her to its list"
_NEW_SUBJECT = re.compile(
    r",\s+and\s+(?:the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:added|listed|recogni[sz]ed|named|included|counted|confirmed|registered|declared)\b"
)
# "until" or "till" before a time, in the same clause: the end of what went on
_UNTIL = re.compile(r"\b(?:until|till)\b[^.;:()]{0,50}$")


def _from_section(sentence: Sentence, date: PartialDate | None) -> bool:
    """Whether ``date`` is only the period the title or the section's heading
    gives, the sentence and the one before it giving none."""
    return (
        date is not None
        and sentence.told_before is None
        and sentence.section_time is not None
        and sentence.section_time.date == date
        and not any(t.date == date for t in sentence.times)
    )


def _choose_time(
    sentence: Sentence, trigger: Trigger
) -> tuple[PartialDate | None, PartialDate | None]:
    segments = _segments(sentence)
    home = _segment_of(trigger.start, segments)
    reports = _reports(sentence)
    usable: list[TimeMention] = []
    until: TimeMention | None = None  # the first time that ends the act
    dateline = _DATELINE.match(sentence.text)
    stamp = STAMP.match(sentence.text)
    source = _ACCORDING_FIRST.match(sentence.text)
    earlier = _earlier_clauses(sentence, trigger)
    clause = _relative_clause(sentence, trigger) if " who " in sentence.text else None
    for time in sentence.times:
        if time.date is None:
            continue
        if any(start <= time.start < end for start, end in earlier):
            continue  # "after a man who had fled in 2017 swam back, ...": his flight's
        if clause and not clause[0] <= time.start < clause[1]:
            continue  # "a student who spent months in custody was sent home on Monday"
        if dateline and time.start - sentence.start < dateline.end():
            continue  # "SEOUL, September 24, 2020 --": when it was written
        if stamp and time.start - sentence.start < stamp.end():
            continue  # "16 Nov 2018 07:14 KST  URGENT - ...": when it was sent
        if source and time.start - sentence.start < source.end():
            continue  # "According to reports that reached Seoul this week, ...": when told
        ongoing = _ONGOING_BEFORE.search(sentence.text, 0, trigger.start - sentence.start) or (
            # ("said in 2014 that ... political prisoners were held in four large
            # camps": held then, as camps hold people for years)
            trigger.violation == "detention.prison_camp" and _HOLDING.search(trigger.text)
        )
        if (
            any(
                time.end <= r < trigger.start
                and not _ASIDE_SOURCE.match(sentence.text, r - sentence.start)
                # ("In the spring of 2011, she said, the rations ... were cut")
                and not (
                    _SAID_ASIDE.match(sentence.text, r - sentence.start)
                    and _ASIDE_TELLER.search(sentence.text, 0, r - sentence.start)
                )
                for r in reports
            )
            and not ongoing
        ):
            # "On September 24, the government said ...": when it was said (not "By
            # the middle of March, according to officials, most had been sent back")
            continue
        if any(trigger.end <= r < time.start for r in reports):
            continue  # "..., according to a report released last week": the same
        if (
            time.end <= trigger.start
            and not ongoing
            and any(
                _RIGHT_AFTER_REPORT.fullmatch(
                    sentence.text, r - sentence.start, time.start - sentence.start
                )
                for r in reports
                if r < time.start
            )
        ):
            continue  # "North Korea announced on Friday that he had been executed"
        segment = _segment_of(time.start, segments)
        text = sentence.text[segment[0] - sentence.start : segment[1] - sentence.start]
        if segment != home and _SUBORDINATE.match(text):
            continue
        if time.relative and _later_clause(sentence, segment, home):
            continue  # "... had seized him; that year he was allowed to ...": another's
        if time.text.isdigit() and (
            _YEAR_OF_A_STUDY.match(sentence.text, time.end - sentence.start)
            or _CITED.search(sentence.text, 0, time.start - sentence.start)
        ):
            # "a 2020 study of 38 women held ... between 2014 and 2016", "(Yoon
            # 2020, pp. 12-15)": when it was told, not when it was done
            continue
        if time.start > trigger.end and _NEW_SUBJECT.search(
            sentence.text, trigger.end - sentence.start, time.start - sentence.start
        ):
            continue  # "... had been abducted, and the government added her to its list in 2006"
        if time.start > trigger.end and _UNTIL.search(
            sentence.text, trigger.end - sentence.start, time.start - sentence.start
        ):
            until = until or time  # "held for 43 years, until she escaped in 2003": its end
            continue
        usable.append(time)
    if not usable:
        told = sentence.told_before or sentence.section_time
        if told is not None:
            return told.date, told.date_end or (until.date if until else None)
        if until is not None and until.date is not None:
            # "not allowed to leave for forty-three years, until she escaped in
            # 2003": from 1960
            lasting = years_lasting(
                sentence.text[trigger.end - sentence.start : until.start - sentence.start]
            )
            if lasting:
                return PartialDate(until.date.year - lasting), until.date
        return None, None
    same = [t for t in usable if _segment_of(t.start, segments) == home] or usable
    if any(t.start >= trigger.end for t in same):
        # "arrested ... on 3 March 2025 and sent back ... on 20 April": the date
        # right before "and" is the act's before it, when this one has its own after
        same = [t for t in same if not _of_the_act_before(sentence, trigger, t)] or same
    chosen = min(same, key=lambda t: _distance(t.start, t.end, trigger.start, trigger.end))
    end = chosen.date_end
    if (
        end is None
        and until is not None
        and until.date is not None
        and chosen.date is not None
        and until.date.first_day() > chosen.date.first_day()
    ):
        end = until.date  # "held from May 2019 until he was freed in June 2020"
    if end is None and chosen.date is not None:
        later = [
            t
            for t in same
            if t.start > chosen.end
            and t.date is not None
            and t.date_end is None
            and t.date.first_day() > chosen.date.first_day()
            # "kidnapped in 1978 flew home on Tuesday": a day told by its weekday is
            # another, recent event's
            and not WEEKDAY_NAME.search(t.text)
            # "arrested in October 2013 and sentenced in May 2014": another act's date
            and not any(
                o.violation != trigger.violation and chosen.end <= o.start < t.start
                for o in sentence.triggers
            )
        ]
        if later:
            end = later[0].date
    return chosen.date, end


def _of_the_act_before(sentence: Sentence, trigger: Trigger, time: TimeMention) -> bool:
    """Whether ``time`` ends the clause of another act that ``trigger``'s
    follows with "and": "arrested ... on 3 March 2025 and sent back"."""
    if time.end > trigger.start:
        return False
    between = sentence.text[time.end - sentence.start : trigger.start - sentence.start]
    return _AND_BEFORE_ACT.fullmatch(between) is not None and any(
        other.violation != trigger.violation and other.end <= time.start
        for other in sentence.triggers
    )


# what joins an act's clause to the next act's verb: "and", "and then were"
_AND_BEFORE_ACT = re.compile(rf"{_AND_JOIN}(?:(?:was|were|had\s+been|been)\s+)?", re.IGNORECASE)


def _choose_perpetrator(
    sentence: Sentence, trigger: Trigger, victim: VictimMention | None
) -> str | None:
    actors = [
        a
        for a in sentence.actors
        if not a.is_source
        and not (victim and victim.start <= a.start and a.end <= victim.end)
        # ("five senior officials of North Korea's Ministry of State Security
        # had been executed": the body they served)
        and not (
            victim
            and victim.end <= a.start
            and _OF_THEIR_BODY.fullmatch(
                sentence.text, victim.end - sentence.start, a.start - sentence.start
            )
        )
    ]
    agents = [
        a for a in actors if a.is_agent and a.start > trigger.start and a.start - trigger.end < 120
    ]
    if agents:
        return agents[0].name
    shared = [
        a
        for a in actors
        if a.is_agent
        and a.end <= trigger.start
        and _AND_AFTER_AGENT.fullmatch(
            sentence.text, a.end - sentence.start, trigger.start - sentence.start
        )
        and _AND_PASSIVE.search(sentence.text, *_window(sentence, trigger.start, 160))
        # (not for an act in another country: "sent back by China ... and taken
        # to the Onsong holding centre"; a return is the sending state's act)
        and not (
            taxonomy_extras(trigger.violation).get("country_from") != "perpetrator"
            and any(
                p.country and a.country and p.country != a.country and trigger.start <= p.start
                for p in sentence.places
                if p.start < trigger.end
            )
        )
    ]
    if shared:
        return shared[-1].name  # "arrested by Chinese police ... and handed back"
    for actor in actors:
        if (
            actor.is_agent
            and actor.end <= trigger.start
            and _SENT_BY.fullmatch(sentence.text, 0, actor.start - sentence.start)
            and trigger.start - actor.end <= 40
        ):
            return actor.name  # "Minders sent by the North Korean state held their passports"
    for match in _ORDER.finditer(sentence.text):
        position = sentence.start + match.start()
        if position < trigger.end + 40:
            before = [a for a in actors if a.end <= position]
            if before:
                return before[-1].name
    # (an actor the act's own words begin inside, or with, counts: "agents
    # seized her", "soldiers beat a teenager")
    before = [
        a
        for a in actors
        if a.start <= trigger.start
        and a.end <= trigger.end
        and not a.is_agent
        and not _SUBJECT_OF_PASSIVE.match(
            sentence.text[a.end - sentence.start : trigger.start - sentence.start] + trigger.text
        )
        # ("patrol boats surrounded the I-2, a South Korean navy broadcasting
        # ship, ... and towed it north": what the ship was, not who acted)
        and not (
            _APPOSITIVE_OPENS.search(sentence.text, 0, a.start - sentence.start)
            and _APPOSITIVE_CLOSES.match(sentence.text, a.end - sentence.start)
            and a.end < trigger.start
        )
    ]
    if before:
        return before[-1].name
    # "were taken to North Korea on 14 August 1999, when two patrol boats of the
    # Korean People's Navy surrounded the vessel": who did it, the subject of the
    # clause that tells how
    for actor in actors:
        if (
            trigger.end < actor.start < trigger.end + 120
            and _HOW_CLAUSE_OPENS.search(
                sentence.text, trigger.end - sentence.start, actor.start - sentence.start
            )
            and _HOW_CLAUSE_VERB.match(sentence.text, actor.end - sentence.start)
        ):
            return actor.name
    if trigger.kind == "measure":
        # "Songbun is the system by which the North Korean state ranks its citizens"
        by_which = [
            a
            for a in actors
            if a.start >= trigger.end
            and _BY_WHICH.search(sentence.text, 0, a.start - sentence.start)
        ]
        if by_which:
            return by_which[0].name
    # "North Korea said it would not accept rice": who tells of its own act
    telling = [
        a
        for a in sentence.actors
        if a.is_source
        and a.end <= trigger.start
        and _SAID_IT.fullmatch(
            sentence.text, a.end - sentence.start, trigger.start - sentence.start
        )
    ]
    if telling:
        return telling[-1].name
    # "the nine young North Koreans whom Laos returned": a state acting inside the act's words
    inside = [
        a
        for a in actors
        if trigger.start <= a.start
        and a.end <= trigger.end
        and (
            STATE_ACTS.match(sentence.text, a.end - sentence.start)
            # "a squid boat that North Korean patrol vessels seized"
            or _SEIZED_IT.match(sentence.text, a.end - sentence.start)
            # "images of the camp suggest that the State Security ministry holds ..."
            or _HOLDS_THEM.match(sentence.text, a.end - sentence.start)
            # "held for four months at the State Security holding centre": its keeper
            or _ITS_LOCKUP.match(sentence.text, a.end - sentence.start)
        )
    ]
    return inside[0].name if inside else None


# from words of a passive act's subject, set off by commas, to its verb: the
# police of "Choi Kyu-sik, the chief of the Jongno police station, was shot",
# the soldiers of "26 South Koreans, among them soldiers, ..., were killed"
_SUBJECT_OF_PASSIVE = re.compile(rf"[^.;:]*,\s+{PASSIVE_AUX}\s", re.IGNORECASE)
# a clause after a passive act that tells how it was done, up to its subject:
# ", when two patrol boats of the "
_HOW_CLAUSE_OPENS = re.compile(r",\s+(?:when|as)\s+(?:[\w'’-]+\s+){0,6}$")
# and its verb, in the past: " surrounded", " boarded", " took"
_HOW_CLAUSE_VERB = re.compile(
    r"\s+(?:[a-z]+ed|took|caught|shot|seized|beat|drove|led|brought|stopped|forced)\b"
)
# the words that open and close a description set off by commas, of the thing
# just named: ", a South Korean navy broadcasting ship,"
_APPOSITIVE_OPENS = re.compile(r",\s+(?:a|an)\s+$")
_APPOSITIVE_CLOSES = re.compile(r"(?:\s+[a-z][\w'’-]*){1,3},")
# between a body that tells and its own act: " said it ", " announced that they had "
_SAID_IT = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:said|says|announced|stated|declared|told\s+\w+)"
    r"\s+(?:that\s+)?(?:it|they)\s+"
)
# between victims and the body they are of, and its country: " of North Korea's ",
# " of the " ("five senior officials of North Korea's Ministry of State Security")
_OF_THEIR_BODY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})['’]s\s+)?"
)
# who acts in a measure's clause: "the system by which the state ranks ..."
_BY_WHICH = re.compile(r"\b(?:by|under|through)\s+which\s+(?:the\s+)?$", re.IGNORECASE)
# the verb right after those who did it, inside a clause of what they did it to
_SEIZED_IT = re.compile(r"\s+(?:had\s+)?(?:seized|captured|towed\s+away|abducted|kidnapped)\b")
# a body that holds people where the act's words tell of ("the camp ... the State
# Security ministry holds about 20,000 people there")
_HOLDS_THEM = re.compile(
    r"(?:\s+(?-i:ministry|department|bureau))?\s+(?:holds|houses|imprisons|confines)\b"
)

# a place of custody a body keeps, after its name: " holding centre", " jail"
_ITS_LOCKUP = re.compile(
    r"\s+(?:(?:holding|detention|interrogation|pre-?trial|remand)\s+"
    r"(?:cent(?:re|er)s?|facilit(?:y|ies)|cells?|jails?|prisons?)|jails?|prisons?|lock-?ups?)\b"
)


def _asides_without(sentence: Sentence, trigger: Trigger) -> list[tuple[int, int]]:
    """The remarks in brackets of the sentence (document offsets) that do not
    hold the act's words."""
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in ASIDE.finditer(sentence.text)
        if not (sentence.start + m.start() <= trigger.start < sentence.start + m.end())
    ]


def _counted_victim(sentence: Sentence, trigger: Trigger) -> VictimMention | None:
    asides = _asides_without(sentence, trigger) if "(" in sentence.text else []
    candidates = [
        v
        for v in sentence.victims
        # ("a 34-year-old man (invented; his family asked ...) was held": not them)
        if not any(start <= v.start and v.end <= end for start, end in asides)
        and not _rules().subset_before.search(sentence.text[: v.start - sentence.start])
        # ("..., according to a former inmate": who tells, not whom it was done to)
        and not sentence.text[: v.start - sentence.start].lower().endswith("according to ")
        # ("detained for making a call to his sister in Seoul": whom he called)
        and not _CALLED.search(sentence.text, 0, v.start - sentence.start)
        # ("two boys ... stand before hundreds of students": who watch)
        and not _WATCHING.search(sentence.text, 0, v.start - sentence.start)
        # ("A neighbour saw them being marched north": who saw it)
        and not _SAW.match(sentence.text, v.end - sentence.start)
        # ("would not let her see the camp doctor": who would have cared for her)
        and not _TO_SEE.search(sentence.text, 0, v.start - sentence.start)
        # ("a woman who escaped from the same village told me that Eun-hye had been
        # taken": who told of it)
        and not (
            (tells := _TELLS_THAT.match(sentence.text, v.end - sentence.start)) is not None
            and sentence.start + tells.end() <= trigger.start
        )
        if not sentence.text[
            max(0, v.start - sentence.start - 3) : v.start - sentence.start
        ].endswith("by ")
    ]
    if not candidates:
        return None
    before_text = sentence.text[: trigger.start - sentence.start]
    before = [
        v
        for v in candidates
        if v.end <= trigger.start
        # ("Her mother was told ... that Seol-hee would be sent": the one told)
        and not _WAS_TOLD.match(sentence.text, v.end - sentence.start)
    ]
    said = _SAID_CLAUSE.search(sentence.text, trigger.end - sentence.start)
    heard = sentence.start + said.start() if said else sentence.end
    after = [
        v
        for v in candidates
        if v.start >= trigger.end
        and v.start - trigger.end <= 120
        and not _speaker(sentence, v)
        and v.start < heard  # (not those "she said she had not met")
    ]  # "..., two former detainees said": who told of it
    inside = [v for v in candidates if v.start < trigger.end and trigger.start < v.end]
    if inside and not trigger.victim_before:  # ("refused to call the centre's doctor")
        return inside[0]
    # "interviews with 649 defectors also describe women being forced to work":
    # those who tell of an act are not its victims
    told = [r for r in _reports(sentence) if r < trigger.start]
    if told:
        # (past the reporting words: "told my mother that he had died": not her)
        reporting = _rules().reporting.regex_for(sentence.text)
        said = reporting.match(sentence.text, told[-1] - sentence.start) if reporting else None
        past = told[-1] if said is None else sentence.start + said.end()
        before = [v for v in before if v.start >= past]
    if trigger.victim_before:
        # ("left her home ... to meet a friend, and never came back": not the friend)
        before = [
            v
            for v in before
            if not _ERRAND_OBJECT.search(sentence.text, 0, v.start - sentence.start)
        ]
    if trigger.victim_before and before:
        if len(before) > 1 and _PART_OF.fullmatch(
            sentence.text, before[-2].end - sentence.start, before[-1].start - sentence.start
        ):
            return before[-2]  # "a woman from her work team ... who died": the woman
        return before[-1]
    if _PRONOUN_PASSIVE.search(before_text) and before and _GROUP_WORDS.search(before[-1].text):
        return None  # "his family was told he had been sent ...": he, not them
    if _PASSIVE_BEFORE.search(before_text) or _AND_PASSIVE.search(
        sentence.text, *_window(sentence, trigger.start, 160)
    ):
        return before[-1] if before else None  # "X was killed after two women ...": not them
    if before and _WHOM.fullmatch(
        sentence.text, before[-1].end - sentence.start, trigger.start - sentence.start
    ):
        # "North Koreans held in China whom Chinese authorities sent back": those
        # "whom" stands for, past whoever acted in the clause
        return before[-1]
    if before and _BEING_DONE.match(trigger.text):
        # "Two brothers ... sent back by Chinese border police after being held in
        # Tumen": the one the clause is about, past whoever acted in the main one
        return before[-1]
    if after:
        return after[0]
    if before and not any(before[-1].end <= a.start < trigger.start for a in sentence.actors):
        return before[-1]
    return None  # "a former prisoner said guards beat ...": the speaker is not the victim


# one whom the subject went to meet or went with: "left ... to meet a friend"
_ERRAND_OBJECT = re.compile(r"\b(?:to\s+(?:meet|see|visit|fetch|find)|with)\s+$", re.IGNORECASE)
# a clause of what was done to the people before it: "... whom Chinese authorities "
_WHOM = re.compile(r"[^.;]{0,80}?\bwhom\s+[^.;]{0,80}")
# an act told as what was done to the clause's subject before: "after being held"
_BEING_DONE = re.compile(r"(?:after|before|while|following)\s+(?:being|having\s+been)\s", re.I)

# between a victim and the group it is one of ("a woman from her work team")
_PART_OF = re.compile(r"\s+(?:from|of|in|among)\s+", re.IGNORECASE)

# those before whom people are made to stand, who watch what is done to them
_SAW = re.compile(r"\s+(?:saw|watched|heard|noticed)\s+(?:them|him|her|the\s)", re.IGNORECASE)
_WATCHING = re.compile(
    r"\b(?:(?:stand|stands|stood|standing|paraded|displayed)\s+(?:before|in\s+front\s+of)|"
    r"watched\s+by)\s+$",
    re.IGNORECASE,
)
# one who would have given care, not who was denied it: "let her see the camp doctor"
_TO_SEE = re.compile(r"\b(?:see|visit|call|fetch|summon|send\s+for)\s+$", re.IGNORECASE)
# a call's or a message's addressee, before the one called
_CALLED = re.compile(r"\b(?:calls?|messages?|letters?)\s+to\s+(?:his\s+|her\s+|their\s+)?$")

# between a family's phrase and its members listed after it
_LISTED = re.compile(r"[^.;:]{0,160}")


def _whole_family(sentence: Sentence, victim: VictimMention) -> VictimMention:
    """ "A family of four, a mother, her two sons ... and their grandmother, who
    were detained": the family, not the member listed last."""
    family = next(
        (
            v
            for v in sentence.victims
            if v.end <= victim.start
            and v.count is not None
            and is_family_of(v.text)
            and _LISTED.fullmatch(
                sentence.text, v.end - sentence.start, victim.start - sentence.start
            )
        ),
        None,
    )
    return family or victim


def _reports(sentence: Sentence) -> list[int]:
    """Where the sentence's reporting words ("said", "describes") start
    (document offsets), found once a sentence; not a passive one ("were reported
    to have been sent"), which tells of the act, nor a lie that describes
    someone ("a man who said he was an art dealer")."""
    if sentence.reports is None:
        sentence.reports = [
            sentence.start + m.start()
            for m in _rules().reporting.finditer(sentence.text)
            if not _PASSIVE_REPORT.search(sentence.text, 0, m.start())
            and not (
                sentence.text.endswith("who ", 0, m.start())
                and _SAID_HE_WAS.match(sentence.text, m.start())
            )
            # ("Three of them, said to be the church's leaders, were executed": a
            # description hedged, not someone telling)
            and not _SAID_TO_BE.match(sentence.text, m.start())
        ]
    return sentence.reports


_SAID_TO_BE = re.compile(r"(?:said|reported|believed|thought)\s+to\s+(?:be|have\s+been)\b")


_SAID_HE_WAS = re.compile(r"(?i:said|claimed)\s+(?:that\s+)?(?:he|she)\s+(?:was|worked)\b")
_AND = re.compile(rf"\s*,?\s+and\s+{_OWNER}")  # "his wife and their two daughters"


def _with_the_previous(sentence: Sentence, victim: VictimMention) -> VictimMention:
    """The victim together with a phrase joined to it before by "and" ("his wife
    and their two daughters were sent": three), as :func:`_with_the_next` joins
    the one after."""
    before = [v for v in sentence.victims if v.end <= victim.start]
    if not before or not _AND.fullmatch(
        sentence.text[before[-1].end - sentence.start : victim.start - sentence.start]
    ):
        # "Hitomi Soga and her mother ... were seized": a person named, and one more
        named = _NAME_AND.search(sentence.text, 0, victim.start - sentence.start)
        if named is None or victim.count is None or victim.names:
            return victim
        start = sentence.start + named.start(1)
        name = named.group(1)
        person = VictimMention(start, start + len(name), name, count=1, names=[name])
        return _joined(sentence, person, victim)
    joined = _joined(sentence, before[-1], victim)
    for earlier in reversed(before[:-1]):
        # "my mother, my sister-in-law and her two children": the list's others
        gap = sentence.text[earlier.end - sentence.start : joined.start - sentence.start]
        if not _LIST_COMMA.fullmatch(gap):
            break
        joined = _joined(sentence, earlier, joined)
    return joined


_LIST_COMMA = re.compile(rf"\s*,\s*{_OWNER}", re.IGNORECASE)


# a name joined by "and" to the victim phrase right after it
_NAME_AND = re.compile(
    r"(?<![\w'’-])((?:[A-Z][a-z'’]+(?:-[a-z]+)?\s+){1,3}[A-Z][a-z'’]+(?:-[a-z]+)?)\s+and\s+$"
)


def _joined(sentence: Sentence, first: VictimMention, second: VictimMention) -> VictimMention:
    """Two victim phrases joined by "and", as one."""
    both = sentence.text[first.start - sentence.start : second.end - sentence.start]
    counts = (first.count, second.count)
    return VictimMention(
        first.start,
        second.end,
        both,
        count=None if None in counts else sum(c or 0 for c in counts),
        count_text=both,
        names=[*first.names, *second.names],
        nationality=first.nationality or second.nationality,
        age=first.age if second.age is None else None,
        sex=first.sex if first.sex == second.sex else None,
    )


# "sent me back across the bridge with eleven other women": the others are
# sent with the victim (twelve, all women)
# (in the same clause: no comma, no "and" between)
_WITH = re.compile(r"\s+(?:(?!and\b|but\b)[\w'’-]+\s+){0,8}?(?:along\s+|together\s+)?with\s+")
_OTHERS = re.compile(r"\bother\b", re.IGNORECASE)
# one person told by a pronoun, then "and" right before a victim phrase: "she and"
_ONE_AND_BEFORE = re.compile(r"(?:^|[\s,])(she|he|She|He)\s+and\s+$")
_OWNED = re.compile(_OWNER_WORD, re.IGNORECASE)  # one's kin, not an aside


def _with_the_next(sentence: Sentence, victim: VictimMention) -> VictimMention:
    """The victim together with a phrase joined to it by "and" ("Ms. A and about
    20 other women": 21; "two women and a child": three; how many, unknown if
    either does not say), or by "with" to others like it ("me ... with eleven
    other women": twelve)."""
    following = next((v for v in sentence.victims if v.start >= victim.end), None)
    between = (
        ""
        if following is None
        else sentence.text[victim.end - sentence.start : following.start - sentence.start]
    )
    if following is not None and _OTHERS.search(following.text) and _WITH.fullmatch(between):
        joined = _joined(sentence, victim, following)
        return replace(joined, sex=following.sex if victim.sex in (None, following.sex) else None)
    if (
        following is not None
        and _LIST_COMMA.fullmatch(between)
        and _OWNED.match(following.text)
        and (rest := _with_the_next(sentence, following)).end > following.end
    ):
        # "Mr. Jo, his wife and their two sons": a list of three phrases, four people
        return _joined(sentence, victim, rest)
    if following is None or not _AND.fullmatch(between):
        end = one_more_after(sentence.text, victim.end - sentence.start)
        one = _ONE_AND_BEFORE.search(sentence.text, 0, victim.start - sentence.start)
        if end is None and one is not None and victim.count == 1:
            # "she and her mother were moved out of Pyongyang": two
            both = sentence.text[one.start(1) : victim.end - sentence.start]
            return replace(
                victim,
                start=sentence.start + one.start(1),
                text=both,
                count=2,
                count_text=both,
                age=None,
                sex=victim.sex
                if victim.sex == victim_patterns().pronoun_sex[one.group(1).lower()]
                else None,
            )
        if end is None:
            return victim
        # "his parents and younger sister": one more, with no number of its own
        both = sentence.text[victim.start - sentence.start : end]
        return replace(
            victim,
            end=sentence.start + end,
            text=both,
            count=None if victim.count is None else victim.count + 1,
            count_text=both,
            age=None,
            sex=None,
        )
    return _joined(sentence, victim, following)


def _said_of(sentence: Sentence, trigger: Trigger) -> VictimMention | None:
    """Whom the act's words take within or right after them (``victim_after_act``)."""
    return victim_after_act(
        sentence.text,
        sentence.start,
        trigger.start - sentence.start,
        trigger.end - sentence.start,
    )


def _choose_victim(sentence: Sentence, trigger: Trigger) -> VictimMention | None:
    """The victim phrase tied to the act (the whole of one that counts, when the
    words it was found by begin it: "took us both away"); see :func:`_tied_victim`."""
    victim = _tied_victim(sentence, trigger)
    if victim is not None and victim.count is None:
        for wider in sentence.victims:
            if wider.start == victim.start and wider.end > victim.end and wider.count:
                return wider
    return victim


def _tied_victim(sentence: Sentence, trigger: Trigger) -> VictimMention | None:
    """The victim phrase tied to the act; else the words the act is said of that
    count no one ("beat her", "beat inmates", "she was beaten")."""
    # "nobody would tell my mother where he had been taken": him; "we were sent back": us
    whose = _WHERE_PRONOUN.search(trigger.text) or _PRONOUN_FIRST.match(trigger.text)
    if whose:
        return pronoun_victim(trigger.start + whose.start(1), whose.group(1))
    told = _TOLD_OF.search(sentence.text, *_window(sentence, trigger.start, 60))
    if told and (told.group(1) or trigger.text.lower().startswith(("being ", "having been "))):
        # "One interviewee, a former teacher, described being held ...": the one
        # who tells is the one it was done to
        teller = [v for v in sentence.victims if v.end <= trigger.start]
        if teller:
            return teller[0]
    that = _TOLD_THAT.search(sentence.text, *_window(sentence, trigger.start, 60))
    if that:
        # "a logger ... told us that his supervisors kept his passport": the one
        # who told, of whom "his" is said
        teller = [
            v for v in sentence.victims if v.end <= sentence.start + that.start() and v.count == 1
        ]
        if teller:
            return teller[-1]
    # "his wife has heard nothing of him": the one the act's own words are said of
    # (unless they name one after it: "... told her that my father had died there")
    pronoun = _PRONOUN_IN_ACT.search(trigger.text)
    in_act = pronoun is not None and not any(
        trigger.start + pronoun.end() <= v.start and v.end <= trigger.end for v in sentence.victims
    )
    said = _said_of(sentence, trigger)
    victim = said if in_act else None
    if in_act and said is None and pronoun is not None:
        # "no one knows where they took him": the act's own last word
        word = pronoun.group().strip()
        victim = pronoun_victim(trigger.start + pronoun.end() - len(word), word)
    if said is not None and not in_act:
        # "detained him in May after he left a Bible in a club for foreign
        # sailors": the pronoun the act takes, not a phrase after it; so is one
        # right after the act's first word ("arrested him ... after a colleague
        # reported ..."), unless that word tells ("told her that my father ...")
        head = trigger.text.split(maxsplit=1)[0]
        if (
            (
                said.start >= trigger.end
                or (
                    said.start == trigger.start + len(head) + 1
                    and not _rules().reporting.fullmatch(head)
                )
            )
            and said.text.lower() in _PRONOUNS
            and not _AND.match(sentence.text, said.end - sentence.start)
            # "her" alone, not "her younger brother"
            and (
                said.text.lower() != "her"
                or _OBJECT_ENDS.match(sentence.text, said.end - sentence.start)
            )
        ):
            victim = said
    if victim is None and _BE_FIRST.match(trigger.text):
        # "Their father, a party member, paid a bribe, and the boys were released
        # after a week of questioning": the boys, right before the passive
        victim = the_plural_right_before(
            sentence.text, sentence.start, trigger.start - sentence.start
        )
        if victim is not None and not _AND_THE.search(
            sentence.text, 0, victim.start - sentence.start
        ):
            victim = None  # (only after "and": the clause's own subject)
    if victim is None:
        victim = _counted_victim(sentence, trigger)
        if victim is not None and trigger.violation.startswith("disappearance."):
            # "a mother of two small children when she went missing": who
            # disappeared, when the people counted before cannot be "she" (a
            # lone "they" may be one person: "arrested a farmer and they have not ...")
            who = _subject_right_before(sentence, trigger)
            if who is not None and who.text.lower() in _ONE_PERSON and not _may_be(victim, who):
                return _choose_speaker(sentence, trigger, who)
    if victim is not None:
        victim = _whole_family(sentence, victim)
        victim = _with_the_next(sentence, _with_the_previous(sentence, victim))
    if victim is None:
        # "One source said the women were accused of making calls to
        # relatives": the women told of before, not those the act's words name
        be = _BE_FIRST.match(trigger.text)
        victim = the_plural_before_passive(
            sentence.text, sentence.start, trigger.start - sentence.start + (be.end() if be else 0)
        )
    if victim is None and not in_act:  # (in_act: already looked for, not there)
        victim = said
    if victim is None:
        # (past "was" when the act's own words begin with it: "I was made to work")
        be = _BE_FIRST.match(trigger.text)
        victim = victim_before_passive(
            sentence.text, sentence.start, trigger.start - sentence.start + (be.end() if be else 0)
        )
    if victim is None:
        # "She flew east expecting to reach Tokyo, but was taken instead to
        # Pyongyang": the sentence's subject, whose clause goes on to the act; so
        # too "She was held for two months and then sent to a labour training
        # camp", the act sharing the clause's "was"
        opening = _SUBJECT_GOES_ON.fullmatch(sentence.text, 0, trigger.start - sentence.start)
        if opening is not None and (_BE_FIRST.match(trigger.text) or _WAS.search(opening.group())):
            victim = pronoun_victim(sentence.start + opening.start(1), opening.group(1))
    if victim is None:
        # "Women held in Hoeryong ... were forced to ...": the people the sentence
        # opens with, when no one acting stands between them and the act
        subject = plural_subject(sentence.text, sentence.start)
        if (
            subject is not None
            and subject.end <= trigger.start
            and not _speaker(sentence, subject)
            and not any(a.end > subject.start and a.start < trigger.start for a in sentence.actors)
        ):
            victim = subject
    if victim is None and (trigger.violation.startswith("disappearance.") or trigger.victim_before):
        # "Kim Young-nam was 16 when he disappeared", "She spent the next year in
        # the prison camp"
        victim = _subject_right_before(sentence, trigger)
        if victim is None and trigger.victim_before:
            victim = the_plural_right_before(
                sentence.text, sentence.start, trigger.start - sentence.start
            )
        opening = _PRONOUN_SUBJECT.match(sentence.text) if trigger.victim_before else None
        if victim is None and opening and sentence.start + opening.end() <= trigger.start:
            # "She bled for days, and the guards refused to call a doctor": the
            # one the sentence is about, when the act names no one
            victim = pronoun_victim(sentence.start + opening.start(1), opening.group(1))
    if victim is not None and victim.count is None and victim.text.lower() in _PRONOUNS:
        # "arrested them both": the words that count them, where they go on; "made
        # her family leave": the words for those "her" owns
        pronoun_at, word = victim.start, victim.text.lower()
        victim = next(
            (
                v
                for v in sentence.victims
                if v.start == pronoun_at
                and v.end > victim.end
                and (v.count is not None or word == "her")
            ),
            victim,
        )
    return _choose_speaker(sentence, trigger, victim) if victim is not None else None


def _subject_right_before(sentence: Sentence, trigger: Trigger) -> VictimMention | None:
    """ "he", "she" or "they" right before an act told of its subject ("when she
    went missing", "She spent the next year in ..."): whom it was done to."""
    who = _SUBJECT_RIGHT_BEFORE.search(sentence.text, 0, trigger.start - sentence.start)
    return None if who is None else pronoun_victim(sentence.start + who.start(1), who.group(1))


def _choose_speaker(sentence: Sentence, trigger: Trigger, victim: VictimMention) -> VictimMention:
    """The victim a pronoun stands for within its own sentence, if it does."""
    if victim.count is None and victim.text.lower() in _PRONOUNS:
        # "One woman said she was beaten": the one who tells is the one it was done to
        speaker = next(
            (
                v
                for v in reversed(sentence.victims)
                if v.end <= victim.start
                and _speaker(sentence, v)
                and _may_be(v, victim)
                and not _kin_of(v, victim)
            ),
            None,
        )
        one = None
        if speaker is None and victim.text.lower() in _ONE_PERSON:
            # "my dad, he, uh, the police took him": the one person the sentence
            # named before, when the sex agrees
            one = next(
                (
                    v
                    for v in reversed(sentence.victims)
                    if v.end <= victim.start
                    and v.count == 1
                    and not v.names
                    and _may_be(v, victim)
                    and _POSSESSIVE_FIRST.match(v.text)
                    and not _kin_of(v, victim)
                ),
                None,
            )
        if speaker is not None:
            victim = replace(speaker, sex=speaker.sex or victim.sex)
        elif one is not None:
            victim = replace(one, sex=one.sex or victim.sex)
        elif victim.text.lower() == "them":
            # "police stop the nine ... and hold them in detention": the group
            # counted before the act in the same sentence
            group = next(
                (
                    v
                    for v in reversed(sentence.victims)
                    if v.end <= trigger.start and v.count is not None and v.count > 1
                ),
                None,
            )
            if group is not None:
                victim = group
            elif sentence.scene_group is not None:
                # "North Korean officials fly the nine to Pyongyang. Their families
                # have heard nothing of them since": the group the event told
                group = sentence.scene_group
                victim = replace(
                    victim, count=group.count, count_text=group.text, nationality=group.nationality
                )
    return victim


def _kin_of(words: VictimMention, pronoun: VictimMention) -> bool:
    """Whether ``words`` are a relative of the one ``pronoun`` stands for, by
    a possessive of the same sex: "his brother" of "him" in "His brother says
    that interrogators gave him electric shocks" (the brother tells; "him" is
    the one whose brother he is)."""
    owner = words.text.split(maxsplit=1)[0].lower()
    said = _PRONOUN_SEX.get(pronoun.text.lower())
    return said is not None and owner in ("his", "her") and _PRONOUN_SEX[owner] == said


_BE_FIRST = re.compile(r"(?:was|were|is|are|been|being)\s", re.IGNORECASE)
# a sentence's subject, "he" or "she", then its clause that goes on with "but" or
# "and" to a passive act, no other subject between
_SUBJECT_GOES_ON = re.compile(
    r"\W*(He|She)\s+(?:(?!\b(?:he|she|they|we|I|who|which|that)\b)[^.;:])*?,?\s+"
    r"(?:but|and|yet)\s+(?:then\s+|later\s+)?"
)
_WAS = re.compile(r"^\W*(?:He|She)\s+(?:was|were)\s")
_AND_THE = re.compile(r",?\s+and\s+$")  # a clause of its own after "and"
_POSSESSIVE_FIRST = re.compile(r"(?i:my|our|his|her|their)\s")  # "my dad"
# "described being held", or "described" right before an act told as "being held"
_TOLD_OF = re.compile(
    r"\b(?:described|recalled|remembered|recounted|spoke\s+of|told\s+of|told\s+us\s+of)\s+"
    r"((?:being|having\s+been)\s+)?$",
    re.IGNORECASE,
)
# "told us that his supervisors": what one told of those over them
_TOLD_THAT = re.compile(
    r"\btold\s+(?:us|me|researchers|investigators|reporters|the\s+\w+)\s+that\s+(?:his|her)\s+"
    # (not "that her father was arrested": then her father is the one it was done to)
    r"[\w'’-]+\s+(?:(?!(?:was|were|is|are|had|has|have|been)\s)[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
# (not those who took them: "no one knows where they took him")
_WHERE_PRONOUN = re.compile(
    r"\bwhere\s+(he|she|they)\b(?!\s+(?:took|sent|(?:had|have)\s+(?:taken|sent))\b)",
    re.IGNORECASE,
)
_PRONOUN_FIRST = re.compile(r"(we|they|he|she|I)\b", re.IGNORECASE)  # "we were sent back"
_PRONOUN_IN_ACT = re.compile(r"\s(?:him|her|them|us|me)\b", re.IGNORECASE)
_SUBJECT_RIGHT_BEFORE = re.compile(r"\b(he|she|they)\s+(?:had\s+|has\s+|have\s+)?$", re.IGNORECASE)
_SAID_AFTER = re.compile(
    # (past an aside: "Ms. Yun, 29, from Musan, told us")
    r"(?:(?:,\s+(?:(?!\band\b)[^,;:()]){1,40}?){1,2}(?=,))?"
    r",?\s+(?:\w+\s+)?(?:said|says|say|told|tells|recalled|recounted|testified|described|reported)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them"})
# what may follow a pronoun that is an act's object, not a possessive
_OBJECT_ENDS = re.compile(
    r"\s*(?:[,.;:!?)]|$|(?:in|on|at|for|after|before|with|from|to|because|as|when|while|"
    r"without|until|since|over|during|under|near|outside|inside|into|across|along|"
    r"again|last|early|late|this|that|then|soon|shortly|briefly|twice|once)\b)"
)


# after a phrase, that it tells what follows: " who escaped from the same village
# told me that"
_TELLS_THAT = re.compile(
    r"(?:,?\s+who\s+[^,.;]{1,80}?,?)?\s+(?:told|tells|said|says|wrote|writes|reported)"
    r"\s+(?:[\w'’-]+\s+){0,2}?that\b",
    re.IGNORECASE,
)


def _speaker(sentence: Sentence, victim: VictimMention) -> bool:
    """Whether the phrase is who tells ("two former detainees said")."""
    return bool(_SAID_AFTER.match(sentence.text, victim.end - sentence.start))


def _may_be(speaker: VictimMention, pronoun: VictimMention) -> bool:
    """Whether ``pronoun`` may stand for ``speaker``: number and sex agree."""
    plural = pronoun.text.lower() in ("they", "them")
    if speaker.count is not None and (speaker.count == 1) == plural:
        return False
    if not plural and _GROUP_WORDS.search(speaker.text):
        return False  # "his family was told he had been sent ...": not the family
    return not (speaker.sex and pronoun.sex and speaker.sex != pronoun.sex)


_ITS = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:citizens|nationals|people)\b", re.IGNORECASE)


def _people_in_act(trigger: Trigger) -> str | None:
    """The nationality of people the act's own words name without counting them
    ("barred all Malaysians in the country from leaving", "stopped North Korean
    citizens in Malaysia from leaving"), if they name one people."""
    table = victim_patterns()
    adjectives, plurals = demonyms()
    found = {plurals.get(m.group()) for m in table.plural_demonym.finditer(trigger.text)}
    for match in table.demonym.finditer(trigger.text):
        following = trigger.text[match.end() :].split()[:1]
        if following and following[0].lower() in table.plural:
            found.add(adjectives.get(match.group()))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _country_they_serve(sentence: Sentence, victim: VictimMention) -> str | None:
    """The country whose body the victims belong to, named right after them
    ("five senior officials of North Korea's Ministry of State Security")."""
    served = _OF_THEIR_BODY.match(sentence.text, victim.end - sentence.start)
    if served is None or served.group("country") is None:
        return None
    at = sentence.start + served.start("country")
    return next((p.country for p in sentence.places if p.kind == "country" and p.start == at), None)


def _country_of_its(sentence: Sentence, victim: VictimMention) -> str | None:
    """The country "its citizens" belong to: the country named with "'s" or
    after "of" before them ("Japan's government recognises 17 of its citizens
    as abducted", "the government of the Republic of Korea ... one of its
    nationals, a missionary named ..."). The phrase may be the victim's or one
    set in apposition just before it."""
    phrases = [victim] + [
        v
        for v in sentence.victims
        if v.end <= victim.start
        and not sentence.text[v.end - sentence.start : victim.start - sentence.start].strip(", ")
    ]
    told = [
        v for v in phrases if (" its " in v.text or " their " in v.text) and _ITS.search(v.text)
    ]  # the substring test first: most phrases need no pattern run
    if not told:
        return None
    first = min(v.start for v in told)
    owners = [
        p
        for p in sentence.places
        if p.kind == "country"
        and p.end <= first
        and (
            sentence.text[p.end - sentence.start : p.end - sentence.start + 2] in ("'s", "’s")
            or _OF_BEFORE.search(sentence.text[: p.start - sentence.start])
            # "North Korea sealed its borders ... leaving thousands of its citizens"
            or _DID.match(sentence.text, p.end - sentence.start)
        )
    ]
    return owners[-1].country if owners else None


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_DID = re.compile(r"\s+(?:has\s+|had\s+)?[a-z]+ed\s+its\b")


TOWARDS = re.compile(r"\b(?:to|into|back\s+to)\s+(?:the\s+)?$", re.IGNORECASE)


_FROM = re.compile(r"\b(?:from|out\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_LURED_TO = re.compile(
    r"\b(?:lured|enticed|tricked)\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?"
    r"(?:(?:coast|shore|beach|seaside|port|harbou?r)\s+(?:of|at|near)\s+)?$",
    re.IGNORECASE,
)


def _country_after(sentence: Sentence, words: re.Pattern[str], since: int) -> str | None:
    """The country of the first place from ``since`` on that ``words`` stand
    right before ("from China", "back to North Korea")."""
    for place in sentence.places:
        if place.start < since or not place.country:
            continue
        at = place.start - sentence.start
        if words.search(sentence.text[max(0, at - 12) : at]):
            return place.country
    return None


@cache
def _facility() -> re.Pattern[str]:
    """A place of detention named by its country's adjective: "died in a North
    Korean prison", "held in Chinese detention centres"."""
    adjectives, _ = demonyms()
    return re.compile(
        rf"\b(?:in|at|to|inside|into)\s+(?:an?\s+|the\s+)?(?P<nation>"
        rf"{alternation([a for a, code in adjectives.items() if code])})\s+"
        r"(?:prisons?|jails?|camps?|labou?r\s+camps?|prison\s+camps?|detention\s+cent(?:er|re)s?"
        r"|holding\s+cent(?:er|re)s?|police\s+stations?|custody)\b"
    )


_FACILITY_WORDS = ("prison", "jail", "camp", "cent", "station", "custody")  # (the pattern's)


_LIVING_IN = re.compile(r"\b(?:living|based|resident|settled)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def _home_country(sentence: Sentence) -> str | None:
    """The country where the one place the sentence gives is someone's home
    ("a Romanian painter living in Italy"): where someone taken from home was taken."""
    homes = [
        p.country
        for p in sentence.places
        if _LIVING_IN.search(sentence.text, 0, p.start - sentence.start)
    ]
    return homes[0] if len(homes) == len(sentence.places) == 1 else None


def _facility_country(sentence: Sentence) -> str | None:
    """The country of a place of detention the sentence names by its country's
    adjective, when it names no place ("died in a North Korean prison")."""
    if _north_korean_facility().search(sentence.text):
        return "KP"  # "sent to a labour training camp", "the kyohwaso", "a political prison camp"
    if not any(word in sentence.text for word in _FACILITY_WORDS):
        return None
    found = _facility().search(sentence.text)
    return demonyms()[0].get(found.group("nation")) if found else None


@cache
def _north_korean_facility() -> Alternatives:
    """Places of detention only North Korea has, by the names it gives them
    (searched only in sentences holding a word each name needs)."""
    return Alternatives(
        [
            r"\b(?:kyohwaso|kwanliso|kwalliso|jipkyulso|rodong\s+d(?:al|an)ryeondae|"
            r"political\s+prison\s+camps?|"
            r"labou?r\s+training\s+(?:camps?|units?|cent(?:er|re)s?))\b"
        ],
        re.IGNORECASE,
    )


def _sent_from(sentence: Sentence, trigger: Trigger) -> str | None:
    """The country people were sent back from: a place after "from", in or
    after the words of the act."""
    return _country_after(sentence, _FROM, trigger.start)


def _destination(sentence: Sentence) -> str | None:
    """The country people are sent to: a place after "to" ("sent back to North Korea")."""
    return _country_after(sentence, TOWARDS, sentence.start)


# "Name, a pastor from ...,": the remark after a name; "a pastor from a church
# near Toronto": where a person is from
_REMARK = re.compile(r",\s+(?:a|an|the|one\s+of)\s+[^,;:()]{1,100}(?=[,;:)]|\.\s|\.$)")
# (not where they were taken from: "took him from his house in Sinuiju")
_ORIGIN = re.compile(
    r"\s+from\s+(?!(?:his|her|their|the|a)\s+(?:house|home|flat|apartment|workplace|office|"
    r"school|market|stall|shop|street|farm|field|factory|mine)\b)[^,;:()]{1,100}(?=[,;:)]|\.\s|\.$)"
)
_WHO_REMARK = re.compile(r",\s+who\s+[^,;:()]{1,160}(?=,)")


# one told of as held already, in a cell: taken from it, not into custody
_IN_CUSTODY = re.compile(r"\b(?:in\s+(?:my|her|his|their|our|the)\s+cell|cellmates?)\b", re.I)
_TOOK = re.compile(r"\b(?:took|taken)\b", re.IGNORECASE)
_WAS_TOLD = re.compile(r"\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:told|informed)\b")
_CREW = re.compile(r"\b(?:crew|crewmen|crew\s+members|fishermen|sailors|seamen)$", re.IGNORECASE)
# "her and eleven other women": one more than the phrase counts
_ONE_AND = re.compile(r"\b(?i:her|him|me)\s+and\s+$")
_OTHERS = re.compile(r"[\w,-]+\s+(?:more\s+)?other\b", re.IGNORECASE)
# a clause after an act telling what its victim said, denied or was asked
_SAID_CLAUSE = re.compile(
    r"\b(?:whenever|when|because|after|until|if)\s+(?:she|he|they|I|we)\s+"
    r"(?:said|denied|insisted|admitted|answered|refused\s+to\s+(?:say|admit|confess))\b",
    re.IGNORECASE,
)


def _described(sentence: Sentence, ends: list[int]) -> list[tuple[int, int]]:
    """The spans (in the document) of the remarks after a victim's name or
    phrase ending at ``ends`` ("Hyeon Soo Lim, a pastor from a church near
    Toronto, ..."): they describe the person, not where the act happened."""
    spans = []
    for end in ends:
        found = _REMARK.match(sentence.text, end - sentence.start)
        if found:
            spans.append((end, sentence.start + found.end()))
        else:
            rest = _ORIGIN.match(sentence.text, end - sentence.start)
            if rest:
                spans.append((end, sentence.start + rest.end()))
    return spans


_BETWEEN_NAME_AND_PHRASE = re.compile(r"\s*,?\s*")


def _names_the(
    sentence: Sentence, victim: VictimMention, starts: list[int], described: list[tuple[int, int]]
) -> bool:
    """Whether a name stands right before the victim phrase, or right after it,
    or the phrase is in the remark after a name, naming the person it describes
    ("the director Shin Sang-ok", "Jang Song-thaek, the uncle of ... and the
    country's second most powerful man"): the names then count the victims."""
    text, offset = sentence.text, sentence.start
    return any(
        _BETWEEN_NAME_AND_PHRASE.fullmatch(text, victim.end - offset, start - offset)
        for start in starts
        if start >= victim.end
    ) or any(start <= victim.start and victim.end <= end for start, end in described)


def _count(
    sentence: Sentence,
    victim: VictimMention | None,
    names: list[str],
    starts: list[int],
    described: list[tuple[int, int]],
) -> int | None:
    """How many victims: the phrase's number, else the names when the phrase is
    the person named (or "he" or "she" for them), else none."""
    if victim is None or (
        victim.count is None
        and names
        and (victim.text.lower() in _ONE_PERSON or _names_the(sentence, victim, starts, described))
    ):
        return len(names) or None
    return victim.count


_TOGETHER_WITH = re.compile(r"\s*,?\s*(?:together\s+|along\s+)?with\s+", re.IGNORECASE)
_TOGETHER_LATER = re.compile(
    r"(?<=,)\s*(?:together|along)\s+with\s+(?=[^.;]*[.;]?\W*$)", re.IGNORECASE
)
# between members of a list: "his mother, his uncle and his two sisters"
_LIST_GAP = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+){_OWNER}", re.IGNORECASE)
_POSSESSIVE = re.compile(_OWNER, re.IGNORECASE)


def _companions(sentence: Sentence, end: int) -> int | None:
    """How many people a list right after ``end`` (the act's words or a place
    after them) adds to the victims: "was sent to the camp together with his
    father, his uncle, his grandmother and his younger sister" adds four; 0
    when there is no such list, None when a member is not counted."""
    after = [v for v in sentence.victims if v.start >= end]
    if not after:
        return 0
    lead = _TOGETHER_WITH.match(sentence.text, end - sentence.start)
    if lead is None:
        # "was arrested in Dalian ... by officers of China's state security,
        # together with three South Korean colleagues": counted ones, later on
        lead = _TOGETHER_LATER.search(sentence.text, end - sentence.start)
        after = [v for v in after if lead and v.start - sentence.start >= lead.end()]
        if lead is None or not after or after[0].start - sentence.start != lead.end():
            return 0
        if after[0].count is None:
            return None
    elif not _POSSESSIVE.fullmatch(sentence.text, lead.end(), after[0].start - sentence.start):
        return 0
    total: int | None = 0
    for index, member in enumerate(after):
        if index and not _LIST_GAP.fullmatch(
            sentence.text,
            after[index - 1].end - sentence.start,
            member.start - sentence.start,
        ):
            break
        total = None if total is None or member.count is None else total + member.count
    return total


# the places people come from, whose country is theirs
_HOMES = frozenset({"country", "province", "county", "city", "town"})
_CAME_FROM = re.compile(
    r"\s+(?:(?:sent|brought|recruited|dispatched|trafficked|who\s+came)\s+)?from\s+(?:the\s+)?"
)


def _country_they_came_from(sentence: Sentence, victim: VictimMention) -> str | None:
    """The country named right after the victims as where they came from ("30
    women sent from North Korea", "two workers from Nepal"), or the country of
    the town they are from ("Two brothers from Musan")."""
    for place in sentence.places:
        if place.start >= victim.end and place.country and place.kind in _HOMES:
            between = (victim.end - sentence.start, place.start - sentence.start)
            return place.country if _CAME_FROM.fullmatch(sentence.text, *between) else None
    return None


def _choose_place(
    sentence: Sentence,
    described: list[tuple[int, int]],
    place_from: str | None,
    act: Trigger,
) -> tuple[str | None, str | None]:
    """(place, country) from the places where the act happened, none of those
    ``described`` spans hold; a place the ``act``'s own words name is one
    ("released from Yodok ... had died there"). ``place_from``, the act type's
    rule (``taxonomy.json``): "where", a place after "from" is where it happened
    ("abducted from Sado Island"); "last", of several, the last named before the
    act ("held her in Tumen City before handing her over")."""
    from_is_where = place_from == "where"

    def in_act(p: PlaceMention) -> bool:
        return (
            p.kind != "country"
            and act.start <= p.start < act.end
            # ("Pyongyang Cultural Language Protection Act | January 2023 | ...")
            and not _NAMES_A_LAW.match(sentence.text, p.end - sentence.start)
            # ("detained for making a call to his sister in Seoul": where she is)
            and not where_kin_are(sentence.text, p.start - sentence.start)
            # ("moved out of Hoeryong and sent to a farm in Yonsa County": whence)
            and not sentence.text.endswith("out of ", 0, p.start - sentence.start)
        )

    if from_is_where and " from there" in act.text:
        # "lured to Copenhagen ... and taken from there to North Korea": there
        there = act.start + act.text.index(" from there")
        before = [p for p in sentence.places if p.end <= there]
        went = [
            p for p in before if _TO_BEFORE.search(sentence.text, 0, p.start - sentence.start)
        ] or before[-1:]  # ("offered work in Copenhagen and then taken from there")
        if went:
            return went[-1].name if went[-1].kind != "country" else None, went[-1].country

    segments = _segments(sentence)
    home = _segment_of(act.start, segments)
    where = [
        p
        for p in sentence.places
        if not any(start <= p.start and p.end <= end for start, end in described)
        # (not one a later clause after a semicolon gives: "... seized him; that
        # year he was allowed to meet his mother at Mount Kumgang")
        and not _later_clause(sentence, _segment_of(p.start, segments), home)
        and (
            in_act(p)
            or _where_clause_of(sentence, p, act)
            or (
                (
                    p.locative is True
                    or (p.locative is None and p.kind not in ("country", "city", "province"))
                    or (
                        from_is_where
                        and (
                            _FROM.search(sentence.text, 0, p.start - sentence.start) is not None
                            # "lured to the coast of Miyazaki Prefecture": where they were taken
                            or _LURED_TO.search(sentence.text, 0, p.start - sentence.start)
                            is not None
                        )
                    )
                )
                # "..., her relatives in Osaka said": where those who tell are
                and not _SAID_AFTER.match(sentence.text, p.end - sentence.start)
                # "the Pyongyang Cultural Language Protection Act": a law's name
                and not _NAMES_A_LAW.match(sentence.text, p.end - sentence.start)
            )
        )
        and not _told_of_elsewhere(sentence.text, p.start - sentence.start, p.end - sentence.start)
    ]
    if not where:
        # "... off Wonsan on January 23. A sailor was killed in the attack."
        where = [
            p
            for p in sentence.scene_places
            if p.locative is True or (p.locative is None and p.kind not in ("country", "city"))
        ]
    if not where and act.violation == "labor.forced":
        # "his entire year at the university was sent to Pyongyang for two months
        # to build blocks of flats": where they were sent to work
        where = [
            p
            for p in sentence.places
            if p.kind != "country"
            and p.end <= act.start
            and _SENT_TO_WORK.search(sentence.text, 0, p.start - sentence.start)
            and not any(start <= p.start and p.end <= end for start, end in described)
        ][-1:]
    if not where and act.violation == "detention.arbitrary":
        # "took her younger brother, a miner in Kimchaek, in May 2023": where the
        # one taken lived or worked, and so, as far as the sentence says, where
        where = [
            p
            for p in sentence.places
            if p.kind != "country"
            and p.locative is True
            and sentence.text.endswith(" in ", 0, p.start - sentence.start)
            and any(start <= p.start and p.end <= end for start, end in described)
        ]
    if from_is_where:
        # "flew them out of Beirut, and the women found themselves in Pyongyang":
        # taken from where the act happened, to where it led
        whence = [p for p in where if _FROM.search(sentence.text, 0, p.start - sentence.start)]
        where = whence or where
    if _after_semicolon(sentence, home):
        # an act told after a semicolon is where its own clause says, if it says
        # ("arrested her in Yanji ...; she died in the holding centre at Onsong")
        where = [p for p in where if home[0] <= p.start < home[1]] or where
    specific = [p for p in where if p.kind != "country"]
    if place_from == "last" and len(specific) > 1:
        # "caught her in Yanji ... held her in Tumen City before handing her
        # over at the bridge": sent back from the last place before the act;
        # unless the act's words say where ("handed her to North Korean guards
        # at the Tumen crossing")
        last = [p for p in specific if p.start < act.start]
        at = [
            p
            for p in specific
            if act.end <= p.start <= act.end + AT_THE_ACT_CHARS
            and _AT_BEFORE.search(sentence.text, 0, p.start - sentence.start)
        ]
        specific = at[:1] or last[-1:] or specific
    place = max(specific, key=lambda p: p.rank).name if specific else None
    for candidate in sorted(where, key=lambda p: -p.rank):
        if candidate.country:
            return place, candidate.country
    return place, None


def _where_clause_of(sentence: Sentence, place: PlaceMention, act: Trigger) -> bool:
    """Whether ``act`` is told in a clause on ``place`` ("sent to the Jongo-ri
    reeducation camp, where she was made to work"): there, wherever the place was
    a direction to."""
    where = _WHERE_AFTER.match(sentence.text, place.end - sentence.start)
    return (
        where is not None
        and sentence.start + where.end() <= act.start
        # (in that clause: not "taken to Yodok, where he spent eight years, and
        # his wife and son were sent to live in a mountain village")
        and not _CLAUSE_BREAK.search(sentence.text, where.end(), act.start - sentence.start)
    )


_WHERE_AFTER = re.compile(r"[^,.;:]{0,40},?\s+where\b")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")
_AT_BEFORE = re.compile(r"\b(?:at|across|over|on)\s+(?:the\s+)?$")
AT_THE_ACT_CHARS = 30  # how far after an act's words a place "at" it may be
# ("was sent to Pyongyang for two months to build blocks of flats")
_SENT_TO_WORK = re.compile(
    r"\b(?:sent|taken|moved|mobili[sz]ed|dispatched|bused|trucked)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# the rest of a law's or a treaty's name after a place that begins it
# where those who tell are, or what a victim was asked about: "According to
# mission groups in Seoul, ...", "when she denied having met South Koreans in
# China", "accused of having called relatives in Seoul"
_ELSEWHERE_BEFORE = re.compile(
    r"(?:\b(?i:according\s+to)|\b(?:denied|denying|admitted|admitting|confessed|confessing"
    r"|accused\s+of|questioned\s+(?:her|him|them)\s+about))"
    r"[^,;:.()]{0,60}?\s(?:in|from)\s+(?:the\s+)?\Z"
)
_ELSEWHERE_CHARS = 90  # room before a place for those words


def _told_of_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the place from ``start`` to ``end`` in ``text`` is where a source
    is ("People in Changbai who trade with the far side say ..."), or what a
    victim was questioned about: not where the act happened."""
    return _ELSEWHERE_BEFORE.search(
        text, max(0, start - _ELSEWHERE_CHARS), start
    ) is not None or where_tellers_are(text, start, end)


_NAMES_A_LAW = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w'’-]*){1,6}\s+(?-i:Act|Law|Decree|Declaration|Agreement|Accord)\b"
)
# a clause that opens a sentence by telling when, up to its comma: "A month after
# the Thai woman vanished, ..."
_LEADING_TIME_CLAUSE = re.compile(
    r"\W*(?:(?:a|an|one|two|three|four|five|six|several|some|a\s+few|\d+)\s+"
    r"(?:days?|weeks?|months?|years?)\s+)?(?:after|before|when|once|since|until)\b[^,;]{1,160},",
    re.IGNORECASE,
)


# how many of those asked said so, right before the one person each told of: "17
# that " before "a relative had been sent"
_SO_MANY_SAID_THAT = re.compile(
    r"(?<![\w,.-])(\d{1,3}(?:,\d{3})*|[a-z]+(?:-[a-z]+)?)\s+(?:(?:of\s+them\s+)?(?:said|told\s+us"
    r"|reported|answered))?\s*that\s+$",
    re.IGNORECASE,
)


# acts counted, one person each: "14 public executions", "41 arrests"
_ACTS_COUNTED = re.compile(
    r"(?<![\w,.-])(\d{1,3}(?:,\d{3})*|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve)\s+(?:more\s+|new\s+)?(?:public\s+|secret\s+)?(?:executions|forced\s+returns"
    r"|repatriations|arrests|abductions|killings)\b",
    re.IGNORECASE,
)
# one person of each of those counted: "a relative", "one family member"
_EACH_ONE = re.compile(r"(?i:a|an|one)\s")
# a capitalised word right before a number, whose name it is part of ("Camp 15")
_NAMED_NUMBER = re.compile(r"(?:[A-Z][\w'’-]*|No\.)\s+$")


def _main_act(sentence: Sentence, group: list[Trigger]) -> Trigger:
    """The trigger of ``group`` that states the act: the first of its acts past a
    clause that opens the sentence by telling when ("A month after the Thai
    woman vanished, Hitomi Soga and her mother were seized ..."), if one is."""
    acts = [t for t in group if t.form == "act"]
    if len(acts) > 1:
        clause = _LEADING_TIME_CLAUSE.match(sentence.text)
        if clause is not None:
            past = [t for t in acts if t.start >= sentence.start + clause.end()]
            acts = past or acts
    return acts[0] if acts else group[0]


def _record(sentence: Sentence, group: list[Trigger], main_country: str | None) -> Record | None:
    trigger = _main_act(sentence, group)
    victim = _choose_victim(sentence, trigger)
    if victim is None or victim.count is None:
        cases = cases_counted(sentence.text, sentence.start, trigger.start - sentence.start)
        if cases is not None:
            # "Twelve of the new cases were forced returns of North Koreans": twelve
            # of them (who they are, as the act's words tell)
            victim = cases if victim is None else replace(victim, count=cases.count)
    if victim is None and (acts := _ACTS_COUNTED.search(trigger.text)) is not None:
        # "we recorded 14 public executions", "41 arrests by state security": one
        # person each
        start = trigger.start + acts.start(1)
        victim = VictimMention(
            start, start + len(acts.group(1)), acts.group(1), count=count_in(acts.group(1))
        )
    if (
        victim is not None
        and victim.count == 1
        and _EACH_ONE.match(victim.text)
        and sentence.text[: victim.start - sentence.start].rstrip().endswith("that")
    ):
        so_many = _SO_MANY_SAID_THAT.search(sentence.text, 0, victim.start - sentence.start)
        many = (
            count_in(so_many.group(1))
            # (not a name's number: "a man released from Camp 15 said that")
            if so_many and not _NAMED_NUMBER.search(sentence.text, 0, so_many.start(1))
            else None
        )
        if many is not None and many > 1:
            # "... 41 said that relatives had been questioned, and 17 that a relative
            # had been sent to a prison camp": seventeen families' relatives
            victim = replace(victim, count=many)
    names: list[str] = []
    name_nationality: str | None = None
    name_starts: list[int] = []
    name_ends: list[int] = []
    age = victim.age if victim else None
    if victim or trigger.form == "mention" or trigger.kind == "incident":
        anchors = [(t.start - sentence.start, t.end - sentence.start) for t in group]
        # the act's first word: a name right after it is whom it takes, when the
        # act's words go on past it ("sentenced Matthew Miller ... to hard labour")
        anchors.extend(
            (t.start - sentence.start, t.start - sentence.start + len(t.text.split()[0]))
            for t in group
            if " " in t.text
        )
        if victim:
            anchors.insert(0, (victim.start - sentence.start, victim.end - sentence.start))
            if victim.text.lower() in _ONE_PERSON:
                # "Another American, Jeffrey Fowle, has been held since May, when
                # he was arrested": the name the sentence gave before the pronoun
                anchors.extend(names_before(sentence.text, victim.start - sentence.start))
        elif _AND_WAS_BEFORE.search(sentence.text, *_window(sentence, trigger.start, 30)) or (
            trigger.victim_before
            and _AND_BEFORE.search(sentence.text, *_window(sentence, trigger.start, 8))
        ):
            # "Aijalon Gomes walked across the border ... and was arrested", "...
            # went to a beach ... and did not return": the one the sentence is
            # about, when no one else is said to suffer it
            anchors.extend(names_before(sentence.text, trigger.start - sentence.start))
        blocked = [
            (m.start - sentence.start, m.end - sentence.start)
            for m in [*sentence.places, *sentence.actors, *sentence.times]
        ]
        for start, end, name in find_names(sentence.text, sentence.start, anchors, blocked):
            names.append(name)
            name_starts.append(start)
            name_ends.append(end)
            # (blanking those who act: "Megumi Yokota was 13 when North Korean
            # agents seized her": the agents' nationality, not hers)
            tail = _blanked(sentence, sentence.actors, end, trigger.start)
            if age is None:
                age = age_after_name(sentence.text[end - sentence.start :])
            if name_nationality is None:
                # after the act, only what follows it ("North Korean agents abducted
                # Megumi Yokota": the agents' nationality, not hers)
                since = trigger.end - sentence.start if start >= trigger.end else 0
                name_nationality = nationality_before(sentence.text[since : start - sentence.start])
            if name_nationality is None and end <= trigger.start:
                name_nationality = nationality_near(tail)
        if victim and victim.names and not names:  # ("Hitomi Soga and her mother")
            names = list(victim.names)
            name_starts, name_ends = [victim.start], [victim.start + len(names[0])]
        if age is None and (victim or names) and not (victim and (victim.count or 0) > 1):
            age = age_in(sentence.text)  # (not for a group: "two sons aged 9 and 12")
    if victim and names and victim.start > trigger.end and victim.start > min(name_starts):
        victim = None  # "the execution of Hyon Yong-chol ... before hundreds of officials"
    explicit = bool(names) or (
        victim is not None
        and (
            victim.count is not None
            # "took him away": a person the act's own words take
            or (victim.text.lower() in _PRONOUNS and trigger.start <= victim.start < trigger.end)
        )
    )
    if trigger.form == "mention" and not explicit:
        return None
    if (
        trigger.violation == "detention.arbitrary"
        and _TOOK.search(trigger.text)
        and _IN_CUSTODY.search(sentence.text)
    ):
        return None  # "A woman in my cell ... the guards took her away": held already
    date, date_end = _choose_time(sentence, trigger)
    perpetrator = _choose_perpetrator(sentence, trigger, victim) or sentence.field_perpetrator
    if (
        date is None
        and perpetrator is None
        and not explicit
        and _WHOSE_BEFORE.search(sentence.text, *_window(sentence, trigger.start, 80))
    ):
        # "letters by families whose relatives were forcibly returned", "half of
        # those who had been detained": who people are, not an act told
        return None
    if trigger.family == "detention" and _PUNISHED_FOR_THE_ACT.match(
        sentence.text, trigger.end - sentence.start
    ):
        # "seven soldiers were jailed for them", "sentenced to ten years in prison
        # for the killings": those who did an act, punished for it
        return None
    if (
        trigger.violation == "disappearance.enforced"
        and victim is None
        and not names
        and _THINGS_GONE.search(sentence.text, 0, trigger.start - sentence.start)
    ):
        return None  # "Scenes like this one had vanished by the next summer": no one
    if (
        date is None
        and trigger.violation == "movement.forced_return"
        and (victim is None or victim.count is None)
        and _THEN_TELL.match(sentence.text, trigger.end - sentence.start)
    ):
        # "Women sent back from China have told researchers that the prisoners
        # are made to work ...": who tells, no return told of its own
        return None
    if (
        perpetrator is None
        and not explicit
        and _HAVE_KIN_WHO.search(sentence.text, *_window(sentence, trigger.start, 80))
    ):
        # "those who do often have relatives who were arrested or sent away":
        # who people are, whatever else the sentence dates
        return None
    violation = trigger.violation
    extras = taxonomy_extras(violation)
    described = _described(sentence, [*name_ends, *([victim.end] if victim else [])])
    said = _SAID_CLAUSE.search(sentence.text, trigger.end - sentence.start)
    if said is not None:
        # "kicked her whenever she said she had not gone to church in China":
        # what she said, not where she was kicked
        described.append((sentence.start + said.start(), sentence.end))
    for end in name_ends:
        clause = _WHO_REMARK.match(sentence.text, end - sentence.start)
        if clause and not clause.start() <= trigger.start - sentence.start < clause.end():
            # "Joo Won-moon, who studied at New York University, was arrested": who he is
            described.append((end, sentence.start + clause.end()))
    for start in name_starts[:1]:
        opening = _OPENING_REMARK.search(sentence.text, *_window(sentence, start, 180))
        if opening is not None:
            # "An American who had been teaching English in South Korea, Aijalon
            # Gomes walked ...": who the person is, not where the act happened
            described.append((sentence.start + opening.start(), start))
            if name_nationality is None:
                name_nationality = nationality_before(f"{opening.group(1) or ''} citizen ")
    place, country = _choose_place(sentence, described, extras.get("place_from"), trigger)
    if (
        extras.get("country_from") == "destination"
        and _clause_without_place(sentence, trigger)
        and _destination(sentence) is not None
    ):
        # "... handed back to North Korea in 2017; no news since": where she was
        # sent, not where the clause before happened
        place, country = None, None
    abroad = extras.get("abroad")
    sent_back_first = any(
        t.violation == "movement.forced_return" and t.end <= trigger.start
        for t in sentence.triggers
    )
    if sent_back_first and (date is None or _from_section(sentence, date)):
        # "Two sisters who were sent back from China in 2020 described the holding
        # centre in Sinuiju, where female guards made them strip": after their
        # return, in its year at least (not a report's period in its title)
        returned = next(
            t
            for t in reversed(sentence.triggers)
            if t.violation == "movement.forced_return" and t.end <= trigger.start
        )
        back, _ = _choose_time(sentence, returned)
        if back is not None:
            date, date_end = PartialDate(back.year), None
    if abroad and sent_back_first:
        # "her brother was sent back from China in 2021 and has not been heard from
        # since": gone in the North, where he was sent, one of its own people
        place, country = None, "KP"
    elif abroad and (perpetrator is None or actor_country(perpetrator) == "KP"):
        # a disappearance of a foreigner, or of someone taken from abroad
        # ("Anocha Panjoy, a young Thai woman, vanished from Macau"), is an abduction
        told = (victim.nationality if victim else None) or name_nationality
        abducted = taxonomy_extras(abroad)
        away = _choose_place(sentence, described, abducted.get("place_from"), trigger)
        if told not in (None, "KP") or away[1] not in (None, "KP"):
            violation, extras = abroad, abducted
            place, country = away
    where = country  # the country of the places named as where it happened
    perpetrator_country = next((a.country for a in sentence.actors if a.name == perpetrator), None)
    if extras.get("country_from") == "perpetrator":
        # a forced return happens where the returning state acts: the one named
        # as acting, else the one they were sent back from ("sent back from China")
        country = perpetrator_country or _sent_from(sentence, trigger) or country
        known = gazetteer().get(place) if place is not None else None
        if (
            known is not None
            and known.country not in (None, country)
            and known.kind not in ("crossing", "river", "border")
        ):
            # "sent back from China in 2020 described the holding centre in
            # Sinuiju": where they were held after it, not where China acted
            place = None
    elif extras.get("country_from") == "destination" and where is None:
        # where the people were taken, when no place of the act is named: "taken
        # to a camp and not heard from since", "flown to Pyongyang. ... since"
        country = _destination(sentence) or sentence.scene_destination or country
    # a place of no country's ("seized in the East Sea"): no country, whoever acted
    open_sea = place is not None and where is None and _kind_of_place(place) == "sea"
    if country is None and not open_sea:
        country = perpetrator_country or _facility_country(sentence)
    if country is None and violation == "disappearance.abduction" and not open_sea:
        country = _home_country(sentence)  # "a painter living in Italy, was persuaded to travel"
    nationality = victim.nationality if victim and victim.nationality else name_nationality
    if nationality is None and victim is not None and _CREW.search(victim.text):
        # "seized a South Korean trawler and its twelve crew": the boat's
        before = sentence.text[: victim.start - sentence.start]
        nationality = crew_nationality(before + ("its " if victim.text.startswith("its ") else ""))
    if nationality is None and victim is not None:
        nationality = _country_they_came_from(sentence, victim)
    if nationality is None and victim is not None:
        nationality = _country_of_its(sentence, victim)
    if nationality is None and victim is not None:
        nationality = _country_they_serve(sentence, victim)
    if nationality is None and not names:
        nationality = _people_in_act(trigger)  # "stopped North Korean citizens ... from leaving"
    assumed = country is None and not open_sea
    if assumed and nationality == "KP" and violation in _THE_STATES_OWN:
        country = "KP"  # North Koreans executed, or sent to a camp: in the North
    elif assumed:
        country = main_country or nationality  # a foreigner held where the document is about
    stated = nationality is not None
    if nationality is None and (victim is not None or names):
        if sent_back_first:
            nationality = "KP"  # (those sent back are the North's own)
        elif where and extras.get("victims_from") == "place":
            nationality = where  # "abducted ... in Niigata": Japan's, unless told otherwise
        elif extras.get("victims_from") == "destination":
            # people sent back are of where they are sent, never of the state sending them
            nationality = (
                _destination(sentence)
                or (main_country if main_country != country else None)
                or extras.get("victims_default")
            )
        elif (
            country == "KP"
            and not assumed
            and (
                (
                    place is not None
                    and perpetrator is not None
                    and actor_country(perpetrator) == "KP"
                )
                or (
                    perpetrator is None
                    and violation in _THE_STATES_OWN
                    # ("He wrote that since 1975 he had been made to gut fish ...
                    # in Nampo": the one told of before, maybe a foreigner held there)
                    and not (victim is not None and victim.text.lower() in _PRONOUNS)
                )
            )
        ):
            # "her father was arrested by state security officers in Hoeryong",
            # "... had been executed by firing squad ... on the edge of
            # Pyongyang", in a paper written in Seoul: one of the North's own people
            nationality = "KP"
        else:
            nationality = main_country or country
    if (
        perpetrator is None
        and trigger.kind == "measure"
        and not names
        and country in STATES_OF_CONCERN
        and _A_LAW.search(trigger.text)
    ):
        perpetrator = state_actor(country)  # a law is the state's: "a law adopted in 2020 ..."
    count = _count(sentence, victim, names, name_starts, described)
    if (
        violation == "disappearance.abduction"
        and date is not None
        and count is not None
        and count > 1
        and _after_an_event(sentence, date)
    ):
        # "480 South Koreans ... seized by the North after the 1953 armistice":
        # many acts over the years since, not one in that year (one person "held
        # after the 1953 armistice" is held from then)
        date = date_end = None
    counted = next((t for t in sentence.triggers if t.text.isdigit()), None)
    if count is None and victim is None and not names and counted is not None:
        # a table's cell under a column that names the act ("People executed": 2)
        count = int(counted.text)
        nationality = nationality or main_country or country
    companions: int | None = 0
    if victim is None or victim.end <= trigger.end:
        # (from the act's words on, past a place they name: "sent to the Yodok camp")
        reach = max([trigger.end, *(p.end for p in sentence.places if p.start == trigger.end + 1)])
        companions = _companions(sentence, reach)
    elif _TOGETHER_LATER.search(sentence.text, victim.end - sentence.start):
        companions = _companions(sentence, victim.end)  # "arrested a pastor, along with his wife"
    if count is not None and companions != 0:
        count = None if companions is None else count + companions
    if (
        count is not None
        and victim is not None
        and _OTHERS.match(victim.text)
        and _ONE_AND.search(sentence.text, *_window(sentence, victim.start, 12))
    ):
        count += 1  # "drove her and eleven other women": twelve
    confidence = (
        0.55
        + (0.2 if trigger.form == "act" else 0)
        + (0.08 if date else 0)
        + (0.07 if perpetrator else 0)
        + (0.05 if victim or names else 0)
    )
    return Record(
        violation=violation,
        # a measure's words said of a person it names ("Ri Sun-ok was barred from
        # university"): what was done to her, an incident
        kind="incident" if names else _kind(sentence, trigger, date, victim),
        date=date.iso() if date else None,
        date_end=date_end.iso() if date_end else None,
        country=country,
        place=place,
        perpetrator=perpetrator,
        victims=Victims(
            count=count,
            count_text=victim.count_text if victim else None,
            names=names,
            nationality=nationality,
            age=age,
            sex=(victim.sex if victim else None)
            or _sex_of_the_one_named(sentence, names, name_starts),
        ),
        evidence=[Evidence(sentence.start, sentence.end, sentence.text)],
        confidence=min(confidence, 0.95),
        nationality_stated=stated,
        companions=companions,
        country_assumed=assumed,
        date_from_section=_from_section(sentence, date),
        refers_back=victim is not None
        and not names
        and victim.count is None
        and victim.text.lower() in _ONE_PERSON,
        refers_to_group=victim is not None
        and not names
        and (
            (victim.count is None and victim.text.lower() in ("they", "them", *_WE))
            or _both(victim.text)  # ("seized them both", "Both were shot")
        ),
    )


def _kind_of_place(name: str) -> str | None:
    known = gazetteer().get(name)
    return known.kind if known is not None else None


_AFTER_AN_EVENT = re.compile(r"(?i:after|since|following)\s+the\s+\d{4}\s")


def _after_an_event(sentence: Sentence, date: PartialDate) -> bool:
    """Whether ``date`` is the year of an event the act came after ("after the
    1953 armistice")."""
    return any(t.date == date and _AFTER_AN_EVENT.match(t.text) is not None for t in sentence.times)


def _sex_of_the_one_named(
    sentence: Sentence, names: list[str], name_starts: list[int]
) -> str | None:
    """The sex of the one person a sentence names, opening it, when every "he",
    "his", "she" or "her" it says after the name is of one sex ("Kang Chol-min,
    detained in January for making a call to his sister, ...")."""
    if len(names) != 1 or len(name_starts) != 1:
        return None
    at = name_starts[0] - sentence.start
    if sentence.text[:at].strip(" \t\n*_-•\"“'‘"):
        return None
    sexes = {_PRONOUN_SEX[p.lower()] for p in _PRONOUN_WITHIN.findall(sentence.text, at)}
    return sexes.pop() if len(sexes) == 1 else None


# an act told as what is done, again and again, not once: "public executions
# continue to be carried out", "pupils are mobilised", "relatives are
# questioned, watched and sometimes banished"
_PRACTICE = re.compile(
    r"(?:\bcontinues?\s+to\s+be|\b(?:are|is)(?:\s+[\w-]+,?){0,3}\s+(?:and|or))"
    r"(?:\s+(?:still|routinely|regularly|often|sometimes|systematically|usually|commonly|"
    r"frequently|typically))?\s+$"
    r"|\b(?:are|is)(?:\s+(?:still|routinely|regularly|often|sometimes|systematically|usually|"
    r"commonly|frequently|typically))?\s+$",
    re.IGNORECASE,
)


_GOES_ON = re.compile(r"\bcontinues?\s+to\s+be\b", re.IGNORECASE)  # within an act's words
_IS_DONE = re.compile(r"(?:are|is)\s", re.IGNORECASE)  # an act's words that open in the present


def _kind(
    sentence: Sentence, trigger: Trigger, date: PartialDate | None, victim: VictimMention | None
) -> str:
    """The act's kind: its words' own, or a measure where an act told of no one
    counted, named or pointed to ("they are held"), at no time, is told as a
    practice (see ``_PRACTICE``)."""
    if (
        trigger.kind == "incident"
        and date is None
        and (
            victim is None
            or (
                victim.count is None
                and not victim.count_text
                and victim.text.lower() not in (*_PRONOUNS, *_WE)
            )
        )
        and (
            _PRACTICE.search(sentence.text, *_window(sentence, trigger.start, 60))
            or _GOES_ON.search(trigger.text)
            or _IS_DONE.match(trigger.text)  # "Prisoners are made to work in mines"
        )
    ):
        return "measure"
    return trigger.kind


def _both(words: str) -> bool:
    """Whether the words that count victims are "them both", "us both" or "Both"."""
    return words == "Both" or THEM_BOTH.fullmatch(words) is not None


def _blanked(sentence: Sentence, spans: list[ActorMention], start: int, end: int) -> str:
    """The sentence's text from ``start`` to ``end`` (document offsets), what
    of the ``spans`` lies in it turned to spaces."""
    text = sentence.text[start - sentence.start : end - sentence.start]
    for span in spans:
        a, b = max(span.start, start) - start, min(span.end, end) - start
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


# a place the sentence before named, told of again: "the city's", "the county"
_THE_PLACE = re.compile(
    r"\bthe\s+(?:city|town|county|province|district|area|region)\b(?!\s+of\b)", re.IGNORECASE
)


# the holding of one person told on: "has been held since"
_HELD_SINCE_THEN = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:held|detained|kept)\s+(?:ever\s+)?since\b",
    re.IGNORECASE,
)
# the acts told before, by the place they were done at: "the killings at Inn Din"
_THE_ACTS_AT = re.compile(
    r"\bthe\s+(?:killings?|shootings?|massacres?|executions?|arrests?|abductions?|attacks?)\s+"
    r"(?:at|in|near)\s+(?:the\s+)?(?P<where>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,3})",
    re.IGNORECASE,
)
RETOLD_WINDOW = 12  # sentences within which an act named by its place is the one told
# some of a group told before: "the other two", "two of them", "the rest"
_PART_OF_THEM = re.compile(
    r"(?i:the\s+(?:other|remaining)\s+[\w-]+|[\w-]+\s+of\s+them|the\s+rest(?:\s+of\s+them)?)"
)
_STILL_HELD = re.compile(
    r"\b(?:still|remain|remains)\s+(?:being\s+)?(?:held|detained|in\s+custody|in\s+detention)\b"
    r"|\b(?:are|is|were|was)\s+(?:still\s+)?(?:being\s+)?(?:held|detained|kept)\s+(?:at|in)\b",
    re.IGNORECASE,
)


def _held_on(earlier: Record, later: Record, later_sentence: Sentence) -> bool:
    """Whether ``later`` tells of the detention ``earlier`` told, as the holding
    that went on: of the one person ("Mr. Paek was detained by border guards
    ... He ... has been held since at the Musan police station"), or of the
    group or some of it ("... arrested four women ... the other two are still
    held at the district police station", "arrested eight people ... the eight
    are being held at the county's state security office")."""
    if earlier.violation != "detention.arbitrary" or not earlier.kind == later.kind == "incident":
        return False
    told, held = earlier.victims, later.victims
    if (
        (told.count == 1 or told.names)
        and held.count in (None, 1)
        and not held.names
        and _HELD_SINCE_THEN.search(later_sentence.text)
    ):
        return True
    if not (told.count and held.count):
        return False
    some = held.count < told.count and _PART_OF_THEM.fullmatch(held.count_text or "")
    all_of = held.count == told.count and _THE_NUMBER_WORD.fullmatch(held.count_text or "")
    return bool(some or all_of) and _STILL_HELD.search(later_sentence.text) is not None


def _same_act(earlier: Record, later: Record, later_sentence: Sentence, distance: int) -> bool:
    if earlier.violation != later.violation:
        return False
    if earlier.kind == later.kind == "measure" and (
        the_law := _THE_YEARS_LAW.search(later_sentence.text)
    ):
        # "The 2020 act made watching South Korean films a crime": the law of that
        # year told before, not another
        return (earlier.date or "").startswith(the_law.group(1))
    if _names_again(earlier.victims.names, later_sentence.text):
        return True
    if _elsewhere(earlier, later):
        return False
    if (
        earlier.kind == later.kind == "measure"
        and distance <= MERGE_WINDOW
        and later.date in (None, earlier.date)
        and later.perpetrator in (None, earlier.perpetrator)
        and any(
            t.form == "mention"
            and t.violation == later.violation
            and t.text.lower() in earlier.evidence[0].text.lower()
            for t in later_sentence.triggers
        )
    ):
        return True  # "Songbun is the system by which ... A person cannot change their songbun."
    if (
        distance <= MERGE_WINDOW
        and earlier.kind == later.kind == "incident"
        and (earlier.date is None or earlier.date == later.date)
        and not earlier.victims.names
        and _KNOWN_VICTIM.match(earlier.evidence[0].text)
        and not _ANOTHER.search(later_sentence.text)
    ):
        # a live page's newest entry first: "The woman who was shot this morning
        # has died", then, further down, "Border guards opened fire on a woman"
        return True
    if (
        distance <= 2
        and earlier.kind == later.kind == "measure"
        and later.date in (None, earlier.date)
        and later.perpetrator in (None, earlier.perpetrator)
        and earlier.place is not None
        and later.place in (None, earlier.place)
        and (earlier.place in later_sentence.text or _THE_PLACE.search(later_sentence.text))
    ):
        return True  # "ordered Kaesong sealed off ... the city's residents may not leave it"
    if distance <= MERGE_WINDOW and _points_back(later_sentence):
        return True
    if distance <= 2 and _held_on(earlier, later, later_sentence):
        return True
    if (
        distance <= RETOLD_WINDOW
        and earlier.kind == later.kind == "incident"
        and (again := _THE_ACTS_AT.search(later_sentence.text)) is not None
        and re.search(rf"\b{re.escape(again.group('where'))}\b", earlier.evidence[0].text)
    ):
        # "... reporting on the killing of ten Rohingya men and boys in the village of
        # Inn Din", then, further down, "soldiers had taken part in the killings at
        # Inn Din in September 2017": the same killings, named by their place
        return True
    if (
        distance <= 2
        and earlier.kind == later.kind == "incident"
        and earlier.victims.names
        and not later.victims.names
        and later.date in (None, earlier.date)
        and (the_one := _THE_PERSON.fullmatch(later.victims.count_text or "")) is not None
        and the_one.group(1).lower() in victim_patterns().singular
        and not _ANOTHER.search(later_sentence.text)
    ):
        # "They killed nine-year-old Lee Seung-bok ... A newspaper later wrote
        # that the boy had been killed for ...": the one named, told of again
        return True
    if _named_next(earlier, later, later_sentence, distance):
        return True
    if (
        distance == 1
        and earlier.kind == later.kind == "incident"
        and not (earlier.victims.names or earlier.victims.count_text or earlier.victims.count)
        and later.date is None
        # (the earlier's date maybe that of the act before "Since then")
        and (earlier.date is None or _SINCE_THEN.match(earlier.evidence[0].text) is not None)
        and earlier.country == later.country
        and None in (earlier.place, later.place)
        and not _ANOTHER.search(later_sentence.text)
    ):
        return True  # "Since then we have heard nothing. They will not say where he is."
    if (
        distance == 1
        and earlier.kind == later.kind == "incident"
        and not (earlier.victims.names or earlier.victims.count_text or earlier.victims.count)
        and (later.victims.count is not None or later.victims.names)
        and later.date in (None, earlier.date)
        and later.perpetrator in (None, earlier.perpetrator)
        and (earlier.country == later.country or later.country_assumed)
        and (None in (earlier.place, later.place) or earlier.place == later.place)
        and not _ANOTHER.search(later_sentence.text)
    ):
        return True  # "fighters ... opened fire. ... all 31 Americans aboard lost their lives."
    if (
        distance == 1
        and earlier.kind == later.kind == "incident"
        and later.date is None
        and later.place is None
        and not (later.victims.names or later.victims.count or later.victims.count_text)
        and earlier.victims.count != 1
        and earlier.victims.count_text
        and _THEIR.search(later_sentence.text)
        and not _ANOTHER.search(later_sentence.text)
    ):
        return True  # "hundreds of North Koreans were working ... Minders held their passports"
    if (
        distance <= 2
        and later.kind == "incident"
        # (an act told first without its date, then with it, is one act too)
        and (later.date in (None, earlier.date) or earlier.date is None)
        # (no one new: "he", back to the one the act told before named, is no one new)
        and later.victims.names in ([], earlier.victims.names)
        and (
            later.victims.count_text is None
            # ("officers arrested me ... For ten months they questioned me"): the
            # one telling, again
            or (
                (later.victims.count_text or "").lower() in self_words()
                and (earlier.victims.count_text or "").lower() in self_words()
            )
        )
        and (
            earlier.victims.names
            or earlier.victims.count is not None
            or _one_person(earlier.victims.count_text)
        )
        and not _ANOTHER.search(later_sentence.text)
    ):
        return True  # "... before he was shot": the act just told, told again
    return (
        earlier.date is not None
        and later.date is not None
        # (the same day, or one told to the day and then to its month: "On 28
        # August officers detained four students", and a quoted message that
        # says "four students were taken ... at the end of August")
        and (earlier.date.startswith(later.date) or later.date.startswith(earlier.date))
        and min(len(earlier.date), len(later.date)) > 4
        and earlier.victims.count is not None
        and earlier.victims.count == later.victims.count
        and earlier.perpetrator == later.perpetrator
        and (earlier.date == later.date or later.place in (None, earlier.place))
    )


_THE_PERSON = re.compile(r"(?i:the)\s+([a-z][\w-]*)")
# a law told before, named by its year: "the 2020 act"
_THE_YEARS_LAW = re.compile(r"\b(?i:the)\s+((?:19|20)\d\d)\s+(?i:act|law|decree)\b")


def _text_of(sentence: Sentence, start: int, end: int) -> str:
    """The sentence's words from ``start`` to ``end`` (document offsets)."""
    return sentence.text[start - sentence.start : end - sentence.start]


# between an arrest and the camp it led to, with no other time: "... from her home
# in 1975 and sent her"
_AND_SENT = re.compile(
    r"^[^,;]{0,80}?\s+and\s+(?:then\s+)?(?:(?:sent|took|taken|transferred|moved)\s*(?:\w+\s*)?)?$"
)
# a source named in an aside, which has no time of its own: ", according to ..."
_ASIDE_SOURCE = re.compile(r"(?i:according\s+to)\b[^,.;]{1,80},")
# a teller set between commas: ", she said,"
_SAID_ASIDE = re.compile(r"(?:said|says|recalled|recalls|added|remembered|told\s+us)\s*,")
_ASIDE_TELLER = re.compile(r",\s*(?:he|she|they|we|I)\s+$")
_SINCE_THEN = re.compile(r"[\W_]*(?i:since\s+then|ever\s+since|since\s+that\s+day)\b")
_THEIR = re.compile(r"\b(?:their|they|them)\b", re.IGNORECASE)
# a person known by the act done to them, told before it is: "The woman who was shot"
_KNOWN_VICTIM = re.compile(
    r"[\W_]*(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}?(?:man|woman|boy|girl|soldier|teenager|"
    r"student|fisherman|farmer|defector|worker|trader|child|prisoner)\s+"
    r"(?:who|whom|that)\s+(?:was|had\s+been|has\s+been|(?:police|guards|soldiers|agents)\s+)"
)


def _elsewhere(earlier: Record, later: Record) -> bool:
    """Whether two acts happened at places named in two countries: "Chinese
    police arrested her in Yanji ... She was then held ... in Onsong"."""
    return bool(
        earlier.place
        and later.place
        and earlier.country
        and later.country
        and earlier.country != later.country
    )


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _named_next(earlier: Record, later: Record, later_sentence: Sentence, distance: int) -> bool:
    """A news item's opening act done to one person it does not name ("A
    21-year-old South Korean student who spent six months in custody ...") and
    the next sentence's, which opens with the name of the one it is done to
    ("Joo Won-moon, who studied ..., was arrested in April"): one act."""
    mine, theirs = earlier.victims, later.victims
    if distance != 1 or mine.names or mine.count != 1 or len(theirs.names) != 1:
        return False
    if theirs.age is not None and mine.age is not None and theirs.age != mine.age:
        return False
    if later_sentence.text.startswith(theirs.names[0]):
        return True
    the = _THE_ONE_COMMA.match(later_sentence.text)
    # "... expel a Japanese man it had detained ... The man, Tomoyuki Sugimoto, ..."
    if (
        the is not None
        and the.group(1).lower() in victim_patterns().singular
        and later_sentence.text.startswith(theirs.names[0], the.end())
    ):
        return True
    # "North Korea said it had detained an American citizen ... The state news
    # agency named him as Kim Hak-song": the one just told of, now named
    named_as = _NAMED_AS.search(later_sentence.text)
    return named_as is not None and later_sentence.text.startswith(theirs.names[0], named_as.end())


_NAMED_AS = re.compile(r"\b(?:named|identified)\s+(?:him|her)\s+as\s+")
# "The man, " before the name of the one the sentence before told of
_THE_ONE_COMMA = re.compile(r"\W*(?i:the)\s+([a-z][\w-]*),\s+")


def _names_again(names: list[str], text: str) -> bool:
    """Whether ``text`` names again someone of ``names``, by the whole name or a
    part of it ("Warmbier", "Mr. Bae"), and not as part of another person's name
    ("Kim" in "Kim Kook-gi" after "Kim Jung-wook")."""
    parts = {part for name in names for part in name.split() if len(part) > 2}
    if not parts:
        return False
    not_names, titles = not_name_words()
    for run in _NAME_RUN.finditer(text):
        words = [w for w in run.group().split() if w not in titles]
        if words and parts.intersection(words) and set(words) <= parts | not_names:
            return True
    return False


def _refer_back(record: Record, named: Record, sentence: Sentence) -> bool:
    """A record whose victim is only "he" or "she" takes the person of ``named``,
    the record of one person told last, if that was close before ``sentence`` and
    the sex agrees ("Kenneth Bae ... was arrested in Rason. ... the court
    sentenced him ...")."""
    if sentence.start - named.evidence[-1].end > REFER_BACK_CHARS:
        return False
    mine, theirs = record.victims, named.victims
    if mine.sex and theirs.sex and mine.sex != theirs.sex:
        return False
    mine.names = list(theirs.names)
    mine.count = 1
    mine.nationality = theirs.nationality
    mine.sex = mine.sex or theirs.sex
    mine.age = mine.age if mine.age is not None else theirs.age
    record.nationality_stated = named.nationality_stated
    return True


def _the_group_told_before(record: Record, records: list[Record]) -> Record | None:
    """The last record of a named group of as many people as "the two women"
    (or "the three men") counts, when the record names no one: "detained two
    American journalists, Laura Ling and Euna Lee ... sentenced the two women"."""
    victims = record.victims
    said = victims.count_text
    if victims.names or not said or not victims.count or victims.count < 2:
        return None
    if f"the {said.lower()}" not in record.evidence[0].text.lower():
        return None
    return next(
        (
            r
            for r in reversed(records)
            if r.victims.count == victims.count and len(r.victims.names) == victims.count
        ),
        None,
    )


def _the_number_told_before(
    record: Record, records: list[Record], sentence: Sentence
) -> Record | None:
    """The act told shortly before of as many people as "the two" (or "the
    ten") counts, when the record names no one: "two high school students ...
    were executed ... in Hyesan in October ... The two had been caught watching
    South Korean dramas" (then, there, the same two)."""
    victims = record.victims
    if victims.names or not victims.count or victims.count < 2:
        return None
    if not _THE_NUMBER_WORD.fullmatch(victims.count_text or ""):
        return None
    return _told_shortly_before(
        records,
        sentence,
        GROUP_LOOKBACK,
        lambda r: r.kind == "incident" and r.victims.count == victims.count,
    )


def _told_shortly_before(
    records: list[Record], sentence: Sentence, lookback: int, test: Callable[[Record], bool]
) -> Record | None:
    """The newest of the last ``lookback`` records, told no more than
    ``REFER_BACK_CHARS`` before ``sentence``, that passes ``test``."""
    return next(
        (
            r
            for r in reversed(records[-lookback:] if lookback else [])
            if sentence.start - r.evidence[-1].end <= REFER_BACK_CHARS and test(r)
        ),
        None,
    )


def _counted_group_told_before(
    records: list[Record], sentence: Sentence, called: Callable[[str], bool]
) -> Record | None:
    """The act told shortly before against a group counted at more than one,
    whose counting words pass ``called`` ("three women traders": "the women";
    "Mr. Jo, his wife and their two sons": "the family")."""
    return _told_shortly_before(
        records,
        sentence,
        GROUP_LOOKBACK,
        lambda r: (
            r.kind == "incident"
            and (r.victims.count or 0) > 1
            and called(r.victims.count_text or "")
        ),
    )


def _the_family_told_before(
    record: Record, records: list[Record], sentence: Sentence, act: int
) -> Record | None:
    """The act told shortly before of a family, listed ("Mr. Jo, his wife and
    their two sons"), when "the family" is the subject of the act whose words
    start at ``act`` and the record counts or names no one: "Neighbours later
    learned that the family had been sent to the Yodok camp" (the same four)."""
    victims = record.victims
    if victims.names or victims.count:
        return None
    if victims.count_text and not _THE_FAMILY_WORDS.fullmatch(victims.count_text):
        return None
    if not any(
        m.start() <= act - sentence.start <= m.end() + _ADVERB_CHARS
        for m in _THE_FAMILY.finditer(sentence.text)
    ):
        return None
    return _counted_group_told_before(
        records, sentence, lambda words: _KIN.search(words) is not None
    )


# a family told of again as the subject of what was done to it
_THE_FAMILY_WORDS = re.compile(r"(?i:the)\s+(?:whole\s+|entire\s+)?family")
_THE_FAMILY = re.compile(rf"\b{_THE_FAMILY_WORDS.pattern}\s+{PASSIVE_AUX}\s")
_ADVERB_CHARS = 12  # room for a word between the subject and its act ("also", "later")
# the words of a family's members in a list of victims
_KIN = re.compile(
    r"\b(?:wife|husband|sons?|daughters?|children|parents|mother|father|brothers?|sisters?"
    r"|famil(?:y|ies))\b",
    re.IGNORECASE,
)


# the people counted before, by their number alone: "the two", "The ten", "the 12"
_THE_NUMBER_WORD = re.compile(
    r"(?i:the)\s+(?:\d{1,4}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))"
)


def _group_held_abroad(records: list[Record], sentence: Sentence) -> Record | None:
    """The arrest, told shortly before, of the group some of whom the sentence
    says were sent back ("Chinese police detained about thirty North Koreans
    ... most of the group had been sent back"), by another state than the North."""
    if not _PART_OF_THE_GROUP.search(sentence.text):
        return None
    for record in reversed(records[-GROUP_LOOKBACK:]):
        if sentence.start - record.evidence[-1].end > REFER_BACK_CHARS:
            return None
        if (
            record.family == "detention"
            and (record.victims.count or 0) > 1
            and record.perpetrator
            and actor_country(record.perpetrator) not in (None, "KP")
        ):
            return record
    return None


def _sent_back_by_holder(record: Record, held: Record) -> None:
    """A return of people a foreign state held: that state's act, where it acts."""
    record.perpetrator = held.perpetrator
    record.country = actor_country(held.perpetrator or "") or record.country
    record.date = record.date or held.date
    if not record.nationality_stated or record.victims.nationality is None:
        record.victims.nationality = held.victims.nationality
        record.nationality_stated = held.nationality_stated


# part of a group told of before: "most of the group", "some of them"
_PART_OF_THE_GROUP = re.compile(
    r"\b(?:most|many|some|all|several|half|both|the\s+rest)\s+of\s+(?:the\s+group|them)\b",
    re.IGNORECASE,
)
_SOME_OF_THE = re.compile(
    r"(?:one|two|three|four|five|some|several|many|most|both|each)\s+of\s+the\s+([a-z][\w-]*)",
    re.IGNORECASE,
)


def _group_of_members(record: Record, records: list[Record], sentence: Sentence) -> Record | None:
    """The record, told shortly before, of the group that ``record``'s victims
    belong to ("detained two traders ... one of the traders was beaten"), when
    ``record`` has no date of its own: when the group's act was, so was this."""
    some = _SOME_OF_THE.fullmatch(record.victims.count_text or "")
    if some is None or record.date is not None:
        return None
    noun = some.group(1).lower()
    return _told_shortly_before(
        records,
        sentence,
        len(records),
        lambda r: (
            noun in (r.victims.count_text or "").lower()
            and (r.victims.count is None or r.victims.count > 1)
            and r.date is not None
        ),
    )


# "the women", "these traders": people told of before by their noun (a victim
# phrase of these words alone; see _THE_PLURAL for the wider use of such words)
_THE_NOUN = re.compile(r"(?:the|these|those)\s+([a-z][\w-]*)", re.IGNORECASE)


def _group_called(
    noun: str, record: Record, records: list[Record], sentence: Sentence
) -> Record | None:
    """The record, told shortly before, of a counted group its words call by
    ``noun`` ("arrested three women traders ... the women were accused")."""
    noun = noun.lower()
    table = victim_patterns()
    if noun not in table.plural:
        return None  # ("the four": a number, not what they are called)

    def called(words: str) -> bool:
        told = words.lower().split()
        if noun in told:
            return True
        # ("Two teenage brothers were caught ... the boys were released"): a word
        # for any people of their sex, for the people just counted
        sex = table.sex.get(noun)
        return noun in _ANY_PEOPLE and any(
            w in table.plural and table.sex.get(w) in (None, sex) for w in told
        )

    return _counted_group_told_before(records, sentence, called)


# plural words for any people, that may stand for a group told by another word
_ANY_PEOPLE = frozenset({"boys", "girls", "men", "women", "children", "youths", "teenagers"})


def _group_called_in_words(noun: str, sentence: Sentence, text: str) -> VictimMention | None:
    """A counted group that the text, shortly before ``sentence``, called by
    ``noun`` in words that told no act ("four young Lebanese women answered an
    offer of work abroad", then "... the women found themselves in Pyongyang")."""
    noun = noun.lower()
    if noun not in victim_patterns().plural:
        return None
    start = max(0, sentence.start - REFER_BACK_CHARS)
    found = [
        v
        for v in find_victims(text[start : sentence.start], start, [])
        if (v.count or 0) > 1 and noun in (v.count_text or "").lower().split()
    ]
    return found[-1] if found else None


def _named_as_the(noun: str, sentence: Sentence, text: str) -> str | None:
    """The name the text, shortly before ``sentence``, gave one it called by
    ``noun`` (a word for one person) right before it: "The accused, Kang
    Song-nam, male, ..."."""
    if noun.lower() not in victim_patterns().singular:
        return None
    start = max(0, sentence.start - REFER_BACK_CHARS)
    not_names, _ = not_name_words()
    found = [
        m.group("name")
        for m in re.finditer(
            rf"\b(?i:the)\s+{re.escape(noun)},\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{1,2}}),",
            text[start : sentence.start],
        )
        if not not_names & set(m.group("name").split()) and not is_ruler(m.group("name"))
    ]
    return found[-1] if found else None


def _the_group_in_words(record: Record, group: VictimMention) -> None:
    """Who the group ``record`` tells of are, as the words that counted them say."""
    victims = record.victims
    victims.count = group.count
    victims.sex = victims.sex or group.sex
    victims.age = victims.age if victims.age is not None else group.age
    if group.nationality and (not record.nationality_stated or victims.nationality is None):
        victims.nationality = group.nationality
        record.nationality_stated = True


def _the_same_case(record: Record, group: Record, by_whom: bool = True) -> None:
    """What ``record`` does not say of the group it tells of again ("the women
    were accused of ..."): who they are, when, where and (``by_whom``) by whom,
    as the act told of them before gives it."""
    _same_people(record, group)
    if record.date is None:
        record.date, record.date_end = group.date, group.date_end
    if record.place is None and record.country in (None, group.country):
        record.place, record.country = group.place, group.country
    if record.perpetrator is None and by_whom:
        record.perpetrator = group.perpetrator


def _same_people(record: Record, other: Record) -> None:
    """The victims of ``other`` as the victims of ``record``."""
    mine, theirs = record.victims, other.victims
    mine.names = list(theirs.names)
    mine.count = theirs.count
    mine.sex = mine.sex or theirs.sex
    mine.age = mine.age if mine.age is not None else theirs.age
    if not record.nationality_stated or mine.nationality is None:
        mine.nationality = theirs.nationality
        record.nationality_stated = other.nationality_stated


GROUP_LOOKBACK = 3  # records back to the group "they" stand for, measures passed over
# "were seized": an arrest, unless the sentence tells a disappearance or abduction
_SEIZED = re.compile(r"(?i:(?:was|were|had\s+been|have\s+been)\s+(?:also\s+)?seized)\b")
_WE = ("we", "us")
_WE_BOTH = re.compile(r"(?i:us\s+both|both\s+of\s+us|we\s+both|the\s+two\s+of\s+us)")


def _group_before(record: Record, group: Record, sentence: Sentence) -> None:
    """A record whose victims are only "they" or "them" takes the group of the
    record told just before, if that was close before and counted more than one,
    and its date if it has none ("... eight men in all, were captured by North
    Korean patrol boats. Their families never heard from them again.")."""
    theirs = group.victims
    if (
        sentence.start - group.evidence[-1].end > REFER_BACK_CHARS
        or (theirs.count or len(theirs.names)) < 2
    ):
        return
    if (record.victims.count_text or "").lower() in _WE and not _WE_BOTH.fullmatch(
        theirs.count_text or ""
    ):
        return  # ("we" are those "us both" were, not others told of)
    _same_people(record, group)  # (not the words that count them: this sentence does not say them)
    if _both(record.victims.count_text or ""):
        record.victims.count_text = None  # ("seized them both": the group's, told before)
    if record.date is None:
        record.date, record.date_end = group.date, group.date_end


def _they_named_before(
    record: Record,
    sentence: Sentence,
    text: str | None,
    spans: list[tuple[int, int]],
    records: list[Record],
) -> bool:
    """Whether "they", the victims of ``record``, are the two or more people the
    sentence just before named, telling of no act of its own ("The captain,
    Ryu Tae-sik, and the engineer, Noh Gwang-ho, were not among them. North
    Korea has never said where they are."); if so, the record names them."""
    they = _people_named_before(sentence, text, spans, records) if text else []
    if they:
        record.victims.names = they
        record.victims.count, record.victims.count_text = len(they), None
    return bool(they)


def _people_named_before(
    sentence: Sentence, text: str, spans: list[tuple[int, int]], records: list[Record]
) -> list[str]:
    """The people the sentence before ``sentence`` opens by naming, two or
    more, if it tells of no act of its own and ``sentence`` speaks of "they"."""
    before = sentence_before(sentence, text, spans)
    if (
        before is None
        or not _THEY_OPEN_OR_IN.search(sentence.text)
        or any(before[0] <= e.start < before[1] for r in records for e in r.evidence)
    ):
        return []
    told = text[slice(*before)]
    verb = _SUBJECT_ENDS.search(told)
    if verb is None:
        return []
    not_names, _ = not_name_words()
    names = [
        name
        for _, name in find_full_names(told[: verb.start()])
        if not not_names & set(name.split()) and not is_ruler(name)
    ]
    return names if len(names) > 1 else []


# "they" or "them" as the people an act was done to
_THEY_OPEN_OR_IN = re.compile(r"\b(?:they|them)\b")
# the verb that ends a sentence's subject: "... Noh Gwang-ho, were not"
_SUBJECT_ENDS = re.compile(r",?\s+(?:were|are|remained|stayed|did|have|had|never|still)\b")


def _group_named_before(sentence: Sentence, text: str, spans: list[tuple[int, int]]) -> str | None:
    """The body the group "the commandos" (or "the raiders", "the gunmen") is of,
    as the text named it when it told of the group ("... Unit 124, a commando
    unit of the Korean People's Army"): the one body that acts named in the
    last sentence before that names the group, not as "the commandos" again,
    and any body at all, a few paragraphs back."""
    if sentence.before is not None and _THEY_OPEN.match(sentence.text):
        # "... a group of the commandos reached a farmhouse ... They killed ...":
        # "they" are the group the sentence before told of
        first, last = sentence.before
        return _group_named_in(text[first:last], first, text, spans)
    return _group_named_in(sentence.text, sentence.start, text, spans)


def _group_named_in(
    words_told: str, told_at: int, text: str, spans: list[tuple[int, int]]
) -> str | None:
    """The body the group ``words_told`` (a sentence at ``told_at``) calls "the
    commandos" is of, as :func:`_group_named_before` finds it."""
    forms = _acting_groups()
    the = forms.pattern.search(words_told)
    if the is None or not spans:
        return None
    words = forms.of[the.group(1).lower()]
    start = max(0, told_at - GROUP_NAME_LOOKBACK)
    named = re.finditer(rf"\b(?:{words})\b", text[start:told_at], re.IGNORECASE)
    for found in reversed(list(named)):
        at = start + found.start()
        if _THE_BEFORE.search(text, max(0, at - 30), at):
            continue  # ("the fleeing gunmen": the group told of again, not named)
        first, last = spans[bisect.bisect_right(spans, (at, len(text))) - 1]
        bodies = {
            a.name
            for a in find_actors(text[first:last], first, None)
            if not a.is_source and a.name and a.country
        }
        if bodies:
            return bodies.pop() if len(bodies) == 1 else None
    return None


_THE_BEFORE = re.compile(r"\b(?i:the)\s+(?:[a-z]+\s+)?$")
_THEY_OPEN = re.compile(r"\W*They\s")
GROUP_NAME_LOOKBACK = 3000  # characters back to where the text named a group that acts


@dataclass(frozen=True)
class _ActingGroups:
    pattern: re.Pattern[str]  # "the (fleeing) commandos"
    of: dict[str, str]  # each form: the alternation of its word's forms


@cache
def _acting_groups() -> _ActingGroups:
    forms: dict[str, str] = {}
    for word_forms in sentence_rules()["acting_groups"]:
        for form in word_forms:
            forms[form] = "|".join(word_forms)
    pattern = re.compile(rf"\bthe\s+(?:[a-z]+\s+)?({alternation(list(forms))})\b", re.IGNORECASE)
    return _ActingGroups(pattern, forms)


def _acting_before(
    act: int,
    sentence: Sentence,
    records: list[Record],
    told: list[Record],
    text: str,
    spans: list[tuple[int, int]],
) -> Record | None:
    """The record whose perpetrator acts again in ``sentence`` (``told``: the
    records of this sentence so far, ``records``: those before): "the same
    officers" are those of the last act with a perpetrator; "they", as the act's
    subject (before ``act``, where the act's words start), those of the act
    told last, in this sentence or the one before ("Chinese police arrested me
    ... they handed me over"), not of one further back ("They beat my mother"
    after an act by no one named)."""
    if " same " in sentence.text and _SAME_AGENTS.search(sentence.text):
        earlier = itertools.chain(reversed(told), reversed(records))
        return next((r for r in earlier if r.perpetrator), None)
    last = told[-1] if told else records[-1] if records else None
    if last is None or not _THEY_ACT.search(sentence.text, *_window(sentence, act, 40)):
        return None
    if told or _told_right_before(last, sentence, text, spans):
        return last
    return None


# "they" as the subject of the act: the ones who acted in the act told before
_THEY_ACT = re.compile(r"\b(?i:they)\s+(?:(?:then|later|soon|had|have)\s+)?$")


_SAME_AGENTS = re.compile(
    r"\bthe\s+same\s+(?:officers|officials|agents|police(?:men)?|guards|soldiers|unit|squad)\b",
    re.IGNORECASE,
)
_THE_ONE = re.compile(r"(?i:the)\s+([\w-]+)")


def _one_person(count_text: str | None) -> bool:
    """Whether a victim phrase is one person named by a word for a person ("the
    interviewee", "the woman"): not counted (it may point back), but one."""
    found = _THE_ONE.fullmatch(count_text or "")
    return found is not None and found.group(1).lower() in victim_patterns().singular


_LIST_MARK = re.compile(r"\W*(?:\d{1,3}|[a-z])?[.)]?\W*")  # "2.", "-", "(b)": no sentence


# an agent the sentence names, whoever it is: "beaten by the minder and sent back"
_BY_SOMEONE = re.compile(r"\bby\s+(?:the|a|an|his|her|their|its)\s+[a-z]", re.IGNORECASE)
# the prisoners or the camp a sentence tells of: those of the camp told before
_OF_THE_CAMP = re.compile(r"\b(?:prisoners|inmates|detainees)\b|\bthe\s+camp\b", re.IGNORECASE)


# "since the day of his arrest", "since her abduction": gone since an act told before
_SINCE_HIS = re.compile(
    r"\bsince\s+(?:the\s+day\s+of\s+)?(?P<whose>his|her)\s+(?:arrest|detention|abduction)\b",
    re.IGNORECASE,
)


def _gone_since_arrest(record: Record, sentence: Sentence, records: list[Record]) -> None:
    """The person of a disappearance told as "nothing since the day of his
    arrest", and when it began: the one person whose arrest (or abduction)
    was told last, of that sex ("Our brother Choi Yong-han ... was arrested
    ... on 3 March 1995. ... Of our brother we have heard nothing since the
    day of his arrest")."""
    since = _SINCE_HIS.search(sentence.text)
    if since is None:
        return
    sex = "male" if since.group("whose").lower() == "his" else "female"
    taken = next(
        (
            r
            for r in reversed(records)
            if r.violation in ("detention.arbitrary", "disappearance.abduction")
            and r.victims.count == 1
            and r.victims.sex in (None, sex)
        ),
        None,
    )
    if taken is None:
        return
    _same_people(record, taken)
    record.victims.sex = record.victims.sex or sex
    record.date, record.date_end = taken.date, taken.date_end
    if record.perpetrator is None:
        record.perpetrator = taken.perpetrator


def _the_camp_named_before(record: Record, sentence: Sentence, text: str) -> None:
    """Where ``record`` is, if it names no place and tells of "the camp", a camp
    the text named shortly before ("Camp 16 is the largest ... Analysts who study
    satellite images of the camp estimate ..."), or earlier in its own sentence
    ("a woman released from Chongori ... was working in the camp's sewing unit").
    A camp's holding or its labour told as "there" or "its" is that camp's, too
    ("**KYO-12, Jongori.** A re-education camp of the Ministry of Social
    Security ... the prisoners are made to work in its copper mine"), and done
    by the one body the text names as running it, if the record names none."""
    the_camp = _THE_CAMP.search(sentence.text)
    if the_camp is None and record.violation in _CAMP_ACTS:
        the_camp = _THERE_OR_ITS.search(sentence.text)
    if record.country not in (None, "KP") or the_camp is None:
        return
    end = sentence.start + the_camp.start()
    camps = [p for p in _places_shortly_before(sentence, text, end) if p.kind == "camp"]
    if not camps:
        return
    record.place, record.country = camps[-1].name, camps[-1].country
    if record.perpetrator is None:
        bodies = {
            a.name
            for a in find_actors(text[camps[-1].start : end], camps[-1].start, "KP")
            if a.name and actor_country(a.name) == "KP"
        }
        if len(bodies) == 1:
            record.perpetrator = bodies.pop()


def _the_city_named_before(record: Record, sentence: Sentence, text: str) -> None:
    """Where ``record`` is, if it names no place and tells of "the city" or
    "the town", the city or county the text named last shortly before, in the
    record's country ("Our contact in Hyesan reports ... shot dead a soldier
    ... near the city's airport")."""
    the_city = _THE_CITY.search(sentence.text)
    if the_city is None:
        return
    cities = [
        p
        for p in _places_shortly_before(sentence, text, sentence.start + the_city.start())
        if p.kind in ("city", "county") and p.country and record.country in (None, p.country)
    ]
    if cities:
        record.place, record.country = cities[-1].name, cities[-1].country


def _places_shortly_before(sentence: Sentence, text: str, end: int) -> list[PlaceMention]:
    """The places the text names from ``REFER_BACK_CHARS`` before ``sentence`` up
    to ``end`` (a document offset within it), in order."""
    start = max(0, sentence.start - REFER_BACK_CHARS)
    return find_places(text[start:end], start)


_THE_CITY = re.compile(r"\bthe\s+(?:city|town)(?:['’]s)?\b", re.IGNORECASE)
_THE_CAMP = re.compile(r"\bthe\s+camp\b", re.IGNORECASE)
_THERE_OR_ITS = re.compile(r"\b(?:there|its)\b", re.IGNORECASE)
_CAMP_ACTS = frozenset({"detention.prison_camp", "labor.forced"})

# a body's order of a labour campaign: "the Workers' Party ordered a 70-day
# campaign", "the Party announced a second campaign of 200 days"
_CAMPAIGN_ORDERED = re.compile(
    r"\b(?:ordered|launched|announced|declared|proclaimed)\s+(?:a|an|the|its)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:campaign|battle|drive|mobili[sz]ation)s?\b",
    re.IGNORECASE,
)


def _under_a_campaign_ordered(
    record: Record,
    sentence: Sentence,
    records: list[Record],
    text: str,
    spans: list[tuple[int, int]],
    anchor: PartialDate | None,
) -> None:
    """People made to work, told with no time, body or anyone named or counted,
    right after a sentence that tells only of a body ordering a campaign ("In
    February 2016 the Workers' Party ordered a 70-day campaign ... Factory
    workers, farmers and students were made to work longer hours"): what the
    order did, the body's measure of that time, told in both sentences."""
    if (
        record.kind != "incident"
        or record.perpetrator is not None
        or record.victims.names
        or record.victims.count is not None
    ):
        return
    before = sentence_before(sentence, text, spans)
    if before is None or (records and records[-1].evidence[-1].end > before[0]):
        return  # (no sentence before, or one that told an act of its own)
    words = text[before[0] : before[1]]
    if not _CAMPAIGN_ORDERED.search(words):
        return
    # (one that "announced" its campaign is its author, not only a source)
    bodies = [a for a in find_actors(words, before[0], None) if a.name]
    ordered = next((t.date.iso() for t in find_times(words, before[0], anchor) if t.date), None)
    if not bodies or record.date not in (None, ordered):
        return  # (no one ordering it; or a time of the work's own)
    record.kind, record.perpetrator, record.date = "measure", bodies[0].name, ordered
    record.evidence.insert(0, Evidence(before[0], before[1], words))


def _in_the_camp_before(
    record: Record, sentence: Sentence, records: list[Record], text: str
) -> None:
    """Where, when and whose ``record`` is, if it names no place and tells of
    "the prisoners" or "the camp" shortly after someone was sent to a named
    camp ("... sent to the reform camp at Jongori. The prisoners dug copper
    ore ..."): that camp's, in that time at least; not if another camp was
    named since ("**KYO-12, Jongori.**" under Camp 14's paragraph)."""
    camp = next(
        (
            r
            for r in reversed(records[-GROUP_LOOKBACK:])
            if r.violation == "detention.prison_camp" and r.place
        ),
        None,
    )
    if (
        camp is None
        or sentence.start - camp.evidence[-1].end > REFER_BACK_CHARS
        or not _OF_THE_CAMP.search(sentence.text)
        or (record.country not in (None, camp.country) and not record.country_assumed)
    ):
        return
    since = camp.evidence[-1].end
    if text and any(
        p.kind == "camp" and p.name != camp.place
        for p in find_places(text[since : sentence.start], since)
    ):
        return
    record.place, record.country = camp.place, camp.country
    if record.date is None:
        record.date, record.date_end = camp.date, camp.date_end
    if record.victims.nationality is None:
        record.victims.nationality = camp.victims.nationality


# the words of a place where people are held
_PLACE_OF_CUSTODY = re.compile(
    r"\b(?:prisons?|jails?|camps?|cent(?:er|re)s?|stations?|cells?|custody|detention|facility"
    r"|kyohwaso|kwanliso)\b",
    re.IGNORECASE,
)
# a camp people were sent to work in: "a labour training camp"
_A_CAMP = re.compile(r"\bcamps?\b", re.IGNORECASE)
# what is done to people while they are held
_IN_CUSTODY_ACTS = frozenset({"detention.torture", "sexual_violence", "life.death_in_custody"})
_HELD = frozenset({"detention.arbitrary", "detention.prison_camp", *_IN_CUSTODY_ACTS})


@cache
def _read_by_context() -> frozenset[str]:
    """The bare words ``actors.json`` names a body for by their sentence's
    words ("guards": border guards, or prison guards where people are held)."""
    return frozenset(actor_table()["contextual"])


def _in_custody_before(record: Record, sentence: Sentence, held: Record) -> None:
    """Where, when and to whom ``record``, an act done in custody that names no
    place, was done, if the record told right before it holds people at a named
    place ("She was then held ... at the State Security holding centre in
    Sinuiju. She said that guards made the women undress ..."), or in a
    country's camps: there, then, to the one held there."""
    at_a_camp = held.violation == "labor.forced" and any(
        _A_CAMP.search(e.text) for e in held.evidence
    )  # ("they sent me to a labour training camp ... the guards hit you")
    if (
        (held.violation not in _HELD and not at_a_camp)
        # (camps the text does not name: "... held in four large political prison
        # camps. ... had died in the camps": in their country)
        or (
            held.place is None
            and ((held.violation != "detention.prison_camp" and not at_a_camp) or not held.country)
        )
        # (held at a place of custody: not "arrested ... on the frozen Tumen River")
        or (
            held.violation == "detention.arbitrary"
            and not any(_PLACE_OF_CUSTODY.search(e.text) for e in held.evidence)
        )
        or sentence.start - held.evidence[-1].end > REFER_BACK_CHARS
        or (record.country not in (None, held.country) and not record.country_assumed)
        or (record.date is not None and not (held.date or "").startswith(record.date))
    ):
        return
    record.place, record.country, record.country_assumed = held.place, held.country, False
    if record.date is None and held.date:
        record.date = held.date[:4]  # (while held: in that year at least)
    if record.perpetrator == "Border guards" and any(
        actor.name == record.perpetrator and actor.text.lower() in _read_by_context()
        for actor in sentence.actors
    ):
        record.perpetrator = "Prison guards"  # "guards" where people are held
    if not record.nationality_stated or record.victims.nationality is None:
        record.victims.nationality = held.victims.nationality
        record.nationality_stated = held.nationality_stated


def _perpetrator_told_before(
    record: Record,
    sentence: Sentence,
    group: list[Trigger],
    records: list[Record],
    told: list[Record],
    text: str,
    spans: list[tuple[int, int]],
) -> None:
    """Who acted in ``record``, where its own sentence names no one or only
    "interrogators", from the acts told just before it (``told``: this
    sentence's records so far; ``records``: those before): "they" who acted
    last, those who held the people they hand over, the state a return is from,
    a body's interrogators, those who took one who then disappeared."""
    if record.perpetrator is None and text:
        record.perpetrator = _group_named_before(sentence, text, spans)
    if record.perpetrator is None:
        act = _main_act(sentence, group).start
        before = _acting_before(act, sentence, records, told, text, spans)
        if before is not None and before.perpetrator:
            record.perpetrator = before.perpetrator
            acting = actor_country(before.perpetrator)
            if acting and taxonomy_extras(record.violation).get("country_from") == "perpetrator":
                record.country = acting  # (where the returning state acts)
    holder = told[-1] if told else records[-1] if records else None  # the act before
    just_told = told[-1] if told else None  # this sentence's act just before
    if (
        record.perpetrator is None
        and just_told is not None
        and just_told.perpetrator
        and (
            # "sent back from China by Chinese border police ... after being held
            # in Tumen": those who send people back held them
            (
                record.family == "detention"
                and just_told.violation == "movement.forced_return"
                and just_told.country == record.country
            )
            # "two men held by the police since 20 January ...; relatives say they
            # have been beaten in custody": by those who hold them
            or (
                record.violation == "detention.torture"
                and just_told.family == "detention"
                and _IN_THEIR_CUSTODY.search(sentence.text) is not None
            )
        )
    ):
        record.perpetrator = just_told.perpetrator
    if record.perpetrator is None and record.violation == "movement.forced_return":
        holding_state = actor_country(holder.perpetrator or "") if holder else None
        if (
            holder is not None
            and holder.family == "detention"
            and holder.perpetrator
            and (
                holder.country == record.country
                # ("... handed to North Korean officials at the Friendship
                # Bridge": a crossing on the North's side, where China hands over)
                or (record.country == "KP" and holding_state not in (None, "KP"))
            )
            and (told or _told_right_before(holder, sentence, text, spans))
        ):
            # "Chinese police ... took us both away. We were handed over to the
            # North Korean side": those who held them hand them over
            record.perpetrator = holder.perpetrator
            record.country = holding_state or record.country
        elif record.country not in (None, "KP") and not _BY_SOMEONE.search(sentence.text):
            # "600 North Koreans held in Jilin ... were sent back across the
            # border": a return is the returning state's, where no one else is
            # named (not one sent back by someone the text names whom Kirok
            # does not know: "beaten by the minder and sent back")
            record.perpetrator = state_actor(record.country)
    if (
        holder is not None
        and holder.family == "detention"
        and holder.perpetrator not in (None, record.perpetrator)
        and record.family == "detention"
        and _by_interrogators(sentence, record)
        and (told or _told_right_before(holder, sentence, text, spans))
    ):
        # "... questioned by the state security department at its holding
        # centre in Onsong. Interrogators kicked her": its interrogators
        record.perpetrator = holder.perpetrator
    if record.violation == "disappearance.enforced" and record.perpetrator is None:
        # "was arrested by state security, and the family never saw him
        # again": those who took him; so too when the arrest was told in
        # the sentence just before, of one person ("Mr Pyo was taken from
        # his flat by state security officers ... His wife has had no word
        # of him since")
        record.perpetrator = next(
            (r.perpetrator for r in told if r.family == "detention" and r.perpetrator),
            None,
        )
        arrest = next((r for r in reversed(records[-3:]) if r.family == "detention"), None)
        if (
            record.perpetrator is None
            and not told
            and arrest is not None
            and arrest.perpetrator
            and arrest.victims.count == 1
            and record.victims.count in (None, 1)
            and _told_right_before(arrest, sentence, text, spans)
        ):
            record.perpetrator = arrest.perpetrator


# a sentence that opens with the people "they" then stand for, not a group told
# before: "Those returned in earlier years told the Rapporteur that they were beaten"
_THOSE_OPEN = re.compile(
    r"[\W_]*(?:Those|Others|People)\s+(?:who\s+(?:were|had\s+been|have\s+been)\s+)?"
    r"(?:[a-z]+ed|sent\s+back|taken|held|brought\s+back)\b"
)
# an act done to people while they were held: "beaten in custody"
_IN_THEIR_CUSTODY = re.compile(
    r"\b(?:in|during)\s+(?:their\s+|his\s+|her\s+|police\s+)?(?:custody|detention)\b"
    r"|\bwhile\s+(?:being\s+)?(?:held|detained|in\s+custody)\b",
    re.IGNORECASE,
)


def _by_interrogators(sentence: Sentence, record: Record) -> bool:
    """Whether the one who acted in ``record`` is only "interrogators": those of
    whoever held the person, not a body of their own."""
    return record.perpetrator == "Prison guards" and any(
        a.name == record.perpetrator and a.text.lower().startswith("interrogator")
        for a in sentence.actors
    )


def _told_right_before(
    named: Record, sentence: Sentence, text: str, spans: list[tuple[int, int]]
) -> bool:
    """Whether the sentence just before ``sentence`` told ``named``, the record a
    pronoun in it points back to. In a numbered list the item before is the
    sentence before."""
    before = sentence_before(sentence, text, spans)
    return before is not None and before[0] <= named.evidence[-1].start


def sentence_before(
    sentence: Sentence, text: str, spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where the sentence before ``sentence`` starts and ends; in a list, the
    item before (not the list's mark)."""
    before = sentence.before
    if before and text and _no_sentence(text[slice(*before)]):
        index = bisect.bisect_left(spans, before)
        items = (
            spans[i] for i in range(index - 1, -1, -1) if not _no_sentence(text[slice(*spans[i])])
        )
        before = next(items, before)
    return before


def _story_goes_on(
    named: Record,
    sentence: Sentence,
    text: str,
    spans: list[tuple[int, int]] | None,
    records: list[Record],
) -> bool:
    """Whether the sentence just before ``sentence`` told the next act of the
    story of ``named`` (an act after it, of the same year)."""
    if not named.date:
        return False
    before = sentence_before(sentence, text, spans or [])
    return before is not None and any(
        r.evidence[-1].start >= before[0]
        and r.evidence[-1].start > named.evidence[-1].start
        and (r.date or "")[:4] == named.date[:4]
        for r in records[-STORY_ACTS:]
    )


# a heading over a paragraph: a short line with no stop ("Treatment in custody",
# "## Questioning at Onsong")
_HEADING_LINE = re.compile(r"\s*(?:#{1,6}\s+)?[^\W\d][^\n.!?:;]{0,60}(?<![.!?:;\"”])\s*\n\s*")
STORY_ACTS = 3  # records back to the act told right before, in a story of one person


def _no_sentence(told: str) -> bool:
    """Whether a span between sentences is a list's mark, a heading or an
    interviewer's question ("Q: Where were you held?")."""
    return (
        _LIST_MARK.fullmatch(told) is not None
        or ("\n" in told and _HEADING_LINE.fullmatch(told) is not None)
        or _QUESTION_LINE.match(told) is not None
    )


_QUESTION_LINE = re.compile(r"\s*(?:Q|Question|Interviewer)\s*[:.]\s[^\n]*\?\s*$")


def _story_told_before(
    record: Record, named: Record, sentence: Sentence, text: str, spans: list[tuple[int, int]]
) -> str | None:
    """The year of ``named``, the record a pronoun in ``sentence`` points back
    to, if the sentence just before told it and ``record`` has no date of its
    own ("...
    handed back to North Korea in March 2014. At the holding centre a guard beat
    her": told next, in the same year at least). A country the record took
    from the document for want of its own is the story's, too."""
    if not _told_right_before(named, sentence, text, spans):
        return None
    if record.country_assumed and named.country:
        record.country = named.country
    elif (
        named.country_assumed
        and not record.country_assumed
        and record.country
        and _CROSSES_BORDERS.isdisjoint((record.family, named.family))
    ):
        # and back: "... sentenced him to hard labour for life. ... he was caught in
        # Pyongyang": where the story goes on is where it was, as far as it says
        named.country, named.country_assumed = record.country, False
    if (record.date is None or record.date_from_section) and named.date:
        # (a report's period in its title, "July to September 2024", is when it
        # was told, not the story's)
        return named.date[:4]
    return None


# the acts that take people from one country to another: where they happened
# is not where the rest of a story did
_CROSSES_BORDERS = frozenset({"movement", "disappearance"})


# after a phrase of time or place that opens the sentence ("On Christmas Day 2009, ")
# ("In late August 1996 Evan Hunziker, ...": a date that ends with its year needs no comma)
_OPENING_NAME = re.compile(
    r"[\W_]*(?:\d{1,3}[.)]\s+)?"  # (a numbered paragraph's: "1. The Reverend Kim ... was")
    r"(?:(?:On|In|At|During|After|Early|Late|Last)\s[^,.;:]{1,40},\s*"
    rf"|(?:In|On|By)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{{1,2}}\s+)?(?:{MONTH}\s+)?"
    rf"(?:\d{{1,2}},?\s+)?{YEAR}\s+)?"
    r"(?:The\s+(?=Rev))?"  # ("The Reverend Kim Dong-shik was a South Korean pastor")
    r"([A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*){0,3})(?:,|\s+[a-z])"
)


def _opening_person(
    sentence: Sentence, names: Callable[[], list[tuple[int, str]]]
) -> tuple[str, str | None] | None:
    """The person a sentence opens with as its subject ("Mr Fowle entered North
    Korea ..."), by the whole name the document gave before ("Jeffrey Fowle"),
    and the sex a title tells; or None."""
    kin = _KIN_NAMED.match(sentence.text)
    if kin is not None and _may_be_a_name(kin.group("name")):
        # "My daughter Eun-hye crossed the river ...": a given name, after a kin word
        return kin.group("name"), victim_patterns().sex.get(kin.group("kin").lower())
    opening = _OPENING_NAME.match(sentence.text)
    if opening is None:
        return None
    _, titles = not_name_words()
    words = opening.group(1).split()
    titled = victim_patterns().pseudonym_sex  # "Mr", "Ms": the sex a title tells
    sex = titled.get(words[0].rstrip(".")) if len(words) > 1 else None
    parts = [w for w in words if w.rstrip(".") not in titles]
    if not _may_be_a_name(opening.group(1)):
        return None
    if len(parts) > 1:
        return " ".join(parts), sex
    whole = _whole_name_before({parts[0]}, sentence.start, names)
    return (whole, sex) if whole else None


# a relative the teller names as the subject: "My daughter Eun-hye", "Our son Kim Chol"
_KIN_NAMED = re.compile(
    r"[\W_]*(?:My|His|Her|Our|Their)\s+(?:younger\s+|older\s+|elder\s+)?"
    r"(?P<kin>daughter|son|sister|brother|mother|father|wife|husband|niece|nephew|cousin)\s+"
    r"(?P<name>[A-Z][a-z]+-[a-z]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,2})\b"
)


def _opening_date(sentence: Sentence) -> str | None:
    """The date a sentence opens with before the person it is about ("In late
    August 1996 Evan Hunziker ... swam across the Yalu"): the time of the act
    done to that person in the next sentence, when it gives none of its own."""
    opening = _OPENING_NAME.match(sentence.text)
    if opening is None:
        return None
    for time in find_times(sentence.text, sentence.start, None):
        if time.date is not None and time.start - sentence.start < opening.start(1):
            return time.date.iso()
    return None


def _year_of_its_one_date(sentence: Sentence, anchor: PartialDate | None) -> str | None:
    """The year of the one date the sentence that named the one "she" or "he"
    stands for gives, the story's year ("My daughter Eun-hye crossed the river
    in the spring of 2016. A broker ... sold her"): the next act's, at least."""
    if not sentence.text.rstrip(' *_"”’').endswith((".", "!", "?")):
        return None  # (a title, not a story's sentence: "Kim Pil-su, 1941 to 2020")
    dates = [
        t.date
        for t in explicit_times(sentence.text, sentence.start, anchor)
        if t.date is not None and not _UNTIL_WORD.match(t.text)
    ]
    return str(dates[0].year) if len(dates) == 1 else None


_UNTIL_WORD = re.compile(r"(?i:to|until|till)\s")  # ("to 2020": the end of a span)


def _last_seen(sentence: Sentence) -> str | None:
    """The one date of a sentence that tells of a person going somewhere and
    never arriving or coming back ("left her home ... on the night of 21
    October 1977 ... and never arrived"): when they were last seen."""
    if _NEVER_CAME.search(sentence.text) is None:
        return None
    dates = [t.date for t in find_times(sentence.text, sentence.start, None) if t.date is not None]
    return dates[0].iso() if len(dates) == 1 else None


# one who went somewhere and was not seen again
_NEVER_CAME = re.compile(
    r"\b(?:never|did\s+not|didn['’]t)\s+(?:arrived?|(?:came|come|returned?|got|made\s+it)\s+(?:back|home)|returned?|reached)\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"[\W_]*(?:[^,.;:]{0,60},\s*)?(he|she)\b", re.IGNORECASE)
SUBJECT_LOOKBACK = 4  # sentences back through "he" or "she" to the name they stand for


def _subject_before(
    record: Record,
    sentence: Sentence,
    text: str,
    names: Callable[[], list[tuple[int, str]]],
    spans: list[tuple[int, int]],
    anchor: PartialDate | None = None,
) -> bool:
    """A record whose victim is only "he" or "she", with no record of one person
    just before, takes the person the sentence before opens with ("Mr Fowle
    entered North Korea as a tourist. The authorities detained him ..."), or
    the one a sentence or two further back opens with when those between are
    about "he" or "she" too ("Kim Il-su, who ..., died on Monday. Born in
    Hamhung, he trained as a mechanic. In 1982 agents arrested him ..."), if
    the sex agrees. ``text``: the document's; ``spans``: its sentences."""
    mine = record.victims
    index = bisect.bisect_right(spans, (sentence.start, len(text))) - 1
    told = (
        spans[i]
        for i in range(index - 1, -1, -1)
        # (not a numbered paragraph's number, a sentence of its own: "2.")
        if text[slice(*spans[i])].strip() and not _ITEM_NUMBER.fullmatch(text[slice(*spans[i])])
    )
    for back, (start, end) in enumerate(itertools.islice(told, SUBJECT_LOOKBACK)):
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        before = Sentence(start + lead, end, raw.strip())
        person = _opening_person(before, names)
        if person is None:
            # "The leadership blamed Pak for the chaos. ... he was shot": the one
            # person the sentence just before (or the one before those about "he"
            # or "she") names, by a part of the whole name
            parts = _name_parts(before)
            whole = _whole_name_before(parts, before.start, names) if len(parts) == 1 else None
            if whole is None:
                # "I am writing about my brother, Cho Min-guk, ... Last spring
                # officers ... drove him away": the one whole name it gives
                given = [(at, n) for at, n in names() if before.start <= at < before.end]
                # the sex of a word that may stand for the one named: after the
                # name or right before it ("my brother, Cho Min-guk"), not a
                # "she" who asks about them ("Does she agree that the case of ...")
                sexes = {
                    v.sex
                    for v in find_victims(before.text, before.start, [])
                    if v.sex and given and (v.start >= given[0][0] or given[0][0] - v.end <= 2)
                }
                whole = (
                    _without_titles(given[0][1])
                    if len(given) == 1
                    and _may_be_a_name(given[0][1])
                    and not (mine.sex and sexes and mine.sex not in sexes)  # ("a man" / "her")
                    else None
                )
            person = (whole, None) if whole else None
        if person is not None:
            name, sex = person
            if mine.sex and sex and mine.sex != sex:
                return False
            mine.names = [name]
            mine.count = 1
            mine.sex = mine.sex or sex
            if record.date is None:
                record.date = _opening_date(before)
                seen = _last_seen(before) if back == 0 and record.date is None else None
                if seen:
                    # "Matsumoto Kyoko ... left her home in Yonago ... on the night of
                    # 21 October 1977 ... and never arrived. ... she had been
                    # abducted": when and where she was last seen
                    record.date = seen
                opened = record.date is not None  # (told at the opening, or last seen)
                if record.date is None and back == 0:
                    record.date = _year_of_its_one_date(before, anchor)
                places = find_places(before.text) if opened and not record.place else []
                if (
                    places
                    and places[0].country
                    and (len(places) == 1 or (seen and len({p.country for p in places}) == 1))
                ):
                    # ("On 30 April 2016 Han ..., who ran a church in Changbai, was
                    # found dead. ... agents killed him": where his story is set)
                    record.place, record.country = places[0].name, places[0].country
            return True
        if back == 0 and _one_told_of(record, before, anchor):
            return False  # (unnamed, but counted, dated and placed)
        if _section_heading(text, start, end):
            continue  # ("## Second arrest" between "he slipped back into China" and "... arrested him again")
        pronoun = _PRONOUN_SUBJECT.match(before.text)
        if pronoun is None:
            # "Many of you knew him better than I did": about the same one, too,
            # when every "he", "him" or "his" in it is of one sex, the record's
            sexes = {_PRONOUN_SEX[p.lower()] for p in _PRONOUN_WITHIN.findall(before.text)}
            if not mine.sex or sexes != {mine.sex}:
                return False
        elif mine.sex and victim_patterns().pronoun_sex[pronoun.group(1).lower()] != mine.sex:
            return False
    return False


def _section_heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence from ``start`` to ``end`` is a line of its own of
    a few words with no full stop: a section's heading ("Second arrest")."""
    line = text[start:end].strip()
    return (
        bool(line)
        and "\n" not in line
        and not line.endswith((".", "!", "?", ":", ";", ",", '"', "”", ")"))
        and len(line.split()) <= HEADING_WORDS
        and (start == 0 or text[start - 1] == "\n" or text[start:end][:1].isspace())
        and (end >= len(text) or text[end] == "\n")
    )


HEADING_WORDS = 6  # words at most of a section's heading
_ITEM_NUMBER = re.compile(r"\s*\d{1,3}[.)]\s*")
_PRONOUN_WITHIN = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_PRONOUN_SEX = {
    **dict.fromkeys(("he", "him", "his"), "male"),
    **dict.fromkeys(("she", "her", "hers"), "female"),
}


# a sentence that opens with its time, then maybe a clause, then its subject, one
# person: "On 18 July, while on a tour of Panmunjom, the 23-year-old soldier ran ..."
_OPENING_ONE = re.compile(
    r"[\W_]*(?:On|In)\s[^,.;:]{1,40},\s*(?:[^,.;:]{1,100},\s*)?"
    r"the\s+(?:(?P<age>\d{1,3})-year-old\s+)?(?P<noun>[a-z]+)\s+[a-z]+"
)


def _one_told_of(record: Record, before: Sentence, anchor: PartialDate | None) -> bool:
    """A record whose victim is only "he" or "she" takes the one person the
    sentence before opens with by a word for them, when that sentence opens by
    telling when ("On 18 July, while on a tour of Panmunjom, the 23-year-old
    soldier ran across the line. North Korean guards took him away"): one
    person, that time and, if it names one, that place. Whether it did."""
    opening = _OPENING_ONE.match(before.text)
    if opening is None or opening.group("noun") not in victim_patterns().singular:
        return False
    dates = [t.date for t in find_times(before.text[: opening.start("noun")], 0, anchor) if t.date]
    if not dates:
        return False
    record.date = record.date or dates[0].iso()
    record.victims.count = 1
    if opening.group("age") and record.victims.age is None:
        record.victims.age = int(opening.group("age"))
    places = find_places(before.text)
    if record.place is None and len(places) == 1:
        record.place = places[0].name
        record.country = places[0].country or record.country
    return True


def _name_word(word: str) -> bool:
    """Whether a capitalised word may stand in a person's name: no place, no
    month, no word that is no name."""
    return (
        word not in not_name_words()[0]
        and word not in gazetteer()
        and not _MONTH_WORD.fullmatch(word)
    )


def _without_titles(name: str) -> str:
    """A run of capitalised words without the titles before the name ("Sergeant")."""
    _, titles = not_name_words()
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


def _may_be_a_name(name: str) -> bool:
    """Whether a run of capitalised words, titles aside, may be a person's name."""
    _, titles = not_name_words()
    words = [w for w in name.split() if w.rstrip(".") not in titles]
    if is_ruler(" ".join(words)):
        return False  # ("after a neighbour heard him criticising Kim Jong-il")
    if len(words) > 1 and not _name_word(words[-1]):
        # a family name that is also a city's ("Eiko Kawasaki"), after a given name
        last = gazetteer().get(words[-1])
        return (
            last is not None
            and last.kind in FAMILY_NAME_KINDS
            and words[-1] not in not_name_words()[0]
            and all(_name_word(w) for w in words[:-1])
        )
    return bool(words) and all(_name_word(w) for w in words)


def _name_parts(sentence: Sentence) -> set[str]:
    """The words of a sentence that may be a part of a name standing alone
    ("Shin was held", "blamed Pak for the chaos"): no place, month or word that
    is no name."""
    short = frozenset(victim_words().get("short_family_names", []))
    return {w for w in _parts_named(sentence) if (len(w) > 2 or w in short) and _name_word(w)}


def _parts_named(sentence: Sentence) -> list[str]:
    """Capitalised words standing alone in a sentence, as a part of a name would
    ("Mr. Lim, 60, was detained", "Shin was held"): not a title, not one whose
    relative it is ("Mr. Lim's wife"), not one who tells."""
    _, titles = not_name_words()
    return [
        run.group()
        for run in _NAME_RUN.finditer(sentence.text)
        if run.group() not in titles
        and " " not in run.group()
        and not sentence.text.startswith(("'s", "’s"), run.end())
        and not _SAID_AFTER.match(sentence.text, run.end())
    ]


def _titled(count_text: str | None) -> re.Match[str] | None:
    """A title and a family name ("Mr. Lim") that are the whole of the words
    that count the victims, or the first of a list of them ("Mr. Jo, his wife
    and their two sons")."""
    text = count_text or ""
    titled = victim_patterns().pseudonym.match(text)
    if titled and titled.end() < len(text) and not text.startswith(", ", titled.end()):
        return None
    return titled


def _titled_family(count_text: str | None) -> str | None:
    """The family name of a victim told of by a title and it ("Mr. Lim"), alone
    or first in a list of the people with them."""
    titled = _titled(count_text)
    family = titled.group().split()[-1] if titled else ""
    return family if len(family) > 1 else None


def _listed_after_title(count_text: str | None) -> bool:
    """Whether the words that count the victims list others after a title and a
    family name ("Mr. Jo, his wife and their two sons")."""
    titled = _titled(count_text)
    return titled is not None and titled.end() < len(count_text or "")


def _named_by_part(record: Record, sentence: Sentence, people: list[Record]) -> Record | None:
    """The record of the person a sentence names by a part of the name alone,
    when the sentence's own record names and counts no one (or one by a title
    and the part: "Mr. Lim")."""
    if (
        not people
        or record.victims.names
        or (record.victims.count is not None and not _titled_family(record.victims.count_text))
    ):
        return None
    words = _parts_named(sentence)
    for earlier in reversed(people):
        parts = {part for part in earlier.victims.names[0].split() if len(part) > 2}
        if parts.intersection(words):
            return earlier
    return None


def _name_told_before(
    record: Record, sentence: Sentence, names: Callable[[], list[tuple[int, str]]]
) -> str | None:
    """The whole name, told earlier in the document, of the person a sentence
    names by a part of it ("... the parents of Otto Warmbier ..." then "Warmbier,
    then 21, was arrested"), when the sentence's own record names and counts no
    one and no record told of the person. ``names``: the document's runs of
    capitalised words and where they start, found once when first needed."""
    victims = record.victims
    if victims.names:
        return None
    family = _titled_family(victims.count_text)
    if family:
        return _whole_name_before({family}, sentence.start, names)
    counted = victims.count is not None or victims.count_text is not None
    if counted and (not victims.count_text or f", {victims.count_text}" not in sentence.text):
        return None  # (counted, and by no words that follow a part of a name)
    words = _name_parts(sentence)
    if counted:
        # only a part standing before the words that count the person ("Ri, a
        # 33-year-old mother of three, was executed")
        words = {w for w in words if f"{w}, {victims.count_text}" in sentence.text}
    return _whole_name_before(words, sentence.start, names) if words else None


def _whole_name_before(
    family: set[str], before: int, names: Callable[[], list[tuple[int, str]]]
) -> str | None:
    """The last whole name the document gave before offset ``before`` whose
    first or last part is one of ``family`` (a family name, either way round),
    titles left out; none holding a place, a month or a word that is no name."""
    not_names, titles = not_name_words()
    for start, found in reversed(names()):
        if start >= before:
            continue
        parts = [p for p in found.split() if p not in titles]
        if (
            len(parts) > 1
            and not not_names & set(parts)
            and not any(p in gazetteer() or _MONTH_WORD.fullmatch(p) for p in parts)
            and family.intersection({parts[0], parts[-1]})
        ):
            return " ".join(parts)
    return None


# a transcript's speaker label: "MS LEE:", "Mr. Okafor:"
_SPEAKER_LABEL = re.compile(
    r"[ \t>*_]*(?:(?P<title>(?i:mr|mrs|ms|miss|dr))\.?[ \t]+)"
    r"(?P<name>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2})[*_]*[ \t]*:[ \t]"
)
_TITLE_SEX = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}


def _speaker_named(
    record: Record, sentence: Sentence, text: str, names: Callable[[], list[tuple[int, str]]]
) -> tuple[str, str | None] | None:
    """The whole name, told earlier, and the sex of the one who says "I" or
    "me" in a transcript's turn ("MS LEE: ... officers arrested me", after a
    preamble naming Lee Soon-ok), by the turn's label: a title and a name."""
    victims = record.victims
    if victims.names or (victims.count_text or "").lower() not in self_words():
        return None
    label = _SPEAKER_LABEL.match(text, text.rfind("\n", 0, sentence.start) + 1)
    if label is None:
        return None
    family = {word.capitalize() for word in label.group("name").split()}
    full = _whole_name_before(family, sentence.start, names)
    return None if full is None else (full, _TITLE_SEX.get(label.group("title").lower()))


@cache
def same_reason() -> tuple[re.Pattern[str], frozenset[str]]:
    """The words of an act done "for the same reason", and the violations whose
    reason is the violation itself."""
    data = sentence_rules()
    return (
        re.compile(data["same_reason"], re.IGNORECASE),
        frozenset(data["same_reason_violations"]),
    )


def _for_the_same_reason(
    sentence: Sentence,
    records: list[Record],
    groups: dict[str, list[Trigger]],
    text: str,
    spans: list[tuple[int, int]],
) -> list[Trigger]:
    """Acts done "for the same reason" as one the sentence just before told, a
    reason that is itself the violation (a family's background, what someone
    watched): "... refused a place at college because his father's family had
    been classed as hostile. His brother was sent to work in a mine ..., for the
    same reason." """
    if "same" not in sentence.text:
        return []
    pattern, reasons = same_reason()
    act = pattern.search(sentence.text)
    before = sentence_before(sentence, text, spans) if act else None
    if act is None or before is None:
        return []
    told = {
        r.violation: r
        for r in records
        if r.violation in reasons
        and r.violation not in groups
        and any(before[0] <= e.start < before[1] for e in r.evidence)
    }
    start = sentence.start + act.start()
    return [
        Trigger(start, start + len(act.group()), act.group(), violation, earlier.kind, "act")
        for violation, earlier in told.items()
    ]


def _offence_found_before(
    sentence: Sentence,
    groups: dict[str, list[Trigger]],
    records: list[Record],
    text: str,
    spans: list[tuple[int, int]],
) -> tuple[int, int] | None:
    """Where the sentence just before ``sentence`` tells, as a court's finding
    and no act of its own, an offence that is itself expression (bringing in or
    selling foreign films), when ``sentence`` sentences for it and tells of no
    punished expression itself: the sentence is for that."""
    if not text or "expression.suppression" in groups:
        return None
    if not any(_SENTENCING.match(t.text) for g in groups.values() for t in g):
        return None
    before = sentence_before(sentence, text, spans)
    if before is None or any(before[0] <= e.start < before[1] for r in records for e in r.evidence):
        return None
    return before if _MEDIA_OFFENCE.search(text, *before) else None


def _for_the_offence_found(
    record: Record, offence: tuple[int, int], text: str, anchor: PartialDate | None
) -> None:
    """A sentence for the offence a court found just before: of that offence's
    year, at least, where the sentence gives none; punished expression tells
    the finding too."""
    if record.date is None:
        dates = [t.date for t in explicit_times(text[slice(*offence)], offence[0], anchor)]
        record.date = str(dates[-1].year) if dates and dates[-1] else None
    if record.violation == "expression.suppression":
        record.evidence.insert(0, Evidence(*offence, text[slice(*offence)]))


# a court's sentence: "sentences the accused to", "was sentenced to"
_SENTENCING = re.compile(r"(?:(?:was|were|is|are)\s+)?sentenced?s?\b", re.IGNORECASE)
# an offence that is itself expression: what one brought in, sold or watched
_MEDIA_OFFENCE = re.compile(
    r"\b(?:brought|smuggled|sold|distributed|watched|kept|copied|lent|shared|spread|passed)\b"
    r"[^.;]{0,120}\b(?:South\s+Korean|foreign|American|Western)\s+"
    r"(?:films?|dramas?|songs?|music|videos?|broadcasts?|media|books?|shows?)\b",
    re.IGNORECASE,
)


def build_records(
    sentences: list[Sentence],
    main_country: str | None,
    text: str = "",
    spans: list[tuple[int, int]] | None = None,
    anchor: PartialDate | None = None,
) -> list[Record]:
    """The records a document states, each act once. ``spans``: where each of
    the document's sentences starts and ends, acts or not; ``anchor``: the
    document's date."""
    records: list[Record] = []
    last_seen: dict[int, int] = {}
    # positions in ``records`` by violation: only the same violation can be the same act
    by_violation: dict[str, list[int]] = defaultdict(list)
    # the last record whose victim is one person, named or not ("my father ...
    # took him away"): whom "he" or "she" points back to
    named: Record | None = None

    @cache
    def full_names() -> list[tuple[int, str]]:
        return find_full_names(text)

    people: list[Record] = []  # every such record
    for index, sentence in enumerate(sentences):
        groups: dict[str, list[Trigger]] = defaultdict(list)
        for trigger in sentence.triggers:
            groups[trigger.violation].append(trigger)
        if "life.execution" in groups:
            groups.pop("life.killing", None)  # an execution is the killing it states
        if "detention.prison_camp" in groups and "detention.arbitrary" in groups:
            # "took her from her home in 1975 and sent her to Camp 18": taken to the
            # camp, one act (not "arrested in 2003 and sent in 2004 to Kaechon")
            camp = groups["detention.prison_camp"][0].start
            own_time = any(time.start >= camp for time in sentence.times)
            held = [
                t
                for t in groups["detention.arbitrary"]
                if own_time
                or not (t.end <= camp and _AND_SENT.search(_text_of(sentence, t.end, camp)))
            ]
            if held:
                groups["detention.arbitrary"] = held
            else:
                del groups["detention.arbitrary"]
        if "detention.arbitrary" in groups and any(v.startswith("disappearance.") for v in groups):
            # a disappearance or an abduction is the seizure it states ("were
            # seized together near their home on Sado Island")
            held = [t for t in groups["detention.arbitrary"] if not _SEIZED.match(t.text)]
            if held:
                groups["detention.arbitrary"] = held
            else:
                del groups["detention.arbitrary"]
        if (
            "detention.torture" in groups
            and any(t.text.startswith("sold ") for t in groups.get("sexual_violence", []))
            and not sentence.actors
        ):
            # "brokers sold her ... to a farmer, who kept her locked in the house
            # and beat her": the buyer's abuse is the trafficking's, no state's torture
            del groups["detention.torture"]
        for trigger in _for_the_same_reason(sentence, records, groups, text, spans or []):
            groups[trigger.violation].append(trigger)
        offence = _offence_found_before(sentence, groups, records, text, spans or [])
        if offence is not None:
            # "The court finds that ... the accused brought ... memory cards holding
            # South Korean dramas and sold them ... The court sentences the accused
            # to ten years": punished for what he passed on
            sentencing = next(t for g in groups.values() for t in g if _SENTENCING.match(t.text))
            groups["expression.suppression"].append(
                replace(sentencing, violation="expression.suppression", kind="incident")
            )
        told: list[Record] = []  # this sentence's records so far
        for group in sorted(groups.values(), key=lambda g: g[0].start):
            record = _record(sentence, group, main_country)
            if record is None:
                continue
            if offence is not None:
                _for_the_offence_found(record, offence, text, anchor)
            if records and _alongside(records, record, sentence, group, last_seen, index):
                continue
            if records and _taken_north_after(
                records, record, sentence, text, spans or [], by_violation, last_seen, index
            ):
                continue
            _perpetrator_told_before(record, sentence, group, records, told, text, spans or [])
            if record.place is None and record.violation != "detention.prison_camp":
                _in_the_camp_before(record, sentence, records, text)
            if record.place is None and record.violation in _IN_CUSTODY_ACTS and records:
                _in_custody_before(record, sentence, records[-1])
            if record.place is None and text:
                _the_camp_named_before(record, sentence, text)
            if record.place is None and text:
                _the_city_named_before(record, sentence, text)
            if record.violation == "labor.forced" and text:
                _under_a_campaign_ordered(record, sentence, records, text, spans or [], anchor)
            if record.violation == "disappearance.enforced" and not record.victims.names:
                _gone_since_arrest(record, sentence, records)
            told.append(record)
            if all(t.form == "retelling" for t in group):
                _add_retelling(records, by_violation, last_seen, record, index)
                continue
            if _suspects_held_abroad(record, sentence, text):
                continue
            year = None  # the year a record told just before gives the one "he" points to
            story: Record | None = None  # that record
            whence = True  # whether it also tells where (the act told just before is it)
            if record.date is None and records and _SINCE_THEN.match(sentence.text):
                # "Since then the family has received no information ...": since
                # the act just told
                record.date = records[-1].date
            if record.refers_back:
                if named is not None and _refer_back(record, named, sentence):
                    year = _story_told_before(record, named, sentence, text, spans or [])
                    story = named
                    if year is None and _story_goes_on(named, sentence, text, spans, records):
                        year, whence = (named.date or "")[:4], False  # (see below)
                    if (
                        year is not None
                        and record.violation == "disappearance.enforced"
                        and named.violation == "disappearance.abduction"
                    ):
                        # "... taken from there to Pyongyang. Her parents heard
                        # nothing from her": the abduction told again
                        record.violation = named.violation
                else:
                    _subject_before(record, sentence, text, full_names, spans or [], anchor)
            elif record.refers_to_group and records and not _THOSE_OPEN.match(sentence.text):
                # the last group told, past a measure told after it ("Police
                # arrested three women ... Such calls can bring a sentence ...
                # Their families have not been told where they are held")
                them = next(
                    (
                        r
                        for r in reversed(records[-GROUP_LOOKBACK:])
                        if r.kind == "incident" and (r.victims.count or len(r.victims.names)) > 1
                    ),
                    records[-1],
                )
                _group_before(record, them, sentence)
                _they_named_before(record, sentence, text, spans or [], records)
            elif record.refers_to_group and _they_named_before(
                record, sentence, text, spans or [], records
            ):
                pass  # (no group told before them: the people named are all)
            elif (told_group := _the_group_told_before(record, records)) is not None:
                _group_before(record, told_group, sentence)
            elif (counted_before := _the_number_told_before(record, records, sentence)) is not None:
                # (who did another kind of act to them is not who did this: "Lao
                # police stop the nine ... the nine ... have heard nothing of them")
                _the_same_case(record, counted_before, counted_before.family == record.family)
            elif (
                family := _the_family_told_before(record, records, sentence, group[0].start)
            ) is not None:
                record.victims.count_text = None  # (these words give no number)
                _same_people(record, family)
                if record.date is None and family.date:
                    record.date = family.date[:4]  # (told next: in the same year at least)
            elif (
                record.violation == "movement.forced_return"
                and (holder := _group_held_abroad(records, sentence)) is not None
                and record.perpetrator in (None, holder.perpetrator)
            ):
                _sent_back_by_holder(record, holder)
            elif (whole := _group_of_members(record, records, sentence)) is not None:
                record.date, record.date_end = whole.date, whole.date_end
            elif (the := _THE_NOUN.fullmatch(record.victims.count_text or "")) is not None and (
                group_told := _group_called(the.group(1), record, records, sentence)
            ) is not None:
                record.victims.count_text = None  # (these words give no number)
                _the_same_case(record, group_told)
            elif (
                the is not None
                and text
                and (counted := _group_called_in_words(the.group(1), sentence, text)) is not None
            ):
                record.victims.count_text = None
                _the_group_in_words(record, counted)
            elif (
                the is not None
                and text
                and not record.victims.names
                and (named_as := _named_as_the(the.group(1), sentence, text)) is not None
            ):
                # "The accused, Kang Song-nam, male, born 1981, ..." and then "The
                # court sentences the accused to ten years": the one so named
                record.victims.names, record.victims.count = [named_as], 1
            elif (record.victims.count_text or "").lower() in self_words() and records:
                # "I", "me": the one telling, whose story the record just before told
                year = _story_told_before(record, records[-1], sentence, text, spans or [])
                story = records[-1] if year else None
            if (
                record.victims.count is None
                and not record.victims.count_text
                and (
                    shared := next(
                        (r for r in reversed(told[:-1]) if r.victims.names and r.victims.count),
                        None,
                    )
                )
                and record.victims.names in ([], shared.victims.names)
                # (not "made the women work": others too)
                and not _THE_PLURAL.search(sentence.text)
            ):
                # "Ri Sun-hee, 52: arrested in Hamhung ... for praying with
                # neighbours, and sent to a re-education camp": the acts one
                # sentence tells after the first, with no one of their own, are
                # done to the same people
                _same_people(record, shared)
            if record.date is None and (
                dated := next(
                    (
                        r
                        for r in reversed(told[:-1])
                        if r.date and r.victims.count_text == record.victims.count_text
                    ),
                    None,
                )
            ):
                # "38 women held at the Musan holding centre between 2014 and
                # 2016, all of whom said that guards beat them": what was done to
                # the same people, when the sentence dates only the first act
                record.date, record.date_end = dated.date, dated.date_end
            if text and any(" " not in name for name in record.victims.names):
                # "Mr Lindqvist was detained ...", after "the Swedish engineer, Arne
                # Lindqvist": the whole name told before
                record.victims.names = [
                    name
                    if " " in name
                    else _whole_name_before({name}, sentence.start, full_names) or name
                    for name in record.victims.names
                ]
            person = _named_by_part(record, sentence, people)
            if person is not None:
                record.victims.names = list(person.victims.names)
                record.victims.count = 1
                record.victims.sex = record.victims.sex or person.victims.sex
                if not record.nationality_stated:
                    record.victims.nationality = person.victims.nationality
                    record.nationality_stated = person.nationality_stated
            elif text and (speaker := _speaker_named(record, sentence, text, full_names)):
                record.victims.names = [speaker[0]]
                record.victims.sex = record.victims.sex or speaker[1]
            elif text and (full := _name_told_before(record, sentence, full_names)):
                record.victims.names = [full]
                if not _listed_after_title(record.victims.count_text):
                    companions = record.companions
                    record.victims.count = None if companions is None else 1 + companions
            elif text and (kin := _kin_named_before(record, sentence, text)):
                record.victims.names = [kin]
            elif (members := _members_named_before(record, told[:-1] or records[-1:])) is not None:
                record.victims.names = list(members.victims.names)
                if not record.nationality_stated and members.nationality_stated:
                    record.victims.nationality = members.victims.nationality
                    record.nationality_stated = True
            elif text and (named_there := _members_named_just_before(record, sentence, full_names)):
                record.victims.names = named_there
            if (
                year is None
                and record.date is None
                and len(record.victims.names) == 1
                and (
                    same_person := next(
                        (
                            r
                            for r in reversed(records)
                            if record.victims.names[0] in r.victims.names
                        ),
                        None,
                    )
                )
            ):
                # "Mr Kim has told reporters that interrogators gave him electric
                # shocks", right after his arrest in March 2012: that year
                year = _story_told_before(record, same_person, sentence, text, spans or [])
                story = same_person if year else None
                if year is None and _story_goes_on(same_person, sentence, text, spans, records):
                    # "In April 2011 police picked her up ... They then ... handed
                    # them over. For a month she was questioned": that year, no more
                    year, story, whence = (same_person.date or "")[:4], same_person, False
            if len(record.victims.names) == 1 and (
                record.victims.count in (1, None)
                # ("sent her to Camp 18 ..., together with her mother": she is the one
                # "she" then stands for)
                or (record.companions != 0 and record.victims.count_text is None)
            ):
                named = record
                people.append(record)
            elif (
                not record.victims.names
                and (
                    record.victims.count == 1
                    or (record.victims.count is None and _one_person(record.victims.count_text))
                )
                and not (
                    # ("... raped her at the Musan holding centre in May 2012, two weeks
                    # after Chinese police had handed her over at the border. She bled
                    # for days afterwards": the story goes on from the act in the
                    # North, not from the return that brought her there)
                    record.family in _CROSSES_BORDERS
                    and named is not None
                    and named.family not in _CROSSES_BORDERS
                    and named.evidence[-1].start == sentence.start
                )
            ):
                named = record
            for position in reversed(by_violation[record.violation]):
                earlier = records[position]
                if _same_act(earlier, record, sentence, index - last_seen[position]):
                    if earlier.evidence[-1].start != sentence.start:
                        earlier.evidence.append(record.evidence[0])
                        earlier.confidence = min(0.97, earlier.confidence + 0.03)
                    _fill_from_retelling(earlier, record)
                    last_seen[position] = index
                    if named is record:
                        named = earlier  # (who "she" stands for next: the act's whole record)
                    break
            else:
                if year is not None and story is not None:
                    record.date = year  # (a new act, not the one told before again)
                    if record.date_from_section:
                        record.date_end = None  # (the period's end went with it)
                if year is not None and story is not None and whence:
                    if story.family == "detention" and (
                        record.violation == "disappearance.enforced"
                        or _WHEN_TAKEN.search(sentence.text)
                    ):
                        # "... was taken on 9 November 2021. His wife has had no
                        # word of him since": gone since that day; "they beat her
                        # ... when they took her": done that day
                        record.date = story.date
                    if record.place is None and record.country in (None, story.country):
                        record.place = story.place  # (and, as far as it says, where)
                        known = gazetteer().get(story.place or "")
                        if known is not None and known.country and record.country_assumed:
                            # (after "handed her over at the border" to Musan: Musan's)
                            record.country = known.country
                _keep(records, by_violation, last_seen, record, index)
    return records


# an act done as the arrest told just before was made: "when they took her"
_WHEN_TAKEN = re.compile(
    r"\b(?:when|as|while)\s+(?:they|police|agents|officers|soldiers|guards)\s+"
    r"(?:took|arrested|detained|seized|picked\s+up|came\s+for)\s+(?:her|him|them)\b"
    r"|\bduring\s+(?:the|her|his|their)\s+arrest\b",
    re.IGNORECASE,
)


# what the North does to its own people, not to visitors: a victim of these in
# the North (a place there, or a camp of its own), no one named as doing it, is
# North Korean
_THE_STATES_OWN = frozenset(
    {"life.execution", "detention.prison_camp", "labor.forced", "expression.suppression"}
)


def _alongside(
    records: list[Record],
    record: Record,
    sentence: Sentence,
    group: list[Trigger],
    last_seen: dict[int, int],
    index: int,
) -> bool:
    """Whether ``record`` tells of more people the act of the sentence just
    before was done to ("Kim Hyok-chol ... had been executed by firing squad in
    March. Four officials ... were said to have been shot with him"): if so,
    they join its victims, and the sentence its evidence."""
    end = group[-1].end - sentence.start
    if not _WITH_THEM.match(sentence.text, end):
        return False
    position = len(records) - 1  # (the act told last)
    earlier = records[position]
    if (
        last_seen.get(position) != index - 1
        or earlier.family != record.family
        or earlier.kind != "incident"
        or record.date not in (None, earlier.date)
        or record.victims.count is None
        or record.victims.names
    ):
        return False
    before = earlier.victims.count or len(earlier.victims.names) or 1
    earlier.victims.count = before + record.victims.count
    earlier.victims.count_text = None
    earlier.evidence.append(record.evidence[0])
    last_seen[position] = index
    return True


def _taken_north_after(
    records: list[Record],
    record: Record,
    sentence: Sentence,
    text: str,
    spans: list[tuple[int, int]],
    by_violation: dict[str, list[int]],
    last_seen: dict[int, int],
    index: int,
) -> bool:
    """Whether ``record``, people taken to the North told with no time, place or
    one of their own, goes on with the arrest told in the sentence right before,
    by the North's forces in another country ("North Korean soldiers came to
    our house in Seoul and took my father away ... A neighbour saw them being
    marched north"): if so, that arrest was the abduction, told in both."""
    position = len(records) - 1
    earlier = records[position]
    if (
        record.violation != "disappearance.abduction"
        or record.date is not None
        or record.place is not None
        or record.victims.names
        or record.victims.count is not None
        or earlier.violation != "detention.arbitrary"
        or earlier.kind != "incident"
        or earlier.country in (None, "KP")
        or actor_country(earlier.perpetrator or "") != "KP"
        or not text
        or not _told_right_before(earlier, sentence, text, spans)
    ):
        return False
    earlier.violation = record.violation
    earlier.evidence.append(record.evidence[0])
    by_violation["detention.arbitrary"].remove(position)
    by_violation[record.violation].append(position)
    last_seen[position] = index
    return True


# an act done to others beside the one just told of: "shot with him"
_WITH_THEM = re.compile(r"\s+(?:together\s+|along\s+)?with\s+(?:him|her|them)\b")


def _keep(
    records: list[Record],
    by_violation: dict[str, list[int]],
    last_seen: dict[int, int],
    record: Record,
    index: int,
) -> None:
    """A new act's record, told in sentence ``index``, among the document's records."""
    last_seen[len(records)] = index
    by_violation[record.violation].append(len(records))
    records.append(record)


def _beaten_to_death(
    records: list[Record],
    by_violation: dict[str, list[int]],
    last_seen: dict[int, int],
    retold: Record,
    index: int,
) -> None:
    """A death told after a beating of one person ("soldiers beat a teenager
    ...; he died of his injuries two days later") is a killing, of whom, when
    and where the beating tells, by those who beat."""
    beaten = [
        p
        for p in by_violation["detention.torture"]
        if index - last_seen[p] <= RETELLING_WINDOW
        and (records[p].victims.count == 1 or len(records[p].victims.names) == 1)
    ]
    if not beaten:
        return
    torture = records[beaten[-1]]
    killing = replace(
        torture,
        violation="life.killing",
        victims=replace(torture.victims, names=list(torture.victims.names)),
        evidence=list(torture.evidence),
    )
    if retold.evidence[0].start != killing.evidence[-1].start:
        killing.evidence.append(retold.evidence[0])
    _keep(records, by_violation, last_seen, killing, index)


# a relative named once in apposition: "my brother, Cho Min-guk,"
_KIN_WORDS = r"(?:my|his|her|our|their)\s+(?:[a-z]+\s+)?[a-z]+"


def _kin_named_before(record: Record, sentence: Sentence, text: str) -> str | None:
    """The name the document gave, in apposition, to the relative the record's
    victim phrase names ("I am writing about my brother, Cho Min-guk, ..." then
    "... that my brother had been beaten"), if it gave one."""
    victims = record.victims
    words = victims.count_text or ""
    if victims.names or victims.count != 1 or not re.fullmatch(_KIN_WORDS, words):
        return None
    named = re.search(
        rf"\b{re.escape(words)},\s+([A-Z][a-z]+(?:[ -][A-Z]?[a-z]+){{1,3}}),",
        text[: sentence.start],
        re.IGNORECASE if words[:1].isupper() else 0,
    )
    return named.group(1) if named else None


# a group counted again by the words that point back to it: "both men", "the two
# brothers", "all three"
_GROUP_AGAIN = re.compile(r"(?:both|the|all)\s+\S.*", re.IGNORECASE)


def _members_named_just_before(
    record: Record, sentence: Sentence, names: Callable[[], list[tuple[int, str]]]
) -> list[str] | None:
    """The names of the sentence just before, if it names as many people as
    ``record`` counts by words that point back to a group ("Ichikawa Shuichi,
    23, and Masumoto Rumiko, 24, drove to a beach ... North Korean agents
    seized the two there"); the records told before were looked at first."""
    victims = record.victims
    if victims.names or not victims.count or victims.count < 2 or sentence.before is None:
        return None
    if not _GROUP_AGAIN.fullmatch(victims.count_text or ""):
        return None
    start, end = sentence.before
    there = [name for at, name in names() if start <= at < end and _may_be_a_name(name)]
    return there if len(there) == victims.count else None


def _members_named_before(record: Record, before: list[Record]) -> Record | None:
    """The record, among ``before``, that named as many people as ``record``
    counts by words that point back to a group and names none ("Kim Kuk-gi and
    Choe Chun-gil were detained in 2014; ... sentenced both men to life")."""
    victims = record.victims
    if victims.names or not victims.count or victims.count < 2:
        return None
    if not _GROUP_AGAIN.fullmatch(victims.count_text or ""):
        return None
    return next((r for r in reversed(before) if len(r.victims.names) == victims.count), None)


def _fill_from_retelling(earlier: Record, later: Record) -> None:
    """What a later report of the same act tells that the first left unsaid:
    when ("... had been executed. ... the sentence was carried out on
    Thursday"), who ("They were arrested in Musan. Agents arrested the
    brothers, Cha Min-ho and Cha Min-su, ..."), and who acted."""
    if earlier.date is None and later.date is not None:
        earlier.date, earlier.date_end = later.date, later.date_end
    elif (
        earlier.date is not None
        and later.date is not None
        and earlier.date_end is None
        and later.date.startswith(earlier.date + "-")
    ):
        earlier.date = later.date  # ("taken ... in 1975", then "seized ... in August 1975")
    if not earlier.victims.names and later.victims.names:
        earlier.victims.names = list(later.victims.names)
        if earlier.victims.count is None:
            earlier.victims.count = later.victims.count
        earlier.victims.sex = earlier.victims.sex or later.victims.sex
    if earlier.perpetrator is None:
        earlier.perpetrator = later.perpetrator
    if not (earlier.victims.names or earlier.victims.count_text or earlier.victims.count) and (
        later.victims.count is not None or later.victims.count_text
    ):
        # an act told without its victims, then who they were: "fighters ... opened
        # fire. ... every one of the 31 Americans aboard it ... lost their lives"
        earlier.victims = replace(later.victims, names=list(later.victims.names))
        earlier.nationality_stated = later.nationality_stated
    if (
        earlier.victims.count is None
        and later.victims.count is not None
        and not earlier.victims.names
        and _THE_ONE.match(earlier.victims.count_text or "")
    ):
        # "The woman who was shot ... has died", told before "... a woman": one
        earlier.victims.count = later.victims.count
    if (
        earlier.place is None
        and later.place
        and (later.country in (None, earlier.country) or earlier.country_assumed)
    ):
        earlier.place = later.place  # ("... detained him in Chongjin")
        if earlier.country_assumed and not later.country_assumed:
            # where the first report did not say: "taken to the North with his
            # boat in 1975", then "seized in the East Sea" (no country's)
            earlier.country, earlier.country_assumed = later.country, False
    elif earlier.country_assumed and not later.country_assumed and later.country:
        # where the first report did not say, and the later one does ("Lowrance was
        # caught on 16 October", then "North Korea to deport detained American")
        earlier.country, earlier.country_assumed = later.country, False


def _add_retelling(
    records: list[Record],
    by_violation: dict[str, list[int]],
    last_seen: dict[int, int],
    retold: Record,
    index: int,
) -> None:
    """A sentence that tells again the act of the last sentence or the one before
    ("X was killed, police said. He collapsed at the airport on 13 February ...
    and died on the way to hospital") is more evidence for that act's record,
    and gives the date and place it lacked; with no such act, it is nothing."""
    recent = [p for p in by_violation[retold.violation] if index - last_seen[p] <= RETELLING_WINDOW]
    if not recent and retold.violation == "life.killing":
        _beaten_to_death(records, by_violation, last_seen, retold, index)
        return
    if not recent:
        return
    position = recent[-1]
    earlier = records[position]
    earlier.evidence.append(retold.evidence[0])
    if earlier.date is None and retold.date is not None:
        earlier.date, earlier.date_end = retold.date, retold.date_end
    if earlier.place is None and retold.place is not None:
        earlier.place = retold.place
        earlier.country = earlier.country or retold.country
    last_seen[position] = index


# a remark after a name that describes the person, not a clause ("Cha Min-su,
# after finding two Chinese phones" gives no nationality)
_APPOSITIVE = re.compile(
    r"\s*,\s*(?!\s*(?:after|before|when|while|who|which|that|and|but|in|on|at|for|from|with|by|"
    r"as|since|until|because|where|whose|though|although|if)\b)([^,.;:()]{1,80})",
    re.IGNORECASE,
)


def _nationality_told_elsewhere(text: str, name: str) -> str | None:
    """The nationality the document gives a named person at any mention of the
    name: before it ("American student Otto Warmbier") or in an appositive after
    it ("Otto Warmbier, the American university student")."""
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
            found = nationality_before(text[max(0, at - 60) : at])
            appositive = _APPOSITIVE.match(text, end)
            if found is None and appositive:
                found = nationality_near(appositive.group(1))
            remark = _REMARK.match(text, end)
            if found is None and remark:
                found = nationality_of_country_possessive(remark.group())
            if found is None and remark and " from " in remark.group():
                found = _home_in(remark.group())  # "a road worker from Ohio": American
            described = _WAS_A.match(text, end) if found is None else None
            if described is not None:
                found = nationality_near(described.group(1))  # "X was a South Korean pastor"
            home = _OF_PLACE.match(text, end) if found is None else None
            if home is not None:
                # "Merrill Newman, of Palo Alto, California, was ...": American
                found = next((p.country for p in find_places(home.group(1)) if p.country), None)
            if found is None and _CROSSED_OUT.match(text, end):
                found = "KP"  # "My daughter Eun-hye crossed the river in the spring of 2016"
            if found is None and _NAME_FIELD.search(text, text.rfind("\n", 0, at) + 1, at):
                # a form's "Name | Jo Eun-bi" and, a few fields on, "Nationality |
                # North Korean"
                field = _NATIONALITY_FIELD.search(text, end, end + FORM_FIELDS_CHARS)
                found = nationality_near(field.group(1)) if field else None
            if found:
                return found
        at = text.find(name, end)
    return None


# one who left the North, told right after the name: "crossed the river", "fled
# North Korea" (not "crossed the Tumen into North Korea")
_CROSSED_OUT = re.compile(
    r"\s+(?:(?:had\s+)?crossed\s+the\s+(?:frozen\s+)?(?:river|Tumen|Yalu|border)"
    r"(?!\s+(?:into|to)\s+(?:North\s+Korea|the\s+North))"
    r"|(?:had\s+)?(?:left|fled|escaped\s+from)\s+(?:North\s+Korea|the\s+North))\b"
)
# a form's field for a person's name, up to the name: "Name | ", "**Full name:** "
_NAME_FIELD = re.compile(r"^[ \t*_]*(?i:(?:full\s+)?name)[ \t*_]*[:|][ \t*_]*$", re.MULTILINE)
# and for the person's nationality, with its value
_NATIONALITY_FIELD = re.compile(
    r"^[ \t*_]*(?i:nationality|citizenship)[ \t*_]*[:|][ \t*_]*([^\n|]{2,40})", re.MULTILINE
)
FORM_FIELDS_CHARS = 300  # how far on from the name field its nationality field may be


_FROM_PLACE = re.compile(r"\bfrom\s+(?:the\s+)?$")
# what a person "was" or "is", told after the name: "Kim Dong-shik was a South Korean pastor"
_WAS_A = re.compile(r"\s+(?:was|is)\s+(an?\s+[^,.;:()]{1,40})")


def _home_in(remark: str) -> str | None:
    """The country of a place a remark says a person is from, right after
    "from" ("a road worker from Ohio"), not one further on ("from a church
    near Toronto")."""
    for place in find_places(remark):
        if place.country and _FROM_PLACE.search(remark, 0, place.start):
            return place.country
    return None


# where a person lives, in a news item's way: ", of Palo Alto, California,"
_OF_PLACE = re.compile(r",\s+of\s+([A-Z][^,;:()]{1,40}(?:,\s*[A-Z][^,;:()]{1,30})?),")
_ONE_NOUN = re.compile(r"(?:a|an|the)\s+([a-z][\w-]+)", re.IGNORECASE)
_NAME_THEN_NOUN = re.compile(r",\s+(?:a|an|the)\s+([a-z][\w-]+)\s*[,.]")


def _noun_after_name(text: str, name: str) -> re.Match[str] | None:
    """The word for the person right after the name's first mention ("Tom Ellery,
    a missionary,")."""
    at = text.find(name)
    return None if at == -1 else _NAME_THEN_NOUN.match(text, at + len(name))


_THE_NUMBER = re.compile(r"(?i:the)\s+\S+")
_THE_PLURAL = re.compile(r"(?:\w+\s+of\s+)?(?i:the)\s+([a-z]+s|women|men|children|people)")
_WORKERS = re.compile(r"workers?|labou?rers?|employees?")
_ONE_OF = re.compile(r"(?i:a|an|one)\s+(worker|labou?rer|employee)")  # one of a group told before


_REACHED_THE_SOUTH = re.compile(
    r"\b(?:he|she|they|I|we)\s+(?:(?:later|eventually|finally|then|again|too)\s+)?"
    r"(?:[a-z]+,?\s+){0,4}?(?:defected|fled|escaped|reached|arrived\s+in|resettled\s+in)\b"
    r"[^.;]{0,60}?\b(?:South\s+Korea|Seoul)\b"
)


# one whose story the text tells leaving the North: "Ms. K left North Korea in 2016"
_LEFT_THE_NORTH = re.compile(
    r"\b(?:she|he|(?-i:M(?:r|s|rs)\.?\s+[A-Z][\w'’-]*))\s+(?:[a-z]+\s+){0,2}?"
    r"(?:left|fled|escaped(?:\s+from)?)\s+(?:North\s+Korea|the\s+North|the\s+DPRK)\b",
    re.IGNORECASE,
)
_LEFT_CHARS = 400  # how far back, within a story, that is told


def settle_nationalities(
    records: list[Record], text: str, title: str | None = None, main_country: str | None = None
) -> None:
    """Named victims whose nationality their sentences left unsaid take the one
    the document gives them elsewhere: a statement introduces "Otto Warmbier, the
    American university student" once, then tells of his arrest by name. Every
    record of a person then takes what one of them found; failing that, the one
    nationality of people the ``title`` names ("Three detained Americans freed");
    failing all, the document's ``main_country``."""
    known: dict[str, str] = {}
    in_title = nationality_in_title(title or "")
    for record in records:
        count = record.victims.count
        if (
            not record.nationality_stated
            and count
            and _THE_NUMBER.fullmatch(record.victims.count_text or "")
        ):
            # "the nine young North Koreans whom Laos returned ... police stop the nine"
            found = nationality_of_group(text, record.evidence[0].start, count=count)
            if found:
                record.victims.nationality = found
                record.nationality_stated = True
        the_group = _THE_PLURAL.fullmatch(record.victims.count_text or "") or _ONE_OF.fullmatch(
            record.victims.count_text or ""
        )
        if not record.nationality_stated and the_group:
            # "many of the women", after "more than 100 North Korean women"; "a
            # worker", after "North Korean workers kept behind walls ..."
            noun = the_group.group(1)
            found = nationality_of_group(
                text, record.evidence[0].start, noun=noun
            ) or nationality_of_group(text, record.evidence[0].start, noun=f"{noun}s")
            if not found and _WORKERS.fullmatch(noun):
                # "some of the workers", after "hundreds of North Koreans were
                # working in seafood plants": the workers a record told of before
                found = next(
                    (
                        r.victims.nationality
                        for r in records
                        if r.violation == "labor.forced"
                        and r.nationality_stated
                        and r.evidence[0].start < record.evidence[0].start
                    ),
                    None,
                )
            if found:
                record.victims.nationality = found
                record.nationality_stated = True
        if (
            not record.nationality_stated
            and not record.victims.names
            and record.kind == "incident"
            and record.victims.count in (None, 1)
            # ("her", "him": one person, who may be counted only later)
            and (
                (record.victims.count_text or "").lower() in _PRONOUNS
                or (record.victims.count_text is None and record.victims.sex is not None)
            )
            and _LEFT_THE_NORTH.search(
                text, max(0, record.evidence[0].start - _LEFT_CHARS), record.evidence[0].start
            )
        ):
            # "Ms. K left North Korea in 2016 ... Chinese police detained her":
            # one of the North's people, wherever she was held
            record.victims.nationality, record.nationality_stated = "KP", True
        nationality = record.victims.nationality
        if record.nationality_stated and nationality:
            known.update((name, nationality) for name in record.victims.names)
            continue
        if not record.victims.names:
            continue
        for name in record.victims.names:
            found = _nationality_told_elsewhere(text, name)
            if found:
                break
        else:
            # "Hyeon Soo Lim, a pastor": the nationality of the "Canadian pastor"
            one = _ONE_NOUN.fullmatch(record.victims.count_text or "")
            if one is None and len(record.victims.names) == 1:
                one = _noun_after_name(text, record.victims.names[0])
            found = nationality_of_noun(text, one.group(1)) if one else None
        if not found:
            # "Three South Korean missionaries are held ... Kim Jung-wook was arrested"
            start = record.evidence[0].start
            paragraph = text.rfind("\n\n", 0, start) + 1
            found = nationality_of_members(text, paragraph, start, len(record.victims.names))
        if found:
            record.victims.nationality = found
            record.nationality_stated = True
            known.update((name, found) for name in record.victims.names)
    for record in records:
        if not record.nationality_stated and record.victims.names:
            found = next((known[n] for n in record.victims.names if n in known), in_title)
            if found:
                record.victims.nationality = found
                record.nationality_stated = True
    taken_for_south = [
        record
        for record in records
        if not record.nationality_stated
        and record.country == "KP"
        and record.victims.nationality == "KR"
    ]
    if taken_for_south and _REACHED_THE_SOUTH.search(text):
        # a defector's story, mostly told of South Korea, where they live now: what
        # was done to them in the North was done to North Koreans
        for record in taken_for_south:
            record.victims.nationality = "KP"
    for record in records:
        victims = record.victims
        if victims.nationality is None and victims.names and not record.nationality_stated:
            # named only later (from a part of the name, a form's field): of the
            # document's country, as any other victim whose nationality is unsaid
            victims.nationality = main_country or record.country


@cache
def _refuted() -> re.Pattern[str]:
    return re.compile(sentence_rules()["refuted"], re.IGNORECASE)


def without_asked_for_returns(
    records: list[Record], text: str, spans: list[tuple[int, int]]
) -> list[Record]:
    """The records but returns told, within a sentence or two of their own, as
    asked for by those returned ("Three North Korean fishermen returned home at
    their own request ... All three men said ... that they wished to go home"):
    no one forced back."""
    if not any(r.violation == "movement.forced_return" for r in records) or not _ASKED_TO_GO.search(
        text
    ):
        return records
    starts = [start for start, _ in spans]
    kept = []
    for record in records:
        if record.violation == "movement.forced_return":
            index = bisect.bisect_right(starts, record.evidence[0].start) - 1
            near = [
                text[slice(*spans[i])]
                for i in range(
                    max(0, index - ASKED_SPANS), min(len(spans), index + ASKED_SPANS + 1)
                )
            ]
            if any(_asked_to_go(told) for told in near) and not any(
                _AGAINST_THEIR_WILL.search(told) for told in near
            ):
                continue
        kept.append(record)
    return kept


# what those returned are told to have asked for: "at their own request", "they
# wished to go home", "of his own free will"
_ASKED_TO_GO = re.compile(
    r"\b(?:at\s+(?:their|his|her)\s+own\s+request|(?:wished|wanted|asked|chose|decided)\s+to\s+"
    r"(?:go\s+(?:home|back)|return\b)|of\s+(?:their|his|her)\s+own\s+(?:free\s+)?will)",
    re.IGNORECASE,
)
# ... unless it is a claim, or denied: "Beijing claimed they had asked to return",
# "did not wish to go home"
_ONLY_CLAIMED = re.compile(
    r"\b(?:claim\w*|insist\w*|alleg\w*|so-called|supposedly|not|never|n[’']t)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
ASKED_SPANS = 4  # spans (sentences and the blank lines between) either side
# and told otherwise: "North Korea told Italy that she had asked to go home ... A
# former diplomat said she had been taken back against her will"
_AGAINST_THEIR_WILL = re.compile(
    r"\bagainst\s+(?:her|his|their)\s+will\b|\bforcibly\b|\bby\s+force\b", re.IGNORECASE
)


def _asked_to_go(told: str) -> bool:
    return any(
        not _ONLY_CLAIMED.search(told, 0, asked.start()) for asked in _ASKED_TO_GO.finditer(told)
    )


def without_refuted(records: list[Record], text: str, spans: list[tuple[int, int]]) -> list[Record]:
    """The records but those the next sentence says were wrong ("... reported
    that the singer had been executed ... The story was wrong."): a claim
    refuted, not an act."""
    kept = []
    starts = [start for start, _ in spans]
    for record in records:
        index = bisect.bisect_right(starts, record.evidence[-1].start)
        following = (
            told
            for i in range(index, min(index + REFUTED_SPANS, len(spans)))
            if (told := text[slice(*spans[i])]).strip()
            and not _LIST_MARK.fullmatch(told)
            and not _HEADING.fullmatch(told.strip())
        )
        first = next(following, None)
        if first is not None and _refuted().match(first):
            continue  # "... had been executed ... The story was wrong."
        after = [first, *itertools.islice(following, 2)] if first and record.victims.names else []
        if any(
            (refuted := _refuted().match(told)) is not None
            and refuted.group("whom") is not None
            and _names_told(record, after[i - 1 : i])
            for i, told in enumerate(after[1:3], 1)
        ):
            # "... and that Kim Yong-chol had been sent to a labour camp. ## What we
            # know: Kim Yong-chol appeared in public ... The story about him was wrong."
            continue
        kept.append(record)
    return kept


REFUTED_SPANS = 8  # spans (blank lines and headings among them) read for a refutation


def _names_told(record: Record, sentences: list[str]) -> bool:
    """Whether one of ``sentences`` names one of the people ``record`` names."""
    return any(name in told for name in record.victims.names for told in sentences)


# a profile's heading that is a Korean name ("## Ko Myong-sun"): the person its items are about
_NAME_HEADING = re.compile(r"#{1,6}[ \t]+([A-Z][a-z]{0,4} [A-Z][a-z]+-[a-z]+)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^#{1,6}[ \t]+.*$", re.MULTILINE)


def named_by_heading(records: list[Record], text: str, main_country: str | None) -> None:
    """Records whose victims the sentence leaves unnamed and uncounted ("-
    **Arrested:** 14 April 2017 in Kanggye, by state security officers") take
    the person a profile's heading names, the last heading before them."""
    if "#" not in text:
        return
    headings = [(m.start(), m.end()) for m in _HEADING.finditer(text)]
    for record in records:
        victims = record.victims
        if victims.names or victims.count_text is not None or victims.count not in (None, 1):
            continue
        last = [h for h in headings if h[1] <= record.evidence[0].start][-1:]
        named = _NAME_HEADING.match(text, last[0][0]) if last else None
        if named is not None:
            victims.names = [named.group(1)]
            victims.count = 1
            if not record.nationality_stated or victims.nationality is None:
                victims.nationality = victims.nationality or main_country
                record.nationality_stated = False


# a list's item that opens with a person's name in bold: "- **Ri Chang-ho** (1958–1996). ..."
_NAMED_ITEM = re.compile(
    r"^[ \t]*[-*+•][ \t]+\*\*([A-Z][a-z]{0,4} [A-Z][a-z]+-[a-z]+)\*\*[ \t]*[(:,–—-]",
    re.MULTILINE,
)
_ITEM_END = re.compile(r"\n[ \t]*(?:[-*+•][ \t]|\n)")


def named_by_item(records: list[Record], text: str) -> None:
    """Records told in a list's item that opens with a person's name in bold
    (a memorial list, a list of cases), whose victim is one person the item's
    sentences do not name ("he", "A miner from Kimchaek, he was arrested"),
    take that name."""
    if "**" not in text:
        return
    for item in _NAMED_ITEM.finditer(text):
        end = _ITEM_END.search(text, item.end())
        stop = end.start() if end else len(text)
        for record in records:
            victims = record.victims
            said = (victims.count_text or "").lower()
            if (
                item.end() <= record.evidence[0].start < stop
                and not victims.names
                and victims.count in (None, 1)
                and (not said or said in _ONE_PERSON or _ONE_NOUN.fullmatch(said))
            ):
                victims.names = [item.group(1)]
                victims.count = 1


def one_by_pronoun(records: list[Record]) -> None:
    """A victim who is still only "he" or "she" (no one told before is the one
    it stands for) is one person: "We were told he had been sent to the
    kyohwaso at Jongori"."""
    for record in records:
        victims = record.victims
        if record.refers_back and victims.count is None and not victims.names:
            victims.count = 1


# a title that names one person: "Case file: Choi Jae-min", "Pak Nam-gi (1934-2010)"
_TITLE_NAME = re.compile(r"(?:^|:\s*)([A-Z][a-z]{0,4} [A-Z][a-z]+-[a-z]+)\s*(?:\(|$)")


def named_by_title(records: list[Record], title: str | None) -> None:
    """A case file's table rows that leave their victim unnamed and uncounted
    ("| 12 January 2021 | Arrested by state security officers in Rason ... |")
    take the person its title names ("Case file: Choi Jae-min")."""
    named = _TITLE_NAME.search(title or "")
    if named is None:
        return
    for record in records:
        victims = record.victims
        if (
            record.evidence[0].text.startswith("|")
            and not victims.names
            and victims.count_text is None
            and victims.count in (None, 1)
        ):
            victims.names = [named.group(1)]
            victims.count = 1
            record.nationality_stated = False  # (settled from what the text says of the name)


# a name
_NAME_WORDS = r"[A-Z][a-z]+(?:-[a-z]+)?(?:[ \t]+[A-Z][a-z]+(?:-[a-z]+)?){1,2}"


def held_until_next(records: list[Record], text: str, anchor: PartialDate | None) -> None:
    """A detention told with when it began takes when it ended from the sentence
    right after, when that says so: "In 2000 I was sent to the Yodok camp ... I
    stayed there until 2003." (the span, and that sentence as evidence)."""
    for record in records:
        if record.family != "detention" or record.date is None or record.date_end is not None:
            continue
        until = _STAYED_UNTIL.match(text, record.evidence[-1].end)
        if until is None:
            continue
        when = f"until {until.group('when')}"
        ends = [t.date for t in find_times(when, 0, anchor) if t.date is not None]
        if len(ends) != 1 or ends[0].iso() <= record.date:
            continue
        record.date_end = ends[0].iso()
        start = until.start("sentence")
        rest = _REST_OF_SENTENCE.match(text, until.end())  # (past "2002, after ...")
        end = rest.end() if rest else until.end()
        record.evidence.append(Evidence(start, end, text[start:end]))


_REST_OF_SENTENCE = re.compile(r"(?<=,)[^.;!?]*[.;!?]")  # (the rest, after a comma)
# the sentence after a detention that tells when it ended: "I stayed there until 2003."
# ("He was released in February 2002, after more than two years in custody.")
_STAYED_UNTIL = re.compile(
    r"\s+(?P<sentence>(?:I|He|She|They|We)\s+(?:(?:stayed|remained|was\s+(?:kept|held)|"
    r"were\s+(?:kept|held))\s+(?:there|in\s+(?:the|that)\s+(?:camp|prison|cell))\s+until|"
    r"(?:was|were)\s+(?:released|freed|set\s+free)\s+(?:in|on))\s+"
    r"(?P<when>[^.,;!?\n]{4,30}?)[.,;])"
)


def named_by_interview_title(records: list[Record], title: str | None) -> None:
    """Records of what was done to the one telling ("officers arrested me") take
    the name of the one the title says is interviewed ("Interview: Jung Gwang-il
    on his arrest", "Testimony of Kim Sun-hee")."""
    named = _INTERVIEW_TITLE.match(title or "")
    if named is None:
        return
    for record in records:
        victims = record.victims
        if not victims.names and (victims.count_text or "").lower() in self_words():
            victims.names = [named.group("name")]
            record.nationality_stated = False  # (settled from what the text says of the name)


# the title of an interview with one person, named
_INTERVIEW_TITLE = re.compile(
    r"[\W_]*(?i:interview(?:\s+with)?|testimony(?:\s+of)?|oral\s+history(?:\s+of)?|"
    rf"in\s+conversation\s+with)\s*:?\s+(?P<name>{_NAME_WORDS})\b"
)


# a table's row whose first cell is a person's name: "| Shin Suk-ja | wife | sent to ..."
NAMED_ROW = re.compile(r"[ \t]*\|?[ \t]*([A-Z][a-z]+(?: [A-Z][a-z]*(?:-[a-z]+)?){1,2})[ \t]*\|")


def named_by_row(records: list[Record], text: str, main_country: str | None) -> None:
    """Records a table's row tells that name no one take the person its first
    cell names ("| Shin Suk-ja | wife | sent to the Yodok camp in 1987 |")."""
    if "|" not in text:
        return
    for record in records:
        victims = record.victims
        if victims.names:
            continue
        start = record.evidence[0].start
        row = NAMED_ROW.match(text, text.rfind("\n", 0, start) + 1)
        if row is None or row.end() > record.evidence[0].end or not _may_be_a_name(row.group(1)):
            continue
        victims.names = [row.group(1)]
        victims.count = victims.count or 1
        if victims.nationality is None:
            victims.nationality = main_country
            record.nationality_stated = False


def named_next(records: list[Record], text: str) -> None:
    """Records of one person they do not name take the name the sentence right
    after gives ("... came to my mother's flat ... and took her away. Her name
    is Choi Ok-sun, and she was 61"), and so do later ones of the same relative
    ("my mother had been sentenced to five years")."""
    kin: dict[str, str] = {}  # a relative's words, lower-cased, and the name given
    for record in records:
        victims = record.victims
        if victims.names or victims.count not in (None, 1) or not record.evidence:
            continue
        words = " ".join((victims.count_text or "").lower().split())
        if words in kin:
            victims.names = [kin[words]]
            continue
        told = _NAME_IS.match(text, record.evidence[-1].end)
        if told is None:
            same = _named_as_the_same(words, text, record.evidence[-1].end)
            if same:
                victims.names = [same]
            continue
        sex = "female" if told.group("pronoun") == "Her" else "male"
        if victims.sex not in (None, sex):
            continue
        victims.names = [told.group("name")]
        victims.count = 1
        if re.fullmatch(_KIN_WORDS, words):
            kin[words] = told.group("name")


def _named_as_the_same(words: str, text: str, end: int) -> str | None:
    """The name the sentence right after a record opens with, when the words
    after it call that person what the record's words did ("North Korea put
    one of its vice premiers to death ... Kim Yong-jin, the vice premier
    responsible for education, ...")."""
    if not words:
        return None
    head = words.split()[-1]
    if head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    if len(head) < 3 or not head.isalpha():
        return None
    opening = _NAME_THEN_WORDS.match(text, end)
    if opening is None or head not in opening.group("words").lower().split():
        return None
    return opening.group("name")


# the sentence after one told of a person that names them
_NAME_IS = re.compile(
    rf"\s+(?P<pronoun>Her|His)\s+(?:full\s+|real\s+)?name\s+is\s+(?P<name>{_NAME_WORDS})\b"
)
# or that opens with a name and says who that is: "Kim Yong-jin, the vice premier
# responsible for education, ..."
_NAME_THEN_WORDS = re.compile(
    rf"\s+(?P<name>{_NAME_WORDS}),\s+(?:the|a|an|its|his|her|their)\s+(?P<words>[^,.;]{{2,60}}),"
)


def counted_by_row(records: list[Record], text: str) -> None:
    """Records a table's row tells that count no one take what the row's cell
    under a counting column says ("| Figure | What it counts |" over "| 516 |
    South Koreans abducted by the North ... |": 516; "| 80,000 to 120,000 |
    people held in ... camps |": the words, with no one number)."""
    if "|" not in text:
        return
    found: tuple[Table, ...] | None = None  # (found when first needed)
    for record in records:
        victims = record.victims
        if victims.count is not None or victims.names or not record.evidence:
            continue
        line = text.rfind("\n", 0, record.evidence[0].start) + 1
        if found is None:
            found = tables(text)
        above = bisect.bisect_right(found, line, key=lambda t: t.start) - 1
        if above < 0:
            continue
        table = found[above]
        row = next((row for at, row in table.rows if at == line), None)
        column = next(
            (i for i, (_, cell) in enumerate(table.header) if _COUNT_COLUMN.fullmatch(cell)), None
        )
        if row is None or column is None:
            continue
        row_cells = cells(row, line)
        if len(row_cells) != len(table.header) or not _DIGIT.search(row_cells[column][1]):
            continue
        victims.count = count_in(row_cells[column][1])
        victims.count_text = row_cells[column][1]


# a column that counts people: "Figure", "Number", "How many"
_COUNT_COLUMN = re.compile(
    r"(?i:figures?|numbers?|counts?|totals?|how\s+many|number\s+of\s+(?:people|victims|cases))"
)
_DIGIT = re.compile(r"\d")


def without_expulsions(records: list[Record]) -> list[Record]:
    """The records but North Korea sending away a foreigner ("North Korea said it
    had deported John Short, a 75-year-old Australian missionary"), or any state
    sending foreigners home ("China deported Kevin Garratt to Canada"): an
    expulsion, not the forced return of North Koreans the taxonomy means."""
    return [
        r
        for r in records
        if not (
            r.violation == "movement.forced_return"
            and r.victims.nationality not in (None, "KP")
            and ((r.country == "KP" and r.nationality_stated) or _sent_home(r))
        )
    ]


def _sent_home(record: Record) -> bool:
    """Whether the record's own words send the people it names to their own
    country ("deported Kevin Garratt to Canada", of a Canadian; not "deported
    12 people to Laos", whose nationality is taken from where they were sent)."""
    text = record.evidence[0].text if record.evidence else ""
    return bool(record.victims.names) and any(
        place.kind == "country"
        and place.country == record.victims.nationality
        and text[: place.start].rstrip().endswith(" to")
        for place in find_places(text)
    )
