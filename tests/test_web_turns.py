"""Pages built in turn (kirok.web.turns): at most so many at once, first come,
first served; forms and streamed bodies go straight on. The middleware is
driven through ASGI itself, and `kirok serve --pages-at-once` over HTTP."""

from __future__ import annotations

import asyncio
import http.client
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from helpers import kirok, kirok_serve, ok
from kirok.web.turns import Turns

WORK = 0.02  # seconds a page takes to build


class Pages:
    """An ASGI app whose pages take ``WORK`` seconds each and that notes how
    many it builds at once and in which order it starts them. ``/stream`` sends
    its body in pieces after it starts answering; ``/boom`` fails."""

    def __init__(self) -> None:
        self.building = 0
        self.most = 0
        self.started: list[str] = []
        self.streamed_until = 0.0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope["path"]
        self.started.append(path)
        self.building += 1
        self.most = max(self.most, self.building)
        try:
            await asyncio.sleep(WORK)
            if path == "/boom":
                raise RuntimeError("this page fails")
        finally:
            self.building -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        if path == "/stream":
            for _ in range(5):
                await asyncio.sleep(WORK)
                await send({"type": "http.response.body", "body": b"piece ", "more_body": True})
            self.streamed_until = time.monotonic()
        await send({"type": "http.response.body", "body": b"done", "more_body": False})


async def ask(app: Any, path: str, method: str = "GET") -> tuple[int, float]:
    """The status of ``method path`` and when its answer ended."""
    scope = {"type": "http", "method": method, "path": path, "headers": []}
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status, time.monotonic()


async def many(app: Any, paths: list[str], method: str = "GET") -> list[Any]:
    """Ask for every path at once, in this order."""
    tasks = [asyncio.create_task(ask(app, path, method)) for path in paths]
    return await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=10)


@pytest.mark.parametrize("pages", [1, 2, 3])
def test_no_more_pages_than_allowed_are_built_at_once_and_in_the_order_asked(pages: int) -> None:
    inner = Pages()
    paths = [f"/page/{n}" for n in range(8)]
    answers = asyncio.run(many(Turns(inner, pages=pages), paths))
    assert [status for status, _ in answers] == [200] * 8
    assert inner.most == pages
    assert inner.started == paths


def test_without_turns_every_page_is_built_at_once() -> None:
    inner = Pages()
    asyncio.run(many(inner, [f"/page/{n}" for n in range(8)]))
    assert inner.most == 8  # what Turns prevents


def test_posted_forms_do_not_wait_their_turn() -> None:
    inner = Pages()
    answers = asyncio.run(many(Turns(inner, pages=1), [f"/form/{n}" for n in range(6)], "POST"))
    assert [status for status, _ in answers] == [200] * 6
    assert inner.most == 6


def test_a_failed_page_gives_its_turn_back() -> None:
    inner = Pages()
    app = Turns(inner, pages=1)
    answers = asyncio.run(many(app, ["/boom", "/boom", "/after"]))
    assert [type(answer) for answer in answers[:2]] == [RuntimeError, RuntimeError]
    assert answers[2][0] == 200  # served, not left waiting for a turn never given back


def test_a_streamed_body_does_not_hold_a_turn() -> None:
    inner = Pages()
    answers = asyncio.run(many(Turns(inner, pages=1), ["/stream", "/next"]))
    (_, _), (status, next_done) = answers
    assert status == 200
    assert next_done < inner.streamed_until  # built while the stream was still being sent


def test_pages_at_once_must_be_positive() -> None:
    with pytest.raises(ValueError, match="pages at once: 0"):
        Turns(Pages(), pages=0)


def test_kirok_serve_takes_pages_in_turn(tmp_path: Path) -> None:
    db = str(tmp_path / "kirok.db")
    ok(kirok("init", "--db", db))
    refused = kirok("serve", "--db", db, "--pages-at-once", "-1")
    assert refused.returncode != 0 and "--pages-at-once" in refused.stderr
    with kirok_serve("--db", db, "--pages-at-once", "1") as port:

        def sign_in_page(_: int) -> tuple[int, bool]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", "/login")
                response = connection.getresponse()
                return response.status, b'name="password"' in response.read()
            finally:
                connection.close()

        with ThreadPoolExecutor(12) as pool:
            answers = list(pool.map(sign_in_page, range(24)))
    assert answers == [(200, True)] * 24
