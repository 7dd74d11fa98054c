"""Signing in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from kirok.store.users import authenticate
from kirok.web.security import DbSession, check_csrf
from kirok.web.views.common import render

router = APIRouter()


def _safe_next(target: str | None) -> str:
    # only a path on this site: never an address elsewhere
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/records"


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "error": None}, None)


@router.post("/login")
def login(
    request: Request,
    session: DbSession,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/records",
) -> Response:
    check_csrf(request, csrf_token)
    user = authenticate(session, username.strip(), password)
    if user is None:
        context = {"next": _safe_next(next), "error": "That name and password do not match."}
        return render(request, "login.html", context, None, status=401)
    session.commit()  # a rehashed password
    request.session.clear()  # a new session on sign-in
    request.session["user"] = user.id
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf_token)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/")
def home() -> Response:
    return RedirectResponse("/records", status_code=303)
