"""Letters, sign-on, briefings and positions in a real browser (Debian's Chromium).

The rendered letter and briefing are saved as PDF (Chromium's print) and the
pages as screenshots, in build/letters/ and build/screenshots/, for looking at."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from helpers import REPO, kirok, ok
from test_letters_cli import records_of
from test_web import running_server, shot, sign_in

from playwright.sync_api import Browser, Page, expect  # isort: skip

LETTERS = REPO / "build" / "letters"
ORGANISATIONS = [
    # name, country, email, person signing, title, represents
    ("Northern Lights Human Rights Watch (invented)", "Japan", "info@lights.example", "Aiko Test", "Director", ""),
    ("Pacific Network for Refugee Rights (invented)", "South Korea", "net@pacific.example", "Min Test", "Coordinator", "120"),
    ("Tumen Valley Documentation Project (invented)", "United States", "tv@tumen.example", "Sam Test", "Chair", ""),
    ("Open Doors for Defectors Foundation (invented)", "United Kingdom", "od@doors.example", "Kit Test", "Trustee", ""),
    # the first again, spelled differently, from another address
    ("Northern-Lights Human Rights Watch", "JP", "office@lights-watch.example", "Ren Test", "Officer", ""),
]  # fmt: skip
INDIVIDUALS = [
    ("Park Ji-woo (invented)", "Researcher", "Example University", "South Korea", "park@uni.example"),
    ("Marie Dupont (invented)", "Lawyer", "", "France", "marie@law.example"),
]  # fmt: skip
PHRASE = (
    "4 groups representing 123 non-governmental organisations and 2 concerned "
    "individuals in 5 countries"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("letters")
    outbox = folder / "outbox"
    with running_server(folder, {"KIROK_OUTBOX": str(outbox)}) as running:
        yield {**running, "outbox": outbox}


def rare_word(record: dict[str, Any], everything: list[dict[str, Any]]) -> str:
    """A word of the record's evidence that the fewest records hold."""
    counts: Counter[str] = Counter()
    for other in everything:
        text = " ".join(span["text"] for span in other["evidence"]).casefold()
        counts.update(set(re.findall(r"[a-z]{6,}", text)))
    words = re.findall(r"[a-z]{6,}", " ".join(s["text"] for s in record["evidence"]).casefold())
    return min(words, key=lambda word: counts[word])


def new_letter(page: Page, server: dict[str, Any], title: str) -> int:
    sign_in(page, server, "ana", "/letters")
    page.get_by_label("Title of a new letter").fill(title)
    page.get_by_role("button", name="Start a letter").click()
    expect(page.get_by_role("status")).to_contain_text("started")
    found = re.search(r"/letters/(\d+)$", page.url)
    assert found is not None
    return int(found.group(1))


def mails(outbox: Path) -> dict[str, Message]:
    return {
        str(message["To"]): message
        for message in (message_from_bytes(path.read_bytes()) for path in outbox.glob("*.eml"))
    }


def confirm_link(message: Message) -> str:
    body = message.get_payload(decode=True)
    assert isinstance(body, bytes)
    found = re.search(r"http://\S+/confirm/\S+", body.decode())
    assert found is not None
    return found.group(0)


def sign_as_organisation(page: Page, link: str, row: tuple[str, ...]) -> None:
    name, country, email, signer, title, represents = row
    page.goto(link)
    form = page.get_by_role("form", name="Sign for an organisation")
    form.get_by_label("Organisation", exact=True).fill(name)
    form.get_by_label("Country", exact=True).fill(country)
    form.get_by_label("Contact email").fill(email)
    form.get_by_label("Person signing").fill(signer)
    form.get_by_label("Their title").fill(title)
    form.get_by_label("Organisations it represents (networks) (optional)").fill(represents)
    form.get_by_role("button", name="Sign").click()


