"""The public sign-on page: no account needed. A signer gives their details,
gets an email with a link, and confirms by following it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from kirok.advocacy.compose import compose
from kirok.advocacy.mail import Mailer, MailError
from kirok.advocacy.render import letter_fragment
from kirok.advocacy.signon import (
    FIELDS,
    MAX_NAME,
    SignatureProblems,
    SignOnClosed,
    add_signature,
    confirm_signature,
    open_letter_for,
)
from kirok.countries import country_choices
from kirok.errors import InvalidValue, NotFound
from kirok.store.database import begin_write
from kirok.store.schema import Letter
from kirok.web.security import DbSession, check_csrf
from kirok.web.views.common import render

router = APIRouter()


def _closed(request: Request, message: str, status: int) -> Response:
    return render(request, "sign_closed.html", {"message": message}, None, status=status)


def _sign_page(
    request: Request,
    session: Session,
    letter: Letter,
    kind: str | None = None,
    problems: dict[str, str] | None = None,
    entered: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    try:
        preview = letter_fragment(compose(session, request.app.state.database.dialect, letter))
    except InvalidValue:
        preview = None  # a citation the coordinator is still fixing: show the form only
    context = {
        "letter": letter,
        "preview": preview,
        "fields": FIELDS,
        "countries": country_choices(),
        "kind": kind,
        "problems": problems or {},
        "entered": entered or {},
        "max_name": MAX_NAME,
    }
    return render(request, "sign.html", context, None, status=status)


@router.get("/sign/{token}")
def sign_page(request: Request, session: DbSession, token: str) -> Response:
    try:
        letter = open_letter_for(session, token)
    except NotFound as problem:
        return _closed(request, str(problem), 404)
    except SignOnClosed as problem:
        return _closed(request, str(problem), 410)
    return _sign_page(request, session, letter)


def _mail_text(letter: Letter, name: str, link: str) -> str:
    return (
        f"Hello,\n\n{name} was entered as a signatory of the letter “{letter.title}”.\n\n"
        f"If that was you, confirm your signature by opening this link:\n\n{link}\n\n"
        "If it was not you, ignore this email: nothing is signed until the link is "
        "opened, and the coordinator checks every signature before the letter goes out.\n"
    )


@router.post("/sign/{token}")
async def sign(request: Request, session: DbSession, token: str) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get("csrf_token", "")))
    kind = str(form.get("kind", ""))
    values: dict[str, Any] = {name: form.get(name) for name in FIELDS.get(kind, {})}
    # what the page shows back: never more than a field holds
    entered = {name: str(value or "")[: MAX_NAME + 1] for name, value in values.items()}
    begin_write(session)
    try:
        signature, secret = add_signature(session, token, kind, values)
        letter = session.get(Letter, signature.letter_id)
        assert letter is not None
        link = f"{str(request.base_url).rstrip('/')}/sign/{token}/confirm/{secret}"
        mailer: Mailer = request.app.state.mailer
        subject = f"Confirm your signature: {letter.title}"
        mailer.send(
            mailer.message(signature.email, subject, _mail_text(letter, signature.name, link))
        )
        session.commit()
    except NotFound as problem:
        session.rollback()
        return _closed(request, str(problem), 404)
    except SignOnClosed as problem:
        session.rollback()
        return _closed(request, str(problem), 410)
    except SignatureProblems as problem:
        session.rollback()
        letter = open_letter_for(session, token)
        return _sign_page(request, session, letter, kind, problem.problems, entered, 422)
    except MailError as problem:
        session.rollback()
        raise HTTPException(
            503, f"Your signature could not be taken because the email failed: {problem}"
        ) from None
    request.session["signed"] = signature.email
    return RedirectResponse(f"/sign/{token}/thanks", status_code=303)


@router.get("/sign/{token}/thanks")
def thanks(request: Request, session: DbSession, token: str) -> Response:
    email = request.session.get("signed")
    message = (
        f"Thank you. We sent an email to {email}: open the link in it to confirm your signature."
        if email
        else "Thank you. Open the link in the email we sent you to confirm your signature."
    )
    return render(request, "sign_closed.html", {"message": message, "title": "Almost done"}, None)


@router.get("/sign/{token}/confirm/{secret}")
def confirm(request: Request, session: DbSession, token: str, secret: str) -> Response:
    begin_write(session)
    try:
        signature = confirm_signature(session, token, secret)
        letter = session.get(Letter, signature.letter_id)
        session.commit()
    except NotFound as problem:
        session.rollback()
        return _closed(request, str(problem), 404)
    title = letter.title if letter else "the letter"
    message = (
        f"Your signature as {signature.name} on “{title}” is confirmed. "
        "The coordinator will add it to the letter."
    )
    return render(request, "sign_closed.html", {"message": message, "title": "Confirmed"}, None)
