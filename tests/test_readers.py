"""Reading sources: round trips through real files, with Hypothesis."""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import kirok
from kirok.sources import Document, read_document
from kirok.sources.metadata import find_published


def read_text_file(folder: Path, name: str, text: str) -> Document:
    """The document Kirok reads from a UTF-8 text file of ``text``."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


text_bodies = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
    min_size=1,
    max_size=300,
).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(text_bodies)
def test_utf8_text_reads_back_unchanged(body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "note.txt"
        path.write_bytes(body.encode("utf-8"))
        document = read_document(path)
        assert document.text == body
        assert document.sha256 == hashlib.sha256(body.encode("utf-8")).hexdigest()


def test_korean_text_is_read(tmp_path: Path) -> None:
    body = "2021년 3월, 혜산에서 국경경비대가 두 여성을 사살했다. (예시 문장)"
    path = tmp_path / "korean.txt"
    path.write_text(body, encoding="utf-8")
    assert read_document(path).text == body


def test_the_earliest_header_date_is_the_document_date() -> None:
    text = (
        "Home > Releases\n\nDate : March 4, 2022\nOpen letter\n\nMarch 3, 2022\n\nDear Minister,\n"
    )
    assert find_published(text) == "2022-03-03"
    assert find_published("SEOUL, June 5, 2019 -- Police said ...") == "2019-06-05"
    assert find_published("No date here.\nJust text.") is None


def test_a_dateline_with_the_date_in_brackets() -> None:
    assert find_published("GENEVA (19 October 2023) – UN experts said ...") == "2023-10-19"


def test_a_date_the_header_gives_as_when_it_was_written() -> None:
    assert find_published("# Case\n\n*Case note, dated August 6, 2009.*\n\nText.") == "2009-08-06"
    assert find_published("Explainer\n\n*Updated: March 3, 2022*\n\nText.") == "2022-03-03"
    notes = "Interview notes (names changed)\nInterviewed 12 May 2021 in Seoul\n\nShe said ..."
    assert find_published(notes) == "2021-05-12"
    # past the first paragraph, a report "released on" a date is what the text tells
    body = (
        "Weekly summary of what our researchers heard from contacts inside the country, "
        "written for members and partners, with the names of all our sources and of the "
        "places they live kept out of it for their safety.\n\n"
        "The report was released on March 3, 2022."
    )
    assert find_published(body) is None


def test_a_date_that_ends_a_header_line() -> None:
    assert find_published("Press release -- 7 July 2022\n\nText.") == "2022-07-07"
    assert find_published("Briefing: new laws (2 February 2023)\n\nText.") == "2023-02-02"
    assert find_published("Report on camps, 2014\n\nText.") is None  # a year is not a day
    # (after a stop, past a comma of the line's words that is no date's)
    byline = "Notes\nResearch desk, Media Watch (an invented group, for tests). 3 July 2024.\n"
    assert find_published(byline + "\nText.") == "2024-07-03"
    # (a date that ends the line's first sentence, before another)
    prepared = (
        "Notes\nPrepared by the desk of Media Watch (invented), 3 June 2019. For members only.\n"
    )
    assert find_published(prepared + "\nText.") == "2019-06-03"


def test_a_recording_dated_after_where_it_was_made() -> None:
    header = "Interview\nOral history (invented). Recorded in Seoul, 3 September 2019; edited.\n"
    assert find_published(header + "\nText.") == "2019-09-03"


def test_a_dating_sentence_in_a_paragraph_above_the_text() -> None:
    note = (
        "Testimony 12 (invented)\n\nArchive of the Documentation Circle (an invented archive). "
        "Transcribed 5 October 2021. The witness, a woman in her fifties identified only as "
        "Witness C, and her cellmate are invented for these tests.\n\nI was sent to a camp.\n"
    )
    assert find_published(note) == "2021-10-05"


def test_a_sentence_that_opens_with_a_time_is_no_dateline() -> None:
    text = (
        "# The landings\n\n*Education team (invented). Published 9 December 2023.*\n\n"
        "Fifty-five years ago today, on 9 December 1968, a group of soldiers reached a "
        "farmhouse in the hills and stayed there until the next morning, when they left.\n"
    )
    assert find_published(text) == "2023-12-09"
    # (a short line that opens with a name and a comma before the date still dates it)
    assert find_published("Border briefing, 1 December 2020 (invented)\n\nText.") == "2020-12-01"


def test_a_datelines_month_and_day_take_the_year_of_the_files_name(tmp_path: Path) -> None:
    body = "SEOUL, Aug. 31 (Test Wire) -- North Korea said on Wednesday that ...\n"
    dated = tmp_path / "2016-08-31-wire.txt"
    dated.write_text(body, encoding="utf-8")
    document = read_document(dated)
    assert (document.published, document.published_from) == ("2016-08-31", "name")
    # (a name whose day is not the dateline's, or no date in the name: no date)
    other = tmp_path / "2016-09-02-wire.txt"
    other.write_text(body, encoding="utf-8")
    assert read_document(other).published is None
    plain = tmp_path / "wire.txt"
    plain.write_text(body, encoding="utf-8")
    assert read_document(plain).published is None


def test_a_month_in_the_header_anchors_relative_dates_but_is_not_the_date(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.txt"
    path.write_text(
        "Monthly incident log, March 2022 (invented)\n\n"
        "1. On 3 March, police arrested a woman in Hyesan.\n"
        "2. Around mid-March, guards shot dead two traders in Musan.\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.published is None and document.period == "2022-03"
    result = kirok("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["published"] is None
    assert [r["date"] for r in row["records"]] == ["2022-03-03", "2022-03"]
    dated = tmp_path / "dated.txt"
    dated.write_text("Update, March 2022\nDate: 4 April 2022\n\nText.\n", encoding="utf-8")
    assert read_document(dated).period is None  # a day given: that is the date


def test_a_header_that_says_when_it_was_compiled() -> None:
    assert find_published("Field notes compiled on 14 November 2022\n\nText.") == "2022-11-14"


def test_a_saved_emails_header_gives_its_date_and_subject(tmp_path: Path) -> None:
    document = read_text_file(
        tmp_path,
        "message.txt",
        "From: A researcher <one@example.org>\nTo: The desk <desk@example.org>\n"
        "Subject: Interview notes from Musan\nDate: Tue, 3 Sep 2024 22:40:00 -0400\n\n"
        "In August her brother was arrested.\n",
    )
    # the sender's own day, not converted to another zone's
    assert document.published == "2024-09-03"
    assert document.title == "Interview notes from Musan"
    assert find_published("Date: not yet\n\nText.") is None


def test_a_transcripts_broadcast_date_is_its_date() -> None:
    text = "Voices, episode 3 (transcript)\n\nBroadcast March 2, 2021.\n\nHOST: Welcome back."
    assert find_published(text) == "2021-03-02"


def test_a_press_release_with_a_state_in_its_dateline(tmp_path: Path) -> None:
    document = read_text_file(
        tmp_path,
        "release.txt",
        "FOR IMMEDIATE RELEASE\n\nA network welcomes a traveller home\n\n"
        "Springfield, Ohio, March 4, 2015\n\nThe network today welcomed ...\n",
    )
    assert document.published == "2015-03-04"
    assert document.title == "A network welcomes a traveller home"
    assert find_published("Paris, France, 9 May 2016\n\nText.") == "2016-05-09"
    assert find_published("Geneva, Talks resume\n\nText.") is None


def test_minutes_dated_by_when_the_meeting_was_held() -> None:
    text = "# Minutes\n\n**A circle of friends**\nHeld 3 March 2019, 7:00 pm, in the hall\n\nText."
    assert find_published(text) == "2019-03-03"


def test_a_letters_re_line_is_its_title_and_a_headless_text_has_none(tmp_path: Path) -> None:
    letter = read_text_file(
        tmp_path,
        "letter.txt",
        "To: The Ambassador\n\nDate: 3 May 2024\n\nRe: A family held in Yanji\n\n"
        "Your Excellency,\n\nWe write about a family of three held in Yanji since April.\n",
    )
    assert letter.title == "A family held in Yanji"
    document = read_text_file(
        tmp_path,
        "wire.txt",
        "SEOUL, March 3 (Wire) - North Korea said on Monday it had released a 70-year-old "
        "traveller who was arrested last month for handing out leaflets at a temple.\n\n"
        "Friends said he knew the risks. His family thanked the envoys.\n",
    )
    assert document.title is None  # not a sentence from the story's middle
    assert document.published is None  # a dateline with no year gives no date


def test_a_date_in_korean_beside_the_same_in_english() -> None:
    assert find_published("# 성명 / Statement\n\n2023년 10월 12일 / 12 October 2023\n\nText.") == (
        "2023-10-12"
    )
    assert find_published("2024년 3월 5일\n\n본문.") == "2024-03-05"
    # two different dates on the line: neither is sure
    assert find_published("2023년 10월 12일 / 13 October 2023\n\nText.") is None


def test_a_timelines_entries_are_not_the_documents_date() -> None:
    text = (
        "A timeline\n\nPosted 1 June 2013. What we know so far about the group, which we "
        "will keep up to date as we learn more from the families and from officials.\n\n"
        "- 10 May 2013\n\n- Police stop the group near the border.\n"
    )
    assert find_published(text) == "2013-06-01"


def test_a_hard_wrapped_paragraph_ends_the_header() -> None:
    text = (
        "# Fact check\n\n*Published 15 June 2011*\n\n"
        "**The claim.** In a debate last week, a speaker said that the government had\n"
        "never once refused food from anyone.\n\n"
        "## Sources\n\n1. A briefing, 17 March 2009.\n"
    )
    assert find_published(text) == "2011-06-15"
    assert find_published(text.replace("*Published 15 June 2011*", "Fact check")) is None


def test_a_tables_dates_are_not_the_documents_date() -> None:
    text = (
        "Profile\n\nWritten 28 November 1996. The site and its authors are invented.\n\n"
        "| Held | August to November 1996 |\n\n| Released | 27 November 1996 |\n"
    )
    assert find_published(text) == "1996-11-28"


def test_a_header_line_that_opens_with_its_day() -> None:
    assert find_published("# Digest\n\n*30 July 2020. Written for members.*\n\nText.") == (
        "2020-07-30"
    )
    assert find_published("12 May 2021 -- Seoul\n\nText.") == "2021-05-12"
    # a sentence that opens with a day tells when something happened
    assert find_published("Title\n\n3 May 2020 police arrested him in Hyesan.\n\nText.") is None


def test_a_header_over_a_remark_and_a_statements_own_date() -> None:
    text = (
        'Chat export -- field contact "K", 15 September 2022\n'
        "(Invented for tests: the contact is made up.)\n\n[09:12] K: news\n"
    )
    assert find_published(text) == "2022-09-15"  # two header lines are no wrapped prose
    statement = (
        "STATEMENT\n\nI, A. B., living in Seoul, make this statement on 20 May 2019.\n\n1. Text."
    )
    assert find_published(statement) == "2019-05-20"


def test_a_written_answer_and_a_talks_notes_dated_by_when_they_were_given() -> None:
    answer = (
        "WRITTEN QUESTION\n\n(A long remark about the people in it, all of whom are invented "
        "for Kirok's tests, which runs on for more than a hundred and sixty characters in all.)"
        "\n\nQuestion no. 12, tabled 22 June 2015\nAnswered 2 July 2015\n\nText."
    )
    assert find_published(answer) == "2015-07-02"  # the answer's day, not the question's
    dated_by = {
        "# Speaker notes\n\n*Notes for a talk given on 9 October 2023 by a lecturer.*\n\nText.": (
            "2023-10-09"
        ),
        "# Speakers\n\n*Programme of 22 April 2024. The forum is invented.*\n\nText.": "2024-04-22",
        "TIP LINE RECORD\nReceived: 30 August 2024, 14:05\nChannel: phone\n\nText.": "2024-08-30",
        "A letter\nReceived by our office on 18 April 2023. Invented.\n\nTo my sister,": "2023-04-18",
        "EARLY DAY MOTION\nTabled 25 February 2021\n\nThat this House:": "2021-02-25",
        "VOICEMAIL\nReceived Saturday 11 November 2023, 21:47.\n\nText.": "2023-11-11",
        "# Remarks\n\n*Delivered 8 March 2021. The speaker is invented.*\n\nText.": "2021-03-08",
        "Quarterly report\n\nAn invented group. Sent 15 October 2024.\n\nText.": "2024-10-15",
        "NOTEBOOK\nTyped up 18 March 2024 from handwritten notes.\n\nText.": "2024-03-18",
        # a press release's embargo, after a remark long enough to end the header
        (
            "<!-- An invented organisation's release, written for Kirok's tests, with a remark"
            "\nthat runs on. -->\n\n# New report\n\n**EMBARGOED UNTIL 00:01 GMT, 4 November "
            "2025**\n\nText."
        ): "2025-11-04",
        "Embargoed until 10.00am BST Tuesday 3 June 2025\n\nText.": "2025-06-03",
        # a sitting's record: a title, then the day alone with its name
        "Westminster Hall: a debate\nTuesday 16 April 2019\n\n[Column 1]\n\nText.": "2019-04-16",
        "Minutes\n\nFriday, 3 March 2023\n\nText.": "2023-03-03",
        # after a remark long enough to end the header, a list's "Updated" line
        (
            "# A list\n\n*Kept by a group that is invented for Kirok's tests, with a remark that\n"
            "runs on.*\n\nUpdated 30 October 2022.\n\nText."
        ): "2022-10-30",
        # a reply's own date, not those of the message it quotes
        (
            "From: A <a@example.org>\nDate: Tue, 3 Sep 2024 10:14:22 +0900\n\nSee below.\n\n"
            "> Date: Mon, 2 Sep 2024 21:40:05 +0900\n>\n>> On Sun, 1 Sep 2024, B wrote:\n"
        ): "2024-09-03",
        (
            "From: A <a@example.org>\nDate: Tue, 17 Sep 2024 08:05:00 +0900\n\nConfirmed.\n\n"
            "On Tue, 10 Sep 2024 at 22:14, A <a@example.org> wrote:\n> Four were taken.\n"
        ): "2024-09-17",
    }
    for text, day in dated_by.items():
        assert find_published(text) == day, text


def test_a_word_files_table_stays_where_it_stands(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Case summary", level=1)
    document.add_paragraph("Key facts")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Arrested"
    table.rows[0].cells[1].text = "March 2018, Onsong"
    document.add_paragraph("Account")
    document.add_paragraph("Agents arrested her at home.")
    document.save(str(tmp_path / "case.docx"))
    text = read_document(tmp_path / "case.docx").text
    assert text.split("\n\n") == [
        "Case summary",
        "Key facts",
        "Arrested | March 2018, Onsong",
        "Account",
        "Agents arrested her at home.",
    ]


def test_an_email_message_is_read_from_its_mime_parts(tmp_path: Path) -> None:
    # a message whose only body is HTML, base64-encoded, in Latin-1, with its
    # headers in RFC 2047 encoded words: the text a reader would see
    path = tmp_path / "report.eml"
    path.write_bytes(
        b"From: =?utf-8?q?Researcher_=28invented=29?= <r@example.org>\r\n"
        b"To: desk@example.org\r\n"
        b"Subject: =?iso-8859-1?q?Caf=E9_owners_arrested?=\r\n"
        b"Date: Mon, 16 Sep 2024 23:50:00 -0400\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: text/html; charset="iso-8859-1"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(
            "<html><body><p>Police arrested the caf\xe9's two owners in Hyesan.</p></body></html>".encode(
                "latin-1"
            )
        )
    )
    document = read_document(path)
    assert document.format == "email"
    assert document.title == "Café owners arrested"
    assert document.published == "2024-09-16"  # the sender's day, not UTC's
    assert document.text.startswith(
        "From: Researcher (invented) <r@example.org>\nTo: desk@example.org\n"
    )
    assert document.text.endswith("\n\nPolice arrested the café's two owners in Hyesan.\n")
    assert "PGh0bWw" not in document.text and "<p>" not in document.text


def test_an_email_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    only_attached = tmp_path / "attached.eml"
    only_attached.write_bytes(
        b"From: r@example.org\nSubject: the report\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="z"\n\n--z\n'
        b"Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--z--\n"
    )
    unknown_charset = tmp_path / "charset.eml"
    unknown_charset.write_bytes(
        b'From: r@example.org\nSubject: x\nContent-Type: text/plain; charset="x-none-such"\n\nHi.\n'
    )
    result = kirok("extract", str(only_attached), str(unknown_charset), "--format", "jsonl")
    assert result.returncode == 1
    assert (
        f"{only_attached}: empty: no text to extract (the message has no text of its own, only attachments"
        in result.stderr
    )
    assert (
        f"{unknown_charset}: corrupt or unreadable (its text is in an unknown character set, 'x-none-such')"
        in result.stderr
    )


def test_an_emails_date_header_is_its_date_whatever_its_text_quotes(tmp_path: Path) -> None:
    path = tmp_path / "forward.eml"
    path.write_bytes(
        b"From: desk@example.org\nSubject: Fwd: the 2019 statement\n"
        b"Date: Wed, 4 Dec 2024 10:00:00 +0000\n\n"
        b"Statement\nDate: 2 March 2019\n\nIn February police arrested two men.\n"
    )
    document = read_document(path)
    assert (document.published, document.published_from) == ("2024-12-04", "metadata")
    given = read_document(path, published="2019-03-02")
    assert (given.published, given.published_from) == ("2019-03-02", "given")


def test_an_emails_header_written_in_utf8_without_encoding(tmp_path: Path) -> None:
    path = tmp_path / "raw.eml"
    path.write_bytes(
        "From: a@example.org\nSubject: Café owners arrested\n"
        "Date: Mon, 16 Sep 2024 10:00:00 +0900\n\nPolice arrested two women.\n".encode()
    )
    document = read_document(path)
    assert document.title == "Café owners arrested"
    document.text.encode("utf-8")  # (no lone surrogates: it can be stored)


def test_a_page_of_several_articles_keeps_every_one() -> None:
    # trafilatura reads a page's first <article> as its main text; on this page
    # of three (the test corpus's own, invented) it dropped the middle one
    page = (
        Path(__file__).parent
        / "corpus"
        / "documents"
        / "2024-03-15-case-updates-week-invented.html"
    )
    text = read_document(page).text
    for opening in ("Our contact in Musan", "A border guard shot dead", "Kang Chol-min (invented)"):
        assert opening in text
    assert "Sign up for updates" not in text and "Donate" not in text


def test_a_digests_period_of_days_dates_it_to_their_end() -> None:
    assert find_published("WATCH\nIssue 22, covering 26 May to 1 June 2014\n\nText.") == (
        "2014-06-01"
    )
    assert find_published("Weekly notes\nWeek of 1-7 March 2024\n\nText.") == "2024-03-07"
    assert find_published("Notes\nPeriod: May 26 through June 1, 2014\n\nText.") == "2014-06-01"
    assert find_published("Notes\nBorn in Hyesan and raised in 2014\n\nText.") is None


def test_a_digest_of_the_week_ending_on_a_day_is_dated_that_day() -> None:
    assert find_published("Weekly media digest, week ending 26 November 2021\n\nText.") == (
        "2021-11-26"
    )
    assert find_published("Border notes: fortnight to 3 May 2019\n\nText.") == "2019-05-03"
    # (a week that is not a period the line's day closes)
    assert find_published("Notes\nA week in Hyesan ending in arrest\n\nText.") is None


def test_a_note_in_brackets_under_a_title_does_not_hide_the_date_line() -> None:
    text = (
        "Transcript: interview with a former border soldier\n"
        "(an invented interviewee, called Mr. Seo here)\n"
        "Recorded 5 March 2019 in Seoul.\n\nQ: When did you serve?\n"
    )
    assert find_published(text) == "2019-03-05"


def test_a_line_saying_to_whom_a_text_went_or_when_an_evaluation_was_made_dates_it() -> None:
    sent = "# Prayer update\n\n*Sent to members of the Lamp network (invented) on 1 June 2011.*\n\nText."
    assert find_published(sent) == "2011-06-01"
    # (the second label on the line gives the day, the first none)
    evaluated = (
        "Medico-legal evaluation\nPrepared for the clinic network. Evaluation carried out "
        "in Seoul on 14 September 2019.\n\nText."
    )
    assert find_published(evaluated) == "2019-09-14"
    # (someone sent to a camp on a day: an event, not the text's date)
    assert find_published("Notes\nSent to the camp on 3 May 2019 with his brother\n\nText.") is None


def test_a_revised_script_and_an_interview_note_wrapped_over_lines_are_dated() -> None:
    revised = "Audio guide script\nA museum (invented). Script revised 10 March 2024.\n\nStop 5."
    assert find_published(revised) == "2024-03-10"
    wrapped = (
        "Interview: a former worker\n"
        "Interviewed in Seoul on 30 September 2024. The interviewee, Mr. Rim, is an\n"
        "invented person.\n\nQ: When did you go?\n"
    )
    assert find_published(wrapped) == "2024-09-30"


def test_a_translation_note_and_a_last_update_inside_a_wrapped_header_date_a_text() -> None:
    translated = (
        "Application: English translation\n"
        "Translated for the families desk (an invented office) on 20 November 2023.\n\nText."
    )
    assert find_published(translated) == "2023-11-20"
    updated = (
        "# Case timeline\n\n*Casework desk (an invented group). The people are invented\n"
        "for this sample. Last updated 18 April 2022.*\n\n- **2019.** Text.\n"
    )
    assert find_published(updated) == "2022-04-18"


def test_a_plaque_unveiled_on_a_day_is_dated_that_day() -> None:
    text = "Text of the memorial plaque, unveiled 29 November 2017\n(Prepared by a committee.)\n\nIN MEMORY\n"
    assert find_published(text) == "2017-11-29"


def test_a_pages_footer_saying_when_it_was_last_edited_dates_it(tmp_path: Path) -> None:
    # (an invented wiki page: the infobox gives the day of the seizure it is about)
    page = tmp_path / "wiki.html"
    page.write_text(
        "<html><head><title>Seizure of a boat</title></head><body><main><article>"
        "<h1>Seizure of a boat</h1>"
        "<table class='infobox'><tr><th>Date</th><td>14 August 1999</td></tr>"
        "<tr><th>Crew</th><td>8</td></tr></table>"
        "<p>The crew of an invented squid boat were taken north when patrol boats "
        "surrounded it.</p>"
        "<p>This page was last edited on 11 February 2021, at 10:15.</p>"
        "</article></main><footer>Privacy | About</footer></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    assert (document.published, document.published_from) == ("2021-02-11", "text")
    # (a header's own date still comes first)
    headed = tmp_path / "headed.txt"
    headed.write_text(
        "Date: 3 March 2020\n\nText of the note.\n\nLast updated 9 May 2021.\n", encoding="utf-8"
    )
    assert read_document(headed).published == "2020-03-03"


def test_an_export_line_a_label_with_a_bracketed_note_and_a_tables_rows_date_a_text() -> None:
    exported = "Incident sheet export (CSV), an invented group.\nExported 20 May 2024 by the data desk.\n\nid,date\n"
    assert find_published(exported) == "2024-05-20"
    # (a Word table's rows, each with a sentence in a cell, are entries, not the date)
    table = (
        "Shootings: a working table\n\n"
        "Prepared by the desk of the Riverside Project (an invented group; the people are "
        "invented) on 4 February 2016.\n\n"
        "Date | Event | Note\n\n"
        "12 January 2015 | Border guards shot dead a man near Musan. | Two sources\n"
    )
    assert find_published(table) == "2016-02-04"
    rows_only = "Shootings\n\n12 January 2015 | Border guards shot dead a man near Musan. | One\n"
    assert find_published(rows_only) is None


def test_a_translation_line_after_a_long_note_dates_a_text() -> None:
    text = (
        "UNOFFICIAL TRANSLATION\n\n"
        "The document below is an invented court verdict, written for software tests in the "
        "style of such documents. The court's names are real; the accused and the case are "
        "not.\n\n"
        "Translated for our archive on 30 August 2019.\n\nJUDGMENT\n"
    )
    assert find_published(text) == "2019-08-30"


def test_a_circulated_line_dates_a_text_and_comments_under_a_post_are_left_out(
    tmp_path: Path,
) -> None:
    circulated = (
        "# Working paper 7\n\n*An invented working paper; the cases are invented. Circulated "
        "10 October 2021.*\n\n## Method\n"
    )
    assert find_published(circulated) == "2021-10-10"
    page = tmp_path / "post.html"
    page.write_text(
        "<html><head><title>Why we count</title></head><body><article><h1>Why we count</h1>"
        "<p>Behind each figure there is a family, and counting is how the record is kept "
        "for the years to come.</p></article>"
        "<section id='comments' class='comments'><h2>1 comment</h2><div class='comment'>"
        "<p>My cousin was arrested in Musan in 2019 and we still have no news.</p></div>"
        "</section></body></html>",
        encoding="utf-8",
    )
    assert "cousin" not in read_document(page).text


def test_a_photo_essays_captions_are_its_text_and_a_submitted_line_dates_a_report(
    tmp_path: Path,
) -> None:
    page = tmp_path / "essay.html"
    page.write_text(
        "<html><head><title>The far bank</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>The far bank</h1><p>For two summers I photographed the town across the "
        "river from the Chinese side, and these pictures show how it changed.</p>"
        "<figure><img src='a.jpg' alt='A fence along a river'><figcaption>A new fence runs "
        "along the bank. Traders say guards were ordered in 2020 to shoot anyone who came "
        "near the water.</figcaption></figure>"
        "<figure><img src='b.jpg' alt='A tower'><figcaption>A watchtower east of the "
        "town.</figcaption></figure></article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    text = read_document(page).text
    assert "Traders say guards were ordered in 2020 to shoot anyone" in text
    assert "A watchtower east of the town." in text
    assert "A fence along a river" not in text  # (an image's description is not the text)
    assert "Copyright" not in text and "Home" not in text
    report = (
        "Quarterly report to a donor\n\n"
        "An invented project (an invented organisation; the cases below are invented and no "
        "real person is described). Submitted on 15 October 2024 under grant LT-2023-117.\n\n"
        "1. Summary\n"
    )
    assert find_published(report) == "2024-10-15"


def test_a_word_files_running_head_dates_it(tmp_path: Path) -> None:
    import docx

    memo = docx.Document()
    memo.sections[0].header.paragraphs[0].text = "Internal: not for circulation. 3 March 2022"
    memo.add_heading("MEMORANDUM", 0)
    memo.add_paragraph("To: the advocacy team")
    memo.add_paragraph("Two accounts were given to us in January.")
    path = tmp_path / "memo.docx"
    memo.save(str(path))
    document = read_document(path)
    assert document.text.startswith("Internal: not for circulation. 3 March 2022\n\nMEMORANDUM")
    assert (document.published, document.title) == ("2022-03-03", "MEMORANDUM")


def test_an_email_with_only_an_html_body_keeps_its_lists(tmp_path: Path) -> None:
    path = tmp_path / "note.eml"
    path.write_text(
        "From: Desk <desk@example.org>\nSubject: Arrests at the market\n"
        "Date: Wed, 14 Aug 2024 08:40:00 +0900\nMIME-Version: 1.0\n"
        'Content-Type: text/html; charset="utf-8"\n\n'
        "<html><body><p>Dear members,</p><p>Police arrested four women at the market in "
        "Hyesan on Monday, 12 August, for selling clothes made in China.</p><ul>"
        "<li>Two of them were released the next day.</li>"
        "<li>Please do not forward this note.</li></ul><p>The desk</p></body></html>\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert "Police arrested four women at the market in Hyesan" in document.text
    assert "Two of them were released the next day." in document.text
    assert document.published == "2024-08-14"


def test_a_date_a_pdfs_line_broke_and_a_long_paragraph_saying_when_it_was_made() -> None:
    testimony = (
        "Written testimony on the border\n"
        "Submitted to a parliamentary hearing by Dr. Hanna Oh (an invented witness) on 28 April\n"
        "2021.\n"
        "Chair, members of the committee, thank you.\n"
    )
    assert find_published(testimony) == "2021-04-28"
    matrix = (
        "Universal periodic review: recommendations\n\n"
        "A working matrix prepared by the Lantern Coalition (an invented coalition) for its "
        "members, 12 December 2019. The recommendations below are paraphrased and the "
        "recommending states are left out; the matrix is invented for tests.\n\n"
        "No. | Recommendation | Position\n"
    )
    assert find_published(matrix) == "2019-12-12"
    # (a long first paragraph whose first sentence is no note of when it was made)
    story = (
        "Border notes\n\n"
        "A woman who crossed the river with her two children in the spring, 12 December "
        "2019. The rest of this paragraph is long enough to be prose and goes on for a while "
        "about the crossing and what followed.\n"
    )
    assert find_published(story) is None


def test_a_word_files_text_boxes_and_html_written_into_markdown(tmp_path: Path) -> None:
    import docx
    from lxml import etree

    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    vml = "urn:schemas-microsoft-com:vml"
    flyer = docx.Document()
    box = etree.fromstring(
        f'<w:r xmlns:w="{main}" xmlns:v="{vml}"><w:pict><v:shape><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>VIGIL FOR AN INVENTED MINER</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>He was taken from his home in Chongjin on 3 March 2025.</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    flyer.add_paragraph()._p.append(box)
    path = tmp_path / "flyer.docx"
    flyer.save(str(path))
    text = read_document(path).text
    assert text == (
        "VIGIL FOR AN INVENTED MINER\n\nHe was taken from his home in Chongjin on 3 March 2025."
    )
    notes = tmp_path / "notes.md"
    notes.write_text(
        "# Case notes\n\n*Invented. Last edited 30 November 2024.*\n\n<details>\n"
        "<summary><b>Case 7</b></summary>\n\nHe was detained in October 2024.<br>\n"
        "He was beaten.<br/>\n</details>\n",
        encoding="utf-8",
    )
    document = read_document(notes)
    assert "<" not in document.text
    assert "He was detained in October 2024.\nHe was beaten.\n" in document.text
    assert document.published == "2024-11-30"


def test_a_script_in_capitals_is_dated_by_its_header() -> None:
    script = "NEWS SCRIPT -- EVENING BULLETIN -- 14 FEBRUARY 2023\n\nANCHOR: GOOD EVENING.\n"
    assert find_published(script) == "2023-02-14"
