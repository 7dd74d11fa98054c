"""The examples in docs/ run, and every command is documented."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, kirok

DOCS = sorted((REPO / "docs").glob("*.md"))
EXAMPLES = [
    (doc.name, line[2:])
    for doc in DOCS
    for block in re.findall(r"```console\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    for line in block.splitlines()
    if line.startswith("$ ")
]


def test_docs_have_examples() -> None:
    assert len(EXAMPLES) >= 5


def test_examples_run(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for name, command in EXAMPLES:
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"{name}: {command}\n{result.stderr}"
    assert (tmp_path / "records.jsonl").stat().st_size > 0
    assert (tmp_path / "records.csv").stat().st_size > 0
    assert (tmp_path / "copy.db").is_file()


@pytest.mark.parametrize(
    "command",
    [
        "extract",
        "evaluate",
        "samples",
        "init",
        "ingest",
        "search",
        "show",
        "review",
        "export",
        "import",
        "verify",
        "user add",
        "serve",
        "demo",
        "letter new",
        "letter edit",
        "letter list",
        "letter cite",
        "letter render",
        "letter signatories",
        "letter send",
        "letter briefing",
        "position add",
        "position import",
        "position list",
    ],
)
def test_every_command_is_documented(command: str) -> None:
    text = "\n".join(doc.read_text(encoding="utf-8") for doc in DOCS)
    assert f"kirok {command}" in text
    assert kirok(*command.split(), "--help").returncode == 0
