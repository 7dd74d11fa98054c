"""Letters and briefings: checking their parts, making and changing them, and
keeping every version.

A letter's parts are plain values (see :data:`PARTS`). Recipients and the
letterhead are typed as *blocks*, the way they stand on the page: one recipient
per block of lines, blocks separated by a blank line, the first line the name,
the second the title, the rest the address::

    Kim Min-ji (invented)
    Minister of Foreign Affairs
    Seoul

    Jane Roe (invented)
    Secretary of State
"""

from __future__ import annotations

import datetime as dt
import secrets
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kirok.errors import InvalidValue, NotFound, StaleEdit
from kirok.store.records import now
from kirok.store.schema import LETTER_KINDS, Letter, LetterVersion

MAX_LINE = 500  # characters in a one-line part (title, subject, a name)
MAX_BODY = 200_000  # characters of body
MAX_LINES = 60  # lines in a block part (letterhead, recipients, CC)

# the parts a person edits, in the order a letter shows them
PARTS = (
    "title",
    "sender_name",
    "sender_lines",
    "sender_people",
    "letter_date",
    "recipients",
    "cc",
    "subject",
    "salutation",
    "body",
    "closing",
)
DEFAULT_CLOSING = "Sincerely,"


class LetterSent(InvalidValue):
    """A sent letter is kept as it was sent and cannot change."""


def _line(name: str, value: Any, required: bool = False) -> str | None:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidValue(f"{name}: expected text, got {value!r}")
    value = " ".join(value.split())
    if len(value) > MAX_LINE:
        raise InvalidValue(f"{name}: at most {MAX_LINE} characters, got {len(value):,}")
    if required and not value:
        raise InvalidValue(f"{name}: required")
    return value or None