def sign_as_individual(page: Page, link: str, row: tuple[str, ...]) -> None:
    name, title, affiliation, country, email = row
    page.goto(link)
    form = page.get_by_role("form", name="Sign as an individual")
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Title", exact=True).fill(title)
    form.get_by_label("Affiliation (optional)").fill(affiliation)
    form.get_by_label("Country", exact=True).fill(country)
    form.get_by_label("Email", exact=True).fill(email)
    form.get_by_role("button", name="Sign").click()


def test_a_letter_cites_records_gathers_signatures_and_renders(
    browser: Browser,
    page: Page,
    server: dict[str, Any],
    tmp_path: Path,
) -> None:
    everything = records_of(server["db"])
    by_source: dict[int, list[dict[str, Any]]] = {}
    for record in everything:
        by_source.setdefault(record["source_id"], []).append(record)
    two = next(records for records in by_source.values() if len(records) >= 2)
    others = [records[0] for records in by_source.values() if records is not two]
    a, b, c, d = two[0], two[1], others[0], others[1]

    letter_id = new_letter(page, server, "Joint letter on the cited incidents (test)")
    page.get_by_label("Organisation").fill("Invented Rights Watch (test)")
    page.get_by_label("Address (one line each)").fill("1 Test Street\nTestville")
    page.get_by_label("Date").fill("2026-11-20")
    page.locator("#l-recipients").fill(
        "First Minister (invented)\nMinister of Foreign Affairs\n\nSecond Minister (invented)\nPresident"
    )
    page.get_by_label("Subject (shown as “Re: …”)").fill("Accountability")
    page.get_by_label("Salutation").fill("Dear Ministers,")
    page.locator("#l-body").fill(
        "We write on behalf of [[signatories]] to ask for accountability.\n\n"
        f"First claim.[[record:{a['id']}]] Second claim.[[record:{b['id']},{c['id']}]]\n\n"
        "Third claim. The end."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text(f"Letter {letter_id} saved.")

    # the fourth record is found and cited from the page, after the third claim
    page.get_by_label("Find records").fill(rare_word(d, everything))
    page.get_by_role("button", name="Find").click()
    page.locator(f"input[name=records][value='{d['id']}']").check()
    page.get_by_label("Put the citation after this text").fill("Third claim.")
    page.get_by_role("button", name="Cite the chosen records").click()
    expect(page.get_by_role("status")).to_contain_text("Cited 1 record.")
    expect(page.locator("#l-body")).to_contain_text(f"Third claim.[[record:{d['id']}]] The end.")

    page.get_by_role("button", name="Open for signatures").click()
    link = page.locator("#sign-link").inner_text()

    signer = browser.new_context().new_page()  # no account, no cookies
    for row in ORGANISATIONS:
        sign_as_organisation(signer, link, row)
        expect(signer.get_by_role("heading", name="Almost done")).to_be_visible()
    for person in INDIVIDUALS:
        sign_as_individual(signer, link, person)
        expect(signer.get_by_role("heading", name="Almost done")).to_be_visible()
    shot(signer, "sign-on-thanks")
    inbox = mails(server["outbox"])
    assert len(inbox) == 7
    for message in inbox.values():
        assert (
            message["Subject"]
            == "Confirm your signature: Joint letter on the cited incidents (test)"
        )
        signer.goto(confirm_link(message))
        expect(signer.get_by_role("heading", name="Confirmed")).to_be_visible()

    page.goto(f"{server['url']}/letters/{letter_id}/signatures")
    expect(page.locator("#phrase")).to_have_text("no signatories yet")
    duplicate = page.locator("tr", has_text="office@lights-watch.example")
    expect(duplicate.locator(".looks-like")).to_contain_text(ORGANISATIONS[0][0])
    for name, *_ in ORGANISATIONS[1:4] + INDIVIDUALS:
        expect(page.locator("tr", has_text=name).locator(".looks-like")).to_have_text("")
    for name, *_ in ORGANISATIONS[:4] + INDIVIDUALS:
        page.get_by_role("button", name=f"Approve {name}", exact=True).click()
        expect(page.get_by_role("status").first).to_contain_text(f"{name}: approved.")
    page.get_by_role("button", name=f"Remove {ORGANISATIONS[4][0]}", exact=True).click()
    expect(page.locator("#phrase")).to_have_text(PHRASE)
    shot(page, "letter-signatures")

    page.goto(f"{server['url']}/letters/{letter_id}")
    preview = page.locator(".paper")
    expect(preview).to_contain_text(f"We write on behalf of {PHRASE} to ask for accountability.")
    notes = preview.locator(".notes li")
    expect(notes).to_have_count(3)
    expect(notes.nth(0)).to_contain_text(a["source_title"])
    expect(notes.nth(1)).to_contain_text(b["source_title"])
    expect(notes.nth(1)).to_contain_text(c["source_title"])
    expect(notes.nth(2)).to_contain_text(d["source_title"])
    block = preview.locator(".signatories li")
    expect(block).to_have_count(6)
    expect(block.nth(0)).to_have_text(ORGANISATIONS[0][0])  # organisations sorted, then people
    expect(block.nth(4)).to_contain_text("Marie Dupont (invented)Lawyer")
    expect(block.nth(5)).to_contain_text("Researcher, Example University")
    shot(page, "letter")

    with page.expect_download() as download:
        page.get_by_role("link", name="Word").click()
    word = tmp_path / "letter.docx"
    download.value.save_as(word)
    paragraphs = [p.text for p in Document(io.BytesIO(word.read_bytes())).paragraphs]
    assert paragraphs[0] == "Invented Rights Watch (test)"
    assert f"We write on behalf of {PHRASE} to ask for accountability." in paragraphs
    for index in range(3):
        assert f"{index + 1}. {notes.nth(index).inner_text()}" in paragraphs
    assert "Marie Dupont (invented)\nLawyer" in paragraphs

    page.goto(f"{server['url']}/letters/{letter_id}/letter.html")
    expect(page.locator("h1")).to_have_text("Joint letter on the cited incidents (test)")
    LETTERS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(LETTERS / "letter.pdf"), format="A4")
    assert (LETTERS / "letter.pdf").read_bytes().startswith(b"%PDF")


