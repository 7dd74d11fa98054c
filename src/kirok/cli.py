"""The ``kirok`` command: a thin shell over the library."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kirok import __version__, letter_cli, store_cli, web_cli
from kirok.errors import KirokError
from kirok.sources.paths import collect_paths

if TYPE_CHECKING:
    from kirok.batch import Outcome

app = typer.Typer(
    help="Kirok: an evidence ledger for human-rights documentation.",
    no_args_is_help=True,
    add_completion=False,
)
PROGRESS_THRESHOLD = 3  # show a progress bar for more files than this


def _stderr() -> Console:
    return Console(stderr=True, soft_wrap=True)


def samples_folder() -> Path:
    """The bundled sample corpus."""
    return Path(str(resources.files("kirok") / "samples" / "documents"))


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kirok {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Kirok turns sources into reviewable, sentence-backed incident records."""


def _run(
    paths: list[str], published: str | None, jobs: int, take: Callable[[Outcome], None]
) -> tuple[int, int, int]:
    """Extract every file, handing each outcome to ``take`` as it comes (nothing is
    held back, so memory stays flat), with a progress bar on stderr for more than
    a few files. Returns (documents read, records, failures)."""
    from kirok.batch import extract_paths

    files = list(collect_paths(paths))
    read = records = failed = 0
    progress = Progress(
        TextColumn("[bold]Extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_stderr(),
        transient=False,
        disable=len(files) <= PROGRESS_THRESHOLD,
    )
    with progress:
        task = progress.add_task("extract", total=len(files))
        try:
            for outcome in extract_paths(files, published, jobs):
                if outcome.result is None:
                    failed += 1
                    progress.console.print(
                        f"[red]error:[/red] {outcome.error}", markup=True, highlight=False
                    )
                else:
                    read += 1
                    records += len(outcome.result["records"])
                take(outcome)
                progress.advance(task)
        except KirokError as error:  # the batch itself stopped: the files left are failures
            progress.console.print(f"[red]error:[/red] {error}", markup=True, highlight=False)
            failed = len(files) - read
    return read, records, failed


def _paths_or_samples(paths: list[str] | None, samples: bool) -> list[str]:
    chosen = list(paths or [])
    if samples:
        chosen.append(str(samples_folder()))
    if not chosen:
        raise typer.BadParameter("name at least one file or folder, or give --samples")
    return chosen


def _table(outcomes: list[Outcome], console: Console) -> None:
    table = Table(title="Kirok records", show_lines=False, expand=True)
    for column in (
        "source",
        "violation",
        "kind",
        "date",
        "country",
        "place",
        "perpetrator",
        "victims",
        "conf.",
        "evidence",
    ):
        fixed = column in ("violation", "kind", "date", "country", "conf.")
        table.add_column(column, overflow="fold", no_wrap=fixed)
    for outcome in outcomes:
        if not outcome.result:
            continue
        name = Path(outcome.path).name
        for record in outcome.result["records"]:
            victims = record["victims"]
            who = ", ".join(victims["names"]) or victims["count_text"] or ""
            if victims["count"] is not None:
                who = f"{victims['count']}: {who}"
            date = record["date"] or ""
            if record["date_end"]:
                date += f"…{record['date_end']}"
            evidence = record["evidence"][0]["text"]
            table.add_row(
                name,
                record["violation"],
                record["kind"],
                date,
                record["country"] or "",
                record["place"] or "",
                record["perpetrator"] or "",
                who,
                f"{record['confidence']:.2f}",
                evidence[:140] + ("…" if len(evidence) > 140 else ""),
            )
    console.print(table)


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(help="Files and folders to read.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "table",
    published: Annotated[
        str | None,
        typer.Option(help="The documents' own date (YYYY-MM-DD), when the text does not give it."),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes to use.")] = 1,
    samples: Annotated[
        bool, typer.Option("--samples", help="Also read the bundled sample corpus.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
) -> None:
    """Extract incident records from documents (.txt .md .html .pdf .docx)."""
    if output_format not in ("jsonl", "table"):
        raise typer.BadParameter(f"{output_format!r}: use jsonl or table", param_hint="--format")
    published = _check_date(published)
    chosen = _paths_or_samples(paths, samples)
    try:
        handle = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as error:
        _stderr().print(f"error: cannot write {output}: {error.strerror}", highlight=False)
        raise typer.Exit(2) from None
    kept: list[Outcome] = []

    def take(outcome: Outcome) -> None:
        if output_format == "table":
            kept.append(outcome)
        elif outcome.result is not None:
            handle.write(json.dumps(outcome.result, ensure_ascii=False) + "\n")
            handle.flush()

    try:
        read, records, failed = _run(chosen, published, jobs, take)
        if output_format == "table":
            # a terminal sets its own width; a file or pipe gets room for the evidence
            wide = output is not None or not sys.stdout.isatty()
            _table(kept, Console(file=handle, width=160 if wide else None))
    finally:
        if output:
            handle.close()
    _stderr().print(f"{read} documents read, {records} records, {failed} failed", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold records, JSON Lines (spec/incidents.md).")],
    paths: Annotated[
        list[str] | None, typer.Argument(help="The documents the gold describes.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="The documents' own date, YYYY-MM-DD.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1)] = 1,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List every miss.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    samples: Annotated[
        bool, typer.Option("--samples", help="Score the bundled sample corpus.")
    ] = False,
) -> None:
    """Extract and score the records against gold records."""
    from kirok.evaluation import by_file_name, load_gold, score_documents

    try:
        gold_documents = load_gold(gold)
    except KirokError as error:
        _stderr().print(f"error: {error}", highlight=False)
        raise typer.Exit(2) from None
    published = _check_date(published)
    results: list[dict[str, Any]] = []
    _, _, failed = _run(
        _paths_or_samples(paths, samples),
        published,
        jobs,
        lambda outcome: results.append(outcome.result) if outcome.result else None,
    )
    predicted = by_file_name(results)
    unseen = sorted(set(gold_documents) - set(predicted))
    if unseen:
        _stderr().print(
            f"warning: no extraction for {len(unseen)} gold documents: {', '.join(unseen[:5])}",
            highlight=False,
        )
    score = score_documents(gold_documents, predicted)
    if show_misses:
        for miss in score.misses:
            detail = json.dumps(miss.detail, ensure_ascii=False)[:300]
            typer.echo(f"{miss.what:20} {miss.document}: {detail}")
    if as_json:
        typer.echo(json.dumps(score.to_dict()))
    else:
        _print_score(score.to_dict())
    if failed:
        raise typer.Exit(1)


def _print_score(figures: dict[str, Any]) -> None:
    from kirok.evaluation import FIELDS

    typer.echo(f"records: tp={figures['tp']} fp={figures['fp']} fn={figures['fn']}")
    for name in FIELDS:
        share, total = figures["fields"][name]
        typer.echo(f"  {name:22} {'-' if share is None else f'{share:.2f}'}  (of {total})")
    typer.echo(
        f"detection: precision={figures['precision']:.2f} recall={figures['recall']:.2f} "
        f"f1={figures['f1']:.2f}"
    )


@app.command()
def samples() -> None:
    """Print the folder of the bundled sample corpus."""
    typer.echo(str(samples_folder()))


store_cli.register(app)
web_cli.register(app)
letter_cli.register(app)


def main() -> None:
    app()
