"""The web app in a real browser: Debian's Chromium driven by Playwright.

Screenshots of the main pages are written to build/screenshots/ for looking at."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from helpers import REPO, export_lines, free_port, kirok, kirok_serve, ok

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "build" / "screenshots"
PASSWORDS = {"ana": "editor pass 123", "vic": "viewer pass 123", "root": "admin pass 123"}

if not CHROMIUM.exists():
    if os.environ.get("KIROK_REQUIRE_BROWSER"):
        pytest.fail(f"browser tests are required here but {CHROMIUM} is missing")
    pytest.skip(f"{CHROMIUM} is not installed (apt install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect  # noqa: E402


@contextmanager
def running_server(
    folder: Path, env: dict[str, str] | None = None, db: str | None = None
) -> Iterator[dict[str, Any]]:
    """`kirok serve` over the sample corpus, with an editor, a viewer and an admin
    (in ``db``, or an SQLite file in ``folder``)."""
    db = db or str(folder / "kirok.db")
    ok(kirok("ingest", "--samples", "--db", db))
    for name, role in (("ana", "editor"), ("vic", "viewer"), ("root", "admin")):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kirok",
                "user",
                "add",
                name,
                "--role",
                role,
                "--password-stdin",
                "--db",
                db,
            ],
            input=PASSWORDS[name] + "\n",
            text=True,
            check=True,
            capture_output=True,
        )
    with kirok_serve("--db", db, log=folder / "serve.log", env=env) as port:
        yield {"url": f"http://127.0.0.1:{port}", "db": db}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with running_server(tmp_path_factory.mktemp("web")) as running:
        yield running


def sign_in(page: Page, server: dict[str, Any], name: str, target: str = "/records") -> None:
    page.goto(server["url"] + target)
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORDS[name])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def record_in_db(server: dict[str, Any], record_id: int) -> dict[str, Any]:
    return json.loads(ok(kirok("show", str(record_id), "--json", "--db", server["db"])).stdout)


def test_a_signed_out_visitor_sees_only_the_sign_in_page(
    page: Page, server: dict[str, Any]
) -> None:
    for path in ("/records", "/records/1", "/sources", "/sources/1"):
        page.goto(server["url"] + path)
        expect(page).to_have_url(f"{server['url']}/login?next={quote(path, safe='')}")
        expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
        assert "Record" not in page.locator("main").inner_text().replace("Sign in", "")
    page.goto(server["url"] + "/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    before = record_in_db(server, 1)
    response = page.request.post(
        server["url"] + "/records/1/review", form={"action": "accept", "version": "1"}
    )
    assert "/login?next=" in response.url and "Sign in" in response.text()
    assert record_in_db(server, 1) == before
    shot(page, "sign-in")


def test_a_wrong_password_is_refused(page: Page, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/login")
    page.get_by_label("Name").fill("ana")
    page.get_by_label("Password").fill("not her password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("That name and password do not match.")


def test_records_list_filters_and_sorts(page: Page, server: dict[str, Any]) -> None:
    everything = [r for line in export_lines(server["db"]) for r in line["records"]]
    sign_in(page, server, "ana")
    expect(page.locator("#total")).to_have_text(str(len(everything)))
    shot(page, "records")
    page.get_by_label("Violation").select_option("life")
    page.get_by_role("button", name="Filter").click()
    life = [r for r in everything if r["violation"].startswith("life.")]
    expect(page.locator("#total")).to_have_text(str(len(life)))
    assert page.locator("table.records tbody tr").count() == len(life)
    page.get_by_role("link", name="ID").click()
    ids = [int(t) for t in page.locator("table.records tbody tr td:first-child").all_inner_texts()]
    assert ids == sorted((r["id"] for r in life), reverse=True)
    page.get_by_role("link", name="ID ▼").click()
    ids = [int(t) for t in page.locator("table.records tbody tr td:first-child").all_inner_texts()]
    assert ids == sorted(r["id"] for r in life)
    expect(page.get_by_label("Violation")).to_have_value("life")  # the filter stays
    page.get_by_label("From").fill("2020-13")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("alert")).to_contain_text("month 13")


def test_a_source_shows_its_evidence_beside_its_records(page: Page, server: dict[str, Any]) -> None:
    line = max(export_lines(server["db"]), key=lambda line: len(line["records"]))
    sign_in(page, server, "ana", f"/sources/{line['source_id']}")
    marks = page.locator("mark.evidence")
    expect(page.locator("ol.source-records > li")).to_have_count(len(line["records"]))
    marked = "".join(marks.all_inner_texts())
    for record in line["records"]:
        assert record["evidence"][0]["text"][:40] in marked
    marks.first.click()
    expect(page.locator("ol.source-records > li.active").first).to_be_visible()
    record = line["records"][-1]
    page.locator(f"#record-{record['id']} .to-span").click()
    expect(page.locator("mark.evidence.active").first).to_be_visible()
    shot(page, "source")


def test_an_editor_edits_and_rejects_and_the_history_shows_it(
    page: Page, server: dict[str, Any]
) -> None:
    first, second = [
        r
        for line in export_lines(server["db"])
        for r in line["records"]
        if r["review_state"] == "suggested"
    ][-2:]
    sign_in(page, server, "ana", f"/records/{first['id']}")
    page.get_by_label("Place").fill("Hoeryong")
    page.get_by_label("Number of victims").fill("4")
    page.get_by_label("Note for the history").fill("a second source agrees")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_have_text(f"Record {first['id']} saved.")
    expect(page.locator("ol.history")).to_contain_text("place:")
    expect(page.locator("ol.history")).to_contain_text("a second source agrees")
    shot(page, "record")
    stored = record_in_db(server, first["id"])
    assert stored["place"] == "Hoeryong" and stored["victims"]["count"] == 4
    assert stored["review_state"] == "edited" and stored["history"][-1]["by"] == "ana"

    page.goto(f"{server['url']}/records/{second['id']}")
    page.get_by_role("button", name="Reject").click()
    expect(page.get_by_role("status")).to_have_text(f"Record {second['id']} rejected.")
    assert record_in_db(server, second["id"])["review_state"] == "rejected"


def test_bad_values_and_stale_edits_change_nothing(
    browser: Browser, server: dict[str, Any]
) -> None:
    record = next(r for line in export_lines(server["db"]) for r in line["records"][1:])
    before = record_in_db(server, record["id"])
    one = browser.new_context().new_page()
    two = browser.new_context().new_page()
    for tab in (one, two):
        sign_in(tab, server, "ana", f"/records/{record['id']}")
    one.get_by_label("Date (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2020-13-45")
    one.get_by_role("button", name="Save changes").click()
    expect(one.get_by_role("alert")).to_contain_text("'2020-13-45' is not a date")
    expect(one.get_by_label("Date (YYYY, YYYY-MM or YYYY-MM-DD)")).to_have_value("2020-13-45")
    assert record_in_db(server, record["id"]) == before

    one.get_by_label("Date (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2019")
    one.get_by_role("button", name="Save changes").click()
    expect(one.get_by_role("status")).to_contain_text("saved")
    two.get_by_label("Place").fill("Somewhere else")
    two.get_by_role("button", name="Save changes").click()
    expect(two.get_by_role("alert")).to_contain_text(
        "has changed since you opened it, by someone else"
    )
    after = record_in_db(server, record["id"])
    assert after["date"] == "2019" and after["place"] == before["place"]


def test_a_form_posted_twice_changes_the_record_once(page: Page, server: dict[str, Any]) -> None:
    record = next(
        line["records"][0] for line in reversed(export_lines(server["db"])) if line["records"]
    )
    before = record_in_db(server, record["id"])
    sign_in(page, server, "ana", f"/records/{record['id']}")
    token = page.locator("form.signout input[name=csrf_token]").input_value()
    form = {"action": "accept", "version": str(before["version"]), "csrf_token": token}
    first = page.request.post(f"{server['url']}/records/{record['id']}/review", form=form)
    second = page.request.post(f"{server['url']}/records/{record['id']}/review", form=form)
    assert first.ok and f"Record {record['id']} accepted." in first.text()
    assert second.status == 409 and "by this form sent twice" in second.text()
    after = record_in_db(server, record["id"])
    assert [step["action"] for step in after["history"]].count("accept") == 1
    assert after["version"] == before["version"] + 1


def test_a_viewer_reads_but_cannot_change(page: Page, server: dict[str, Any]) -> None:
    record = next(r for line in export_lines(server["db"]) for r in line["records"])
    before = record_in_db(server, record["id"])
    sign_in(page, server, "vic", f"/records/{record['id']}")
    expect(page.get_by_text("Your account can read records but not change them.")).to_be_visible()
    assert page.get_by_role("button", name="Save changes").count() == 0
    token = page.locator("form.signout input[name=csrf_token]").input_value()
    response = page.request.post(
        f"{server['url']}/records/{record['id']}/review",
        form={"action": "accept", "version": str(before["version"]), "csrf_token": token},
    )
    assert response.status == 403
    assert "can read records but not change them" in response.text()
    assert record_in_db(server, record["id"]) == before


def test_a_form_without_its_token_is_refused(page: Page, server: dict[str, Any]) -> None:
    record = next(r for line in export_lines(server["db"]) for r in line["records"])
    before = record_in_db(server, record["id"])
    sign_in(page, server, "ana")
    response = page.request.post(
        f"{server['url']}/records/{record['id']}/review",
        form={"action": "accept", "version": str(before["version"]), "csrf_token": "forged"},
    )
    assert response.status == 403 and "did not come from Kirok" in response.text()
    assert record_in_db(server, record["id"]) == before


def test_every_answer_forbids_other_hosts_and_framing(page: Page, server: dict[str, Any]) -> None:
    for path in ("/login", "/records", "/static/kirok.css", "/no-such-page"):
        response = page.request.get(server["url"] + path, max_redirects=0)
        policy = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert response.headers.get("x-content-type-options") == "nosniff", path


def test_a_request_too_large_is_refused_before_it_is_read(server: dict[str, Any]) -> None:
    import http.client
    from urllib.parse import urlsplit

    address = urlsplit(server["url"])
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
    # announces 200 MB and sends a few bytes: the answer comes without the rest
    connection.putrequest("POST", "/sources/upload")
    connection.putheader("Content-Type", "application/octet-stream")
    connection.putheader("Content-Length", str(200_000_000))
    connection.endheaders(b"only the beginning")
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    assert response.status == 413
    assert "too much at once: at most 100 MB" in body
    assert "frame-ancestors 'none'" in (response.getheader("content-security-policy") or "")


def test_pages_work_at_phone_width(browser: Browser, server: dict[str, Any]) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    sign_in(phone, server, "ana")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    shot(phone, "records-phone")
    phone.keyboard.press("Tab")
    expect(phone.locator(":focus")).to_have_text("Skip to content")


def test_kirok_demo_builds_the_samples_and_serves_them(browser: Browser, tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "demo.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kirok",
            "demo",
            "--no-browser",
            "--port",
            str(port),
            "--folder",
            str(tmp_path / "demo"),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        deadline = time.monotonic() + 120
        text = ""
        while "Kirok is at" not in text and time.monotonic() < deadline:
            assert process.poll() is None, text
            time.sleep(0.2)
            text = (tmp_path / "demo.log").read_text()
        password = text.split("with the password ")[1].split()[0]
        page = browser.new_context().new_page()
        page.goto(f"http://127.0.0.1:{port}/records")
        page.get_by_label("Name").fill("demo")
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        records = export_lines(str(tmp_path / "demo" / "kirok-demo.db"))
        expect(page.locator("#total")).to_have_text(
            str(sum(len(line["records"]) for line in records))
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_the_current_filter_exports_as_csv_and_jsonl(page: Page, server: dict[str, Any]) -> None:
    import csv

    sign_in(page, server, "vic", "/records?violation=life")
    expected = sorted(
        json.loads(line)["id"]
        for line in ok(
            kirok("search", "--violation", "life", "--json", "--db", server["db"])
        ).stdout.splitlines()
    )
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV").click()
    assert csv_download.value.suggested_filename.endswith(".csv")
    with open(csv_download.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(int(row["record_id"]) for row in rows) == expected
    with page.expect_download() as jsonl_download:
        page.get_by_role("link", name="JSON Lines").click()
    lines = Path(jsonl_download.value.path()).read_text(encoding="utf-8").splitlines()
    ids = sorted(r["id"] for line in lines for r in json.loads(line)["records"])
    assert ids == expected


def test_the_dashboard_follows_the_filter_and_downloads(page: Page, server: dict[str, Any]) -> None:
    records = [r for line in export_lines(server["db"]) for r in line["records"]]
    sign_in(page, server, "vic", "/dashboard")
    bars = page.locator("#chart-months rect.bar")
    drawn = sum(int(c) for c in bars.evaluate_all("els => els.map(e => e.dataset.count)"))
    assert drawn == sum(1 for r in records if r["date"])
    people = page.locator("#chart-perpetrators rect.bar")
    by_perpetrator = dict(
        zip(
            people.evaluate_all("els => els.map(e => e.dataset.label)"),
            (int(c) for c in people.evaluate_all("els => els.map(e => e.dataset.count)")),
            strict=True,
        )
    )
    assert by_perpetrator["Chinese authorities"] == sum(
        1 for r in records if r["perpetrator"] == "Chinese authorities"
    )
    shot(page, "dashboard")

    page.get_by_label("Violation", exact=True).select_option("movement")
    page.get_by_role("button", name="Filter").click()
    drawn = sum(int(c) for c in bars.evaluate_all("els => els.map(e => e.dataset.count)"))
    assert drawn == sum(1 for r in records if r["date"] and r["violation"].startswith("movement."))
    families = set(bars.evaluate_all("els => els.map(e => e.dataset.family)"))
    assert families == {"movement"}
    incidents = page.locator("#chart-timeline circle.point")
    assert incidents.count() == sum(
        1
        for r in records
        if r["date"] and r["kind"] == "incident" and r["violation"].startswith("movement.")
    )

    with page.expect_download() as svg:
        page.locator("#chart-months").get_by_role("link", name="SVG").click()
    assert Path(svg.value.path()).read_text(encoding="utf-8").startswith("<svg")
    with page.expect_download() as data:
        page.locator("#chart-perpetrators").get_by_role("link", name="data (CSV)").click()
    rows = Path(data.value.path()).read_text(encoding="utf-8").splitlines()
    assert rows[0] == "perpetrator,records"
    total = sum(int(row.rsplit(",", 1)[1]) for row in rows[1:])
    assert total == sum(1 for r in records if r["violation"].startswith("movement."))


def test_an_editor_uploads_several_files_and_pastes_text(
    page: Page, server: dict[str, Any], tmp_path: Path
) -> None:
    from helpers import INCIDENT, write_txt

    good = write_txt(tmp_path / "hyesan-report.txt", INCIDENT.replace("March 3", "March 5"))
    wrong = tmp_path / "notes.xyz"
    wrong.write_bytes(b"\x00\x01 not a document")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * 25_000_001)
    sign_in(page, server, "ana", "/sources/new")
    page.get_by_label("Files", exact=True).set_input_files(
        [str(good), str(wrong), str(empty), str(huge)]
    )
    page.get_by_role("button", name="Upload and extract").click()
    results = page.locator("ul.outcomes")
    expect(results).to_contain_text("hyesan-report.txt: added")
    expect(results).to_contain_text("notes.xyz: failed")
    expect(results.locator("li", has_text="notes.xyz")).to_contain_text("unknown format")
    expect(results.locator("li", has_text="empty.txt")).to_contain_text("empty")
    expect(results.locator("li", has_text="huge.txt")).to_contain_text("larger than 25 MB")
    shot(page, "add-sources")
    page.locator("li", has_text="hyesan-report.txt").get_by_role(
        "link", name="open the source"
    ).click()
    expect(page.locator("mark.evidence").first).to_contain_text("border guards shot and killed")

    page.goto(server["url"] + "/sources/new")
    page.get_by_label("Title").fill("Pasted note (invented)")
    page.get_by_label("Publisher").fill("Example Watch (invented)")
    page.get_by_label("URL").fill("https://example.org/note")
    page.get_by_label("Date published (YYYY-MM-DD)").fill("2020-13-45")
    page.get_by_label("Text", exact=True).fill(
        "In May 2021, soldiers shot dead a man who was crossing the Yalu River near Sinuiju."
    )
    page.get_by_role("button", name="Add and extract").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Date: '2020-13-45' is not a date of the form YYYY-MM-DD."
    )
    expect(page.get_by_label("Title")).to_have_value("Pasted note (invented)")
    page.get_by_label("Date published (YYYY-MM-DD)").fill("2021-06-01")
    page.get_by_role("button", name="Add and extract").click()
    expect(page.locator("ul.outcomes")).to_contain_text("Pasted note (invented).txt: added")
    line = next(
        line for line in export_lines(server["db"]) if line["title"] == "Pasted note (invented)"
    )
    assert line["publisher"] == "Example Watch (invented)" and line["published"] == "2021-06-01"
    assert line["ingested_by"] == "ana" and line["records"][0]["violation"] == "life.killing"
    page.goto(server["url"] + "/sources/new")
    page.get_by_label("Files", exact=True).set_input_files([str(good)])
    page.get_by_role("button", name="Upload and extract").click()
    expect(page.locator("ul.outcomes")).to_contain_text("hyesan-report.txt: unchanged")


def test_a_viewer_cannot_add_sources(page: Page, server: dict[str, Any]) -> None:
    sign_in(page, server, "vic")
    assert page.get_by_role("link", name="Add sources").count() == 0
    response = page.goto(server["url"] + "/sources/new")
    assert response is not None and response.status == 403


def test_an_editor_adds_a_record_by_selecting_text(page: Page, server: dict[str, Any]) -> None:
    line = next(line for line in export_lines(server["db"]) if "Ms. A" in line["text"])
    sentence = "Ms. A was released in 2021 and later escaped again."
    start = line["text"].index(sentence)
    sign_in(page, server, "ana", f"/sources/{line['source_id']}")
    page.evaluate(
        """([start, length]) => {
            const article = document.querySelector('article.text');
            const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
            let seen = 0, node, range = document.createRange(), begun = false;
            while ((node = walker.nextNode())) {
                const size = node.textContent.length;
                if (!begun && seen + size > start) { range.setStart(node, start - seen); begun = true; }
                if (begun && seen + size >= start + length) { range.setEnd(node, start + length - seen); break; }
                seen += size;
            }
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        [start, len(sentence)],
    )
    expect(page.get_by_label("From character")).to_have_value(str(start))
    expect(page.get_by_label("To character")).to_have_value(str(start + len(sentence)))
    page.get_by_label("Violation", exact=True).select_option("detention.arbitrary")
    page.get_by_label("Date (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2021")
    page.get_by_role("button", name="Add the record").click()
    expect(page.get_by_role("status")).to_contain_text("added.")
    added = max(
        (r for line2 in export_lines(server["db"]) for r in line2["records"]), key=lambda r: r["id"]
    )
    assert added["evidence"] == [{"start": start, "end": start + len(sentence), "text": sentence}]
    assert added["origin"] == "person" and added["review_state"] == "accepted"
    assert added["history"][0]["action"] == "add" and added["history"][0]["by"] == "ana"
    expect(page.locator(f"#record-{added['id']}")).to_contain_text("detention.arbitrary")


