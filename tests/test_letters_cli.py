"""Letters, briefings and government positions through the `kirok` command,
on SQLite and on PostgreSQL. (Sign-on is a web page: see test_web_letters.py.)"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docx import Document

from helpers import REPO, export_lines, kirok, ok

POSITIONS = REPO / "src" / "kirok" / "samples" / "positions.csv"


def records_of(db: str, *filters: str) -> list[dict[str, Any]]:
    """Every record the export holds, each with its source's ID and title."""
    return [
        {**record, "source_id": source["source_id"], "source_title": source["title"]}
        for source in export_lines(db, *filters)
        for record in source["records"]
    ]


def four_records_from_three_sources(db: str) -> list[dict[str, Any]]:
    """Four records, two of them from one source."""
    by_source: dict[int, list[dict[str, Any]]] = {}
    for record in records_of(db):
        by_source.setdefault(record["source_id"], []).append(record)
    with_two = next(records for records in by_source.values() if len(records) >= 2)
    others = [records[0] for records in by_source.values() if records is not with_two]
    return [with_two[0], with_two[1], others[0], others[1]]


def write_letter(folder: Path, body: str, **extra: str) -> Path:
    (folder / "body.md").write_text(body, encoding="utf-8")
    settings = "\n".join(f'{key} = "{value}"' for key, value in extra.items())
    path = folder / "letter.toml"
    path.write_text(
        f"""title = "Open letter on cited incidents (test)"
letter_date = 2026-11-20
subject = "Accountability"
salutation = "Dear Ministers,"
body_file = "body.md"
cc = ["Office of the High Commissioner (test)"]
{settings}

[sender]
name = "Invented Rights Watch (test)"
lines = ["1 Test Street", "Testville"]
people = ["A. Chair (invented), Chair"]

[[recipients]]
name = "First Minister (invented)"
title = "Minister of Foreign Affairs"
lines = ["Capital City"]

[[recipients]]
name = "Second Minister (invented)"
title = "Minister of Unification"
""",
        encoding="utf-8",
    )
    return path


def notes_in(markdown: str) -> dict[int, str]:
    return {int(n): text for n, text in re.findall(r"^\[\^(\d+)\]: (.+)$", markdown, re.M)}


def docx_text(path: Path) -> list[str]:
    return [paragraph.text for paragraph in Document(io.BytesIO(path.read_bytes())).paragraphs]


def test_a_letter_cites_records_and_renders_as_markdown_word_and_html(
    db_url: str, tmp_path: Path
) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    a, b, c, d = four_records_from_three_sources(db_url)
    body = (
        "We write on behalf of [[signatories]].\n\n"
        f"First claim.[[record:{a['id']}]] Second claim.[[record:{b['id']},{c['id']}]]\n\n"
        f"Third claim. And the first again.[[record:{a['id']}]]\n"
    )
    toml = write_letter(tmp_path, body)
    assert "letter 1:" in ok(kirok("letter", "new", "--from", str(toml), "--db", db_url)).stdout

    cited = ok(
        kirok("letter", "cite", "1", str(d["id"]), "--after", "Third claim.", "--db", db_url)
    )
    assert f"note 3: {d['source_title']}" in cited.stdout

    markdown = ok(kirok("letter", "render", "1", "--db", db_url)).stdout
    notes = notes_in(markdown)
    # one note per distinct citation, in order of first appearance; the same one twice is one note
    assert sorted(notes) == [1, 2, 3]
    assert notes[1].startswith(a["source_title"])
    assert b["source_title"] in notes[2] and c["source_title"] in notes[2]
    assert notes[3].startswith(d["source_title"])
    assert "First claim.[^1] Second claim.[^2]" in markdown
    assert "Third claim.[^3] And the first again.[^1]" in markdown
    assert "We write on behalf of no signatories yet." in markdown
    assert "**Invented Rights Watch (test)**" in markdown.splitlines()[0]
    assert (
        "**Re: Accountability**" in markdown
        and "CC: Office of the High Commissioner (test)" in markdown
    )

    word = tmp_path / "letter.docx"
    ok(kirok("letter", "render", "1", "-f", "docx", "-o", str(word), "--db", db_url))
    paragraphs = docx_text(word)
    assert paragraphs[0] == "Invented Rights Watch (test)"  # the letterhead is at the top
    assert "20 November 2026" in paragraphs
    assert "First claim.1 Second claim.2" in paragraphs
    for number, text in notes.items():
        assert f"{number}. {text}" in paragraphs

    html = tmp_path / "letter.html"
    ok(kirok("letter", "render", "1", "-f", "html", "-o", str(html), "--db", db_url))
    page = html.read_text(encoding="utf-8")
    assert page.count('<sup class="note-ref">') == 4
    assert page.count('<li id="note-') == 3
    assert "<style>" in page and "Invented Rights Watch (test)" in page


