"""Rendering a page with what every page needs."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from kirok.store.schema import User
from kirok.store.users import EDIT_ROLES
from kirok.web.security import csrf_token


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    user: User | None,
    status: int = 200,
) -> HTMLResponse:
    flash = request.session.pop("flash", None)
    values = {
        "user": user,
        "can_edit": user is not None and user.role in EDIT_ROLES,
        "csrf": csrf_token(request),
        "flash": flash,
        **context,
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, values, status_code=status
    )
    return response
