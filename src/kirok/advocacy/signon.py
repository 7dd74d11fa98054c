"""Coalition sign-on: who may sign and how, the coordinator's decisions, the
duplicates worth a second look, and the counts a letter states about itself.

A signature counts once the coordinator has approved it *and* the signer has
confirmed it by the emailed link: a name typed into a public form proves
nothing about who typed it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from kirok.advocacy.letters import get_letter
from kirok.countries import country_code
from kirok.errors import InvalidValue, KirokError, NotFound
from kirok.store.records import now
from kirok.store.schema import SIGNATURE_STATES, SIGNER_KINDS, Letter, Signature

MAX_NAME = 300
MAX_REPRESENTS = 100_000  # more member organisations than any network has
EMAIL = re.compile(r"[^@\s<>\"]{1,64}@[A-Za-z0-9.-]{1,252}\.[A-Za-z]{2,63}")
SIMILAR = 88  # rapidfuzz score (0-100) from which two names are shown as likely the same


class SignOnClosed(KirokError):
    """The letter does not take signatures (not opened, closed, or sent)."""


class SignatureProblems(InvalidValue):
    """What is wrong with a sign-on form, field by field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name}: {text}" for name, text in problems.items()))


# the form's fields, per kind of signer: name -> (label, required)
FIELDS: dict[str, dict[str, tuple[str, bool]]] = {
    "organisation": {
        "name": ("Organisation", True),
        "country": ("Country", True),
        "email": ("Contact email", True),
        "signer": ("Person signing", True),
        "title": ("Their title", True),
        "represents": ("Organisations it represents (networks)", False),
    },
    "individual": {
        "name": ("Name", True),
        "title": ("Title", True),
        "affiliation": ("Affiliation", False),
        "country": ("Country", True),
        "email": ("Email", True),
    },
}


def check_signature(kind: str, form: dict[str, Any]) -> dict[str, Any]:
    """The fields of a signature, checked: every problem is named, not just the first."""
    if kind not in SIGNER_KINDS:
        raise SignatureProblems({"kind": "choose an organisation or an individual"})
    problems: dict[str, str] = {}
    values: dict[str, Any] = {"kind": kind, "represents": 1}
    for name, (label, required) in FIELDS[kind].items():
        raw = form.get(name)
        text = " ".join(str(raw).split()) if raw is not None else ""
        if not text:
            if required:
                problems[name] = f"{label} is required."
            continue
        if len(text) > MAX_NAME:
            problems[name] = f"{label} is too long: {len(text):,} characters, at most {MAX_NAME}."
            continue
        if name == "country":
            code = country_code(text)
            if code is None:
                problems[name] = (
                    f"“{text[:60]}” is not a country Kirok knows; choose one from the list."
                )
            else:
                values[name] = code
        elif name == "email":
            if not EMAIL.fullmatch(text):
                problems[name] = f"“{text[:60]}” is not an email address."
            else:
                values[name] = text
        elif name == "represents":
            if not text.replace(",", "").isdigit():
                problems[name] = f"{label} must be a whole number, got “{text[:20]}”."
            else:
                number = int(text.replace(",", ""))
                if not 1 <= number <= MAX_REPRESENTS:
                    problems[name] = (
                        f"{label} must be between 1 and {MAX_REPRESENTS:,}, got {number:,}."
                    )
                else:
                    values[name] = number
        else:
            values[name] = text
    if problems:
        raise SignatureProblems(problems)
    return values


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_letter_for(session: Session, token: str) -> Letter:
    """The letter a sign-on link names, if it takes signatures."""
    letter = session.scalars(select(Letter).where(Letter.signon_token == token)).one_or_none()
    if letter is None:
        raise NotFound("There is no letter at this sign-on link; check the link you were sent.")
    if letter.sent_at is not None:
        raise SignOnClosed(f"“{letter.title}” has been sent; it no longer takes signatures.")
    if not letter.signon_open:
        raise SignOnClosed(f"Signatures for “{letter.title}” are closed.")
    return letter


def add_signature(
    session: Session, token: str, kind: str, form: dict[str, Any]
) -> tuple[Signature, str]:
    """A new pending signature and the secret its confirmation link carries
    (only its hash is kept); the caller commits and sends the link."""
    letter = open_letter_for(session, token)
    values = check_signature(kind, form)
    secret = secrets.token_urlsafe(24)
    signature = Signature(
        letter_id=letter.id,
        state="pending",
        confirm_hash=_hash(secret),
        created_at=now(),
        **values,
    )
    session.add(signature)
    session.flush()
    return signature, secret


def confirm_signature(session: Session, token: str, secret: str) -> Signature:
    """The signer followed their emailed link."""
    letter = session.scalars(select(Letter).where(Letter.signon_token == token)).one_or_none()
    found = session.scalars(
        select(Signature).where(Signature.confirm_hash == _hash(secret))
    ).one_or_none()
    if letter is None or found is None or found.letter_id != letter.id:
        raise NotFound("This confirmation link is not valid; check the email you were sent.")
    if found.confirmed_at is None:
        found.confirmed_at = now()
    return found


