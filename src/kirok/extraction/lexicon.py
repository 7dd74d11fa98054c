"""Loading the data files that drive extraction: taxonomy, triggers, actors, places.

Everything a documentation team may want to adjust lives in ``kirok/data`` as
JSON or JSON Lines; this module reads and checks those files once per process.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from kirok.errors import DataFileError


def _data_text(name: str) -> str:
    return (resources.files("kirok") / "data" / name).read_text(encoding="utf-8")


# data files the extractor does not read: changing them redoes no suggestions
NOT_EXTRACTION = frozenset({"briefing_phrases.json"})


@cache
def data_fingerprint() -> str:
    """A short hash of every data file: with the package version it names the
    extractor, so the store knows which suggestions a newer one should redo."""
    digest = hashlib.sha256()
    folder = resources.files("kirok") / "data"
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_file() and entry.name not in NOT_EXTRACTION:
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:10]


def load_json(name: str) -> Any:
    try:
        return json.loads(_data_text(name))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"data file {name}: {error}") from None


def load_jsonl(name: str) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(_data_text(name).splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise DataFileError(f"data file {name}, line {number}: {error}") from None
    return rows


@dataclass(frozen=True)
class Violation:
    code: str
    family: str
    label: str
    covers: str


@cache
def taxonomy() -> dict[str, Violation]:
    """The violation types by code."""
    data = load_json("taxonomy.json")
    return {
        row["code"]: Violation(row["code"], row["family"], row["label"], row["covers"])
        for row in data["violations"]
    }


@cache
def _taxonomy_rows() -> dict[str, dict[str, Any]]:
    return {row["code"]: row for row in load_json("taxonomy.json")["violations"]}


def taxonomy_extras(code: str) -> dict[str, Any]:
    """Rules a violation type carries beside its label, e.g. ``country_from``."""
    return _taxonomy_rows().get(code, {})


@dataclass(frozen=True)
class TriggerPattern:
    """A pattern whose match states an act (``form == "act"``), names one
    (``"mention"``), or tells again, with more detail, an act just told
    (``"retelling"``: it adds to that act's record and makes none of its own)."""

    violation: str
    kind: str
    form: str
    regex: re.Pattern[str]
    example: str
    stems: tuple[str, ...]  # every match holds one of these at the start of a word
    victim_before: bool = False  # "a woman died": the victim is the subject, before the act


@cache
def trigger_patterns() -> tuple[TriggerPattern, ...]:
    codes = taxonomy()
    patterns = []
    for number, row in enumerate(load_jsonl("violations.jsonl"), 1):
        where = f"data file violations.jsonl, line {number}"
        if row.get("violation") not in codes:
            raise DataFileError(f"{where}: unknown violation {row.get('violation')!r}")
        if row.get("kind") not in ("incident", "measure"):
            raise DataFileError(f"{where}: kind must be incident or measure")
        if row.get("form") not in ("act", "mention", "retelling"):
            raise DataFileError(f"{where}: form must be act, mention or retelling")
        try:
            regex = re.compile(row["pattern"], re.IGNORECASE)
        except (KeyError, re.error) as error:
            raise DataFileError(f"{where}: bad pattern: {error}") from None
        stems = tuple(str(stem).lower() for stem in row.get("stems", []))
        if not stems or any(" " in stem for stem in stems):
            raise DataFileError(f'{where}: needs "stems", single lower-case words')
        patterns.append(
            TriggerPattern(
                row["violation"],
                row["kind"],
                row["form"],
                regex,
                row.get("example", ""),
                stems,
                row.get("victim") == "before",
            )
        )
    return tuple(patterns)


@cache
def sentence_rules() -> dict[str, Any]:
    return dict(load_json("sentence_rules.json"))


@cache
def patterns_by_stem() -> dict[str, tuple[TriggerPattern, ...]]:
    """For each stem, the trigger patterns whose matches may hold it."""
    table: dict[str, list[TriggerPattern]] = {}
    for pattern in trigger_patterns():
        for stem in pattern.stems:
            table.setdefault(stem, []).append(pattern)
    return {stem: tuple(patterns) for stem, patterns in table.items()}


def trigger_stems() -> tuple[str, ...]:
    """Every stem: a sentence holding none of them at a word start states no act."""
    return tuple(patterns_by_stem())


@cache
def demonyms() -> tuple[dict[str, str | None], dict[str, str | None]]:
    data = load_json("demonyms.json")
    return dict(data["adjectives"]), dict(data["plurals"])


@cache
def victim_words() -> dict[str, Any]:
    return dict(load_json("victims.json"))


@cache
def actor_table() -> dict[str, Any]:
    return dict(load_json("actors.json"))
