"""Accounts, for admins: add people, change their role or password, switch an
account off (history keeps its name) or on again."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from kirok.errors import InvalidValue, NotFound
from kirok.store.database import begin_write
from kirok.store.schema import ROLES, User
from kirok.store.users import add_user, change_user, list_users
from kirok.web.security import DbSession, SignedIn, check_csrf
from kirok.web.views.common import render

router = APIRouter()


def require_admin(user: SignedIn) -> User:
    if user.role != "admin":
        raise HTTPException(403, "Only an admin manages accounts.")
    return user


Admin = Annotated[User, Depends(require_admin)]


def _page(
    request: Request,
    session: Session,
    user: User,
    error: str | None = None,
    entered: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    context: dict[str, Any] = {
        "accounts": list_users(session),
        "roles": ROLES,
        "error": error,
        "entered": entered or {},
    }
    return render(request, "accounts.html", context, user, status=status)


@router.get("/accounts")
def accounts_page(request: Request, session: DbSession, user: Admin) -> Response:
    return _page(request, session, user)


@router.post("/accounts")
def account_add(
    request: Request,
    session: DbSession,
    user: Admin,
    username: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "viewer",
    password: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    begin_write(session)
    try:
        added = add_user(session, username.strip(), password, role)
        session.commit()
    except InvalidValue as problem:
        session.rollback()
        entered = {"username": username[:100], "role": role}
        return _page(request, session, user, str(problem), entered, 422)
    request.session["flash"] = f"Account {added.username} ({added.role}) added."
    return RedirectResponse("/accounts", status_code=303)


@router.post("/accounts/{account_id}")
def account_change(
    request: Request,
    session: DbSession,
    user: Admin,
    account_id: int,
    action: Annotated[str, Form(max_length=20)],
    role: Annotated[str, Form(max_length=20)] = "",
    password: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    begin_write(session)
    try:
        if action == "role":
            changed = change_user(session, account_id, role=role)
            done = f"is now {changed.role}"
        elif action in ("disable", "enable"):
            changed = change_user(session, account_id, active=action == "enable")
            done = "may sign in again" if changed.active else "can no longer sign in"
        elif action == "password":
            changed = change_user(session, account_id, password=password)
            done = "has a new password"
        else:
            raise InvalidValue(f"Unknown action {action!r}.")
        session.commit()
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None
    except InvalidValue as problem:
        session.rollback()
        return _page(request, session, user, str(problem), None, 422)
    request.session["flash"] = f"{changed.username} {done}."
    return RedirectResponse("/accounts", status_code=303)
