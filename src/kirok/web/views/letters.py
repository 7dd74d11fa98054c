"""Letters and briefings in the browser: write, cite, preview, gather and
approve signatures, download, send."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy.orm import Session

from kirok.advocacy import letters as drafting
from kirok.advocacy.briefing import draft_briefing
from kirok.advocacy.compose import Composed, cite, compose
from kirok.advocacy.outputs import FORMATS, filename, render_letter, send_letter
from kirok.advocacy.render import letter_css, letter_fragment
from kirok.advocacy.signon import Tally, decide, duplicates, signatures_of
from kirok.countries import country_name
from kirok.errors import InvalidValue, NotFound, StaleEdit
from kirok.store.database import begin_write
from kirok.store.schema import Letter
from kirok.store.search import Filters, list_records
from kirok.web.security import DbSession, Editor, SignedIn, check_csrf
from kirok.web.views.common import render
from kirok.web.views.records import FILTER_NAMES, filters_from

router = APIRouter()
BLOCK_PARTS = ("sender_lines", "sender_people", "cc")
FOUND = 20  # records shown by the citation search


def _letter(session: Session, letter_id: int) -> Letter:
    try:
        return drafting.get_letter(session, letter_id)
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None


def form_values(letter: Letter) -> dict[str, str]:
    """The parts as the edit form shows them."""
    parts = drafting.parts_of(letter)
    shown: dict[str, str] = {}
    for name, value in parts.items():
        if name in BLOCK_PARTS:
            shown[name] = "\n".join(value)
        elif name == "recipients":
            shown[name] = drafting.blocks_text(value)
        else:
            shown[name] = value or ""
    return shown


def sign_link(request: Request, letter: Letter) -> str:
    base = str(request.base_url).rstrip("/")
    return f"{base}/sign/{letter.signon_token}"


@router.get("/letter.css")
def letter_stylesheet() -> Response:
    return Response(letter_css(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/letters")
def letter_list(request: Request, session: DbSession, user: SignedIn) -> Response:
    letters = drafting.list_letters(session)
    return render(request, "letters.html", {"letters": letters, "Tally": Tally}, user)


@router.post("/letters")
def letter_new(
    request: Request,
    session: DbSession,
    user: Editor,
    title: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    begin_write(session)
    try:
        letter = drafting.new_letter(
            session,
            {
                "title": title,
                "letter_date": dt.date.today().isoformat(),
                "body": "We write on behalf of [[signatories]] to ...",
            },
            user.username,
        )
    except InvalidValue as problem:
        session.rollback()
        letters = drafting.list_letters(session)
        context = {"letters": letters, "Tally": Tally, "error": str(problem)}
        return render(request, "letters.html", context, user, status=422)
    session.commit()
    request.session["flash"] = f"Letter {letter.id} started."
    return RedirectResponse(f"/letters/{letter.id}", status_code=303)


@router.post("/briefings")
def briefing_new(
    request: Request,
    session: DbSession,
    user: Editor,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """A briefing from the filter the records page showed (its fields come as the form's)."""
    check_csrf(request, csrf_token)
    params = {name: request.query_params.get(name, "").strip() for name in FILTER_NAMES}
    begin_write(session)
    try:
        filters = filters_from(params)
        letter = draft_briefing(session, request.app.state.database.dialect, filters, user.username)
    except InvalidValue as problem:
        session.rollback()
        raise HTTPException(422, str(problem)) from None
    session.commit()
    request.session["flash"] = f"Briefing {letter.id} drafted from your filter: edit it below."
    return RedirectResponse(f"/letters/{letter.id}", status_code=303)


def _letter_page(
    request: Request,
    session: Session,
    user: Any,
    letter: Letter,
    error: str | None = None,
    status: int = 200,
    entered: dict[str, str] | None = None,
) -> Response:
    dialect = request.app.state.database.dialect
    composed: Composed | None = None
    preview: Markup | None = None
    problem = None
    try:
        composed = compose(session, dialect, letter)
        preview = letter_fragment(composed)
    except InvalidValue as trouble:
        problem = str(trouble)
    find = request.query_params.get("find", "").strip()
    found: list[Any] = []
    if find:
        try:
            page = list_records(session, dialect, Filters(text=find), limit=FOUND)
            found = [r for r in page.items if r.review_state != "rejected"]
        except InvalidValue as trouble:
            problem = problem or str(trouble)
    context = {
        "letter": letter,
        "values": {**form_values(letter), **(entered or {})},
        "composed": composed,
        "preview": preview,
        "problem": problem,
        "error": error,
        "find": find,
        "found": found,
        "sign_link": sign_link(request, letter),
        "formats": FORMATS,
    }
    return render(request, "letter.html", context, user, status=status)


@router.get("/letters/{letter_id}")
def letter_page(request: Request, session: DbSession, user: SignedIn, letter_id: int) -> Response:
    return _letter_page(request, session, user, _letter(session, letter_id))


@router.post("/letters/{letter_id}")
async def letter_save(
    request: Request,
    session: DbSession,
    user: Editor,
    letter_id: int,
    version: Annotated[int, Form()],
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    form = await request.form()
    entered = {name: str(form.get(name, "")) for name in drafting.PARTS}
    parts: dict[str, Any] = dict(entered)
    for name in BLOCK_PARTS:
        parts[name] = entered[name].splitlines()
    begin_write(session)
    try:
        drafting.update_letter(session, letter_id, parts, user.username, version)
        compose(session, request.app.state.database.dialect, _letter(session, letter_id))
        session.commit()
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None
    except (InvalidValue, StaleEdit) as problem:
        session.rollback()
        status = 409 if isinstance(problem, StaleEdit | drafting.LetterSent) else 422
        shown = None if isinstance(problem, StaleEdit) else entered
        letter = _letter(session, letter_id)
        return _letter_page(request, session, user, letter, str(problem), status, shown)
    request.session["flash"] = f"Letter {letter_id} saved."
    return RedirectResponse(f"/letters/{letter_id}", status_code=303)


@router.post("/letters/{letter_id}/cite")
def letter_cite(
    request: Request,
    session: DbSession,
    user: Editor,
    letter_id: int,
    version: Annotated[int, Form()],
    records: Annotated[list[int] | None, Form()] = None,
    after: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Cite the chosen records, after the given text or at the end of the body."""
    check_csrf(request, csrf_token)
    begin_write(session)
    _letter(session, letter_id)  # 404 for a letter that is not there
    try:
        dialect = request.app.state.database.dialect
        cite(session, dialect, letter_id, "record", records or [], user.username, after, version)
        session.commit()
    except (InvalidValue, StaleEdit) as problem:
        session.rollback()
        status = 409 if isinstance(problem, StaleEdit) else 422
        return _letter_page(
            request, session, user, _letter(session, letter_id), str(problem), status
        )
    cited = len(set(records or []))
    request.session["flash"] = f"Cited {cited} record{'s' if cited != 1 else ''}."
    return RedirectResponse(f"/letters/{letter_id}", status_code=303)


@router.post("/letters/{letter_id}/signon")
def letter_signon(
    request: Request,
    session: DbSession,
    user: Editor,
    letter_id: int,
    action: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    begin_write(session)
    try:
        drafting.set_signon(session, letter_id, action == "open")
        session.commit()
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None
    except InvalidValue as problem:
        session.rollback()
        return _letter_page(request, session, user, _letter(session, letter_id), str(problem), 409)
    request.session["flash"] = (
        "Sign-on is open: share the link below."
        if action == "open"
        else "Sign-on is closed: the link now says so."
    )
    return RedirectResponse(f"/letters/{letter_id}", status_code=303)


@router.post("/letters/{letter_id}/send")
def letter_send(
    request: Request,
    session: DbSession,
    user: Editor,
    letter_id: int,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    begin_write(session)
    try:
        send_letter(session, request.app.state.database.dialect, letter_id, user.username)
        session.commit()
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None
    except InvalidValue as problem:
        session.rollback()
        return _letter_page(request, session, user, _letter(session, letter_id), str(problem), 409)
    request.session["flash"] = f"Letter {letter_id} is marked sent and kept as it is now."
    return RedirectResponse(f"/letters/{letter_id}", status_code=303)


# standalone letters have their styles inside; nothing else may load
LETTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"


@router.get("/letters/{letter_id}/letter.{format}")
def letter_download(
    request: Request, session: DbSession, user: SignedIn, letter_id: int, format: str
) -> Response:
    if format not in FORMATS:
        raise HTTPException(404, f"There is no letter as {format!r}: choose html, docx or md.")
    letter = _letter(session, letter_id)
    try:
        data = render_letter(session, request.app.state.database.dialect, letter, format)
    except InvalidValue as problem:
        raise HTTPException(422, str(problem)) from None
    media, _ = FORMATS[format]
    disposition = "inline" if format == "html" else "attachment"
    return Response(
        data,
        media_type=media,
        headers={
            "Content-Disposition": f'{disposition}; filename="{filename(letter, format)}"',
            "Content-Security-Policy": LETTER_CSP,
        },
    )


@router.get("/letters/{letter_id}/signatures")
def signature_page(
    request: Request, session: DbSession, user: SignedIn, letter_id: int
) -> Response:
    letter = _letter(session, letter_id)
    signatures = signatures_of(session, letter_id)
    context = {
        "letter": letter,
        "signatures": signatures,
        "similar": duplicates(signatures),
        "tally": Tally.of(signatures),
        "country_name": country_name,
        "sign_link": sign_link(request, letter),
        "by_id": {s.id: s for s in signatures},
    }
    return render(request, "letter_signatures.html", context, user)


@router.post("/letters/{letter_id}/signatures/{signature_id}")
def signature_decide(
    request: Request,
    session: DbSession,
    user: Editor,
    letter_id: int,
    signature_id: int,
    action: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    states = {"approve": "approved", "remove": "removed", "reconsider": "pending"}
    if action not in states:
        raise HTTPException(422, f"Unknown action {action!r}: approve, remove or reconsider.")
    begin_write(session)
    try:
        found = decide(session, letter_id, signature_id, states[action], user.username)
        session.commit()
    except NotFound as problem:
        raise HTTPException(404, str(problem)) from None
    except InvalidValue as problem:
        raise HTTPException(409, str(problem)) from None
    request.session["flash"] = f"{found.name}: {states[action]}."
    return RedirectResponse(f"/letters/{letter_id}/signatures#signature-{signature_id}", 303)
