"""Who is signed in, what they may do, and CSRF tokens for every form."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from kirok.store.schema import User
from kirok.store.users import EDIT_ROLES


class NotSignedIn(Exception):
    """Raised for a page that needs a person signed in; answered by a redirect."""


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A database session for the request. Opening one does no I/O (a connection
    is taken at the first query, in the endpoint's thread), so it is opened here
    on the event loop rather than at the cost of a trip to a worker thread; so is
    closing it on SQLite (a local call), while a server's round trip is not."""
    database = request.app.state.database
    with database.session() as session:
        try:
            yield session
        finally:
            if database.dialect != "sqlite":
                await run_in_threadpool(session.close)


DbSession = Annotated[Session, Depends(get_session)]


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


def check_csrf(request: Request, token: str) -> None:
    expected = request.session.get("csrf")
    if not expected or not hmac.compare_digest(str(expected), token or ""):
        raise HTTPException(
            403, "This form has expired or did not come from Kirok. Reload the page and try again."
        )


def current_user(request: Request, session: DbSession) -> User:
    user_id = request.session.get("user")
    user = session.get(User, user_id) if user_id else None
    if user is None or not user.active:
        request.session.pop("user", None)
        raise NotSignedIn
    return user


SignedIn = Annotated[User, Depends(current_user)]


def require_editor(user: SignedIn) -> User:
    if user.role not in EDIT_ROLES:
        raise HTTPException(403, "Your account can read records but not change them.")
    return user


Editor = Annotated[User, Depends(require_editor)]
