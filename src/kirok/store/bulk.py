"""Many new rows into one table, handed to the database driver as they are.

An ingest writes a few rows for each record, about a dozen records a
document. Through SQLAlchemy's Core insert, its statement work and each row's
parameters took about a third of the ingest's own time (sampled with py-spy);
here the statement is written once per table and columns, each value is
converted by its column type's own bind processor (so a date or a JSON value
is stored exactly as the ORM stores it), and the rows go to the driver's
``executemany`` (SQLite) or to PostgreSQL's ``COPY``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table
from sqlalchemy.engine import Dialect

from kirok.store.schema import Base

Processor = Callable[[Any], Any] | None

DATES_REMEMBERED = 4096  # distinct dates a statement keeps converted (days of about 11 years)


class _Repeated:
    """A bind processor that converts a value again only when handed another object:
    a document's records share one timestamp. Only for values that cannot change
    (dates and times)."""

    def __init__(self, processor: Callable[[Any], Any]) -> None:
        self.processor = processor
        # the last value and what it became, as one pair: statements are shared
        # between threads (web uploads), and each reads the pair once
        self.last: tuple[Any, Any] = (self, None)

    def __call__(self, value: Any) -> Any:
        last, converted = self.last
        if value is not last:
            converted = self.processor(value)
            self.last = (value, converted)
        return converted


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
        # PostgreSQL takes many rows fastest by COPY: one statement, not one
        # execution per row (COPY has no ON CONFLICT, so not for skip_existing)
        self.copy_sql = (
            f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
            if dialect.name == "postgresql" and not skip_existing
            else None
        )
        self._convert: list[tuple[int, Callable[[Any], Any]]] = []
        for index, column in enumerate(columns):
            kind = table.c[column].type
            processor: Processor = kind.dialect_impl(dialect).bind_processor(dialect)
            if processor is None:
                continue
            if isinstance(kind, DateTime):
                processor = _Repeated(processor)
            elif isinstance(kind, Date):
                # records' dates recur across documents, and converting one to its
                # stored form cost about 1 µs (a record has two; its whole row, 3.5 µs)
                processor = lru_cache(maxsize=DATES_REMEMBERED)(processor)
            self._convert.append((index, processor))

    def _converted(self, row: list[Any]) -> tuple[Any, ...]:
        for index, processor in self._convert:
            row[index] = processor(row[index])
        return tuple(row)

    def row(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """One row's parameters, in the statement's order, as the driver takes them."""
        return self._converted([values[column] for column in self.columns])

    def run(self, connection: Connection, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert ``rows`` (mappings holding every column); the number inserted."""
        return self._send(connection, [self.row(values) for values in rows])

    def run_ordered(self, connection: Connection, rows: Iterable[Sequence[Any]]) -> int:
        """Insert ``rows`` given as sequences in the statement's column order; the
        number inserted. For many rows a mapping each would cost more to build."""
        return self._send(connection, [self._converted(list(values)) for values in rows])

    def _send(self, connection: Connection, parameters: list[tuple[Any, ...]]) -> int:
        if not parameters:
            return 0
        if self.copy_sql is None:
            connection.exec_driver_sql(self.sql, parameters)
            return len(parameters)
        driver = connection.connection.driver_connection  # psycopg's, in the open transaction
        assert driver is not None
        with driver.cursor() as cursor, cursor.copy(self.copy_sql) as copy:
            for row in parameters:
                copy.write_row(row)
        return len(parameters)


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


def insert_ordered(
    connection: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert ``rows``, each its values in the order of ``columns``, into the Kirok
    table ``table``; the number inserted."""
    return statement(connection.dialect, table, tuple(columns)).run_ordered(connection, rows)
