"""Builders for test documents, written by us, in every format Kirok reads."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KIROK_SHARED", REPO.parent / "shared"))

# An invented incident, in our own words.
INCIDENT = (
    "On March 3, 2021, border guards shot and killed two women who were wading across "
    "the Yalu River near Hyesan."
)
# An invented report in Korean, written by us for testing search in Korean.
KOREAN_REPORT = (
    "가상의 현장 보고서 (시험용으로 작성한 것이며 실제 사건이 아님)\n\n"
    "날짜: 2021년 4월 2일\n\n"
    "2021년 3월 초, 양강도 혜산시 인근에서 국경경비대가 압록강을 건너려던 여성 두 명에게 "
    "총격을 가했다고 한 소식통이 전했다. 주민들은 이 사건 이후 강가 접근이 더욱 엄격히 "
    "통제되고 있다고 말했다.\n"
)
MEASURE = "In May, the authorities banned residents from leaving their villages without a pass."


def kirok(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``kirok`` command."""
    environment = {**os.environ, "COLUMNS": "200", "KIROK_USER": "tester"}
    environment.pop("KIROK_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "kirok", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={**environment, **(env or {})},
    )


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    """The result, after checking the command succeeded (showing why not if it did not)."""
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(process: subprocess.Popen[Any], port: int, why: Callable[[], str]) -> None:
    """Until the server answers on ``port``; fails with ``why()`` if it exits first."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            assert process.poll() is None, why()
            time.sleep(0.1)


def extracting_processes(process: subprocess.Popen[Any], count: int = 2) -> list[int]:
    """The PIDs of ``process``'s ``count`` extracting processes once they have all
    started (Linux: read from /proc)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 60
    pids: list[int] = []
    while len(pids) < count and time.monotonic() < deadline:
        assert process.poll() is None, "the command finished before its processes were seen"
        pids = [int(pid) for pid in children.read_text().split()]
        time.sleep(0.02)
    assert len(pids) == count, f"the extracting processes did not start: {pids}"
    return pids


@contextmanager
def kirok_serve(
    *args: str, log: Path | None = None, env: dict[str, str] | None = None
) -> Iterator[int]:
    """The real ``kirok serve ARGS`` on a free port, answering: yields the port,
    and stops the server afterwards. ``log``: where its output goes (shown if it
    exits before it answers)."""
    port = free_port()
    output = log.open("w") if log else None
    process = subprocess.Popen(
        [sys.executable, "-m", "kirok", "serve", "--port", str(port), *args],
        stdout=output or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if output else subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    try:
        wait_for(
            process,
            port,
            lambda: log.read_text() if log else f"kirok serve exited {process.returncode}",
        )
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        if output:
            output.close()


def downgrade(db: str, revision: str) -> None:
    """Take the database at ``db`` back to schema ``revision`` (Alembic)."""
    from alembic import command

    from kirok.store.database import Database, _migrations

    database = Database(db)
    config = _migrations()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    database.close()


def export_lines(db: str, *filters: str) -> list[dict[str, Any]]:
    """Everything in the database, as `kirok export --format jsonl` gives it."""
    out = ok(kirok("export", "--db", db, "--format", "jsonl", *filters)).stdout
    return [json.loads(line) for line in out.splitlines()]


def without_times(lines: list[dict[str, Any]], ids: bool = True) -> list[dict[str, Any]]:
    """An export with the moments of ingest and review left out, to compare two
    runs; ``ids=False`` leaves out the IDs too (PostgreSQL never hands out again
    the numbers a killed transaction took)."""
    times = ("ingested_at", "created_at", "updated_at", "at")
    if not ids:
        times += ("id", "source_id")

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in times}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return [strip(line) for line in lines]


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


def write_srt(path: Path, body: str) -> Path:
    """Subtitles: a bracketed first cue with the date, then the body a few words a
    cue, two lines each, so that its sentences run across cues."""
    words = body.split()
    cues = ["[Field report -- 2 April 2021]"]
    for at in range(0, len(words), 8):
        chunk = words[at : at + 8]
        cues.append(" ".join(chunk[:4]) + "\n" + " ".join(chunk[4:]))
    blocks = [
        f"{number}\n00:00:{number:02d},000 --> 00:00:{number:02d},900\n{cue.strip()}\n"
        for number, cue in enumerate(cues, start=1)
    ]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def write_eml(path: Path, body: str) -> Path:
    """An e-mail as a mail program saves it: MIME, the text quoted-printable
    (long lines broken with soft line breaks), beside an HTML copy and an
    attached file that are not read."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Field desk (invented) <desk@example.org>"
    message["To"] = "team@example.org"
    message["Subject"] = "Field report"
    message["Date"] = "Fri, 02 Apr 2021 09:15:00 +0900"
    message.set_content(body, cte="quoted-printable")
    message.add_alternative(f"<p>{body}</p>", subtype="html")
    message.add_attachment(b"%PDF-1.4 not read", maintype="application", subtype="pdf")
    path.write_bytes(bytes(message))
    return path


WRITERS = {
    "eml": write_eml,
    "srt": write_srt,
    "txt": write_txt,
    "md": write_md,
    "html": write_html,
    "pdf": write_pdf,
    "docx": write_docx,
}
