"""The store's commands (init, ingest, search, show, review, export, import,
verify): argument parsing and printing only, over :mod:`kirok.store`."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kirok.errors import KirokError

T = TypeVar("T")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="KIROK_DATABASE_URL",
        help="SQLite file or database URL (postgresql+psycopg://...); default ./kirok.db.",
        show_envvar=True,
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", envvar="KIROK_USER", help="Who does this (default: your login name)."),
]
Violation = Annotated[
    str | None, typer.Option(help="A violation code (life.killing) or family (life).")
]
Kind = Annotated[str | None, typer.Option(help="incident or measure.")]
DateFrom = Annotated[
    str | None, typer.Option("--from", help="On or after: YYYY, YYYY-MM or YYYY-MM-DD.")
]
DateTo = Annotated[
    str | None, typer.Option("--to", help="On or before: YYYY, YYYY-MM or YYYY-MM-DD.")
]
Country = Annotated[str | None, typer.Option(help="Where: ISO 3166-1 alpha-2 (KP, CN).")]
Place = Annotated[str | None, typer.Option(help="Place name, or part of one.")]
Perpetrator = Annotated[str | None, typer.Option(help="Canonical perpetrator name.")]
State = Annotated[
    str | None, typer.Option("--state", help="suggested, accepted, edited or rejected.")
]


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(error: KirokError, code: int = 2) -> typer.Exit:
    _stderr().print(f"[red]error:[/red] {escape(str(error))}")
    return typer.Exit(code)


def _guard(work: Callable[[], T]) -> T:
    try:
        return work()
    except KirokError as error:
        raise _fail(error) from None


def _who(by: str | None) -> str:
    if by:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _database(db: str | None) -> Any:
    from kirok.store import Database

    return _guard(lambda: Database(db))


def _filters(
    text: str | None,
    violation: str | None,
    kind: str | None,
    date_from: str | None,
    date_to: str | None,
    country: str | None,
    place: str | None,
    perpetrator: str | None,
    state: str | None,
) -> Any:
    from kirok.store.search import Filters

    return _guard(
        lambda: Filters(
            text=text,
            violation=violation,
            kind=kind,
            date_from=date_from,
            date_to=date_to,
            country=country,
            place=place,
            perpetrator=perpetrator,
            state=state,
        )
    )


def _progress(label: str, console: Console, disable: bool = False) -> Progress:
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=disable,
    )


def init(db: DbOption = None) -> None:
    """Create a Kirok database, or bring an older one up to date."""
    database = _database(db)
    changed = _guard(database.upgrade)
    revision = _guard(database.revision)
    verb = "ready" if changed else "already up to date"
    typer.echo(f"{database.name}: {verb} (schema {revision})")


def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files and folders.")] = None,
    db: DbOption = None,
    samples: Annotated[bool, typer.Option("--samples", help="Ingest the sample corpus.")] = False,
    published: Annotated[
        str | None, typer.Option(help="The documents' own date, YYYY-MM-DD, if they lack one.")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published the documents.")] = None,
    url: Annotated[str | None, typer.Option(help="Where the document was found.")] = None,
    title: Annotated[str | None, typer.Option(help="A title, if the document's is wrong.")] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes that extract; Kirok writes what they extracted meanwhile.",
        ),
    ] = 1,
    reextract: Annotated[
        bool, typer.Option("--reextract", help="Extract stored sources again.")
    ] = False,
    by: ByOption = None,
) -> None:
    """Store sources and their suggested records; the same bytes twice are one source."""
    from kirok.cli import _check_date, _paths_or_samples
    from kirok.store.ingest import Metadata, ingest_paths

    chosen = _paths_or_samples(paths, samples)
    metadata = Metadata(_check_date(published), publisher, url, title)
    database = _database(db)
    console = _stderr()
    progress = _progress("Ingesting", console)
    task = progress.add_task("ingest", total=None)

    def listener(path: str, status: str, detail: str | None) -> None:
        if detail:
            progress.console.print(f"[red]error:[/red] {escape(detail)}")
        progress.advance(task)

    with progress:
        report = _guard(
            lambda: ingest_paths(
                database,
                chosen,
                by=_who(by),
                metadata=metadata,
                jobs=jobs,
                reextract=reextract,
                listener=listener,
                total=lambda n: progress.update(task, total=n),
            )
        )
    console.print(
        f"{report.files} files: {report.added} added, {report.reextracted} re-extracted, "
        f"{report.unchanged} unchanged, {report.failed} failed; records: "
        f"{report.records_added} suggested, {report.records_updated} updated, "
        f"{report.records_withdrawn} withdrawn ({database.name})"
    )
    if report.failed:
        raise typer.Exit(1)


def _who_short(record: Any) -> str:
    names = [n.name for n in record.names]
    who = ", ".join(names) or record.victim_count_text or ""
    if record.victim_count is not None:
        who = f"{record.victim_count}: {who}"
    return who


def search(
    text: Annotated[str | None, typer.Argument(help='Words or "a phrase" to find.')] = None,
    db: DbOption = None,
    violation: Violation = None,
    kind: Kind = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    country: Country = None,
    place: Place = None,
    perpetrator: Perpetrator = None,
    state: State = None,
    sources: Annotated[
        bool, typer.Option("--sources", help="List matching sources, not records.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, max=10000, help="Rows to show.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Rows to skip.")] = 0,
    sort: Annotated[str, typer.Option(help="date, id, violation, place, perpetrator...")] = "date",
    ascending: Annotated[bool, typer.Option("--ascending", help="Oldest first.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """Find records (or, with --sources, documents) by text and filters."""
    from kirok.store.records import record_to_dict
    from kirok.store.search import search_records, search_sources

    filters = _filters(
        text, violation, kind, date_from, date_to, country, place, perpetrator, state
    )
    database = _database(db)
    _guard(database.require_current)
    out = Console(width=None if sys.stdout.isatty() else 160)
    with database.session() as session:
        if sources:
            hits = _guard(
                lambda: search_sources(
                    session, database.dialect, filters, limit=limit, offset=offset
                )
            )
            if as_json:
                for hit in hits.items:
                    typer.echo(json.dumps(_source_summary(hit), ensure_ascii=False))
            else:
                table = Table(title=f"{hits.total} sources", expand=True)
                for column in ("id", "published", "title", "publisher", "records", "match"):
                    table.add_column(column, overflow="fold")
                for hit in hits.items:
                    s = hit.source
                    table.add_row(
                        str(s.id),
                        s.published or "",
                        s.title or s.filename or "",
                        s.publisher or "",
                        str(hit.records),
                        hit.snippet or "",
                    )
                out.print(table)
            return
        page = _guard(
            lambda: search_records(
                session,
                database.dialect,
                filters,
                limit=limit,
                offset=offset,
                sort=sort,
                descending=not ascending,
            )
        )
        if as_json:
            for record in page.items:
                data = record_to_dict(record)
                data["source_id"] = record.source_id
                typer.echo(json.dumps(data, ensure_ascii=False))
            return
        shown = (
            f"{offset + 1}-{offset + len(page.items)} of " if page.total > len(page.items) else ""
        )
        table = Table(title=f"{shown}{page.total} records", expand=True)
        for column in (
            "id",
            "state",
            "violation",
            "date",
            "country",
            "place",
            "perpetrator",
            "victims",
            "source",
            "evidence",
        ):
            table.add_column(column, overflow="fold", no_wrap=column in ("id", "date", "state"))
        for record in page.items:
            date = record.date or ""
            if record.date_end:
                date += f"…{record.date_end}"
            evidence = record.evidence[0].text if record.evidence else ""
            table.add_row(
                str(record.id),
                record.review_state,
                record.violation,
                date,
                record.country or "",
                record.place or "",
                record.perpetrator or "",
                _who_short(record),
                f"{record.source_id}: {record.source.title or record.source.filename or ''}"[:60],
                evidence[:140] + ("…" if len(evidence) > 140 else ""),
            )
        out.print(table)


def _source_summary(hit: Any) -> dict[str, Any]:
    s = hit.source
    return {
        "source_id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published,
        "sha256": s.sha256,
        "records": hit.records,
        "snippet": hit.snippet,
    }


def show(
    record_id: Annotated[int, typer.Argument(help="The record's ID.")],
    db: DbOption = None,
    context: Annotated[
        int, typer.Option(min=0, help="Characters of text to show around each span.")
    ] = 240,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show a record: its fields, its evidence in context, its source and its history."""
    from kirok.store.exchange import record_out
    from kirok.store.review import get_record

    database = _database(db)
    _guard(database.require_current)
    with database.session() as session:
        record = _guard(lambda: get_record(session, record_id))
        data = record_out(record)
        source = record.source
        if as_json:
            data["source"] = {
                "source_id": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "url": source.url,
                "published": source.published,
                "sha256": source.sha256,
                "file": source.filename,
            }
            typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
            return
        out = Console(width=None if sys.stdout.isatty() else 120, highlight=False)
        out.print(
            f"[bold]Record {record.id}[/bold]  {record.violation} ({record.kind})  "
            f"[{record.review_state}]  version {record.version}"
        )
        victims = data["victims"]
        rows = [
            ("date", (record.date or "") + (f" to {record.date_end}" if record.date_end else "")),
            ("country", record.country),
            ("place", record.place),
            ("perpetrator", record.perpetrator),
            ("victims", _who_short(record)),
            ("nationality", victims["nationality"]),
            ("age", victims["age"]),
            ("sex", victims["sex"]),
            ("confidence", f"{record.confidence:.2f} ({record.origin})"),
        ]
        for name, value in rows:
            if value not in (None, ""):
                out.print(f"  {name:12} {escape(str(value))}")
        out.print(
            f"[bold]Source {source.id}[/bold]  {escape(source.title or '')}"
            + (f" — {escape(source.publisher)}" if source.publisher else "")
            + (f", {source.published}" if source.published else "")
        )
        for line in (source.url, source.filename, f"sha256 {source.sha256}"):
            if line:
                out.print(f"  {escape(line)}")
        for span in record.evidence:
            before = source.text[max(0, span.start - context) : span.start]
            after = source.text[span.end : span.end + context]
            out.print(f"[bold]Evidence[/bold] {span.start}-{span.end}")
            out.print(
                "  …"
                + escape(" ".join(before.split()))
                + " [reverse]"
                + escape(" ".join(span.text.split()))
                + "[/reverse] "
                + escape(" ".join(after.split()))
                + "…"
            )
        out.print("[bold]History[/bold]")
        for step in data["history"]:
            changes = ", ".join(
                f"{name}: {json.dumps(old, ensure_ascii=False)} → {json.dumps(new, ensure_ascii=False)}"
                for name, (old, new) in step["changes"].items()
            )
            note = f" — {step['note']}" if step["note"] else ""
            out.print(
                f"  {step['at'][:19]}  {escape(step['by'])}  {step['action']}"
                f"{'  ' + escape(changes) if changes else ''}{escape(note)}"
            )


