"""What a regular expression cannot match without, so most sentences are never searched.

Most of Kirok's rules are regular expressions over one sentence, and most
sentences hold nothing a given rule looks for. Python's ``re`` still tries each
rule at every position of the sentence. Here each rule is read once (with the
standard library's own parser) for the strings one of which every match must
hold ("urge", "call", "ask", ... for a demand); a sentence whose lower-cased
text holds none of them cannot match, and one pass of an Aho-Corasick machine
over the sentence finds which rules remain. It is the prefilter of RE2 and
Hyperscan, done for the rules' literal words only.

The test is exact: a rule is left out only when it cannot match. The strings
are found from the parsed pattern, and the lower-casing is that of a
case-insensitive match: ASCII text is lower-cased; other text also has the four
characters that match an ASCII letter case-insensitively (dotted and dotless I,
long s, the Kelvin sign) turned into that letter. A string with any other
cased character that is not ASCII is not used (its rule always runs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import import_module
from typing import Any

import ahocorasick

_sre: Any
_sre_parse: Any
try:  # the standard library's own regular-expression parser (Python 3.11 and later)
    _sre = import_module("re._constants")
    _sre_parse = import_module("re._parser")
except ImportError:  # pragma: no cover - another layout: every rule always runs
    _sre = _sre_parse = None

# the characters that are not ASCII but match an ASCII letter when case is ignored
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# a string's words shorter than this are too common to be worth a test
_SHORTEST = 2


def fold(text: str) -> str:
    """``text`` lower-cased as a case-insensitive match compares it."""
    if text.isascii():
        return text.lower()
    return text.translate(_TO_ASCII).lower()


def _usable(word: str) -> bool:
    return all(c.isascii() or c.lower() == c == c.upper() for c in word)


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several sets any of which must be met, the one that rules out most:
    its shortest string longest, then the fewest strings."""
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


# the most strings a part of a pattern is spelt out into ("Border guards",
# "border patrol", ...: an alternation of names is all of its names)
_MOST_SPELLINGS = 512


def _spellings(op: Any, value: Any) -> set[str] | None:
    """Every string one part of a pattern matches, when it matches only a few
    fixed strings (a letter, a group or alternation of such, an optional one);
    otherwise None."""
    if op is _sre.LITERAL:
        return {chr(value)}
    if op is _sre.SUBPATTERN:
        return _spelt(value[3].data)
    if op is _sre.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            each = _spelt(branch.data)
            if each is None or len(found) + len(each) > _MOST_SPELLINGS:
                return None
            found |= each
        return found
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[:2] == (0, 1):
        inner = _spelt(value[2].data)
        return None if inner is None else inner | {""}
    if op is _sre.IN and len(value) <= 4 and all(kind is _sre.LITERAL for kind, _ in value):
        return {chr(code) for _, code in value}  # "[Pp]"
    return None


def _spelt(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    strings = {""}
    for op, value in items:
        part = _spellings(op, value)
        if part is None or len(strings) * len(part) > _MOST_SPELLINGS:
            return None
        strings = {a + b for a in strings for b in part}
    return strings


def _needs(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    # (whether a part ignores case does not matter: text and strings are both folded)
    candidates: list[frozenset[str]] = []
    run = {""}  # what the parts since the last open one spell

    def close_run() -> None:
        nonlocal run
        if "" not in run:
            candidates.append(frozenset(run))
        run = {""}

    for op, value in items:
        spelt = _spellings(op, value)
        if spelt is not None and len(run) * len(spelt) <= _MOST_SPELLINGS:
            run = {a + b for a in run for b in spelt}
            continue
        close_run()
        found: frozenset[str] | None = None
        if op is _sre.SUBPATTERN:
            found = _needs(value[3].data)
        elif op is _sre.ATOMIC_GROUP:
            found = _needs(value.data)
        elif op is _sre.BRANCH:
            branches = [_needs(branch.data) for branch in value[1]]
            if all(branch is not None for branch in branches):
                found = frozenset[str]().union(*branches)  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found = _needs(value[2].data)  # (value: least, most, what is repeated)
        # anything else (a class, a look-around, an anchor) needs nothing we can name
        if found:
            candidates.append(found)
    close_run()
    usable = [
        words
        for words in candidates
        if min(map(len, words)) >= _SHORTEST and all(_usable(word) for word in words)
    ]
    return _best(usable)


def needs(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` holds, or
    None when the pattern names none worth testing. A string that holds another
    in the set is dropped: the shorter one is met whenever it is."""
    if _sre_parse is None:  # pragma: no cover
        return None
    try:
        tree = _sre_parse.parse(pattern, flags)
    except Exception:  # (the parser's layout changed: test nothing)
        return None
    try:
        found = _needs(tree.data)
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - a new layout
        return None
    if found is None:
        return None
    words = {fold(word) for word in found}
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


class Prefilter:
    """For a list of patterns, which of them may match a text: those whose
    needed strings it holds (one pass of an Aho-Corasick machine), and those
    that need nothing we can name."""

    def __init__(self, patterns: Sequence[str | re.Pattern[str]], flags: int = 0) -> None:
        self.patterns = tuple(p if isinstance(p, str) else p.pattern for p in patterns)
        self.flags = flags
        always, by_word = set(), dict[str, set[int]]()
        for index, pattern in enumerate(patterns):
            if isinstance(pattern, str):
                words = needs(pattern, flags)
            else:
                words = needs(pattern.pattern, pattern.flags)
            if words is None:
                always.add(index)
            else:
                for word in words:
                    by_word.setdefault(word, set()).add(index)
        self._always = frozenset(always)
        self._machine: ahocorasick.Automaton | None = None
        if by_word:
            self._machine = ahocorasick.Automaton()
            for word, indexes in by_word.items():
                self._machine.add_word(word, frozenset(indexes))
            self._machine.make_automaton()

    def possible(self, folded: str) -> frozenset[int]:
        """The indexes of the patterns that may match a text whose :func:`fold` is ``folded``."""
        if self._machine is None:
            return self._always
        hits = [indexes for _, indexes in self._machine.iter(folded)]
        if not hits:
            return self._always
        return self._always.union(*hits)


class Alternatives(Prefilter):
    """Patterns tried as one alternation, in their order, each only when the
    text holds one of the strings it needs. Leaving out an alternative that
    cannot match anywhere in the text changes no match: ``search`` and
    ``finditer`` give what the whole alternation gives."""

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        super().__init__(patterns, flags)
        # (the whole alternation compiled now: a bad pattern fails here, not at a search)
        every = frozenset(range(len(self.patterns)))
        self._compiled: dict[frozenset[int], re.Pattern[str] | None] = {every: self._compile(every)}

    def _compile(self, chosen: frozenset[int]) -> re.Pattern[str] | None:
        if not chosen:
            return None
        return re.compile("|".join(f"(?:{self.patterns[i]})" for i in sorted(chosen)), self.flags)

    def regex_for(self, text: str, folded: str | None = None) -> re.Pattern[str] | None:
        """One compiled alternation of the patterns that may match ``text``
        (None when none may)."""
        chosen = self.possible(fold(text) if folded is None else folded)
        if chosen not in self._compiled:
            self._compiled[chosen] = self._compile(chosen)
        return self._compiled[chosen]

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        regex = self.regex_for(text, folded)
        return regex.search(text) if regex is not None else None

    def fullmatch(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        regex = self.regex_for(text, folded)
        return regex.fullmatch(text) if regex is not None else None

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        regex = self.regex_for(text, folded)
        return regex.finditer(text) if regex is not None else iter(())
