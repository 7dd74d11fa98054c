"""Many new rows into one table, handed to the database driver as they are.

An ingest writes a few rows for each record, about a dozen records a
document. Through SQLAlchemy's Core insert, its statement work and each row's
parameters took about a third of the ingest's own time (sampled with py-spy);
here the statement is written once per table and columns, each value is
converted by its column type's own bind processor (so a date or a JSON value
is stored exactly as the ORM stores it), and the rows go to the driver's
``executemany``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect

from kirok.store.schema import Base

Processor = Callable[[Any], Any] | None


class BulkInsert:
    """``INSERT INTO table (columns) VALUES (...)`` for one dialect, reusable."""

    def __init__(
        self, dialect: Dialect, table: Table, columns: Sequence[str], *, skip_existing: bool = False
    ) -> None:
        quote = dialect.identifier_preparer.quote
        placeholder = "?" if dialect.paramstyle == "qmark" else "%s"
        self.columns = tuple(columns)
        self.sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([placeholder] * len(columns))})"
        )
        if skip_existing:  # the same key already there: keep it (SQLite and PostgreSQL)
            self.sql += " ON CONFLICT DO NOTHING"
        processors: list[Processor] = [
            table.c[column].type.dialect_impl(dialect).bind_processor(dialect) for column in columns
        ]
        self._convert = [
            (index, processor)
            for index, processor in enumerate(processors)
            if processor is not None
        ]

    def row(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """One row's parameters, in the statement's order, as the driver takes them."""
        row = [values[column] for column in self.columns]
        for index, processor in self._convert:
            row[index] = processor(row[index])
        return tuple(row)

    def run(self, connection: Connection, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert ``rows`` (mappings holding every column); the number inserted."""
        parameters = [self.row(values) for values in rows]
        if parameters:
            connection.exec_driver_sql(self.sql, parameters)
        return len(parameters)

    def returning_id(self, connection: Connection, values: Mapping[str, Any]) -> int:
        """Insert one row and return the ID the database gave it."""
        found = connection.exec_driver_sql(f"{self.sql} RETURNING id", self.row(values))
        return int(found.scalar_one())


@cache
def statement(
    dialect: Dialect, table: str, columns: tuple[str, ...], skip_existing: bool = False
) -> BulkInsert:
    """The insert into the Kirok table ``table``, made once per dialect."""
    return BulkInsert(dialect, Base.metadata.tables[table], columns, skip_existing=skip_existing)


def insert_rows(
    connection: Connection, table: str, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]
) -> int:
    """Insert ``rows`` into the Kirok table ``table``; the number inserted."""
    return statement(connection.dialect, table, tuple(columns)).run(connection, rows)
