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
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from kirok.advocacy.mail import Mailer
from kirok.store.database import Database
from kirok.store.users import secret_key
from kirok.web import views
from kirok.web.security import NotSignedIn

SESSION_HOURS = 12
MAX_REQUEST = 100_000_000  # bytes in one request (an upload of several files)


@dataclass
class WebSettings:
    """What a server needs: the database, and whether cookies need HTTPS."""

    database: str | None = None
    secure_cookies: bool = False
    outbox: Path | None = None  # where sign-on emails go when no SMTP server is set


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

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length", "0")
        if request.method == "POST" and length.isdigit() and int(length) > MAX_REQUEST:
            return templates.TemplateResponse(
                request,
                "error.html",
                {
                    "status": 413,
                    "user": None,
                    "message": f"That is too much at once: at most {MAX_REQUEST // 1_000_000} MB "
                    "in one upload. Upload fewer files, or ingest large batches with `kirok ingest`.",
                },
                status_code=413,
            )
        response: Response = await call_next(request)
        # nothing is fetched from another host, and no page may be framed
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    return app


def app_from_environment() -> FastAPI:
    """The app for each worker process of ``kirok serve --workers N``: the
    database from ``KIROK_DATABASE_URL`` (or ./kirok.db), mail settings from
    the environment (see kirok.advocacy.mail)."""
    return create_app(WebSettings(database=os.environ.get("KIROK_DATABASE_URL") or None))
