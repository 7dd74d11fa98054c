"""How many records a list holds, from SQLite's ``record_counts``.

Migration 0006 keeps how many records there are of each violation, kind and
review state: triggers on ``records`` follow changes and deletions, and new
records are added here as they are written (migration 0007), an ingest's many
in one statement per transaction. A list narrowed by those alone, or by
nothing, is counted by adding up a few dozen of those rows rather than reading
an index entry for every record it holds; any other filter is counted from the
records themselves, and so is everything on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, column, event, func, select, table, text
from sqlalchemy.orm import Mapper

from kirok.store.fields import violation_conditions
from kirok.store.schema import Record

if TYPE_CHECKING:
    from kirok.store.search import Filters

COUNTS = table(
    "record_counts", column("violation"), column("kind"), column("review_state"), column("records")
)
# the filters the table answers (Filters' field names)
ANSWERED = ("violation", "kind", "state")


def counted(connection: Connection, filters: Filters) -> int | None:
    """How many records ``filters`` allow, when ``record_counts`` can tell: on
    SQLite, with no text and no filter but violation, kind and review state.
    None otherwise."""
    if (
        connection.dialect.name != "sqlite"
        or filters.text
        or filters.any_record_filter(ignoring=ANSWERED)
    ):
        return None
    conditions: list[Any] = []
    if filters.violation:
        conditions.extend(violation_conditions(COUNTS.c.violation, filters.violation))
    if filters.kind:
        conditions.append(COUNTS.c.kind == filters.kind)
    if filters.state:
        conditions.append(COUNTS.c.review_state == filters.state)
    total = select(func.coalesce(func.sum(COUNTS.c.records), 0)).where(*conditions)
    return int(connection.execute(total).scalar_one())


# (violation, kind, review state) -> how many new records have them
NewCounts = Mapping[tuple[str, str, str], int]
_ADD = (
    "INSERT INTO record_counts (violation, kind, review_state, records) VALUES (?, ?, ?, ?) "
    "ON CONFLICT DO UPDATE SET records = records + excluded.records"
)


def count_new(connection: Connection, counts: NewCounts) -> None:
    """SQLite: add new records to ``record_counts``."""
    if connection.dialect.name != "sqlite" or not counts:
        return
    connection.exec_driver_sql(_ADD, [(*key, number) for key, number in counts.items()])


@event.listens_for(Record, "after_insert")
def _count_inserted(mapper: Mapper[Any], connection: Connection, record: Record) -> None:
    """Records the ORM writes (added by a person, imported, re-extracted)."""
    count_new(connection, {(record.violation, record.kind, record.review_state): 1})


# the counts as kept, and as the records have them: each side's rows the other lacks
_MISMATCHED = """
SELECT count(*) FROM (
    SELECT violation, kind, review_state, records FROM record_counts WHERE records != 0
    EXCEPT
    SELECT violation, kind, review_state, count(*) FROM records
    GROUP BY violation, kind, review_state
) UNION ALL SELECT count(*) FROM (
    SELECT violation, kind, review_state, count(*) FROM records
    GROUP BY violation, kind, review_state
    EXCEPT
    SELECT violation, kind, review_state, records FROM record_counts WHERE records != 0
)
"""


def count_problems(connection: Connection) -> list[str]:
    """SQLite: whether ``record_counts`` holds what the records do."""
    if connection.dialect.name != "sqlite":
        return []
    if not any(connection.execute(text(_MISMATCHED)).scalars()):
        return []
    return [
        "the counts of records (record_counts) do not match the records they count: "
        "record lists may show wrong totals"
    ]