def review(
    record_id: Annotated[int, typer.Argument(help="The record's ID.")],
    accept: Annotated[bool, typer.Option("--accept", help="The record is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The record is wrong.")] = False,
    changes: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="FIELD=VALUE, repeatable: violation, kind, date, date_end, country, place, "
            "perpetrator, victims.count, victims.count_text, victims.names (a; b), "
            "victims.nationality, victims.age, victims.sex, evidence (START-END,...). "
            "VALUE none clears a field.",
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Why, for the history.")] = None,
    version: Annotated[
        int | None,
        typer.Option(help="Refuse if the record is no longer at this version (see `show`)."),
    ] = None,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Accept, edit (--set) or reject a record; the history keeps who and what."""
    from kirok.errors import InvalidValue
    from kirok.store import review as actions
    from kirok.store.database import begin_write

    chosen = sum([accept, reject, bool(changes)])
    if chosen != 1:
        raise _fail(InvalidValue("give exactly one of --accept, --reject or --set FIELD=VALUE"))
    database = _database(db)
    _guard(database.require_current)
    who = _who(by)
    with database.session() as session:
        begin_write(session)

        def act() -> Any:
            if accept:
                return actions.accept(session, record_id, who, note, version)
            if reject:
                return actions.reject(session, record_id, who, note, version)
            record = actions.get_record(session, record_id)
            values = actions.parse_changes(record.source, changes or [])
            return actions.edit(session, record_id, values, who, note, version)

        record = _guard(act)
        session.commit()
        typer.echo(f"record {record.id}: {record.review_state} (version {record.version}) by {who}")


def export(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="csv, jsonl or json.")
    ] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    text: Annotated[str | None, typer.Option(help="Only records with these words.")] = None,
    db: DbOption = None,
    violation: Violation = None,
    kind: Kind = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    country: Country = None,
    place: Place = None,
    perpetrator: Perpetrator = None,
    state: State = None,
    with_originals: Annotated[
        bool, typer.Option("--with-originals", help="Include each original file (base64).")
    ] = False,
) -> None:
    """Export records with their sources and evidence, filtered like search."""
    from kirok.store.exchange import export as export_records

    filters = _filters(
        text, violation, kind, date_from, date_to, country, place, perpetrator, state
    )
    database = _database(db)
    sources, records = _guard(
        lambda: export_records(database, output_format, filters, output, sys.stdout, with_originals)
    )
    where = f" to {output}" if output else ""
    _stderr().print(f"exported {records} records from {sources} sources{where}")


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        yield from handle


def import_(
    path: Annotated[Path, typer.Argument(help="A JSON Lines export (kirok export).")],
    db: DbOption = None,
) -> None:
    """Import a JSON Lines export; each bad or conflicting line is refused alone."""
    from kirok.errors import ExchangeError
    from kirok.store.exchange import import_lines

    if not path.is_file():
        raise _fail(ExchangeError(f"{path}: no such file"))
    database = _database(db)
    console = _stderr()
    try:
        report = _guard(lambda: import_lines(database, _lines(path), str(path)))
    except UnicodeDecodeError:
        raise _fail(ExchangeError(f"{path}: not UTF-8 text")) from None
    for message in report.errors:
        console.print(f"[red]error:[/red] {escape(message)}")
    renumbered = f" ({report.renumbered} under new IDs)" if report.renumbered else ""
    console.print(
        f"{report.imported} sources imported{renumbered} with {report.records} records, "
        f"{report.unchanged} already there, {report.failed} refused ({database.name})"
    )
    if report.failed:
        raise typer.Exit(1)


def verify(db: DbOption = None) -> None:
    """Hash every stored original again; report any that changed or are missing."""
    from kirok.store.originals import verify as verify_originals

    database = _database(db)
    _guard(database.require_current)
    with database.session() as session:
        result = verify_originals(session)
    for problem in result.problems:
        _stderr().print(f"[red]error:[/red] {escape(problem)}")
    typer.echo(f"{result.checked} originals checked, {len(result.problems)} problems")
    if result.problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    for command in (init, ingest, search, show, review, export, verify):
        app.command()(command)
    app.command("import")(import_)
