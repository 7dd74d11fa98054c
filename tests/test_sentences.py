"""Sentence boundaries: the array rule agrees with spaCy's sentencizer, and Kirok's own rules hold."""

from __future__ import annotations

from functools import cache

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kirok.extraction.pipeline import build_pipeline

WORDS = [
    "Guards",
    "shot",
    "a",
    "man",
    "(",
    ")",
    "...",
    '"',
    "'",
    "No",
    "12",
    ",",
    "?",
    "!",
    ".",
    "।",
    "Hyesan",
    "-",
    ";",
    "—",
    "Kim",
]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)


def starts(nlp: spacy.Language, text: str) -> list[int]:
    doc = nlp(text)
    return [sentence.start_char for sentence in doc.sents]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_the_array_rule_is_the_sentencizer_rule(text: str) -> None:
    reference, ours = pipelines()
    assert starts(ours, text) == starts(reference, text)


@cache
def pipelines() -> tuple[spacy.Language, spacy.Language]:
    reference = spacy.blank("en")
    reference.add_pipe("sentencizer")
    return reference, build_pipeline()


def test_line_ends_and_abbreviations() -> None:
    nlp = build_pipeline()
    text = (
        "Signatories\nFamilies of the Disappeared\nThe Center\n\n"
        "She was held in Kyohwaso No. 12 at Jongori. Ms. A was released in 2021.\n"
        "A long line of a wrapped paragraph goes on past the wrapping width here and\n"
        "continues on the next line."
    )
    # a whitespace token after a full stop is a sentence of its own, as with the sentencizer
    assert [s.text.strip() for s in nlp(text).sents if s.text.strip()] == [
        "Signatories",
        "Families of the Disappeared",
        "The Center",
        "She was held in Kyohwaso No. 12 at Jongori.",
        "Ms. A was released in 2021.",
        "A long line of a wrapped paragraph goes on past the wrapping width here and\n"
        "continues on the next line.",
    ]
