"""Adding sources in the browser: files uploaded (several at once) or text pasted."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import select

from kirok.errors import InvalidValue
from kirok.store.ingest import Metadata, ingest_items
from kirok.store.schema import Source
from kirok.web.security import DbSession, Editor, check_csrf
from kirok.web.views.common import render

router = APIRouter()
MAX_FILE = 25_000_000
MAX_PASTE = 1_000_000  # Starlette refuses a form field larger than 1 MB


@dataclass
class Outcome:
    name: str
    status: str  # added, re-extracted, unchanged, failed
    detail: str | None = None
    source_id: int | None = None


def _safe_name(name: str | None) -> str:
    base = re.split(r"[\\/]", name or "")[-1].strip() or "upload"
    return base[:200]


def _ingest(
    session: DbSession,
    request: Request,
    items: list[tuple[str, bytes | None, str | None]],
    by: str,
    metadata: Metadata,
) -> list[Outcome]:
    outcomes: dict[str, Outcome] = {}

    def listen(path: str, status: str, detail: str | None) -> None:
        outcomes[path] = Outcome(path, status, detail)

    ingest_items(request.app.state.database, items, by=by, metadata=metadata, listener=listen)
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data, _ in items if data}
    session.rollback()  # a fresh read, which sees what the ingest committed
    found = dict(
        session.execute(
            select(Source.sha256, Source.id).where(Source.sha256.in_(list(hashes.values())))
        ).all()
    )
    result = []
    for name, _, _ in items:
        outcome = outcomes.get(name, Outcome(name, "failed", "not processed"))
        if outcome.status != "failed":
            outcome.source_id = found.get(hashes.get(name, ""))
        result.append(outcome)
    return result


def _page(
    request: Request,
    user: Editor,
    outcomes: list[Outcome] | None = None,
    error: str | None = None,
    entered: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    context = {"outcomes": outcomes, "error": error, "entered": entered or {}}
    return render(request, "intake.html", context, user, status=status)


@router.get("/sources/new")
def intake_page(request: Request, user: Editor) -> Response:
    return _page(request, user)


@router.post("/sources/upload")
async def upload(
    request: Request,
    session: DbSession,
    user: Editor,
    files: Annotated[list[UploadFile] | None, File()] = None,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    chosen = [f for f in files or [] if f.filename]
    if not chosen:
        return _page(request, user, error="Choose at least one file to upload.", status=422)
    items: list[tuple[str, bytes | None, str | None]] = []
    for upload_file in chosen:
        name = _safe_name(upload_file.filename)
        data = await upload_file.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            items.append(
                (
                    name,
                    None,
                    f"larger than {MAX_FILE // 1_000_000} MB; split it or ingest it with `kirok ingest`",
                )
            )
        elif not data:
            items.append((name, None, "empty: the file has no content"))
        else:
            items.append((name, data, None))
    outcomes = _ingest(session, request, items, user.username, Metadata())
    return _page(request, user, outcomes, status=200)


@router.post("/sources/paste")
def paste(
    request: Request,
    session: DbSession,
    user: Editor,
    title: Annotated[str, Form(max_length=500)] = "",
    text: Annotated[str, Form(max_length=MAX_PASTE)] = "",
    publisher: Annotated[str, Form(max_length=500)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    published: Annotated[str, Form(max_length=20)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    entered = {
        "title": title,
        "text": text,
        "publisher": publisher,
        "url": url,
        "published": published,
    }
    try:
        if not title.strip():
            raise InvalidValue("Title: give the document a title.")
        if not text.strip():
            raise InvalidValue("Text: paste the document's text.")
        if url.strip() and not re.match(r"https?://\S+$", url.strip()):
            raise InvalidValue(f"URL: {url.strip()!r} is not a web address (https://...).")
        day = None
        if published.strip():
            try:
                day = dt.date.fromisoformat(published.strip()).isoformat()
            except ValueError:
                raise InvalidValue(
                    f"Date: {published.strip()!r} is not a date of the form YYYY-MM-DD."
                ) from None
    except InvalidValue as problem:
        return _page(request, user, error=str(problem), entered=entered, status=422)
    name = _safe_name(title.strip()) + ".txt"
    metadata = Metadata(
        published=day,
        publisher=publisher.strip() or None,
        url=url.strip() or None,
        title=title.strip(),
    )
    data = text.replace("\r\n", "\n").encode("utf-8")
    outcomes = _ingest(session, request, [(name, data, None)], user.username, metadata)
    return _page(request, user, outcomes)
