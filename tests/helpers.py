"""Builders for test documents, written by us, in every format Kirok reads."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KIROK_SHARED", REPO.parent / "shared"))

# An invented incident, in our own words.
INCIDENT = (
    "On March 3, 2021, border guards shot and killed two women who were wading across "
    "the Yalu River near Hyesan."
)
MEASURE = "In May, the authorities banned residents from leaving their villages without a pass."


def kirok(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``kirok`` command."""
    return subprocess.run(
        [sys.executable, "-m", "kirok", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )


def write_txt(path: Path, body: str, date: str = "April 2, 2021") -> Path:
    path.write_text(f"Field report\n\nDate: {date}\n\n{body}\n", encoding="utf-8")
    return path


def write_md(path: Path, body: str) -> Path:
    path.write_text(f"# Field report\n\n*Published: April 2, 2021*\n\n{body}\n", encoding="utf-8")
    return path


def write_html(path: Path, body: str) -> Path:
    path.write_text(
        "<!DOCTYPE html><html><head><title>Field report</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Field report</h1>"
        f"<p>Date: April 2, 2021</p><p>{body}</p><p>More reports will follow as sources are checked.</p>"
        "</article><footer>Privacy policy | Contact | Subscribe</footer></body></html>",
        encoding="utf-8",
    )
    return path


def write_pdf(path: Path, body: str) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Field report", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "Date: April 2, 2021", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    pdf.output(str(path))
    return path


def write_docx(path: Path, body: str) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Field report", level=1)
    document.add_paragraph("Date: April 2, 2021")
    document.add_paragraph(body)
    document.save(str(path))
    return path


WRITERS = {
    "txt": write_txt,
    "md": write_md,
    "html": write_html,
    "pdf": write_pdf,
    "docx": write_docx,
}
