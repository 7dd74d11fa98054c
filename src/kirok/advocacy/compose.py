"""Composing a letter: resolving its citations to numbered notes that name the
sources, its ``[[signatories]]`` to the sentence its approved signatures make,
and its ``[[chart:...]]`` lines to counts over its filter.

What a body may hold, beside Markdown:

- ``[[record:12]]`` or ``[[record:12,14]]``: a note naming the source(s) of
  those records (title, publisher, date, URL); the same citation twice is one note;
- ``[[position:3]]``: a note naming the source of a government position;
- ``[[signatories]]``: "4 groups representing 123 non-governmental
  organisations and 2 concerned individuals in 3 countries", from the
  signatures approved and confirmed;
- ``[[chart:months]]`` or ``[[chart:perpetrators]]`` on a line of its own:
  the records the letter's filter allows, counted (a chart in HTML, a table in
  Word and Markdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kirok.advocacy.letters import get_letter, parts_of, update_letter
from kirok.advocacy.signon import Tally, signatures_of
from kirok.countries import country_name
from kirok.dates import PartialDate
from kirok.errors import InvalidValue
from kirok.stats import charts, counts
from kirok.store.schema import Letter, Position, Record, Source
from kirok.store.search import Filters

MARKER = re.compile(r"\[\[([a-z]+)(?::([^\]\n]{0,400}))?\]\]")
CHART_LINE = re.compile(r"^[ \t]*\[\[chart:([a-z]+)\]\][ \t]*$", re.MULTILINE)
CHARTS = {"months": "Records over time", "perpetrators": "Records by perpetrator"}
MAX_CITED = 50  # records or positions in one citation


def long_date(iso: str | None) -> str:
    """2020-09-22 as "22 September 2020"; 2020-09 as "September 2020"."""
    if not iso:
        return ""
    try:
        date = PartialDate.parse_iso(iso)
    except ValueError:
        return iso
    first = date.first_day()
    if date.precision == "day":
        return f"{first.day} {first:%B %Y}"
    return f"{first:%B %Y}" if date.precision == "month" else str(date.year)


def source_note(source: Source) -> str:
    parts = [
        source.title or source.filename or f"source {source.id}",
        source.publisher,
        long_date(source.published),
        source.url,
    ]
    return ", ".join(part for part in parts if part)


def position_note(position: Position) -> str:
    parts = [
        position.source_title,
        position.source_publisher,
        long_date(position.source_date),
        position.source_url,
    ]
    return ", ".join(part for part in parts if part)


@dataclass
class Note:
    number: int
    text: str
    records: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)


@dataclass
class Chart:
    name: str
    title: str
    header: list[str]
    rows: list[list[Any]]
    svg: str


@dataclass
class Composed:
    """A letter ready to render: its parts, notes, signatories and charts."""

    letter_id: int
    kind: str
    parts: dict[str, Any]
    phrase: str
    tally: Tally
    notes: list[Note]
    note_of: dict[str, int]  # a citation as written, normalised -> its note's number
    charts: dict[str, Chart]
    warnings: list[str]

    @property
    def date_line(self) -> str:
        return long_date(self.parts.get("letter_date"))

    def block(self) -> list[tuple[str, str | None]]:
        return self.tally.block()


def _ids(kind: str, raw: str | None, written: str) -> list[int]:
    pieces = [piece.strip() for piece in (raw or "").split(",")]
    if not pieces or not all(piece.isdigit() for piece in pieces):
        raise InvalidValue(
            f"body: {written} does not name {kind}s by number; write e.g. [[{kind}:12]] "
            f"or [[{kind}:12,14]]"
        )
    ids = list(dict.fromkeys(int(piece) for piece in pieces))
    if len(ids) > MAX_CITED:
        raise InvalidValue(f"body: {written[:60]}… cites more than {MAX_CITED} {kind}s at once")
    return ids


def citations(body: str) -> list[tuple[str, str, list[int]]]:
    """The citations of a body in order: (normalised key, kind, IDs)."""
    found = []
    for match in MARKER.finditer(body):
        kind, raw, written = match.group(1), match.group(2), match.group(0)
        if kind in ("record", "position"):
            ids = _ids(kind, raw, written)
            found.append((key_of(match), kind, ids))
        elif kind == "signatories" and raw is None:
            continue
        elif kind == "chart":
            line_start = body.rfind("\n", 0, match.start()) + 1
            line_end = body.find("\n", match.end())
            line = body[line_start : None if line_end < 0 else line_end]
            if not CHART_LINE.fullmatch(line):
                raise InvalidValue(f"body: put {written} on a line of its own")
            if raw not in CHARTS:
                raise InvalidValue(
                    f"body: {written} is not a chart Kirok draws; choose "
                    + " or ".join(f"[[chart:{name}]]" for name in CHARTS)
                )
        else:
            raise InvalidValue(
                f"body: {written} is not something Kirok fills in; write [[record:12]], "
                "[[position:3]], [[signatories]] or [[chart:months]]"
            )
    return found


def _charts(session: Session, dialect: str, letter: Letter, body: str) -> dict[str, Chart]:
    wanted = set(CHART_LINE.findall(body))
    if not wanted:
        return {}
    filters = Filters(**(letter.filters or {}))
    made: dict[str, Chart] = {}
    if "months" in wanted:
        series = counts.over_time(session, dialect, filters)
        rows = series.rows()
        used = [i for i in range(1, len(rows[0])) if any(row[i] for row in rows[1:])]
        header = [rows[0][0].capitalize(), *(rows[0][i] for i in used), "All"]
        table = [
            [row[0], *(row[i] for i in used), sum(row[i] for i in used)]
            for row in rows[1:]
            if any(row[i] for i in used)
        ]  # the chart shows the empty periods; the table lists those with records
        title = f"Records per {series.unit}, by violation family"
        made["months"] = Chart(
            "months", title, header, table, charts.stacked_bars(series, title, ident="brief-months")
        )
    if "perpetrators" in wanted:
        items = counts.by_column(session, dialect, filters, Record.perpetrator)
        title = "Records by perpetrator"
        made["perpetrators"] = Chart(
            "perpetrators",
            title,
            ["Perpetrator", "Records"],
            [[label, count] for label, count in items],
            charts.horizontal_bars(items, title, "perpetrator", ident="brief-perpetrators"),
        )
    return made


def compose(session: Session, dialect: str, letter: Letter) -> Composed:
    """Resolve a letter's citations, signatories and charts; a citation of a
    record or position that is not there raises :class:`InvalidValue`."""
    parts = parts_of(letter)
    cited = citations(letter.body)
    record_ids = {i for _, kind, ids in cited if kind == "record" for i in ids}
    position_ids = {i for _, kind, ids in cited if kind == "position" for i in ids}
    records = {
        r.id: r
        for r in session.scalars(
            select(Record).where(Record.id.in_(record_ids)).options(selectinload(Record.source))
        )
    }
    positions = {
        p.id: p for p in session.scalars(select(Position).where(Position.id.in_(position_ids)))
    }
    warnings: list[str] = []
    unreviewed: list[int] = []
    for record_id in sorted(record_ids):
        record = records.get(record_id)
        if record is None:
            raise InvalidValue(f"body: [[record:{record_id}]] cites a record that is not there")
        if record.review_state == "rejected":
            raise InvalidValue(
                f"body: [[record:{record_id}]] cites a record a reviewer rejected; cite another"
            )
        if record.review_state == "suggested":
            unreviewed.append(record_id)
    if len(unreviewed) == 1:
        warnings.append(f"Record {unreviewed[0]} is cited but nobody has reviewed it yet.")
    elif unreviewed:
        shown = ", ".join(map(str, unreviewed[:30])) + (", …" if len(unreviewed) > 30 else "")
        warnings.append(
            f"{len(unreviewed)} cited records are not reviewed yet: {shown}. "
            "Review them before the letter goes out."
        )
    for position_id in sorted(position_ids):
        if position_id not in positions:
            raise InvalidValue(
                f"body: [[position:{position_id}]] cites a position that is not there"
            )
    notes: list[Note] = []
    note_of: dict[str, int] = {}
    for key, kind, ids in cited:
        if key in note_of:
            continue
        if kind == "record":
            sources = list(dict.fromkeys(records[i].source for i in ids))
            text = "; ".join(source_note(source) for source in sources)
            note = Note(len(notes) + 1, text + ".", records=ids)
        else:
            texts = [
                f"{country_name(positions[i].state)}, {positions[i].year}: "
                f"{position_note(positions[i])}"
                for i in ids
            ]
            note = Note(len(notes) + 1, "; ".join(texts) + ".", positions=ids)
        notes.append(note)
        note_of[key] = note.number
    tally = Tally.of(signatures_of(session, letter.id))
    return Composed(
        letter_id=letter.id,
        kind=letter.kind,
        parts=parts,
        phrase=tally.phrase(),
        tally=tally,
        notes=notes,
        note_of=note_of,
        charts=_charts(session, dialect, letter, letter.body),
        warnings=warnings,
    )


def cite(
    session: Session,
    dialect: str,
    letter_id: int,
    kind: str,
    ids: list[int],
    by: str,
    after: str | None = None,
    version: int | None = None,
) -> tuple[Composed, Note]:
    """Cite records (or positions) together, after the first place the body has
    ``after`` or at its end; returns the letter composed and the citation's
    note. A citation that cannot be resolved raises; the caller commits."""
    if not ids:
        raise InvalidValue(f"Choose at least one {kind} to cite.")
    marker = f"[[{kind}:{','.join(str(i) for i in dict.fromkeys(ids))}]]"
    letter = get_letter(session, letter_id, for_update=True)
    body, place = letter.body, (after or "").strip()
    if place:
        at = body.find(place)
        if at < 0:
            raise InvalidValue(f"body: letter {letter_id} has no text “{place}”")
        body = body[: at + len(place)] + marker + body[at + len(place) :]
    else:
        body = body.rstrip() + marker
    update_letter(session, letter_id, {"body": body}, by, version)
    composed = compose(session, dialect, letter)
    written = MARKER.match(marker)
    assert written is not None
    return composed, composed.notes[composed.note_of[key_of(written)] - 1]


def key_of(match: re.Match[str]) -> str:
    """A citation as written, normalised: "record:12,14" (each ID once)."""
    kind = match.group(1)
    return f"{kind}:{','.join(map(str, _ids(kind, match.group(2), match.group(0))))}"


def segments(body: str) -> list[tuple[str, str]]:
    """The body as ("markdown", text) and ("chart", name) pieces, in order."""
    pieces: list[tuple[str, str]] = []
    last = 0
    for match in CHART_LINE.finditer(body):
        if body[last : match.start()].strip():
            pieces.append(("markdown", body[last : match.start()]))
        pieces.append(("chart", match.group(1)))
        last = match.end()
    if body[last:].strip():
        pieces.append(("markdown", body[last:]))
    return pieces


# -- Markdown with Kirok's markers, parsed by markdown-it ---------------------


def _marker_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = MARKER.match(state.src, state.pos)
    if match is None:
        return False
    kind = match.group(1)
    composed: Composed = state.env["composed"]
    if kind in ("record", "position"):
        meta = {"kind": "note", "number": composed.note_of[key_of(match)]}
    elif kind == "signatories":
        meta = {"kind": "text", "text": composed.phrase}
    else:
        return False
    if not silent:
        token = state.push("kirok_marker", "", 0)
        token.meta = meta
    state.pos = match.end()
    return True


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, no raw HTML, and Kirok's markers (made once: what
    a marker becomes comes from each parse's ``env``)."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.inline.ruler.before("link", "kirok_marker", _marker_rule)

    def render_marker(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        meta = tokens[idx].meta
        if meta["kind"] == "note":
            number = meta["number"]
            return f'<sup class="note-ref"><a href="#note-{number}">{number}</a></sup>'
        return escapeHtml(meta["text"])

    md.add_render_rule("kirok_marker", render_marker)
    return md


def expand_markers(text: str, composed: Composed) -> str:
    """Markdown with citations as ``[^n]`` and the signatories sentence written out."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1) in ("record", "position"):
            return f"[^{composed.note_of[key_of(match)]}]"
        if match.group(1) == "signatories":
            return composed.phrase
        return match.group(0)

    return MARKER.sub(replace, text)