def test_a_sent_letter_is_kept_as_it_was_sent(db_url: str, tmp_path: Path) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    a, *_ = four_records_from_three_sources(db_url)
    toml = write_letter(tmp_path, f"A claim.[[record:{a['id']}]]\n")
    ok(kirok("letter", "new", "--from", str(toml), "--db", db_url))
    before = ok(kirok("letter", "render", "1", "--db", db_url)).stdout
    assert "sent and kept" in ok(kirok("letter", "send", "1", "--db", db_url)).stdout

    # what the letter cites changes afterwards; the sent letter does not
    ok(kirok("review", str(a["id"]), "--set", "place=Nowhere", "--db", db_url))
    ok(kirok("review", str(a["id"]), "--reject", "--db", db_url))
    assert ok(kirok("letter", "render", "1", "--db", db_url)).stdout == before

    refused = kirok("letter", "edit", "1", "--from", str(toml), "--db", db_url)
    assert refused.returncode == 2 and "was sent" in refused.stderr
    reopened = kirok("letter", "signatories", "1", "--open", "--db", db_url)
    assert reopened.returncode == 2 and "cannot gather more signatures" in reopened.stderr


def test_bad_letter_input_is_refused_and_changes_nothing(db_url: str, tmp_path: Path) -> None:
    ok(kirok("init", "--db", db_url))
    bad_date = write_letter(tmp_path, "Text.\n")
    bad_date.write_text(bad_date.read_text().replace("2026-11-20", '"2020-13-45"'))
    result = kirok("letter", "new", "--from", str(bad_date), "--db", db_url)
    assert result.returncode == 2
    assert str(bad_date) in result.stderr and "letter_date" in result.stderr

    broken = tmp_path / "broken.toml"
    broken.write_text('title = "unclosed\n')
    result = kirok("letter", "new", "--from", str(broken), "--db", db_url)
    assert result.returncode == 2 and "not a TOML file" in result.stderr

    unknown = tmp_path / "unknown.toml"
    unknown.write_text('title = "T"\nsignature = "x"\n')
    result = kirok("letter", "new", "--from", str(unknown), "--db", db_url)
    assert result.returncode == 2 and "signature: not a part of a letter" in result.stderr

    assert "No letters" not in ok(kirok("letter", "list", "--db", db_url)).stdout
    assert "│ 1" not in ok(kirok("letter", "list", "--db", db_url)).stdout

    good = write_letter(tmp_path, "Plain text.\n")
    ok(kirok("letter", "new", "--from", str(good), "--db", db_url))
    before = ok(kirok("letter", "render", "1", "--db", db_url)).stdout
    result = kirok("letter", "cite", "1", "999999", "--db", db_url)
    assert (
        result.returncode == 2
        and "[[record:999999]] cites a record that is not there" in result.stderr
    )
    result = kirok("letter", "cite", "1", "1", "--after", "words not there", "--db", db_url)
    assert result.returncode == 2 and "has no text “words not there”" in result.stderr
    assert ok(kirok("letter", "render", "1", "--db", db_url)).stdout == before

    result = kirok("letter", "render", "1", "-f", "pdf", "--db", db_url)
    assert result.returncode == 2 and "'pdf' is not one of: html, docx, md" in result.stderr
    result = kirok("letter", "render", "1", "-f", "docx", "--db", db_url)
    assert result.returncode == 2 and "give --output" in result.stderr
    result = kirok(
        "letter", "render", "1", "-f", "md", "-o", "/no/such/folder/x.md", "--db", db_url
    )
    assert result.returncode == 2 and "/no/such/folder/x.md: cannot be written" in result.stderr
    result = kirok("letter", "render", "7", "--db", db_url)
    assert result.returncode == 2 and "There is no letter 7." in result.stderr


