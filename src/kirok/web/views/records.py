"""The records: a filtered, sortable, paged list, and one record with its review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from kirok.errors import InvalidValue, NotFound, StaleEdit
from kirok.extraction.lexicon import taxonomy
from kirok.store import review as actions
from kirok.store.database import begin_write
from kirok.store.exchange import export_text
from kirok.store.fields import EDITABLE, parse_field, perpetrators
from kirok.store.records import get_field
from kirok.store.schema import REVIEW_STATES, Record
from kirok.store.search import SORTS, Filters, RecordRow, list_records
from kirok.web.security import DbSession, Editor, SignedIn, check_csrf
from kirok.web.views.common import render

router = APIRouter()
PAGE = 50
FILTER_NAMES = ("q", "violation", "kind", "from", "to", "country", "place", "perpetrator", "state")
CONTEXT = 300  # characters of source text shown around evidence


def choices() -> dict[str, Any]:
    families = sorted({v.family for v in taxonomy().values()})
    return {
        "violations": list(taxonomy().values()),
        "families": families,
        "perpetrators": perpetrators(),
        "states": REVIEW_STATES,
    }


def filters_from(params: dict[str, str]) -> Filters:
    return Filters(
        text=params.get("q") or None,
        violation=params.get("violation") or None,
        kind=params.get("kind") or None,
        date_from=params.get("from") or None,
        date_to=params.get("to") or None,
        country=params.get("country") or None,
        place=params.get("place") or None,
        perpetrator=params.get("perpetrator") or None,
        state=params.get("state") or None,
    )


@router.get("/records")
def record_list(
    request: Request,
    session: DbSession,
    user: SignedIn,
    sort: str = "date",
    dir: str = "desc",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    params = {name: request.query_params.get(name, "").strip() for name in FILTER_NAMES}
    error = None
    rows: list[RecordRow] = []
    total = 0
    if sort not in SORTS:
        sort = "date"
    try:
        filters = filters_from(params)
        found = list_records(
            session,
            request.app.state.database.dialect,
            filters,
            limit=PAGE,
            offset=(page - 1) * PAGE,
            sort=sort,
            descending=dir != "asc",
        )
        rows, total = found.items, found.total
    except InvalidValue as problem:
        error = str(problem)
    kept = {name: value for name, value in params.items() if value}

    def link(**changes: Any) -> str:
        query = {**kept, "sort": sort, "dir": dir, "page": page, **changes}
        return "/records?" + urlencode({k: v for k, v in query.items() if v not in ("", None)})

    context = {
        "params": params,
        "rows": rows,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // PAGE)),
        "sort": sort,
        "dir": dir,
        "link": link,
        "error": error,
        "export_query": urlencode(kept),
        **choices(),
    }
    return render(request, "records.html", context, user, status=422 if error else 200)


def _context_of(record: Record) -> list[dict[str, Any]]:
    text = record.source.text
    return [
        {
            "span": span,
            "before": text[max(0, span.start - CONTEXT) : span.start],
            "after": text[span.end : span.end + CONTEXT],
        }
        for span in record.evidence
    ]


def _as_typed(value: Any) -> str:
    """A field's value as the edit form shows it (and as a person would type it)."""
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def _record_page(
    request: Request,
    session: DbSession,
    user: Any,
    record_id: int,
    error: str | None = None,
    status: int = 200,
    entered: dict[str, str] | None = None,
) -> Response:
    record = session.get(Record, record_id)
    if record is None:
        raise HTTPException(404, f"There is no record {record_id}.")
    values = {name: get_field(record, name) for name in EDITABLE if name != "evidence"}
    shown = {name: _as_typed(value) for name, value in values.items()}
    context = {
        "record": record,
        "spans": _context_of(record),
        "values": {**shown, **(entered or {})},
        "error": error,
        **choices(),
    }
    return render(request, "record.html", context, user, status=status)


@router.get("/records/{record_id}")
def record_page(request: Request, session: DbSession, user: SignedIn, record_id: int) -> Response:
    return _record_page(request, session, user, record_id)


@router.post("/records/{record_id}/review")
async def review_record(
    request: Request,
    session: DbSession,
    user: Editor,
    record_id: int,
    action: Annotated[str, Form()],
    version: Annotated[int, Form()],
    csrf_token: Annotated[str, Form()] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_csrf(request, csrf_token)
    form = await request.form()
    entered = {name: str(form.get(name, ""))[:2000] for name in EDITABLE if name != "evidence"}
    begin_write(session)
    try:
        if action == "accept":
            actions.accept(session, record_id, user.username, note or None, version)
        elif action == "reject":
            actions.reject(session, record_id, user.username, note or None, version)
        elif action == "edit":
            record = actions.get_record(session, record_id)
            changes = {}
            for name, raw in entered.items():
                current = get_field(record, name)
                if raw.strip() != _as_typed(current):
                    changes[name] = parse_field(name, raw)
            if not changes:
                raise InvalidValue("Nothing was changed: edit a field first.")
            actions.edit(session, record_id, changes, user.username, note or None, version)
        else:
            raise InvalidValue(f"Unknown action {action!r}.")
        session.commit()
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None
    except StaleEdit as problem:
        session.rollback()
        return _record_page(request, session, user, record_id, str(problem), 409)
    except InvalidValue as problem:
        session.rollback()
        return _record_page(request, session, user, record_id, str(problem), 422, entered)
    done = {"accept": "accepted", "reject": "rejected", "edit": "saved"}[action]
    request.session["flash"] = f"Record {record_id} {done}."
    return RedirectResponse(f"/records/{record_id}", status_code=303)


MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


@router.get("/export")
def export_records(request: Request, user: SignedIn, format: str = "csv") -> Response:
    """The records the current filter shows, as CSV or JSON Lines (with sources)."""
    if format not in MEDIA:
        raise HTTPException(404, f"There is no export as {format!r}: choose CSV or JSONL.")
    params = {name: request.query_params.get(name, "").strip() for name in FILTER_NAMES}
    try:
        filters = filters_from(params)
    except InvalidValue as problem:
        raise HTTPException(422, str(problem)) from None
    database = request.app.state.database

    def pieces() -> Iterator[str]:
        with database.session() as session:
            yield from export_text(session, database.dialect, format, filters)

    day = dt.date.today().isoformat()
    return StreamingResponse(
        pieces(),
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="kirok-records-{day}.{format}"'},
    )
