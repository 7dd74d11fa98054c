"""``kirok evaluate``: the bars of the extraction issue, and agreement with the reference scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, SHARED, kirok

SAMPLES_GOLD = REPO / "src" / "kirok" / "samples" / "gold.jsonl"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "tools" / "score_extraction.py"
needs_shared = pytest.mark.skipif(
    not (SEEDS / "gold.jsonl").exists() or not SCORER.exists(),
    reason=f"the shared seeds and scorer are not at {SHARED} (set KIROK_SHARED)",
)


def _figures(*args: str) -> dict:
    result = kirok("evaluate", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@needs_shared
def test_seed_letters_meet_the_bar() -> None:
    figures = _figures(
        str(SEEDS / "gold.jsonl"),
        str(SEEDS / "hrf-letter-to-g7-2021-06-11.txt"),
        str(SEEDS / "joint-letter-to-president-moon-2020-12-15.txt"),
    )
    assert figures["f1"] >= 0.90
    for name, (share, total) in figures["fields"].items():
        if total:
            assert share >= 0.90, name


def test_sample_corpus_meets_the_bar() -> None:
    figures = _figures(str(SAMPLES_GOLD), "--samples")
    assert figures["f1"] >= 0.90
    assert figures["tp"] >= 20


@needs_shared
@pytest.mark.parametrize("corpus", ["seeds", "samples"])
def test_figures_agree_with_the_reference_scorer(tmp_path: Path, corpus: str) -> None:
    if corpus == "seeds":
        gold = SEEDS / "gold.jsonl"
        paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    else:
        gold, paths = SAMPLES_GOLD, ["--samples"]
    predicted = tmp_path / "pred.jsonl"
    assert kirok("extract", *paths, "-f", "jsonl", "-o", str(predicted)).returncode == 0
    reference = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(predicted), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(reference.stdout)
    ours = _figures(str(gold), *paths)
    for key in ("tp", "fp", "fn"):
        assert ours[key] == theirs[key], key
    for key in ("precision", "recall", "f1"):
        assert ours[key] == pytest.approx(theirs[key])
    for name, (share, total) in theirs["fields"].items():
        assert ours["fields"][name][1] == total, name
        assert ours["fields"][name][0] == (pytest.approx(share) if share is not None else None), (
            name
        )


def test_show_misses_lists_what_went_wrong(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    doc = tmp_path / "note.txt"
    doc.write_text(
        "Date: May 1, 2021\n\nPolice arrested three farmers in Hyesan in April.\n", encoding="utf-8"
    )
    record = {
        "violation": "life.execution",
        "kind": "incident",
        "evidence": [{"start": 19, "end": 68}],
    }
    gold.write_text(json.dumps({"file": "note.txt", "records": [record]}) + "\n", encoding="utf-8")
    result = kirok("evaluate", str(gold), str(doc), "--show-misses")
    assert result.returncode == 0
    assert "missed" in result.stdout and "false" in result.stdout
    assert "f1=0.00" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "line 1: not JSON"),
        ('{"records": []}\n', 'line 1: needs a "file"'),
        (
            '{"file": "a.txt", "records": [{"violation": "x"}]}\n',
            "record 1: evidence needs start and end",
        ),
    ],
)
def test_malformed_gold_is_refused_by_line(tmp_path: Path, content: str, message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    result = kirok("evaluate", str(gold), "--samples")
    assert result.returncode == 2
    assert message in result.stderr and "gold.jsonl" in result.stderr
