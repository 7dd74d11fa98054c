"""``kirok extract`` through the real command, for every format and every kind of bad input."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import INCIDENT, MEASURE, WRITERS, extracting_processes, kirok


def _rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_format_gives_records_with_evidence(tmp_path: Path, fmt: str) -> None:
    path = WRITERS[fmt](tmp_path / f"report.{fmt}", INCIDENT)
    result = kirok("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    [row] = _rows(result.stdout)
    assert row["source"] == str(path)
    assert row["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert row["published"] == "2021-04-02"
    [record] = row["records"]
    assert record["violation"] == "life.killing"
    assert record["date"] == "2021-03-03"
    assert record["perpetrator"] == "Border guards"
    assert record["victims"]["count"] == 2
    assert record["victims"]["sex"] == "female"
    assert record["place"] in ("Hyesan", "Yalu River")
    assert record["country"] == "KP"
    evidence = record["evidence"][0]
    assert "shot and killed two women" in evidence["text"]
    assert row["text_chars"] >= evidence["end"]


def test_evidence_offsets_point_into_the_text(tmp_path: Path, extractor) -> None:
    from kirok import read_document

    path = WRITERS["txt"](tmp_path / "a.txt", f"{INCIDENT} {MEASURE}")
    document = read_document(path)
    result = kirok("extract", str(path), "--format", "jsonl")
    for record in _rows(result.stdout)[0]["records"]:
        for span in record["evidence"]:
            assert document.text[span["start"] : span["end"]] == span["text"]


def test_relative_dates_follow_published(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(MEASURE + "\n", encoding="utf-8")
    undated = _rows(kirok("extract", str(path), "--format", "jsonl").stdout)[0]
    assert undated["published"] is None
    assert undated["records"][0]["date"] is None  # unresolved, not guessed
    dated = _rows(kirok("extract", str(path), "-f", "jsonl", "--published", "2021-02-10").stdout)[0]
    assert dated["published"] == "2021-02-10"
    assert dated["records"][0]["date"] == "2020-05"  # the latest May not after February 2021
    assert dated["records"][0]["violation"] == "movement.restriction"
    assert dated["records"][0]["kind"] == "measure"


def test_bad_published_date_is_refused(tmp_path: Path) -> None:
    path = WRITERS["txt"](tmp_path / "a.txt", INCIDENT)
    result = kirok("extract", str(path), "--published", "2020-13-45")
    assert result.returncode == 2
    assert "2020-13-45" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_one_bad_file_never_stops_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    WRITERS["txt"](folder / "good.txt", INCIDENT)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage without end")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.md").write_bytes(b"")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / "latin1.txt").write_bytes("Caf\xe9 report".encode("latin-1"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (folder / "broken.srt").write_text("1\n00:00:01,000 --> nonsense\n", encoding="utf-8")
    (folder / "note.eml").write_text("Just a note, with no headers at all.\n", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    result = kirok("extract", str(folder), str(missing), "--format", "jsonl")
    assert result.returncode == 1
    rows = _rows(result.stdout)
    assert [Path(r["source"]).name for r in rows] == ["good.txt"]
    assert rows[0]["records"][0]["violation"] == "life.killing"
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    expected = {
        "broken.pdf": "corrupt",
        "photo.txt": "binary",
        "empty.md": "empty",
        "sheet.xlsx": "unknown format",
        "latin1.txt": "UTF-8",
        "broken.docx": "corrupt",
        "broken.srt": "corrupt",
        "note.eml": "no From, Date or Subject header",
        "nowhere.txt": "no such file",
    }
    assert len(errors) == len(expected), result.stderr
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in errors), (name, result.stderr)
    assert "1 documents read, 1 records, 9 failed" in result.stderr


def test_table_over_the_bundled_samples() -> None:
    result = kirok("extract", "--samples")
    assert result.returncode == 0, result.stderr
    assert "Kirok records" in result.stdout
    assert "life.killing" in result.stdout and "movement.forced_return" in result.stdout
    assert "16 documents read" in result.stderr
    assert "Extracting" in result.stderr  # the progress bar, for more than a few files


def test_two_jobs_give_the_same_output_as_one() -> None:
    one = kirok("extract", "--samples", "-f", "jsonl", "--jobs", "1")
    two = kirok("extract", "--samples", "-f", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(_rows(one.stdout)) == 16


def test_output_file_and_unwritable_output(tmp_path: Path) -> None:
    path = WRITERS["md"](tmp_path / "a.md", INCIDENT)
    target = tmp_path / "out.jsonl"
    assert kirok("extract", str(path), "-f", "jsonl", "-o", str(target)).returncode == 0
    assert _rows(target.read_text(encoding="utf-8"))[0]["records"]
    result = kirok("extract", str(path), "-o", str(tmp_path / "no" / "such" / "dir" / "x.jsonl"))
    assert result.returncode == 2
    assert "cannot write" in result.stderr


def test_no_paths_is_a_clear_error() -> None:
    result = kirok("extract")
    assert result.returncode == 2
    assert "--samples" in result.stderr


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_an_extracting_process_that_dies_stops_the_batch_with_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for number in range(3000):  # invented reports, enough to outlast the kill
        (folder / f"report-{number:04d}.txt").write_text(
            f"{INCIDENT}\n\n(Invented report number {number}.)\n", encoding="utf-8"
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "kirok", "extract", str(folder), "--jobs", "2", "--format", "jsonl"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    pids = extracting_processes(process)
    time.sleep(0.5)
    os.kill(pids[0], signal.SIGKILL)  # as the kernel does when memory runs out
    _, errors = process.communicate(timeout=60)
    message = errors.decode()
    assert process.returncode == 1
    assert "error: an extracting process stopped without finishing its file" in message
    read, failed = (
        int(n) for n in re.findall(r"(\d+) documents read, \d+ records, (\d+) failed", message)[0]
    )
    assert read + failed == 3000 and failed > 0


def test_pages_in_the_character_set_they_declare_and_those_that_declare_none(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    # (an invented old statement, laid out in a table, in windows-1252)
    (folder / "old.html").write_bytes(
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1252"><title>Statement</title></head><body><table width="760">'
            '<tr><td><a href="/">Home</a><br><a href="/news">News</a></td><td><b>Statement'
            "</b><br><br>Security agents arrested eight people in Onsong in the last week of "
            "May 2008 for making phone calls to relatives in China.<br><br>According to our "
            "sources, the eight are being held at the county\u2019s state security office, "
            "and their families have not been allowed to see them. We call on the government "
            "to release them.</td></tr></table></body></html>"
        ).encode("cp1252")
    )
    (folder / "undeclared.html").write_bytes(
        "<html><body><p>Caf\u00e9 owners were arrested.</p></body></html>".encode("cp1252")
    )
    (folder / "wrong.html").write_bytes(
        b'<html><head><meta charset="us-ascii"></head><body><p>Caf\xe9</p></body></html>'
    )
    result = kirok("extract", str(folder), "--format", "jsonl")
    assert result.returncode == 1
    [row] = _rows(result.stdout)
    assert Path(row["source"]).name == "old.html"
    assert "county\u2019s state security office" in row["records"][0]["evidence"][-1]["text"]
    assert "Home" not in row["records"][0]["evidence"][0]["text"]  # (the menu's cell)
    [arrest] = [r for r in row["records"] if r["violation"] == "detention.arbitrary"]
    assert (arrest["date"], arrest["place"], arrest["victims"]["count"]) == ("2008-05", "Onsong", 8)
    assert len(arrest["evidence"]) == 2  # (the eight held are the eight arrested)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert any("undeclared.html" in e and "declares no charset" in e for e in errors), errors
    assert any("wrong.html" in e and "us-ascii" in e for e in errors), errors