def test_an_admin_manages_accounts_in_the_browser(browser: Browser, server: dict[str, Any]) -> None:
    admin = browser.new_context().new_page()
    sign_in(admin, server, "root", "/accounts")
    form = admin.get_by_role("form", name="Add an account")
    form.get_by_label("Name to sign in with").fill("newbie")
    form.get_by_label("Password (at least 10 characters)").fill("short")
    form.get_by_role("button", name="Add account").click()
    expect(admin.get_by_role("alert")).to_contain_text("password: at least 10 characters")
    form.get_by_label("Password (at least 10 characters)").fill("newbie pass 123")
    form.get_by_role("button", name="Add account").click()
    expect(admin.get_by_role("status")).to_contain_text("Account newbie (viewer) added.")
    admin.get_by_label("Role of newbie", exact=True).select_option("editor")
    admin.get_by_role("button", name="Set the role of newbie").click()
    expect(admin.get_by_role("status")).to_contain_text("newbie is now editor.")

    newbie = browser.new_context().new_page()
    PASSWORDS["newbie"] = "newbie pass 123"
    sign_in(newbie, server, "newbie", "/sources/new")
    expect(newbie.get_by_role("heading", name="Add sources")).to_be_visible()
    admin.get_by_role("button", name="Switch off newbie").click()
    expect(admin.get_by_role("status")).to_contain_text("newbie can no longer sign in.")
    newbie.reload()  # a switched-off account is signed out at once
    expect(newbie.get_by_role("heading", name="Sign in")).to_be_visible()

    admin.get_by_label("Role of root", exact=True).select_option("viewer")
    admin.get_by_role("button", name="Set the role of root").click()
    expect(admin.get_by_role("alert")).to_contain_text("root is the only admin left")
    shot(admin, "accounts")

    editor = browser.new_context().new_page()
    sign_in(editor, server, "ana", "/records")
    expect(editor.get_by_role("link", name="Accounts")).to_have_count(0)
    assert editor.goto(server["url"] + "/accounts").status == 403  # type: ignore[union-attr]


