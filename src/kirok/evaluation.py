"""Scoring extraction against hand-written gold records, by the rules of spec/incidents.md.

A predicted record matches a gold record of the same document when their
evidence spans overlap and their violation families agree; predictions are
taken in order of confidence and each gold record is matched at most once.
Gold records marked ``optional`` count for neither side. Field accuracy is
measured over matched records, on the fields the gold record fills.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kirok.errors import GoldFileError

FIELDS = (
    "violation",
    "kind",
    "date",
    "date_end",
    "country",
    "perpetrator",
    "place",
    "victims.count",
    "victims.nationality",
    "victims.names",
)


@dataclass
class Miss:
    what: str  # "false" (a prediction no gold matched), "missed", or a field name
    document: str
    detail: dict[str, Any]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def share(self, name: str) -> float | None:
        return self.right[name] / self.total[name] if self.total[name] else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "fields": {name: [self.share(name), self.total[name]] for name in FIELDS},
        }


def family(code: str | None) -> str:
    return (code or "").split(".")[0]


def _spans(record: Mapping[str, Any]) -> list[tuple[int, int]]:
    return [(int(e["start"]), int(e["end"])) for e in record.get("evidence") or []]


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in _spans(a) for s2, e2 in _spans(b))


def _value(record: Mapping[str, Any], name: str) -> Any:
    value: Any = record
    for part in name.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def field_right(name: str, gold: Any, predicted: Any) -> bool:
    """Whether ``predicted`` gets a gold-filled field right."""
    if name in ("date", "date_end"):
        return predicted is not None and str(predicted).startswith(str(gold))
    if name == "place":
        g, p = str(gold).casefold(), str(predicted or "").casefold()
        return bool(p) and (g in p or p in g)
    if name == "perpetrator":
        return str(gold).casefold() == str(predicted or "").casefold()
    if name == "victims.names":
        joined = " ".join(predicted or []).casefold()
        return all(n.casefold() in joined for n in gold)
    return bool(gold == predicted)


def score_documents(
    gold: Mapping[str, Mapping[str, Any]], predicted: Mapping[str, Mapping[str, Any]]
) -> Score:
    """Score predictions against gold, both keyed by document file name."""
    result = Score()
    for name, gold_doc in gold.items():
        gold_records = list(gold_doc.get("records") or [])
        open_gold = list(range(len(gold_records)))
        predictions = list((predicted.get(name) or {}).get("records") or [])
        predictions.sort(key=lambda r: -float(r.get("confidence") or 0))
        for prediction in predictions:
            match = next(
                (
                    i
                    for i in open_gold
                    if _overlap(gold_records[i], prediction)
                    and family(gold_records[i].get("violation"))
                    == family(prediction.get("violation"))
                ),
                None,
            )
            if match is None:
                result.fp += 1
                result.misses.append(Miss("false", name, prediction))
                continue
            open_gold.remove(match)
            target = gold_records[match]
            if target.get("optional"):
                continue
            result.tp += 1
            for field_name in FIELDS:
                wanted = _value(target, field_name)
                if wanted is None or wanted == []:
                    continue
                result.total[field_name] += 1
                got = _value(prediction, field_name)
                if field_right(field_name, wanted, got):
                    result.right[field_name] += 1
                else:
                    evidence = (target.get("evidence") or [{}])[0].get("text", "")
                    result.misses.append(
                        Miss(
                            field_name,
                            name,
                            {"gold": wanted, "predicted": got, "evidence": evidence[:120]},
                        )
                    )
        for index in open_gold:
            if not gold_records[index].get("optional"):
                result.fn += 1
                result.misses.append(Miss("missed", name, gold_records[index]))
    return result


def load_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """Gold documents from a JSON Lines file, keyed by the base name of their ``file``."""
    documents: dict[str, dict[str, Any]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GoldFileError(f"{path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise GoldFileError(f"{path}: not UTF-8 text") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFileError(f"{path}, line {number}: not JSON ({error.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("file"), str):
            raise GoldFileError(f'{path}, line {number}: needs a "file" naming the document')
        if not isinstance(row.get("records"), list):
            raise GoldFileError(f'{path}, line {number}: needs a "records" list')
        for position, record in enumerate(row["records"], 1):
            if not isinstance(record, dict) or not _spans_ok(record):
                raise GoldFileError(
                    f"{path}, line {number}, record {position}: evidence needs start and end offsets"
                )
        documents[Path(row["file"]).name] = row
    return documents


def _spans_ok(record: Mapping[str, Any]) -> bool:
    try:
        return bool(_spans(record))
    except (KeyError, TypeError, ValueError):
        return False


def by_file_name(extractions: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {Path(str(e["source"])).name: e for e in extractions}
