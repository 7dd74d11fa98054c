"""Load test of the web app, on loopback only and bounded in time.

    python benchmarks/web_load.py [--documents 10000] [--readers 20] [--editors 2]
        [--seconds 60] [--db PATH] [--workers 2] [--pages-at-once N] [--new-connections]

Builds (or reuses, with ``--db``) a database of generated reports — 10,000 of
them make about 110,000 records — serves it with ``kirok serve`` on 127.0.0.1,
and runs ``--readers`` signed-in readers (record lists with filters, sorting and
pages; text searches; record pages; source searches) and ``--editors`` editors
(each opening and editing records of its own) for ``--seconds``. Prints the
median and 95th percentile time of each kind of page, the errors, and checks
that every edit the server accepted is in the database (no lost edits).
Targets: p95 under 300 ms for list and search pages, no errors, no lost edits.
Each reader and editor keeps its HTTP connection open from request to request,
as a browser does; ``--new-connections`` opens one per request instead (the
script's behaviour until 2026-11-23), which costs both sides more.
The load runs in this process (threads) on the same two cores as the server.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract_speed import PLACES
from sqlalchemy import func, select
from store_speed import generate, percentile

from kirok.store.database import Database
from kirok.store.schema import Record, Revision, User
from kirok.store.users import add_user

PASSWORD = "load test password"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


class Client:
    """One person's browser: its cookies, and one HTTP connection kept open from
    request to request, as browsers keep them (``keep_alive=False``: a new
    connection for every request). Redirects are followed, as a browser does."""

    def __init__(self, base: str, keep_alive: bool = True) -> None:
        address = urllib.parse.urlsplit(base)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
        self.keep_alive = keep_alive
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def get(self, path: str) -> tuple[int, str]:
        return self._request("GET", path, None)

    def post(self, path: str, form: dict[str, str]) -> tuple[int, str]:
        return self._request("POST", path, urllib.parse.urlencode(form).encode())

    def _request(self, method: str, path: str, body: bytes | None) -> tuple[int, str]:
        for _ in range(10):
            response = self._send(method, path, body)
            data = response.read()
            if not self.keep_alive and self.connection is not None:
                self.connection.close()
                self.connection = None
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
                cookie.load(header)
                for name, morsel in cookie.items():
                    if morsel.value and morsel["max-age"] != "0":
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
            location = response.getheader("Location")
            if response.status not in (301, 302, 303, 307, 308) or not location:
                return response.status, data.decode("utf-8", "replace")
            path = urllib.parse.urljoin(path, location)
            if response.status not in (307, 308):
                method, body = "GET", None
        raise RuntimeError(f"too many redirects from {path}")

    def _send(self, method: str, path: str, body: bytes | None) -> http.client.HTTPResponse:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            reused = self.connection is not None
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.connection.request(method, path, body, headers)
                return self.connection.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if not reused or attempt == 2:  # a fresh connection failed: not a stale one
                    raise
        raise AssertionError("unreachable")

    def sign_in(self, name: str) -> None:
        _, page = self.get("/login")
        token = TOKEN.search(page)
        assert token, "no sign-in form"
        status, page = self.post(
            "/login",
            {
                "username": name,
                "password": PASSWORD,
                "csrf_token": token.group(1),
                "next": "/records",
            },
        )
        assert status == 200 and "Sign out" in page, f"sign-in failed ({status})"


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.edits: dict[str, int] = {}

    def add(self, kind: str, started: float, status: int, expected: int = 200) -> None:
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.times.setdefault(kind, []).append(elapsed)
            if status != expected:
                self.errors.append(f"{kind}: HTTP {status}")


def reader(
    base: str, name: str, stop: float, tally: Tally, seed: int, top_id: int, keep_alive: bool
) -> None:
    rng = random.Random(seed)
    client = Client(base, keep_alive)
    client.sign_in(name)
    while time.monotonic() < stop:
        choice = rng.random()
        if choice < 0.35:
            query = {
                "violation": rng.choice(["", "life", "detention", "movement"]),
                "sort": rng.choice(["date", "id", "place"]),
                "page": str(rng.randint(1, 20)),
            }
            kind, path = "list", "/records?" + urllib.parse.urlencode(query)
        elif choice < 0.6:
            query = {"q": rng.choice(PLACES), "violation": rng.choice(["", "life"])}
            kind, path = "search", "/records?" + urllib.parse.urlencode(query)
        elif choice < 0.8:
            kind, path = "record", f"/records/{rng.randint(1, top_id)}"
        else:
            kind, path = "sources", "/sources?" + urllib.parse.urlencode({"q": rng.choice(PLACES)})
        started = time.perf_counter()
        status, _ = client.get(path)
        tally.add(kind, started, status)


def editor(
    base: str, name: str, stop: float, tally: Tally, ids: list[int], keep_alive: bool
) -> None:
    client = Client(base, keep_alive)
    client.sign_in(name)
    done = 0
    for number, record_id in enumerate(ids):
        if time.monotonic() >= stop:
            break
        started = time.perf_counter()
        status, page = client.get(f"/records/{record_id}")
        tally.add("record (editor)", started, status)
        token, version = TOKEN.search(page), VERSION.search(page)
        if not token or not version:
            continue
        place = f"{PLACES[number % len(PLACES)]} {name} {number} {time.time():.0f}"
        started = time.perf_counter()
        status, page = client.post(
            f"/records/{record_id}/review",
            {
                "csrf_token": token.group(1),
                "version": version.group(1),
                "action": "edit",
                **_form_of(page),
                "place": place,
            },
        )
        tally.add("edit", started, status)
        if status == 200 and "saved." in page:
            done += 1
    with tally.lock:
        tally.edits[name] = done


FIELD = re.compile(r'<input id="f-[^"]+" name="([^"]+)" value="([^"]*)"')
SELECTED = re.compile(r'<select id="f-[^"]+" name="([^"]+)">(.*?)</select>', re.S)


def _form_of(page: str) -> dict[str, str]:
    """The edit form's current values, so only the place changes."""
    import html

    values = {name: html.unescape(value) for name, value in FIELD.findall(page)}
    for name, options in SELECTED.findall(page):
        chosen = re.search(r'<option(?: value="([^"]*)")? selected>([^<]*)', options)
        values[name] = html.unescape((chosen.group(1) or chosen.group(2)) if chosen else "")
    return values


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--db", type=Path, help="reuse (or keep) this database")
    parser.add_argument("--workers", type=int, default=2, help="kirok serve --workers")
    parser.add_argument(
        "--pages-at-once", type=int, help="kirok serve --pages-at-once (default: its own)"
    )
    parser.add_argument(
        "--new-connections",
        action="store_true",
        help="open a new connection for every request (by default each reader keeps one open)",
    )
    args = parser.parse_args()
    keep_alive = not args.new_connections
    work = Path(tempfile.mkdtemp(prefix="kirok-load-"))
    db = args.db or work / "kirok.db"
    kirok = [sys.executable, "-m", "kirok"]
    if not db.exists():
        folder = work / "reports"
        folder.mkdir()
        generate(folder, args.documents)
        started = time.perf_counter()
        subprocess.run(
            [*kirok, "ingest", str(folder), "--jobs", "2", "--db", str(db)],
            check=True,
            capture_output=True,
        )
        print(f"built {db}: {args.documents:,} documents in {time.perf_counter() - started:.0f} s")
    database = Database(str(db))
    database.upgrade()
    with database.session() as session:
        names = [f"reader{i}" for i in range(args.readers)] + [
            f"editor{i}" for i in range(args.editors)
        ]
        for name in names:
            if session.scalar(select(User.id).where(User.username == name)) is None:
                add_user(
                    session, name, PASSWORD, "editor" if name.startswith("editor") else "viewer"
                )
        session.commit()
        top_id = session.scalar(select(func.max(Record.id))) or 1
        records = session.scalar(select(func.count(Record.id))) or 0
        edits_before = (
            session.scalar(select(func.count(Revision.id)).where(Revision.action == "edit")) or 0
        )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            *kirok,
            *("serve", "--db", str(db), "--port", str(port), "--workers", str(args.workers)),
            *(() if args.pages_at_once is None else ("--pages-at-once", str(args.pages_at_once))),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        tally = Tally()
        stop = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=reader,
                args=(base, f"reader{i}", stop, tally, i, top_id, keep_alive),
            )
            for i in range(args.readers)
        ]
        share = top_id // max(1, args.editors)
        threads += [
            threading.Thread(
                target=editor,
                args=(
                    base,
                    f"editor{i}",
                    stop,
                    tally,
                    list(range(1 + i * share, 1 + (i + 1) * share)),
                    keep_alive,
                ),
            )
            for i in range(args.editors)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"{records:,} records; {args.readers} readers, {args.editors} editors, "
        f"{args.seconds:.0f} s; kirok serve --workers {args.workers}"
        + ("" if args.pages_at_once is None else f" --pages-at-once {args.pages_at_once}")
        + "; "
        + ("a new connection per request" if args.new_connections else "connections kept open")
    )
    for kind, values in sorted(tally.times.items()):
        print(
            f"  {kind:16} {len(values):6} pages  median {statistics.median(values):7.1f} ms  "
            f"p95 {percentile(values, 95):7.1f} ms"
        )
    with database.session() as session:
        edits_after = (
            session.scalar(select(func.count(Revision.id)).where(Revision.action == "edit")) or 0
        )
    accepted = sum(tally.edits.values())
    print(
        f"  errors: {len(tally.errors)}" + (f" (first: {tally.errors[0]})" if tally.errors else "")
    )
    print(
        f"  edits accepted by the server: {accepted}; edit revisions stored: "
        f"{edits_after - edits_before} ({'none lost' if edits_after - edits_before == accepted else 'LOST EDITS'})"
    )
    database.close()


if __name__ == "__main__":
    main()
