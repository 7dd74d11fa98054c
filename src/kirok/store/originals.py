"""The originals: every ingested file's bytes, addressed by their SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kirok.store.counts import count_problems
from kirok.store.fulltext import index_problems
from kirok.store.schema import Original, Source


@dataclass
class Verification:
    checked: int = 0
    problems: list[str] = field(default_factory=list)


def verify(session: Session) -> Verification:
    """Hash every original again, check each source has its original, and (SQLite)
    that the search indexes and the counts of records hold what the tables do."""
    connection = session.connection()
    result = Verification(problems=index_problems(connection) + count_problems(connection))
    for sha256 in session.scalars(select(Original.sha256).order_by(Original.sha256)).all():
        original = session.get(Original, sha256)
        assert original is not None
        result.checked += 1
        actual = hashlib.sha256(original.content).hexdigest()
        if actual != sha256 or len(original.content) != original.size:
            result.problems.append(
                f"original {sha256}: its bytes hash to {actual} ({len(original.content)} bytes, "
                f"{original.size} recorded): it has been altered"
            )
        session.expunge(original)  # keep memory flat over a large archive
    missing = session.execute(
        select(Source.id, Source.sha256)
        .where(~select(Original.sha256).where(Original.sha256 == Source.sha256).exists())
        .order_by(Source.id)
    ).all()
    for source_id, sha256 in missing:
        result.problems.append(
            f"source {source_id}: no original held for {sha256} (imported without originals?)"
        )
    return result
