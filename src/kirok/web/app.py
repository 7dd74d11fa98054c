"""The app factory: ``create_app(WebSettings(...))``; nothing happens at import."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kirok.advocacy.mail import Mailer
from kirok.store.database import Database
from kirok.store.users import secret_key
from kirok.web import views
from kirok.web.security import NotSignedIn
from kirok.web.turns import PAGES_AT_ONCE, Turns

SESSION_HOURS = 12
HEADERS = {
    # nothing is fetched from another host, and no page may be framed
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
MAX_REQUEST = 100_000_000  # bytes in one request (an upload of several files)


@dataclass
class WebSettings:
    """What a server needs: the database, and whether cookies need HTTPS."""

    database: str | None = None
    secure_cookies: bool = False
    outbox: Path | None = None  # where sign-on emails go when no SMTP server is set
    pages_at_once: int = PAGES_AT_ONCE  # per server process; 0: every request at once


def _folder(name: str) -> Path:
    return Path(str(resources.files("kirok.web") / name))


def create_app(settings: WebSettings) -> FastAPI:
    database = Database(settings.database)
    database.require_current()
    with database.session() as session:
        key = secret_key(session)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(title="Kirok", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.database = database
    mailer = Mailer.from_environment()
    if settings.outbox is not None and not mailer.host:
        mailer.outbox = settings.outbox
    app.state.mailer = mailer
    templates = Jinja2Templates(directory=str(_folder("templates")))
    templates.env.globals["year"] = dt.date.today().year
    templates.env.auto_reload = False  # the templates are the package's: no file check per page
    app.state.templates = templates
    app.add_middleware(
        SessionMiddleware,
        secret_key=key,
        session_cookie="kirok_session",
        max_age=SESSION_HOURS * 3600,
        same_site="strict",
        https_only=settings.secure_cookies,
    )
    app.mount("/static", StaticFiles(directory=str(_folder("static"))), name="static")
    for router in views.ROUTERS:
        app.include_router(router)

    @app.exception_handler(NotSignedIn)
    def sign_in_first(request: Request, _error: NotSignedIn) -> Response:
        target = request.url.path
        if request.url.query:
            target += "?" + request.url.query
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    @app.exception_handler(HTTPException)
    def error_page(request: Request, error: HTTPException) -> Response:
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": error.status_code, "message": error.detail, "user": None},
            status_code=error.status_code,
        )

    app.add_middleware(Guard, templates=templates)
    if settings.pages_at_once:
        app.add_middleware(Turns, pages=settings.pages_at_once)
    return app


class Guard:
    """Every answer gets the headers below; a request larger than ``MAX_REQUEST``
    is refused before it is read. (A plain ASGI middleware: Starlette's
    ``@app.middleware("http")`` costs a task and a stream per request.)"""

    def __init__(self, app: ASGIApp, templates: Jinja2Templates) -> None:
        self.app = app
        self.templates = templates

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        if scope["method"] == "POST":
            length = Headers(scope=scope).get("content-length", "0")
            if length.isdigit() and int(length) > MAX_REQUEST:
                message = (
                    f"That is too much at once: at most {MAX_REQUEST // 1_000_000} MB in one "
                    "upload. Upload fewer files, or ingest large batches with `kirok ingest`."
                )
                refusal = self.templates.TemplateResponse(
                    Request(scope),
                    "error.html",
                    {"status": 413, "user": None, "message": message},
                    status_code=413,
                )
                await refusal(scope, receive, send_with_headers)
                return

        await self.app(scope, receive, send_with_headers)


def app_from_environment() -> FastAPI:
    """The app for each worker process of ``kirok serve --workers N``: the
    database from ``KIROK_DATABASE_URL`` (or ./kirok.db), mail settings from
    the environment (see kirok.advocacy.mail), and how many pages each process
    builds at once from ``KIROK_PAGES_AT_ONCE``."""
    pages = os.environ.get("KIROK_PAGES_AT_ONCE")
    return create_app(
        WebSettings(
            database=os.environ.get("KIROK_DATABASE_URL") or None,
            pages_at_once=int(pages) if pages else PAGES_AT_ONCE,
        )
    )