def test_the_sign_on_form_refuses_bad_fields_and_closed_letters(
    browser: Browser,
    page: Page,
    server: dict[str, Any],
) -> None:
    letter_id = new_letter(page, server, "Letter for bad signatures (test)")
    page.get_by_role("button", name="Open for signatures").click()
    link = page.locator("#sign-link").inner_text()
    signer = browser.new_context().new_page()

    row = ("Test Org (invented)", "Atlantis", "t@org.example", "T", "Chair", "1000000000")
    sign_as_organisation(signer, link, row)
    alert = signer.get_by_role("alert")
    expect(alert).to_contain_text("“Atlantis” is not a country Kirok knows")
    expect(alert).to_contain_text("must be between 1 and 100,000, got 1,000,000,000")
    expect(signer.get_by_label("Organisation", exact=True)).to_have_value("Test Org (invented)")

    token = signer.locator("input[name=csrf_token]").first.get_attribute("value")
    base = {
        "csrf_token": token or "",
        "kind": "organisation",
        "country": "JP",
        "email": "t@org.example",
    }
    base |= {"signer": "T", "title": "Chair"}
    nameless = signer.request.post(link, form=base)
    assert nameless.status == 422 and "Organisation is required." in nameless.text()
    huge = signer.request.post(link, form={**base, "name": "x" * 1_000_000})
    assert huge.status == 422
    assert "Organisation is too long: 1,000,000 characters, at most 300." in huge.text()
    assert len(huge.text()) < 100_000  # the page does not echo the megabyte back

    listing = ok(kirok("letter", "signatories", str(letter_id), "--db", server["db"])).stdout
    assert "Test Org" not in listing and "Signed by no signatories yet." in listing

    page.get_by_role("button", name="Close sign-on").click()
    closed = signer.goto(link)
    assert closed is not None and closed.status == 410
    expect(signer.get_by_role("status")).to_contain_text(
        "Signatures for “Letter for bad signatures (test)” are closed."
    )
    shot(signer, "sign-on-closed")
    missing = signer.goto(f"{server['url']}/sign/not-a-real-link")
    assert missing is not None and missing.status == 404


