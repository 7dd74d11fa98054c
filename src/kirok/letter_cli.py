"""The advocacy commands (``kirok letter ...``, ``kirok position ...``):
parsing and printing only; the work is in :mod:`kirok.advocacy`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kirok.errors import InvalidValue
from kirok.store_cli import (
    ByOption,
    Country,
    DateFrom,
    DateTo,
    DbOption,
    Kind,
    Perpetrator,
    Place,
    State,
    Violation,
    _database,
    _fail,
    _filters,
    _guard,
    _stderr,
    _who,
)

letter_app = typer.Typer(
    help="Open letters and briefings that cite records, with coalition sign-on.",
    no_args_is_help=True,
)
position_app = typer.Typer(
    help="Government positions: what each state did on a matter, year by year.",
    no_args_is_help=True,
)
LetterId = Annotated[int, typer.Argument(help="The letter's ID (see `kirok letter list`).")]


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


@contextmanager
def _writing(db: str | None) -> Iterator[tuple[Any, Any]]:
    """A session that takes the write lock first (see store.database.begin_write)."""
    from kirok.store.database import begin_write

    database = _database(db)
    _guard(database.require_current)
    with database.session() as session:
        begin_write(session)
        yield database, session


@contextmanager
def _reading(db: str | None) -> Iterator[tuple[Any, Any]]:
    database = _database(db)
    _guard(database.require_current)
    with database.session() as session:
        yield database, session


@letter_app.command("new")
def letter_new(
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help="A TOML file with the letter's parts (docs/letters.md)."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The letter's title.")] = None,
    body: Annotated[
        Path | None, typer.Option(help="A Markdown file for the body (citations: [[record:12]]).")
    ] = None,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Start a letter from a TOML file, or from a title and a body."""
    from kirok.advocacy.letters import new_letter, read_letter_file

    parts: dict[str, Any] = {}
    if from_file is not None:
        parts = _guard(lambda: read_letter_file(from_file))
    if title:
        parts["title"] = title
    if body is not None:
        try:
            parts["body"] = body.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise _fail(InvalidValue(f"{body}: cannot be read ({error})")) from None
    if not parts.get("title"):
        raise _fail(InvalidValue("title: required (give --title, or title in the --from file)"))
    with _writing(db) as (_db, session):
        letter = _guard(lambda: new_letter(session, parts, _who(by)))
        session.commit()
        typer.echo(f"letter {letter.id}: “{letter.title}” created")


