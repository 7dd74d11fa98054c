"""Word lists (month names, people, numbers, demonyms, actors' names) as regular expressions.

Written as one alternation, longest word first ("dozens of|dozens|..."), a list
makes Python's regex engine try every word, one after another, at every place
it looks. Written as a trie ("d(?:ozens(?: of|)|...)"), the words share their
beginnings, so a place where no word starts costs one test per letter, not one
per word. Both match the same text in the same order of preference: the words
that match at one place are each the beginning of the next longer one, and the
trie, like the sorted alternation, tries the longer first.

A space between two words of a name matches any run of whitespace, so that a
name is found where hard-wrapped text breaks its line inside it ("State
Security\nDepartment"), or where a word mended over a line's end leaves its
spaces after it. So a word's spaces at its ends are no part of it, and a run
of spaces inside it is one space (a greedy run of whitespace before another
would make the trie prefer a shorter word than the plain alternation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_APOSTROPHES = "['’]"
_SPACES = re.compile(r" {2,}")

_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str], *, fold_case: bool = False, apostrophes: bool = False) -> str:
    """A regular expression matching any of ``words``, the longest first where
    several match at one place.

    ``fold_case``: the expression will be compiled with ``re.IGNORECASE``, so words
    differing only in case are one (exact for ASCII words; any other list is
    written as a plain alternation). ``apostrophes``: a straight or curly
    apostrophe in a word matches either.
    """
    chosen = [word for word in (_SPACES.sub(" ", word.strip(" ")) for word in words) if word]
    if apostrophes:
        chosen = [word.replace("’", "'") for word in chosen]
    if fold_case:
        if not all(word.isascii() for word in chosen):
            return _plain(chosen, apostrophes)
        chosen = [word.lower() for word in chosen]
    root: _Trie = {}
    for word in chosen:
        node = root
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here
    return _written(root, apostrophes)


def _escaped(character: str, apostrophes: bool) -> str:
    if character == " ":
        # a space between words: any run of spaces, or a line's end ("State
        # Security\nDepartment" in hard-wrapped text)
        return r"\s+"
    return _APOSTROPHES if apostrophes and character == "'" else re.escape(character)


def _plain(words: list[str], apostrophes: bool) -> str:
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "|".join(
        "".join(_escaped(character, apostrophes) for character in word) for word in ordered
    )


def _written(node: _Trie, apostrophes: bool) -> str:
    ends = "" in node
    branches = [
        _escaped(character, apostrophes) + _written(child, apostrophes)
        for character, child in sorted(node.items())
        if character
    ]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    # the empty branch last: a longer word is tried before the one ending here
    return "(?:" + "|".join(branches) + ("|" if ends else "") + ")"
