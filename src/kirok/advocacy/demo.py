"""Sample advocacy material for ``kirok demo``: the sample positions and a
sample letter citing the sample records, open for signatures."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kirok.advocacy.letters import new_letter, read_letter_file
from kirok.advocacy.positions import import_positions
from kirok.errors import InvalidValue
from kirok.store.schema import Letter, Position, Record

PLACEHOLDER = re.compile(r"\{([a-z_.]+)@([0-9-]+)\}")


def _samples() -> Path:
    return Path(str(resources.files("kirok") / "samples"))


def _citation(session: Session, violation: str, date: str) -> str:
    if violation == "position":
        found = session.scalars(
            select(Position.id).where(Position.year == int(date)).order_by(Position.id)
        ).first()
        if found is None:
            raise InvalidValue(f"sample letter: no sample position for {date}")
        return str(found)
    record = session.scalars(
        select(Record.id)
        .where(Record.violation == violation, Record.date.startswith(date))
        .order_by(Record.id)
    ).first()
    if record is None:
        raise InvalidValue(f"sample letter: no sample record of {violation} on {date}")
    return f"[[record:{record}]]"


def add_demo_material(session: Session, by: str) -> Letter:
    """Add the sample positions and the sample letter (open for signatures); commits."""
    for line, problem in import_positions(session, _samples() / "positions.csv", by):
        if problem:
            raise InvalidValue(f"sample positions, line {line}: {problem}")
    parts = read_letter_file(_samples() / "letters" / "joint-letter.toml")
    parts["body"] = PLACEHOLDER.sub(
        lambda match: _citation(session, match.group(1), match.group(2)), parts["body"]
    )
    letter = new_letter(session, parts, by)
    letter.signon_open = True
    session.commit()
    return letter
