"""The picture: charts of the records the current filter allows, as SVG and CSV."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from markupsafe import Markup
from sqlalchemy.orm import Session

from kirok.errors import InvalidValue
from kirok.stats import charts, counts
from kirok.store.schema import Record
from kirok.store.search import Filters
from kirok.web.security import DbSession, SignedIn
from kirok.web.views.common import render
from kirok.web.views.records import FILTER_NAMES, choices, filters_from

router = APIRouter()
CHARTS = {
    "months": "Records over time, by violation family",
    "perpetrators": "Records by perpetrator",
    "places": "Records by place",
    "timeline": "Timeline of dated incidents",
}


def chart(
    session: Session, dialect: str, name: str, filters: Filters
) -> tuple[str, list[list[Any]]]:
    """The chart's SVG and the table of figures it draws."""
    title = CHARTS[name]
    if name == "months":
        series = counts.over_time(session, dialect, filters)
        return charts.stacked_bars(series, f"{title} (per {series.unit})"), series.rows()
    if name in ("perpetrators", "places"):
        column = Record.perpetrator if name == "perpetrators" else Record.place
        items = counts.by_column(session, dialect, filters, column)
        what = name[:-1]
        table: list[list[Any]] = [[what, "records"], *([label, n] for label, n in items)]
        return charts.horizontal_bars(items, title, what, name), table
    points, total = counts.timeline(session, dialect, filters)
    rows: list[list[Any]] = [["record_id", "date", "violation", "place"]]
    rows += [[p.record_id, p.date, p.violation, p.place or ""] for p in points]
    return charts.timeline(points, f"{title} ({len(points)} of {total})"), rows


def _filters(request: Request) -> tuple[dict[str, str], Filters | None, str | None]:
    params = {name: request.query_params.get(name, "").strip() for name in FILTER_NAMES}
    try:
        return params, filters_from(params), None
    except InvalidValue as problem:
        return params, None, str(problem)


@router.get("/dashboard")
def dashboard(request: Request, session: DbSession, user: SignedIn) -> Response:
    params, filters, error = _filters(request)
    drawn = {}
    if filters is not None:
        dialect = request.app.state.database.dialect
        drawn = {name: Markup(chart(session, dialect, name, filters)[0]) for name in CHARTS}
    query = urlencode({k: v for k, v in params.items() if v})
    context = {
        "params": params,
        "charts": drawn,
        "titles": CHARTS,
        "query": query,
        "error": error,
        **choices(),
    }
    return render(request, "dashboard.html", context, user, status=422 if error else 200)


@router.get("/charts/{name}.{suffix}")
def chart_file(
    request: Request, session: DbSession, user: SignedIn, name: str, suffix: str
) -> Response:
    if name not in CHARTS or suffix not in ("svg", "csv"):
        raise HTTPException(404, f"There is no chart {name}.{suffix}.")
    _, filters, error = _filters(request)
    if filters is None:
        raise HTTPException(422, error or "bad filter")
    svg, rows = chart(session, request.app.state.database.dialect, name, filters)
    headers = {"Content-Disposition": f'attachment; filename="kirok-{name}.{suffix}"'}
    if suffix == "svg":
        return Response(svg, media_type="image/svg+xml", headers=headers)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
