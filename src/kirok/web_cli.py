"""The web app's commands (user add, serve, demo): parsing and printing only."""

from __future__ import annotations

import os
import secrets
import socket
import sys
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from kirok.errors import InvalidValue
from kirok.store_cli import DbOption, _database, _fail, _guard, _stderr
from kirok.web.turns import PAGES_AT_ONCE

user_app = typer.Typer(help="Accounts for the web app.", no_args_is_help=True)


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="The name to sign in with.")],
    role: Annotated[str, typer.Option(help="admin, editor or viewer.")] = "editor",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add an account (the first admin is made this way)."""
    from kirok.store.users import add_user, check_password

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    _guard(lambda: check_password(password))
    database = _database(db)
    _guard(database.upgrade)
    with database.session() as session:
        user = _guard(lambda: add_user(session, username, password, role))
        session.commit()
    typer.echo(f"{user.username}: {user.role} account added ({database.name})")


def _serve(
    database_url: str | None,
    host: str,
    port: int,
    open_browser: bool,
    outbox: Path | None = None,
    workers: int = 1,
    pages_at_once: int = PAGES_AT_ONCE,
) -> None:
    import uvicorn

    from kirok.web import WebSettings, create_app

    # made here even for several workers: a database that cannot serve is named now
    app = _guard(
        lambda: create_app(
            WebSettings(database=database_url, outbox=outbox, pages_at_once=pages_at_once)
        )
    )
    if not app.state.mailer.host:
        _stderr().print(f"Emails (sign-on confirmations) go to {app.state.mailer.outbox}/")
    address = f"http://{host}:{port}"
    listening = None
    if workers == 1:
        # listening before saying so: a browser (or a script) that goes to the
        # address as soon as it is printed waits for its page, never "refused"
        try:
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            listening = socket.create_server((host, port), family=family)
        except OSError as error:
            app.state.database.close()
            _stderr().print(
                f"[red]error:[/red] cannot serve at {address}: {error.strerror or error}"
            )
            raise typer.Exit(2) from None
    _stderr().print(f"Kirok is at {address} (Ctrl-C stops it)")
    if open_browser:
        threading.Timer(1.0, lambda: webbrowser.open(address)).start()
    if listening is not None:
        config = uvicorn.Config(app, host=host, port=port, log_level="warning")
        uvicorn.Server(config).run(sockets=[listening])
        return
    app.state.database.close()
    if database_url:
        os.environ["KIROK_DATABASE_URL"] = database_url
    os.environ["KIROK_OUTBOX"] = str(app.state.mailer.outbox)
    os.environ["KIROK_PAGES_AT_ONCE"] = str(pages_at_once)
    uvicorn.run(
        "kirok.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


Host = Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")]
Port = Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")]


def serve(
    db: DbOption = None,
    host: Host = "127.0.0.1",
    port: Port = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (one per core is a good start).")
    ] = 1,
    pages_at_once: Annotated[
        int,
        typer.Option(
            min=0,
            max=1000,
            help="Pages each server process builds at once; further requests wait their "
            "turn, first come, first served (0: no limit).",
        ),
    ] = PAGES_AT_ONCE,
) -> None:
    """Serve the web app over a Kirok database."""
    database = _database(db)
    _guard(database.require_current)
    database.close()
    _serve(db, host, port, open_browser=False, workers=workers, pages_at_once=pages_at_once)


def demo(
    folder: Annotated[
        Path | None,
        typer.Option(help="Where to build the demo database (default: a new temporary folder)."),
    ] = None,
    host: Host = "127.0.0.1",
    port: Port = 8000,
    browser: Annotated[bool, typer.Option("--browser/--no-browser", help="Open a browser.")] = True,
) -> None:
    """Build a database from the sample corpus and open the web app on it."""
    from kirok.advocacy.demo import add_demo_material
    from kirok.cli import samples_folder
    from kirok.store.database import Database
    from kirok.store.ingest import ingest_paths
    from kirok.store.users import add_user

    where = folder or Path(tempfile.mkdtemp(prefix="kirok-demo-"))
    where.mkdir(parents=True, exist_ok=True)
    path = where / "kirok-demo.db"
    if path.exists():
        raise _fail(InvalidValue(f"{path} exists already: choose another --folder"))
    database = Database(str(path))
    report = _guard(lambda: ingest_paths(database, [str(samples_folder())], by="kirok demo"))
    password = secrets.token_urlsafe(12)
    with database.session() as session:
        add_user(session, "demo", password, "admin")
        session.commit()
        letter = _guard(lambda: add_demo_material(session, "kirok demo"))
        letter_id = letter.id
    database.close()
    _stderr().print(
        f"Demo database {path}: {report.added} sources, {report.records_added} records.\n"
        f"A sample letter (letter {letter_id}) is open for signatures; sample government "
        "positions are under Positions.\n"
        f"Sign in as [bold]demo[/bold] with the password [bold]{password}[/bold]"
    )
    _serve(str(path), host, port, open_browser=browser, outbox=where / "outbox")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.command()(serve)
    app.command()(demo)