def decide(session: Session, letter_id: int, signature_id: int, state: str, by: str) -> Signature:
    """The coordinator approves, removes or reconsiders a signature; the caller commits."""
    if state not in SIGNATURE_STATES:
        raise InvalidValue(f"state: {state!r} is not one of: {', '.join(SIGNATURE_STATES)}")
    letter = get_letter(session, letter_id, for_update=True)
    if letter.sent_at is not None:
        raise InvalidValue(f"Letter {letter_id} was sent: its signatories are kept as they were.")
    found = session.get(Signature, signature_id)
    if found is None or found.letter_id != letter_id:
        raise NotFound(f"Letter {letter_id} has no signature {signature_id}.")
    found.state = state
    found.decided_by = by
    return found


def counted(signature: Signature) -> bool:
    return signature.state == "approved" and signature.confirmed_at is not None


# -- duplicates --------------------------------------------------------------

FILLER = {"the", "of", "for", "and", "in", "on", "a", "an", "de", "la", "le", "et", "fur", "und"}


def _folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ")
    words = re.findall(r"\w+", text)
    return " ".join(word for word in words if word not in FILLER)


def _unbracketed(name: str) -> str:
    return re.sub(r"\([^)]*\)", " ", name)


ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]{1,14}")


def _acronyms(name: str) -> set[str]:
    """An organisation's short names: one given in brackets or standing alone
    ("PSCORE"), and the initials of a name of three words or more."""
    found = {
        word.replace(".", "").casefold()
        for word in re.findall(r"\(([^)]{2,15})\)", name) + name.split()
        if ACRONYM.fullmatch(word)
    }
    words = [w for w in re.findall(r"\w+", _unbracketed(name)) if w.casefold() not in FILLER]
    if len(words) >= 3:
        found.add("".join(word[0] for word in words).casefold())
    return found


def similarity(first: Signature, second: Signature) -> int:
    """0 to 100: how likely two signatures are the same signer."""
    if first.kind != second.kind:
        return 0
    if first.email.casefold() == second.email.casefold():
        return 100
    # bracketed short names are compared as acronyms, not as words
    score = fuzz.token_sort_ratio(
        _folded(_unbracketed(first.name)), _folded(_unbracketed(second.name))
    )
    if first.kind == "organisation" and _acronyms(first.name) & _acronyms(second.name):
        score = max(score, 90)
    return round(score)


def duplicates(signatures: list[Signature]) -> dict[int, list[tuple[int, int]]]:
    """For each signature still in play, the earlier or later ones that look like
    the same signer: signature ID -> [(other ID, score)]."""
    live = [s for s in signatures if s.state != "removed"]
    found: dict[int, list[tuple[int, int]]] = {}
    for index, first in enumerate(live):
        for second in live[index + 1 :]:
            score = similarity(first, second)
            if score >= SIMILAR:
                found.setdefault(first.id, []).append((second.id, score))
                found.setdefault(second.id, []).append((first.id, score))
    return found


# -- what the letter says of its signatories ---------------------------------


def _sort_key(name: str) -> str:
    folded = _folded(name)
    return folded.removeprefix("the ") if folded else name.casefold()


@dataclass
class Tally:
    """The counted signatures and the sentence and block a letter makes of them."""

    organisations: list[Signature] = field(default_factory=list)
    individuals: list[Signature] = field(default_factory=list)

    @classmethod
    def of(cls, signatures: list[Signature]) -> Tally:
        kept = [s for s in signatures if counted(s)]
        return cls(
            organisations=sorted(
                (s for s in kept if s.kind == "organisation"), key=lambda s: _sort_key(s.name)
            ),
            individuals=sorted(
                (s for s in kept if s.kind == "individual"), key=lambda s: s.name.casefold()
            ),
        )

    @property
    def represented(self) -> int:
        return sum(max(1, s.represents) for s in self.organisations)

    @property
    def countries(self) -> list[str]:
        return sorted({s.country for s in self.organisations + self.individuals})

    def phrase(self) -> str:
        """E.g. "4 groups representing 123 non-governmental organisations and 2
        individuals in 3 countries", singular and plural right."""
        parts = []
        groups = len(self.organisations)
        if groups:
            if self.represented > groups:
                parts.append(
                    f"{_count(groups, 'group')} representing "
                    f"{_count(self.represented, 'non-governmental organisation')}"
                )
            else:
                parts.append(_count(groups, "organisation"))
        if self.individuals:
            parts.append(_count(len(self.individuals), "concerned individual"))
        if not parts:
            return "no signatories yet"
        return " and ".join(parts) + f" in {_count(len(self.countries), 'country', 'countries')}"

    def block(self) -> list[tuple[str, str | None]]:
        """The signature block: organisations (sorted) then each individual with
        their title and affiliation; (line, second line or None)."""
        lines: list[tuple[str, str | None]] = [(s.name, None) for s in self.organisations]
        for person in self.individuals:
            detail = ", ".join(part for part in (person.title, person.affiliation) if part)
            lines.append((person.name, detail or None))
        return lines


def _count(number: int, singular: str, plural: str | None = None) -> str:
    if number == 1:
        return f"1 {singular}"
    return f"{number:,} {plural or singular + 's'}"


def signatures_of(session: Session, letter_id: int) -> list[Signature]:
    return list(
        session.scalars(
            select(Signature).where(Signature.letter_id == letter_id).order_by(Signature.id)
        )
    )
