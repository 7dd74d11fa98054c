"""The tables of a Kirok database.

Originals are kept byte for byte, addressed by their SHA-256, apart from the
sources that describe them. A record's evidence spans and victim names are rows
of their own (a record has several of each and a query may ask for any); its
review state and ``version`` (bumped on every change, so a stale edit can be
refused) sit on the record; every change to a record is a revision row with
who, when, and the old and new value of each field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SCHEMA_REVISION = "0008"  # the newest migration; a test checks it is Alembic's head
ROLES = ("admin", "editor", "viewer")
REVIEW_STATES = ("suggested", "accepted", "edited", "rejected")
# Two covering indexes hold every filterable field, so that counting what a
# filter allows reads an index alone instead of visiting each matching row: one
# led by the violation (the filter people use most: a list of one family, sorted
# by any field, reads it alone) ...
VIOLATION_FACETS = (
    "violation",
    "date_start",
    "date_stop",
    "country",
    "perpetrator",
    "review_state",
    "kind",
    "place",
)
# ... and one led by the dates: a list sorted by date, under filters that many
# records meet, walks it alone until its page is full
DATE_FACETS = (
    "date_start",
    "date_stop",
    "violation",
    "review_state",
    "country",
    "kind",
    "perpetrator",
    "place",
)
LETTER_KINDS = ("letter", "briefing")
SIGNER_KINDS = ("organisation", "individual")
SIGNATURE_STATES = ("pending", "approved", "removed")


class Base(DeclarativeBase):
    pass


class Original(Base):
    """A source's original bytes, exactly as ingested."""

    __tablename__ = "originals"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Source(Base):
    """A document: what it is, where it came from, and its text."""

    __tablename__ = "sources"
    # newest first, walked backwards: lists of sources are met in their order
    __table_args__ = (Index("ix_sources_published", "published"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ingested_by: Mapped[str] = mapped_column(String(200))
    extractor_version: Mapped[str | None] = mapped_column(String(64))

    records: Mapped[list[Record]] = relationship(
        back_populates="source", order_by="Record.id", cascade="all, delete-orphan"
    )


class Record(Base):
    """One act or measure a source states (spec/incidents.md), under review."""

    __tablename__ = "records"
    __table_args__ = (
        CheckConstraint(
            "review_state IN ('suggested', 'accepted', 'edited', 'rejected')",
            name="review_state_known",
        ),
        CheckConstraint("kind IN ('incident', 'measure')", name="kind_known"),
        Index("ix_records_violations", *VIOLATION_FACETS),
        Index("ix_records_dates", *DATE_FACETS),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    violation: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    # the first and last day the partial dates allow, for range filters
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_stop: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(2))
    place: Mapped[str | None] = mapped_column(Text)
    perpetrator: Mapped[str | None] = mapped_column(String(200))
    victim_count: Mapped[int | None] = mapped_column(Integer)
    victim_count_text: Mapped[str | None] = mapped_column(Text)
    victim_nationality: Mapped[str | None] = mapped_column(String(2))
    victim_age: Mapped[int | None] = mapped_column(Integer)
    victim_sex: Mapped[str | None] = mapped_column(String(6))
    confidence: Mapped[float] = mapped_column(Float)
    review_state: Mapped[str] = mapped_column(String(16), default="suggested")
    origin: Mapped[str] = mapped_column(String(16))  # "extractor", "person" or "import"
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    source: Mapped[Source] = relationship(back_populates="records")
    evidence: Mapped[list[EvidenceSpan]] = relationship(
        order_by="EvidenceSpan.position", cascade="all, delete-orphan"
    )
    names: Mapped[list[VictimName]] = relationship(
        order_by="VictimName.position", cascade="all, delete-orphan"
    )
    revisions: Mapped[list[Revision]] = relationship(
        order_by="Revision.id", cascade="all, delete-orphan"
    )


class EvidenceSpan(Base):
    """Where in its source's text a record is stated."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class VictimName(Base):
    __tablename__ = "victim_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, index=True)


class Revision(Base):
    """One change to a record: who, when, what, and each field's old and new value."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)  # field -> [old, new]
    note: Mapped[str | None] = mapped_column(Text)


class User(Base):
    """A person who signs in to the web app: ``admin`` (users, settings), ``editor``
    (ingest, review, edit) or ``viewer`` (read only)."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('admin', 'editor', 'viewer')", name="role_known"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AppSetting(Base):
    """The web app's settings kept with the data (e.g. the key that signs sessions)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Letter(Base):
    """An open letter or a briefing: its parts, its Markdown body with citations
    (``[[record:12]]``), and whether it is open for signatures or sent."""

    __tablename__ = "letters"
    __table_args__ = (CheckConstraint("kind IN ('letter', 'briefing')", name="letter_kind_known"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="letter")
    title: Mapped[str] = mapped_column(Text)
    # letterhead: {"name": str, "lines": [address lines], "people": [officers, board]}
    sender: Mapped[dict[str, Any]] = mapped_column(JSON)
    letter_date: Mapped[str | None] = mapped_column(String(10))
    recipients: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # name, title, lines
    cc: Mapped[list[str]] = mapped_column(JSON)
    subject: Mapped[str | None] = mapped_column(Text)
    salutation: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")
    closing: Mapped[str | None] = mapped_column(Text)
    filters: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # a briefing's filter
    signon_token: Mapped[str] = mapped_column(String(64), unique=True)
    signon_open: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    signatures: Mapped[list[Signature]] = relationship(
        order_by="Signature.id", cascade="all, delete-orphan"
    )
    versions: Mapped[list[LetterVersion]] = relationship(
        order_by="LetterVersion.number", cascade="all, delete-orphan"
    )


class Signature(Base):
    """One organisation or person signing a letter, as they gave it; the
    coordinator approves or removes it, and the signer confirms by email."""

    __tablename__ = "signatures"
    __table_args__ = (
        CheckConstraint("kind IN ('organisation', 'individual')", name="signer_kind_known"),
        CheckConstraint(
            "state IN ('pending', 'approved', 'removed')", name="signature_state_known"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)  # the organisation's, or the person's
    country: Mapped[str] = mapped_column(String(2))
    email: Mapped[str] = mapped_column(String(320))
    signer: Mapped[str | None] = mapped_column(Text)  # who signs for an organisation
    title: Mapped[str | None] = mapped_column(Text)
    affiliation: Mapped[str | None] = mapped_column(Text)
    represents: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    confirm_hash: Mapped[str] = mapped_column(String(64), unique=True)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[str | None] = mapped_column(String(200))


class LetterVersion(Base):
    """A letter as it stood: every save keeps its fields; sending keeps the
    rendered letter, signatories included, exactly as it went out."""

    __tablename__ = "letter_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # "created", "saved" or "sent"
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(200))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    markdown: Mapped[str | None] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    docx: Mapped[bytes | None] = mapped_column(LargeBinary)


class Position(Base):
    """What a state did on a matter in a year (co-sponsored a resolution: yes or
    no; a statement; a commitment), with the source that says so."""

    __tablename__ = "positions"
    __table_args__ = (Index("ix_positions_entry", "matter", "state", "year", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(3))  # ISO 3166-1 alpha-3
    matter: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str | None] = mapped_column(Text)
    source_title: Mapped[str] = mapped_column(Text)
    source_publisher: Mapped[str | None] = mapped_column(Text)
    source_date: Mapped[str | None] = mapped_column(String(10))
    source_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(200))


def described_by_models(name: str | None, type_: str, parent_names: Any) -> bool:
    """For Alembic's comparisons: the full-text indexes (SQLite's FTS5 tables and
    their shadow tables, PostgreSQL's trigram indexes), SQLite's counts of records
    (``kirok.store.counts``), PostgreSQL's newest-first index and SQLite's
    place-sorted one are made by the migrations' SQL, not by models."""
    if type_ == "table" and name is not None and ("_fts" in name or name == "record_counts"):
        return False
    if type_ == "column" and name == "search_vector":
        return False
    return not (
        type_ == "index"
        and name
        in ("ix_sources_search", "ix_records_search", "ix_records_newest", "ix_records_places")
    )