def test_positions_make_a_grid_and_are_cited_like_records(db_url: str, tmp_path: Path) -> None:
    ok(kirok("init", "--db", db_url))
    table = tmp_path / "positions.csv"
    table.write_text(
        POSITIONS.read_text(encoding="utf-8")
        + "Atlantis,Co-sponsored the yearly UN General Assembly text on North Korean human rights,"
        "2020,yes,,Made up,,,\n",
        encoding="utf-8",
    )
    result = kirok("position", "import", str(table), "--db", db_url)
    assert result.returncode == 1
    assert "5 positions added, 1 refused" in result.stdout
    assert "line 7: state: 'Atlantis' is not a country Kirok knows" in result.stderr

    matter = "Co-sponsored the yearly UN General Assembly text on North Korean human rights"
    grid = ok(kirok("position", "list", "--matter", matter, "--db", db_url)).stdout
    row = next(line for line in grid.splitlines() if "South Korea" in line)
    assert [cell.split(" [")[0] for cell in re.findall(r"(yes \[\d+\]|no \[\d+\])", row)] == [
        "yes",
        "no",
        "no",
        "no",
        "yes",
    ]
    again = kirok(
        "position",
        "add",
        "--state",
        "KR",
        "--matter",
        matter,
        "--year",
        "2020",
        "--value",
        "yes",
        "--source-title",
        "x",
        "--db",
        db_url,
    )
    assert again.returncode == 2 and "already has an entry for 2020" in again.stderr
    added = ok(
        kirok(
            "position",
            "add",
            "--state",
            "Japan",
            "--matter",
            matter,
            "--year",
            "2020",
            "--value",
            "yes",
            "--source-title",
            "Sponsor list (test)",
            "--source-url",
            "https://example.org/sponsors",
            "--db",
            db_url,
        )
    )
    position = re.search(r"position (\d+): Japan, 2020: yes", added.stdout)
    assert position is not None

    toml = write_letter(tmp_path, "States should co-sponsor.\n")
    ok(kirok("letter", "new", "--from", str(toml), "--db", db_url))
    cited = ok(kirok("letter", "cite", "1", "--position", position.group(1), "--db", db_url))
    assert "note 1: Japan, 2020: Sponsor list (test), https://example.org/sponsors." in cited.stdout


def test_a_briefing_is_drafted_from_a_filter(db_url: str) -> None:
    ok(kirok("ingest", "--samples", "--db", db_url))
    wanted = [
        record
        for record in records_of(db_url, "--violation", "movement")
        if record["review_state"] != "rejected"
    ]
    assert len(wanted) >= 3
    made = ok(kirok("letter", "briefing", "--violation", "movement", "--db", db_url))
    assert "briefing “Briefing: movement violations” drafted" in made.stdout
    text = ok(kirok("letter", "render", "1", "--db", db_url)).stdout
    assert f"Kirok holds {len(wanted)} records of movement violations" in text
    sentences = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(sentences) == len(wanted)
    # every sentence is Kirok's own and cited; no source sentence is copied
    evidence = {span["text"] for record in wanted for span in record["evidence"]}
    for sentence in sentences:
        assert re.search(r"\.\[\^\d+\]$", sentence), sentence
        assert not any(sentence[2:-5] in span for span in evidence)
    assert "| Perpetrator | Records |" in text and "| Period |" in text
    refused = kirok(
        "letter", "briefing", "--violation", "movement", "--from", "2090", "--db", db_url
    )
    assert refused.returncode == 2 and "nothing to brief on" in refused.stderr
