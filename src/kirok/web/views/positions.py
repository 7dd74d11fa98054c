"""Government positions: the grid of states by years for a matter, and adding
and removing entries."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from kirok.advocacy.positions import (
    FIELDS,
    add_position,
    grid,
    matters,
    remove_position,
)
from kirok.countries import country_choices, country_name
from kirok.errors import InvalidValue, NotFound
from kirok.store.database import begin_write
from kirok.web.security import DbSession, Editor, SignedIn, check_csrf
from kirok.web.views.common import render

router = APIRouter()


def _page(
    request: Request,
    session: Session,
    user: Any,
    matter: str | None,
    error: str | None = None,
    entered: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    known = matters(session)
    chosen = matter if matter in known else (known[0] if known else None)
    context = {
        "matters": known,
        "matter": chosen,
        "grid": grid(session, chosen) if chosen else None,
        "state_name": country_name,
        "countries": country_choices(),
        "error": error,
        "entered": entered or {"matter": chosen or ""},
    }
    return render(request, "positions.html", context, user, status=status)


@router.get("/positions")
def positions_page(
    request: Request, session: DbSession, user: SignedIn, matter: str | None = None
) -> Response:
    return _page(request, session, user, matter)


@router.post("/positions")
async def position_add(request: Request, session: DbSession, user: Editor) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get("csrf_token", "")))
    values = {name: str(form.get(name, ""))[:3000] for name in FIELDS}
    begin_write(session)
    try:
        position = add_position(session, values, user.username)
        session.commit()
    except InvalidValue as problem:
        session.rollback()
        return _page(request, session, user, values["matter"], str(problem), values, 422)
    request.session["flash"] = (
        f"Added {country_name(position.state)}, {position.year}: cite it as [[position:{position.id}]]."
    )
    return RedirectResponse("/positions?" + urlencode({"matter": position.matter}), 303)


@router.post("/positions/{position_id}/delete")
def position_remove(
    request: Request,
    session: DbSession,
    user: Editor,
    position_id: int,
    matter: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    begin_write(session)
    try:
        remove_position(session, position_id)
        session.commit()
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None
    request.session["flash"] = f"Position {position_id} removed."
    return RedirectResponse("/positions?" + urlencode({"matter": matter}), 303)