def _lines(name: str, value: Any) -> list[str]:
    """A list of lines, from a list or from text with one per line."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list):
        raise InvalidValue(f"{name}: expected lines of text, got {value!r}")
    lines = [_line(name, item) for item in value]
    kept = [line for line in lines if line]
    if len(kept) > MAX_LINES:
        raise InvalidValue(f"{name}: at most {MAX_LINES} lines, got {len(kept)}")
    return kept


def parse_blocks(text: str) -> list[dict[str, Any]]:
    """Recipients typed as blocks (see the module's note) into name, title, lines."""
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        if raw.strip():
            blocks[-1].append(raw.strip())
        elif blocks[-1]:
            blocks.append([])
    return [
        {"name": block[0], "title": block[1] if len(block) > 1 else None, "lines": block[2:]}
        for block in blocks
        if block
    ]


def blocks_text(recipients: list[dict[str, Any]]) -> str:
    """Recipients back as typed blocks (the edit form shows them this way)."""
    parts = []
    for person in recipients:
        lines = [person["name"], person.get("title") or "", *person.get("lines", [])]
        parts.append("\n".join(line for line in lines if line is not None))
    return "\n\n".join(parts)


def _recipients(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, str):
        value = parse_blocks(value)
    if not isinstance(value, list):
        raise InvalidValue(f"recipients: expected a list, got {value!r}")
    people = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise InvalidValue(f"recipients: recipient {number} is not a name with a title")
        name = _line(f"recipients: recipient {number}'s name", item.get("name"), required=True)
        people.append(
            {
                "name": name,
                "title": _line(f"recipients: recipient {number}'s title", item.get("title")),
                "lines": _lines(f"recipients: recipient {number}'s address", item.get("lines")),
            }
        )
    if len(people) > MAX_LINES:
        raise InvalidValue(f"recipients: at most {MAX_LINES}, got {len(people)}")
    return people


def _date(value: Any) -> str | None:
    text = _line("letter_date", value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidValue(
            f"letter_date: {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22"
        ) from None


def _body(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidValue(f"body: expected text, got {value!r}")
    if len(value) > MAX_BODY:
        raise InvalidValue(f"body: at most {MAX_BODY:,} characters, got {len(value):,}")
    return value.replace("\r\n", "\n").strip("\n")


CHECKS: dict[str, Callable[[Any], Any]] = {
    "title": lambda value: _line("title", value, required=True),
    "sender_name": lambda value: _line("sender_name", value),
    "sender_lines": lambda value: _lines("sender_lines", value),
    "sender_people": lambda value: _lines("sender_people", value),
    "letter_date": _date,
    "recipients": _recipients,
    "cc": lambda value: _lines("cc", value),
    "subject": lambda value: _line("subject", value),
    "salutation": lambda value: _line("salutation", value),
    "body": _body,
    "closing": lambda value: _line("closing", value),
}


def check_parts(parts: dict[str, Any]) -> dict[str, Any]:
    """The parts, checked and tidied; an unknown or bad part raises naming it."""
    unknown = sorted(set(parts) - set(CHECKS))
    if unknown:
        raise InvalidValue(
            f"{unknown[0]}: not a part of a letter; the parts are: {', '.join(PARTS)}"
        )
    return {name: CHECKS[name](value) for name, value in parts.items()}


def parts_of(letter: Letter) -> dict[str, Any]:
    """A letter's parts as :func:`check_parts` takes them."""
    return {
        "title": letter.title,
        "sender_name": letter.sender.get("name"),
        "sender_lines": list(letter.sender.get("lines", [])),
        "sender_people": list(letter.sender.get("people", [])),
        "letter_date": letter.letter_date,
        "recipients": [dict(person) for person in letter.recipients],
        "cc": list(letter.cc),
        "subject": letter.subject,
        "salutation": letter.salutation,
        "body": letter.body,
        "closing": letter.closing,
    }


def _apply(letter: Letter, parts: dict[str, Any]) -> None:
    sender = dict(letter.sender or {})
    for name, value in parts.items():
        if name.startswith("sender_"):
            sender[name.removeprefix("sender_")] = value
        else:
            setattr(letter, name, value)
    letter.sender = sender


def _keep(letter: Letter, action: str, by: str, **rendered: Any) -> None:
    number = len(letter.versions) + 1
    letter.versions.append(
        LetterVersion(
            number=number,
            action=action,
            at=now(),
            by=by,
            fields=parts_of(letter),
            **rendered,
        )
    )


def new_letter(
    session: Session,
    parts: dict[str, Any],
    by: str,
    kind: str = "letter",
    filters: dict[str, Any] | None = None,
) -> Letter:
    """A new draft letter (or briefing); the caller commits."""
    if kind not in LETTER_KINDS:
        raise InvalidValue(f"kind: {kind!r} is not one of: {', '.join(LETTER_KINDS)}")
    checked = check_parts({"closing": DEFAULT_CLOSING, **parts})
    when = now()
    letter = Letter(
        kind=kind,
        title="",
        sender={"name": None, "lines": [], "people": []},
        recipients=[],
        cc=[],
        body="",
        filters=filters,
        signon_token=secrets.token_urlsafe(24),
        signon_open=False,
        created_at=when,
        created_by=by,
        updated_at=when,
        version=1,
    )
    _apply(letter, checked)
    session.add(letter)
    session.flush()
    _keep(letter, "created", by)
    return letter


def get_letter(session: Session, letter_id: int, for_update: bool = False) -> Letter:
    query = select(Letter).where(Letter.id == letter_id)
    if for_update:
        query = query.with_for_update()
    letter = session.scalars(query).one_or_none()
    if letter is None:
        raise NotFound(f"There is no letter {letter_id}.")
    return letter


def list_letters(session: Session) -> list[Letter]:
    return list(session.scalars(select(Letter).order_by(Letter.updated_at.desc(), Letter.id)))


def _check_version(letter: Letter, version: int | None) -> None:
    if letter.sent_at is not None:
        raise LetterSent(
            f"Letter {letter.id} was sent on {letter.sent_at:%Y-%m-%d} and is kept as it was "
            "sent; copy it to write a new one."
        )
    if version is not None and version != letter.version:
        raise StaleEdit(
            f"Letter {letter.id} has changed since you opened it, by someone else or by this form sent twice "
            f"(your copy is version {version}, it is now {letter.version}): "
            "reload it and make your change again."
        )


def update_letter(
    session: Session,
    letter_id: int,
    parts: dict[str, Any],
    by: str,
    version: int | None = None,
) -> Letter:
    """Change some parts; the old ones stay in the letter's versions. The caller commits."""
    letter = get_letter(session, letter_id, for_update=True)
    _check_version(letter, version)
    checked = check_parts(parts)
    before = parts_of(letter)
    if all(before.get(name) == value for name, value in checked.items()):
        raise InvalidValue("Nothing was changed: edit a part of the letter first.")
    _apply(letter, checked)
    letter.version += 1
    letter.updated_at = now()
    _keep(letter, "saved", by)
    return letter


def set_signon(session: Session, letter_id: int, open_: bool) -> Letter:
    """Open or close a letter for signatures; the caller commits."""
    letter = get_letter(session, letter_id, for_update=True)
    if open_ and letter.sent_at is not None:
        raise LetterSent(f"Letter {letter.id} was sent: it cannot gather more signatures.")
    letter.signon_open = open_
    letter.updated_at = now()
    return letter


def keep_sent(letter: Letter, by: str, markdown: str, html: str, docx: bytes) -> None:
    """Mark a letter sent and keep exactly what went out; the caller commits."""
    _check_version(letter, None)
    letter.sent_at = now()
    letter.signon_open = False
    letter.version += 1
    _keep(letter, "sent", by, markdown=markdown, html=html, docx=docx)


def read_letter_file(path: Path) -> dict[str, Any]:
    """A letter's parts from a TOML file (see docs/letters.md); the body may be
    given inline or as ``body_file``, relative to the TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidValue(f"{path}: cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InvalidValue(f"{path}: not a TOML file ({error})") from None
    sender = data.pop("sender", None)
    if isinstance(sender, dict):
        data["sender_name"] = sender.get("name")
        data["sender_lines"] = sender.get("lines", [])
        data["sender_people"] = sender.get("people", [])
    elif sender is not None:
        raise InvalidValue(f"{path}: sender: expected a table with name, lines and people")
    if "body_file" in data:
        body_path = path.parent / str(data.pop("body_file"))
        try:
            data["body"] = body_path.read_text(encoding="utf-8")
        except OSError as error:
            raise InvalidValue(f"{path}: body_file {body_path}: {error.strerror}") from None
    if isinstance(data.get("letter_date"), dt.date):
        data["letter_date"] = data["letter_date"].isoformat()
    try:
        return check_parts(data)
    except InvalidValue as error:
        raise InvalidValue(f"{path}: {error}") from None
