"""The sources: a searchable list, and one source's text with its evidence marked."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from kirok.errors import InvalidValue
from kirok.store.schema import Record, Source
from kirok.store.search import Filters, SourceHit, search_sources
from kirok.web.security import DbSession, SignedIn
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
    source = session.get(Source, source_id)
    if source is None:
        raise HTTPException(404, f"There is no source {source_id}.")
    records = list(source.records)
    context = {"source": source, "records": records, "pieces": pieces(source.text, records)}
    return render(request, "source.html", context, user)
