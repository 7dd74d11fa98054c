"""Pages built in turn: at most so many at once in a server process, the rest
waiting first come, first served.

Under load, a process that starts every request as it arrives shares its one
core (and Python's one interpreter lock) among all of them, so a page that
takes 10 ms of work is answered after 10 ms times the number of pages in
progress, and the slower pages (text searches) are the ones that wait longest.
Taking pages a few at a time, in the order they came, makes every page wait
about as long as any other, and the process spends less of its time switching
between threads. (On 111,408 records with 20 readers and 2 editors, the 95th
percentile of search pages fell from 209 to 303 ms to 148 to 162 ms, back to
back: docs/web.md.)

Only pages that read (GET and HEAD) take turns: a form posted (an edit, an
upload) goes straight on, and so does a page's streamed body, since a turn ends
when the answer starts.
"""

from __future__ import annotations

import asyncio
import weakref

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGES_AT_ONCE = 3  # pages a process builds at once, by default


class Turns:
    """ASGI middleware: at most ``pages`` GET or HEAD requests in progress at
    once; the rest wait in the order they came (asyncio's semaphore is fair).
    A request's turn ends when its answer starts, or when it fails."""

    def __init__(self, app: ASGIApp, pages: int = PAGES_AT_ONCE) -> None:
        if pages < 1:
            raise ValueError(f"pages at once: {pages} is not a positive number")
        self.app = app
        self.pages = pages
        # one semaphore per event loop (a semaphore belongs to the loop that first waits on it)
        self._turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        turns = self._turns.get(loop)
        if turns is None:
            turns = self._turns[loop] = asyncio.Semaphore(self.pages)
        return turns

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        turns = self._semaphore()
        await turns.acquire()
        holding = True

        def release() -> None:
            nonlocal holding
            if holding:
                holding = False
                turns.release()

        async def send_then_release(message: Message) -> None:
            if message["type"] == "http.response.start":
                release()
            await send(message)

        try:
            await self.app(scope, receive, send_then_release)
        finally:
            release()
