"""A letter in the format asked for: rendered from the database while it is a
draft, exactly as kept once it was sent."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kirok.advocacy.compose import compose
from kirok.advocacy.letters import get_letter, keep_sent
from kirok.advocacy.render import letter_html, letter_markdown
from kirok.advocacy.word import letter_docx
from kirok.errors import InvalidValue
from kirok.store.schema import Letter, LetterVersion

FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "md": ("text/markdown; charset=utf-8", "md"),
}


def check_format(format: str) -> None:
    if format not in FORMATS:
        raise InvalidValue(f"format: {format!r} is not one of: {', '.join(FORMATS)}")


def sent_version(letter: Letter) -> LetterVersion | None:
    for version in reversed(letter.versions):
        if version.action == "sent":
            return version
    return None


def render_letter(session: Session, dialect: str, letter: Letter, format: str) -> bytes:
    """The letter as a file's bytes; a sent letter as it was sent."""
    check_format(format)
    kept = sent_version(letter)
    if kept is not None:
        stored = {"html": kept.html, "md": kept.markdown, "docx": kept.docx}[format]
        if stored is not None:
            return stored if isinstance(stored, bytes) else stored.encode("utf-8")
    composed = compose(session, dialect, letter)
    if format == "docx":
        return letter_docx(composed)
    text = letter_html(composed) if format == "html" else letter_markdown(composed)
    return text.encode("utf-8")


def send_letter(session: Session, dialect: str, letter_id: int, by: str) -> Letter:
    """Mark a letter sent, keeping its HTML, Markdown and Word files with the
    signatories it has now; the caller commits."""
    letter = get_letter(session, letter_id, for_update=True)
    composed = compose(session, dialect, letter)
    keep_sent(
        letter,
        by,
        markdown=letter_markdown(composed),
        html=letter_html(composed),
        docx=letter_docx(composed),
    )
    return letter


def filename(letter: Letter, format: str) -> str:
    """A file name from the letter's title: letters, digits and hyphens."""
    stem = "".join(ch if ch.isalnum() else "-" for ch in letter.title.casefold())
    stem = "-".join(part for part in stem.split("-") if part)[:60] or "letter"
    return f"kirok-{letter.id}-{stem}.{FORMATS[format][1]}"