def test_a_viewer_reads_letters_but_cannot_change_them(
    page: Page,
    server: dict[str, Any],
) -> None:
    letter_id = new_letter(page, server, "Letter a viewer reads (test)")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, server, "vic", f"/letters/{letter_id}")
    expect(
        page.get_by_role("heading", name=re.compile(r"^Letter \d+: Letter a viewer reads"))
    ).to_be_visible()
    expect(page.get_by_role("button", name="Save")).to_have_count(0)
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    response = page.request.post(
        f"{server['url']}/letters/{letter_id}",
        form={"csrf_token": token or "", "version": "1", "title": "Changed by a viewer"},
    )
    assert response.status == 403
    page.reload()
    expect(
        page.get_by_role("heading", name=re.compile(r"^Letter \d+: Letter a viewer reads"))
    ).to_be_visible()


def test_a_briefing_is_drafted_from_the_records_filter(
    page: Page,
    server: dict[str, Any],
) -> None:
    sign_in(page, server, "ana", "/records?violation=movement")
    total = int(page.locator("#total").inner_text())
    page.get_by_role("button", name="Draft a briefing from these records").click()
    expect(page.get_by_role("status")).to_contain_text("drafted from your filter")
    expect(page.locator("main > h1")).to_contain_text("Briefing")
    preview = page.locator(".paper")
    expect(preview.locator("figure.chart svg")).to_have_count(2)
    expect(preview.locator(".letter-body ul li")).to_have_count(total)
    expect(preview.locator(".notes li")).to_have_count(total)
    shot(page, "briefing")
    page.goto(page.url + "/letter.html")
    LETTERS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(LETTERS / "briefing.pdf"), format="A4")
    assert (LETTERS / "briefing.pdf").stat().st_size > 10_000


def add_position(page: Page, state: str, matter: str, year: str, value: str) -> None:
    form = page.get_by_role("form", name="Add an entry")
    form.get_by_label("State").fill(state)
    form.get_by_label("Matter").fill(matter)
    form.get_by_label("Year").fill(year)
    form.get_by_label("What it did (yes, no, a short phrase)").fill(value)
    form.get_by_label("Source: title").fill("Voting record (test)")
    form.get_by_role("button", name="Add").click()


def test_positions_show_as_a_grid(page: Page, server: dict[str, Any]) -> None:
    sign_in(page, server, "ana", "/positions")
    matter = "Voted for the test resolution (invented)"
    for state, year, value in (("Japan", "2021", "yes"), ("Mongolia", "2023", "no")):
        add_position(page, state, matter, year, value)
        expect(page.get_by_role("status")).to_contain_text(f"Added {state}, {year}")
    grid = page.get_by_role("table", name=matter)
    expect(grid.locator("thead th")).to_have_text(["State", "2021", "2022", "2023"])
    expect(grid.locator("tr", has_text="Japan").locator("td").nth(0)).to_contain_text("yes")
    expect(grid.locator("tr", has_text="Mongolia").locator("td").nth(2)).to_contain_text("no")
    add_position(page, "Japan", matter, "3021", "yes")
    expect(page.get_by_role("alert")).to_contain_text("year: '3021' is not a year")
    add_position(page, "Japan", matter, "2021", "no")
    expect(page.get_by_role("alert")).to_contain_text("Japan already has an entry for 2021")
    shot(page, "positions")
