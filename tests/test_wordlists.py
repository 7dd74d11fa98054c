"""Word lists written as tries match what the plain, longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kirok.extraction.actors import find_actors
from kirok.wordlists import alternation

# few letters, so that words share beginnings and run into each other in the text
_WORD = st.text(alphabet="abAB '’-", min_size=1, max_size=6)
_TEXT = st.text(alphabet="abAB '’-.x\n", max_size=40)


def words_of(words: list[str]) -> list[str]:
    # (spaces at a word's ends are no part of it, and a run of them inside is one)
    return [w for w in (re.sub(" {2,}", " ", w.strip(" ")) for w in words) if w]


def plain(words: list[str]) -> str:
    # (a space between words is any run of spaces or a line's end)
    return "|".join(
        re.escape(w).replace("\\ ", r"\s+") for w in sorted(words_of(words), key=len, reverse=True)
    )


def spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@given(st.lists(_WORD, min_size=1, max_size=8), _TEXT)
def test_a_trie_finds_what_the_sorted_alternation_finds(words: list[str], text: str) -> None:
    assert spans(alternation(words), text) == spans(plain(words), text)
    whole = r"(?<![\w-])(?:{})(?![\w-])"
    assert spans(whole.format(alternation(words)), text) == spans(whole.format(plain(words)), text)


@given(st.lists(_WORD, min_size=1, max_size=8), _TEXT)
def test_ignoring_case(words: list[str], text: str) -> None:
    folded = alternation(words, fold_case=True)
    assert spans(folded, text, re.IGNORECASE) == spans(plain(words), text, re.IGNORECASE)


@given(st.lists(_WORD, min_size=1, max_size=8), _TEXT)
def test_either_apostrophe(words: list[str], text: str) -> None:
    either = "|".join(
        re.escape(w.replace("’", "'")).replace("'", "['’]").replace("\\ ", r"\s+")
        for w in sorted(words_of(words), key=len, reverse=True)
    )
    assert spans(alternation(words, apostrophes=True), text) == spans(either, text)


def test_spaces_at_a_words_ends_or_in_a_run_are_one_space() -> None:
    # (found by Hypothesis: a word that opens with two spaces, beside one of a
    # single space, made the trie stop short of the longer word)
    pattern = alternation([" ", "  A"])
    assert spans(pattern, "  A") == [(2, 3)]
    assert spans(alternation(["State  Security", "State"]), "State\nSecurity") == [(0, 14)]


def test_words_not_in_ascii_are_a_plain_alternation_when_case_is_folded() -> None:
    assert alternation(["Straße", "Stra"], fold_case=True) == "Straße|Stra"
    assert alternation(["dozens", "dozens of", "a"]) == "(?:a|dozens(?:\\s+of|))"


def test_a_name_of_several_words_is_found_over_a_lines_end() -> None:
    text = "arrested by officers of the State Security\nDepartment in Kimchaek"
    assert [(a.text, a.name) for a in find_actors(text, 0, "KP")] == [
        ("State Security\nDepartment", "Ministry of State Security")
    ]


def test_actors_written_with_a_straight_or_curly_apostrophe() -> None:
    for apostrophe in ("'", "’"):
        text = f"Officers of the People{apostrophe}s Safety Agency and the Korean People{apostrophe}s Army"
        assert [(a.text, a.name) for a in find_actors(text, 0, "KP")] == [
            (f"People{apostrophe}s Safety Agency", "Ministry of Social Security"),
            (f"Korean People{apostrophe}s Army", "Korean People's Army"),
        ]