def test_serve_with_several_workers_shares_sign_ins(page: Page, server: dict[str, Any]) -> None:
    with kirok_serve("--db", server["db"], "--workers", "2") as port:
        other = {**server, "url": f"http://127.0.0.1:{port}"}
        sign_in(page, other, "vic", "/records")
        for _ in range(6):  # whichever process answers knows the session
            page.reload()
            expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_the_app_serves_and_changes_a_database_on_either_engine(
    page: Page, db_url: str, tmp_path: Path
) -> None:
    """The same pages over SQLite and PostgreSQL; each request's session is closed
    (on PostgreSQL in a worker thread), leaving no transaction open."""
    with running_server(tmp_path, db=db_url) as running:
        sign_in(page, running, "ana")
        records = [r for line in export_lines(running["db"]) for r in line["records"]]
        expect(page.locator("#total")).to_have_text(str(len(records)))
        page.goto(running["url"] + "/records/1")
        page.get_by_role("button", name="Accept").click()
        expect(page.get_by_role("status").first).to_contain_text("Record 1 accepted")
        assert record_in_db(running, 1)["review_state"] == "accepted"
        page.goto(running["url"] + "/sources?q=China")
        expect(page.locator("main")).to_contain_text("record")
        if db_url.startswith("postgresql"):
            from sqlalchemy import create_engine, text

            engine = create_engine(db_url)
            with engine.connect() as connection:
                left_open = connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()"
                    )
                ).scalar()
            engine.dispose()
            assert left_open == 0


def test_serve_says_where_it_is_only_once_it_listens(
    server: dict[str, Any], tmp_path: Path
) -> None:
    """The address is printed once the port is taken, so going there at once works;
    a port another program holds is a clear error."""
    import socket
    import urllib.request

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kirok", "serve", "--port", str(port), "--db", server["db"]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = ""
        while "Kirok is at" not in line:
            line = process.stderr.readline()
            assert line, "kirok serve ended without saying where it is"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=30) as answer:
            assert answer.status == 200  # at once: no "connection refused"
        with socket.socket() as client:
            client.connect(("127.0.0.1", port))  # the port is held
        taken = kirok("serve", "--port", str(port), "--db", server["db"])
        assert taken.returncode == 2
        assert f"cannot serve at http://127.0.0.1:{port}" in taken.stderr
        assert "Address already in use" in taken.stderr
    finally:
        process.terminate()
        process.communicate(timeout=30)  # and closes its pipe
