"""The sources: a searchable list, and one source's text with its evidence marked."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from kirok.errors import InvalidValue
from kirok.extraction.lexicon import taxonomy
from kirok.store import review as actions
from kirok.store.database import begin_write
from kirok.store.fields import parse_field
from kirok.store.schema import Record, Source
from kirok.store.search import Filters, SourceHit, search_sources
from kirok.web.security import DbSession, Editor, SignedIn, check_csrf
from kirok.web.views.common import render

router = APIRouter()
PAGE = 50


@dataclass
class Piece:
    """A stretch of the text, and the records whose evidence covers it (if any)."""

    text: str
    start: int
    records: list[int] = field(default_factory=list)


def pieces(text: str, records: list[Record]) -> list[Piece]:
    """The text cut at every evidence boundary, so overlapping spans of several
    records can each be marked and linked."""
    cuts = {0, len(text)}
    for record in records:
        for span in record.evidence:
            cuts.update((span.start, span.end))
    points = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    result = []
    for start, end in itertools.pairwise(points):
        covering = [
            r.id for r in records if any(s.start <= start and end <= s.end for s in r.evidence)
        ]
        result.append(Piece(text[start:end], start, covering))
    return result


@router.get("/sources")
def source_list(
    request: Request,
    session: DbSession,
    user: SignedIn,
    q: str = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    error = None
    hits: list[SourceHit] = []
    total = 0
    try:
        found = search_sources(
            session,
            request.app.state.database.dialect,
            Filters(text=q.strip() or None),
            limit=PAGE,
            offset=(page - 1) * PAGE,
        )
        hits, total = found.items, found.total
    except InvalidValue as problem:
        error = str(problem)
    context = {
        "q": q,
        "hits": hits,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // PAGE)),
        "error": error,
    }
    return render(request, "sources.html", context, user)


@router.get("/sources/{source_id}")
def source_page(request: Request, session: DbSession, user: SignedIn, source_id: int) -> Response:
    return _source_page(request, session, user, source_id)


def _source_page(
    request: Request,
    session: DbSession,
    user: Any,
    source_id: int,
    error: str | None = None,
    status: int = 200,
) -> Response:
    source = session.get(Source, source_id)
    if source is None:
        raise HTTPException(404, f"There is no source {source_id}.")
    records = list(source.records)
    context = {
        "source": source,
        "records": records,
        "pieces": pieces(source.text, records),
        "violations": list(taxonomy().values()),
        "error": error,
    }
    return render(request, "source.html", context, user, status=status)


@router.post("/sources/{source_id}/records")
def add_record(
    request: Request,
    session: DbSession,
    user: Editor,
    source_id: int,
    start: Annotated[str, Form(max_length=20)] = "",
    end: Annotated[str, Form(max_length=20)] = "",
    violation: Annotated[str, Form(max_length=100)] = "",
    kind: Annotated[str, Form(max_length=20)] = "incident",
    date: Annotated[str, Form(max_length=20)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """A record a person states from a stretch of the source they selected."""
    check_csrf(request, csrf_token)
    begin_write(session)
    try:
        source = session.get(Source, source_id)
        if source is None:
            raise HTTPException(404, f"There is no source {source_id}.")
        if not (start.strip().isdigit() and end.strip().isdigit()):
            raise InvalidValue("Select the text that states the act first.")
        spans = actions.spans_from_offsets(source, f"{start.strip()}-{end.strip()}")
        values = {"violation": violation, "kind": kind, "evidence": spans}
        if date.strip():
            values["date"] = parse_field("date", date)
        record = actions.add_record(session, source_id, values, user.username)
        session.commit()
    except InvalidValue as problem:
        session.rollback()
        return _source_page(request, session, user, source_id, str(problem), 422)
    request.session["flash"] = f"Record {record.id} added."
    return RedirectResponse(f"/sources/{source_id}#record-{record.id}", status_code=303)
