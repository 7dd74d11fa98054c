"""The prefilter leaves out a rule only when it cannot match: never a match lost."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kirok.extraction import lexicon
from kirok.extraction.actors import actors
from kirok.extraction.prefilter import Alternatives, fold, needs

# every list of patterns the extractor runs through the prefilter
_RULE_KEYS = (
    "demand",
    "instruction",
    "generic",
    "status",
    "fiction",
    "retracted",
    "hypothetical",
    "background",
    "non_human_cause",
    "event_again",
    "reporting",
    "criminal_inquiry",
)


def _rule_patterns() -> list[tuple[str, str]]:
    rules = lexicon.sentence_rules()
    found = []
    for key in _RULE_KEYS:
        value = rules[key]
        for number, pattern in enumerate([value] if isinstance(value, str) else value):
            found.append((f"{key}[{number}]", pattern))
    for number, trigger in enumerate(lexicon.trigger_patterns(), 1):
        found.append((f"violations.jsonl line {number}", trigger.regex.pattern))
    table = actors()
    for field in ("insensitive", "sensitive", "subject", "generic", "contextual", "police"):
        compiled = getattr(table, field)
        if compiled is not None:
            found.append((f"actors: {field}", compiled.pattern))
    return found


_SETTINGS = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


@pytest.mark.parametrize(("where", "pattern"), _rule_patterns(), ids=lambda v: str(v)[:40])
def test_every_match_of_a_data_pattern_holds_what_it_needs(where: str, pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    words = needs(pattern, re.IGNORECASE)

    @_SETTINGS
    @given(st.from_regex(compiled))
    def check(text: str) -> None:
        if compiled.search(text) and words is not None:
            assert any(word in fold(text) for word in words), (where, text, words)

    check()


def test_the_words_a_pattern_needs() -> None:
    assert needs(r"\b(?:urges?|calls?\s+on|asked)\b", re.IGNORECASE) == {"urge", "call", "asked"}
    # the longest string every match holds wins over a shorter one
    assert needs(r"\bwere\s+(?:shot|executed)\s+by\s+soldiers\b") == {"soldiers"}
    # a string holding another in the set is dropped: "ask" is met whenever "asked" is
    assert needs(r"(?:ask|asked|asking)\s+\w+") == {"ask"}
    # an alternation of a few fixed strings is spelt out whole, as a list of names is
    assert needs(r"\bbo(?:rder (?:guards?|patrol)|wibu)\b") == {
        "border guard",
        "border patrol",
        "bowibu",
    }
    # an optional part needs nothing; case does not matter
    assert needs(r"(?:Border\s+)?guards") == {"guards"}
    # nothing worth testing: a class, a single character, an anchor
    assert needs(r"[A-Z]\w+") is None
    assert needs(r"\?\s*$") is None
    assert needs(r"ab|c") is None
    assert needs(r"(?x) shot \s+ dead") == {"shot"}  # (verbose: its spaces are not text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("kill", "\u212aILLED"),  # the Kelvin sign is a K to a case-blind match
        ("shot", "\u017fHOT"),  # the long s is an s
        ("if", "\u0130F"),  # the dotted capital I is an i
        ("if", "\u0131f"),  # and so is the dotless small i
    ],
)
def test_characters_that_match_an_ascii_letter_are_folded_to_it(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE)
    assert pattern in fold(text)


@settings(max_examples=300, deadline=None, database=None)
@given(
    word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=5),
    text=st.text(alphabet="abcdefghijklmnopqrstuvwxyzAEIKS \u0130\u0131\u017f\u212a\u00e9\u2019"),
)
def test_a_case_blind_match_of_a_word_is_found_in_the_folded_text(word: str, text: str) -> None:
    if re.search(re.escape(word), text, re.IGNORECASE):
        assert fold(word) in fold(text)


_SENTENCES = [
    "We urge the authorities to release them.",
    "Border guards shot and killed two women near Hyesan.",
    "Those who are sent back are beaten.",
    "They could be executed if they are caught.",
    "An earlier version of this report said he was arrested.",
    "Floods killed dozens of people in the county.",
    "Do not write 'executed' when the source says 'disappeared'.",
]


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(" ".join)
    | st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,'", max_size=80)
)
def test_alternatives_match_what_the_whole_alternation_matches(text: str) -> None:
    rules = lexicon.sentence_rules()
    patterns = [
        p for key in ("demand", "instruction", "generic", "hypothetical") for p in rules[key]
    ]
    whole = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    gated = Alternatives(patterns, re.IGNORECASE)
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in whole.finditer(text)]
    found, expected = gated.search(text), whole.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_text_with_none_of_the_words_runs_no_pattern() -> None:
    gated = Alternatives([r"\bshot\b", r"\bexecuted\b"], re.IGNORECASE)
    assert gated.regex_for("The market reopened after the harvest.") is None
    only = gated.regex_for("Two men were executed.")
    assert only is not None and only.pattern == r"(?:\bexecuted\b)"