@letter_app.command("edit")
def letter_edit(
    letter_id: LetterId,
    from_file: Annotated[
        Path, typer.Option("--from", help="A TOML file with the parts to change.")
    ],
    version: Annotated[
        int | None, typer.Option(help="Refuse if the letter is no longer at this version.")
    ] = None,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Change a draft letter's parts; every version is kept."""
    from kirok.advocacy.letters import read_letter_file, update_letter

    parts = _guard(lambda: read_letter_file(from_file))
    with _writing(db) as (_db, session):
        letter = _guard(lambda: update_letter(session, letter_id, parts, _who(by), version))
        session.commit()
        typer.echo(f"letter {letter.id}: saved (version {letter.version})")


@letter_app.command("list")
def letter_list(db: DbOption = None) -> None:
    """The letters and briefings, newest change first."""
    from kirok.advocacy.letters import list_letters
    from kirok.advocacy.signon import Tally

    with _reading(db) as (_db, session):
        table = Table("ID", "Kind", "Title", "State", "Signatures", "Changed")
        for letter in list_letters(session):
            state = "sent" if letter.sent_at else ("open" if letter.signon_open else "draft")
            tally = Tally.of(letter.signatures)
            counted = len(tally.organisations) + len(tally.individuals)
            table.add_row(
                str(letter.id),
                letter.kind,
                escape(letter.title),
                state,
                f"{counted} of {len(letter.signatures)}",
                f"{letter.updated_at:%Y-%m-%d %H:%M}",
            )
        _out().print(table)


@letter_app.command("cite")
def letter_cite(
    letter_id: LetterId,
    records: Annotated[
        list[int] | None, typer.Argument(help="Record IDs to cite together.")
    ] = None,
    position: Annotated[
        list[int] | None, typer.Option("--position", help="A government position to cite.")
    ] = None,
    after: Annotated[
        str | None,
        typer.Option(help="Put the citation after the first place the body has this text."),
    ] = None,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Cite records (or a position) in a letter and print the note it makes.

    Without --after the citation goes at the end of the body."""
    from kirok.advocacy.compose import cite

    if bool(records) == bool(position):
        raise _fail(InvalidValue("cite records or --position, one kind at a time"))
    kind, ids = ("record", records) if records else ("position", position)
    with _writing(db) as (database, session):
        composed, note = _guard(
            lambda: cite(session, database.dialect, letter_id, kind, ids or [], _who(by), after)
        )
        session.commit()
        _out().print(f"letter {letter_id}: note {note.number}: {escape(note.text)}")
        for warning in composed.warnings:
            _stderr().print(f"[yellow]warning:[/yellow] {escape(warning)}")


@letter_app.command("render")
def letter_render(
    letter_id: LetterId,
    format: Annotated[str, typer.Option("--format", "-f", help="html, docx or md.")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    db: DbOption = None,
) -> None:
    """Write a letter as HTML, Word (docx) or Markdown; a sent one as it was sent."""
    from kirok.advocacy.letters import get_letter
    from kirok.advocacy.outputs import check_format, render_letter

    _guard(lambda: check_format(format))
    if format == "docx" and output is None:
        raise _fail(InvalidValue("format docx: give --output FILE.docx"))
    with _reading(db) as (database, session):
        letter = _guard(lambda: get_letter(session, letter_id))
        data = _guard(lambda: render_letter(session, database.dialect, letter, format))
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    partial = output.with_name(output.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise _fail(InvalidValue(f"{output}: cannot be written ({error.strerror})")) from None
    typer.echo(f"letter {letter_id}: wrote {output} ({len(data):,} bytes)")


@letter_app.command("signatories")
def letter_signatories(
    letter_id: LetterId,
    approve: Annotated[
        list[int] | None, typer.Option("--approve", help="Approve this signature.")
    ] = None,
    remove: Annotated[
        list[int] | None, typer.Option("--remove", help="Remove this signature.")
    ] = None,
    open_: Annotated[
        bool | None,
        typer.Option("--open/--close", help="Open or close the letter for signatures."),
    ] = None,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """List a letter's signatures (likely duplicates flagged), approve or remove
    them, open or close sign-on, and print the sentence the counted ones make."""
    from kirok.advocacy.letters import get_letter, set_signon
    from kirok.advocacy.signon import Tally, decide, duplicates, signatures_of
    from kirok.countries import country_name

    who = _who(by)
    with _writing(db) as (_db, session):
        letter = _guard(lambda: get_letter(session, letter_id))
        if open_ is not None:
            _guard(lambda: set_signon(session, letter_id, open_))
        for state, chosen in (("approved", approve), ("removed", remove)):
            for signature_id in chosen or []:
                _guard(partial(decide, session, letter_id, signature_id, state, who))
        session.commit()
        signatures = signatures_of(session, letter_id)
        similar = duplicates(signatures)
        table = Table("ID", "Kind", "Name", "Country", "Represents", "State", "Email", "Looks like")
        for s in signatures:
            table.add_row(
                str(s.id),
                s.kind,
                escape(s.name if s.kind == "organisation" else f"{s.name} ({s.title})"),
                country_name(s.country),
                str(s.represents) if s.kind == "organisation" else "",
                s.state,
                "confirmed" if s.confirmed_at else "not confirmed",
                ", ".join(f"{other} ({score})" for other, score in similar.get(s.id, [])),
            )
        out = _out()
        state = "sent" if letter.sent_at else ("open" if letter.signon_open else "closed")
        out.print(f"letter {letter_id}: sign-on {state}; link path /sign/{letter.signon_token}")
        out.print(table)
        out.print(f"Signed by {Tally.of(signatures).phrase()}.")


@letter_app.command("send")
def letter_send(letter_id: LetterId, db: DbOption = None, by: ByOption = None) -> None:
    """Mark a letter sent: it is kept exactly as it is now, signatories included."""
    from kirok.advocacy.outputs import send_letter

    with _writing(db) as (database, session):
        letter = _guard(lambda: send_letter(session, database.dialect, letter_id, _who(by)))
        session.commit()
        typer.echo(f"letter {letter.id}: sent and kept as version {len(letter.versions)}")


@letter_app.command("briefing")
def letter_briefing(
    text: Annotated[str | None, typer.Option(help="Only records with these words.")] = None,
    violation: Violation = None,
    kind: Kind = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    country: Country = None,
    place: Place = None,
    perpetrator: Perpetrator = None,
    state: State = None,
    title: Annotated[str | None, typer.Option(help="The briefing's title.")] = None,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Draft a fact sheet from a filter: counts, a chart and one cited sentence per record."""
    from kirok.advocacy.briefing import draft_briefing

    filters = _filters(
        text, violation, kind, date_from, date_to, country, place, perpetrator, state
    )
    with _writing(db) as (database, session):
        letter = _guard(lambda: draft_briefing(session, database.dialect, filters, _who(by), title))
        session.commit()
        typer.echo(f"letter {letter.id}: briefing “{letter.title}” drafted")


# -- government positions ------------------------------------------------------


@position_app.command("add")
def position_add(
    state: Annotated[str, typer.Option(help="The state: a name or ISO code (KOR, Japan).")],
    matter: Annotated[str, typer.Option(help="What the position is on.")],
    year: Annotated[int, typer.Option(help="The year.")],
    value: Annotated[str, typer.Option(help="What it did: yes, no, a short phrase.")],
    source_title: Annotated[str, typer.Option(help="The source that says so.")],
    source_publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    source_date: Annotated[str | None, typer.Option(help="Its date, YYYY-MM-DD.")] = None,
    source_url: Annotated[str | None, typer.Option(help="Its web address.")] = None,
    detail: Annotated[str | None, typer.Option(help="More on the entry.")] = None,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Add what a state did on a matter in a year, with its source."""
    from kirok.advocacy.positions import add_position
    from kirok.countries import country_name

    values = {
        "state": state,
        "matter": matter,
        "year": str(year),
        "value": value,
        "detail": detail,
        "source_title": source_title,
        "source_publisher": source_publisher,
        "source_date": source_date,
        "source_url": source_url,
    }
    with _writing(db) as (_db, session):
        position = _guard(lambda: add_position(session, values, _who(by)))
        session.commit()
        typer.echo(
            f"position {position.id}: {country_name(position.state)}, {position.year}: "
            f"{position.value} (cite it as [[position:{position.id}]])"
        )


@position_app.command("import")
def position_import(
    path: Annotated[
        Path, typer.Argument(help="A CSV file: state,matter,year,value,source_title,...")
    ],
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Add the entries of a CSV file; a bad line is named and skipped."""
    from kirok.advocacy.positions import import_positions

    added = failed = 0
    with _writing(db) as (_db, session):
        lines = _guard(lambda: import_positions(session, path, _who(by)))
        for line, problem in _guard(lambda: list(lines)):
            if problem:
                failed += 1
                _stderr().print(
                    f"[red]error:[/red] {escape(str(path))}, line {line}: {escape(problem)}"
                )
            else:
                added += 1
    typer.echo(f"{path}: {added} positions added, {failed} refused")
    if failed:
        raise typer.Exit(1)


@position_app.command("list")
def position_list(
    matter: Annotated[str | None, typer.Option(help="Show the grid for this matter.")] = None,
    db: DbOption = None,
) -> None:
    """The matters, or one matter's grid of states by years."""
    from kirok.advocacy.positions import grid, matters
    from kirok.countries import country_name

    with _reading(db) as (_db, session):
        out = _out()
        if matter is None:
            for name in matters(session):
                out.print(escape(name))
            return
        found = grid(session, matter)
        if not found.states:
            raise _fail(InvalidValue(f"matter: no positions on “{matter}”"))
        table = Table("State", *(str(year) for year in found.years), title=escape(matter))
        for code in found.states:
            cells = found.cells[code]
            table.add_row(
                country_name(code),
                *(
                    f"{cells[year].value} [{cells[year].id}]" if year in cells else "·"
                    for year in found.years
                ),
            )
        out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(letter_app, name="letter")
    app.add_typer(position_app, name="position")
