"""Sentence boundaries, computed over token arrays.

spaCy's sentencizer starts a sentence at the first token after a sentence-final
character ("." "!" "?" and their kin in other scripts) and any punctuation that
follows it. It walks the document one Python token object at a time, which
costs several times as much as tokenizing; ``punctuation_starts`` applies the
same rule, with the sentencizer's own characters, over the token arrays
(``tests/test_sentences.py`` checks both agree). Kirok then adds two rules of
its own: a line that ends without a full stop and is short or heading-like ends
its sentence, a footnote mark after a full stop ("escape.[45] Another") ends
one though the tokenizer keeps it in the word, and "No. 12" or "Ms. A" does
not end one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import numpy as np
from spacy.pipeline import Sentencizer
from spacy.vocab import Vocab

_LINE_START = re.compile(r"\n[ \t]*(?=\S)")
_LINE_END = (".", "!", "?", ":", ";", '"', "”", ")", "]", "*", "|")  # "|": a table's row
WRAP_WIDTH = 60  # lines shorter than this end their sentence
# a line that opens in lower case, not with a field's name ("summary: ...")
_GOES_ON_LOWER = re.compile(r"[a-z][\w'’-]*(?![\w'’-]*:)(?=[\s,])")
# a line that opens with a time or a speaker's name is a message or a turn of
# its own ("[09:13] K: the bowibu took ...", "Q: Where were you held?"),
# and so is a list's item ("- **Arrested:** ...", "2. ...")
_TURN = re.compile(r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s|[A-Z][\w'’-]{0,20}:\s|[-*•+]\s|\d{1,3}[.)]\s")
# a day and a time of day that open a line of a log or a wire's alerts ("16 Nov
# 2018 07:14 KST  URGENT - ...", "2024-03-02 09:13"): when the line was sent
STAMP = re.compile(
    r"[ \t]*\[?(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}"
    r"|\d{4}-\d{2}-\d{2})[ \t,T]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]+[A-Z]{2,5}\b)?\]?"
)

IntArray = np.ndarray


@cache
def _punct_ids(vocab: Vocab) -> frozenset[int]:
    return frozenset(vocab.strings.add(c) for c in Sentencizer.default_punct_chars)


def punctuation_starts(
    orth: IntArray, is_punct: IntArray, length: IntArray, vocab: Vocab
) -> IntArray:
    """Boolean sentence starts by the sentencizer's rule.

    A token that is not punctuation starts a sentence when a sentence-final
    character stands between it and the previous such token.
    """
    count = len(orth)
    starts = np.zeros(count, dtype=bool)
    if not count:
        return starts
    final = np.zeros(count, dtype=bool)
    single = np.nonzero(length == 1)[0]  # the sentencizer's characters are single characters
    punct = _punct_ids(vocab)
    final[single] = [h in punct for h in orth[single].tolist()]
    plain = ~(is_punct.astype(bool) | final)
    finals_before = np.concatenate(([0], np.cumsum(final)))  # finals in tokens [0, i)
    positions = np.nonzero(plain)[0]
    previous = np.concatenate(([-1], positions[:-1]))
    seen = finals_before[positions] - finals_before[previous + 1] > 0
    starts[positions[seen]] = True
    starts[0] = True
    return starts


# a sentence's end inside a line ("Yes. In January 2023 ..."): no heading holds one
_SENTENCE_END_INSIDE = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")


def _wrapped_prose(line: str, text: str, next_start: int) -> bool:
    """Whether a line of mostly capitalised words (a law's name: "... adopted
    the Pyongyang Cultural Language") is prose wrapped onto the next line, not a
    heading: the next line goes on in lower case ("on 4 December 2020."), the
    line holds the end of a sentence before its last, or a clause after a comma."""
    return (
        text[next_start : next_start + 1].islower()
        or bool(_SENTENCE_END_INSIDE.search(line))
        or bool(_CLAUSE_GOES_ON.search(line))
    )


# a clause that goes on after a comma, as prose does and a heading does not ("On
# the morning of 16 February 1958, the Korean National Airlines plane")
_CLAUSE_GOES_ON = re.compile(r",\s+(?:the|a|an|and|but|who|which|when|after|before|with)\s")


# a line that ends with an aside in brackets, its sentence going on in lower
# case on the next: "a 34-year-old man (invented; ...)" over "was held at ..."
_ASIDE_GOES_ON = re.compile(r"\w[ \t]+\([^()]{2,80}\)[a-z]$")


def _header_line_follows(text: str, start: int) -> bool:
    """Whether the line at ``start`` is a short line of its own that no prose
    ends (no full stop), before a blank line: a dateline or a date under a long
    title ("Footage shows ... dramas" then "Seoul, January 18, 2024"), which the
    title does not run on into."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    line = text[start:end].strip()
    next_end = text.find("\n", end + 1)
    after = text[end + 1 : len(text) if next_end == -1 else next_end]
    return 0 < len(line) < WRAP_WIDTH and not line.endswith(_LINE_END) and not after.strip()


def line_break_starts(
    text: str, idx: IntArray, starts: IntArray, is_heading: Callable[[str], bool]
) -> None:
    """Mark sentence starts at line breaks that end a sentence (in place)."""
    breaks = []
    for match in _LINE_START.finditer(text):
        previous_break = text.rfind("\n", 0, match.start())
        previous = text[previous_break + 1 : match.start()].strip()
        blank = "\n" in match.group()[1:] or not previous
        if (
            blank
            or (
                len(previous) < WRAP_WIDTH
                # (not a short line whose sentence the next goes on with, in lower
                # case: "IN MEMORY / of the 115 passengers and crew ..., / who were
                # killed when ...", as a plaque or a poem sets it)
                and not (
                    (previous[-1:].isalnum() or previous.endswith(","))
                    and ":" not in previous  # (not a field: "location: Musan County")
                    and _GOES_ON_LOWER.match(text, match.end())
                )
            )
            or (
                previous.endswith(_LINE_END)
                and not _ASIDE_GOES_ON.search(previous + text[match.end() : match.end() + 1])
            )
            or (is_heading(previous) and not _wrapped_prose(previous, text, match.end()))
            or _header_line_follows(text, match.end())
            or _TURN.match(text, match.end())
            or STAMP.match(text, match.end())
            or _CSV_RECORD.match(text, match.end())
        ):
            breaks.append(match.end())
    if not breaks or not len(idx):
        return
    at = np.array(breaks, dtype=np.int64)
    index = np.searchsorted(idx, at)  # the token starting where the line's text does
    inside = (index > 0) & (index < len(idx))
    index, at = index[inside], at[inside]
    starts[index[idx[index] == at]] = True


# a line that is a record of comma-separated values, two fields with no space in
# them first ("NBM-0415,2024-04-26,Onsong,"A teenager ..."): a record of its own
_CSV_RECORD = re.compile(r"[^\s,\"']{1,40},[^\s,]{0,40},[^,\n]{0,60},")


# a footnote mark after a sentence's full stop ("... tried to escape.[45] Another
# witness"), which the tokenizer keeps in the word before it: no full stop token
# (led by the full stop itself, a literal the regex engine finds fast; the word
# before it is checked apart: "2.12 The" is a number, not a footnote)
_FOOTNOTE_END = re.compile(r"\.[\"”’]?(?:\[\d{1,3}\]|\d{1,3})\s+(?=[A-Z])")


def footnote_starts(text: str, idx: IntArray, starts: IntArray) -> None:
    """Mark sentence starts after a full stop and its footnote mark (in place)."""
    at = np.array(
        [
            m.end()
            for m in _FOOTNOTE_END.finditer(text)
            if m.start() and (text[m.start() - 1].isalpha() or text[m.start() - 1] in ')”"’')
        ],
        dtype=np.int64,
    )
    if not len(at) or not len(idx):
        return
    index = np.searchsorted(idx, at)  # the token starting where the next sentence does
    inside = index < len(idx)
    index, at = index[inside], at[inside]
    starts[index[idx[index] == at]] = True


def join_abbreviations(
    text: str,
    idx: IntArray,
    length: IntArray,
    orth: IntArray,
    starts: IntArray,
    abbreviations: frozenset[str],
    vocab: Vocab,
) -> None:
    """Undo sentence starts right after "No." or "Ms." before a number or name (in place)."""
    longest = max(len(word) for word in abbreviations) + 1
    candidates = np.nonzero(starts)[0]
    candidates = candidates[candidates >= 2]
    candidates = candidates[length[candidates - 2] <= longest]
    # only a start two tokens after an abbreviation ("No" ".", or "No.") can be undone
    words = orth[candidates - 2]
    kinds = np.unique(words).tolist()
    abbreviated = [
        orth_id
        for orth_id, word in zip(kinds, (vocab.strings[k].lower() for k in kinds), strict=True)
        if word in abbreviations or (word.endswith(".") and word.rstrip(".") in abbreviations)
    ]
    candidates = candidates[np.isin(words, abbreviated)]
    for i in candidates.tolist():
        before, dot_at, at = int(idx[i - 2]), int(idx[i - 1]), int(idx[i])
        dot_end = dot_at + int(length[i - 1])
        dot = text[dot_at:dot_end]
        word = text[before : before + int(length[i - 2])].lower()
        first = text[at : at + 1]
        gap = text[dot_end:at]
        joined = dot == "." and word in abbreviations and (first.isdigit() or first.isupper())
        joined = joined or (
            word.endswith(".") and word.rstrip(".") in abbreviations and first.isdigit()
        )
        if joined and "\n" not in gap and dot_at == before + int(length[i - 2]):
            starts[i] = False


def spans(idx: IntArray, length: IntArray, starts: IntArray) -> list[tuple[int, int]]:
    """(start, end) character offsets of every sentence."""
    if not len(idx):
        return []
    firsts = np.nonzero(starts)[0]
    if not len(firsts) or firsts[0] != 0:
        firsts = np.concatenate(([0], firsts))
    lasts = np.concatenate((firsts[1:], [len(idx)])) - 1
    ends = idx[lasts] + length[lasts]
    return list(zip(idx[firsts].tolist(), ends.tolist(), strict=True))
