"""Build Kirok's sample corpus (src/kirok/samples) from scripts/samples_src.

Plain text, Markdown and HTML samples are copied as written; the PDF and DOCX
samples are generated here from the texts below (fpdf2 and python-docx), so the
binary files can always be rebuilt from readable sources. Then the gold
records in samples_src/gold_source.jsonl, which give each record's evidence as
text, get their character offsets from the text Kirok reads out of each file.

Every sample is written by the Kirok developers. People in testimony samples
are invented and marked as such.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
SOURCE = HERE / "samples_src"
TARGET = HERE.parent / "src" / "kirok" / "samples" / "documents"
GOLD = HERE.parent / "src" / "kirok" / "samples" / "gold.jsonl"

PDFS = {
    "2019-testimony-summary-invented.pdf": (
        "Testimony summary T-0412 (invented example)",
        [
            "Date: 14 October 2020",
            "This summary is an invented example for Kirok's sample corpus. The witness, 'Ms. A', "
            "and every person named in it are fictional; the places and practices follow patterns "
            "that many real testimonies describe.",
            "Ms. A, a 34-year-old woman from Hoeryong, crossed into China in 2017 and worked on a "
            "farm near Yanji. In March 2019, Chinese police arrested Ms. A at the farm and held her "
            "for three weeks in a detention centre in Tumen City.",
            "In April 2019, Chinese police forcibly repatriated Ms. A and about 20 other women "
            "across the bridge at Tumen.",
            "State security officers interrogated Ms. A for a month at a holding centre in Onsong. "
            "She said interrogators beat her with sticks and made her kneel for hours each day.",
            "In June 2019, a court sentenced Ms. A to three years in Kyohwaso No. 12 at Jongori, "
            "where she was forced to work in a copper mine from dawn until night.",
            "Ms. A was released in 2021 and later escaped again.",
        ],
    ),
    "2021-methodology-note.pdf": (
        "How we document: a methodology note",
        [
            "Published: 2 February 2021",
            "This note explains how our documentation team records and verifies information. It is "
            "written for partner organisations and contains no case information.",
            "Every interview is carried out with the informed consent of the interviewee, in a "
            "language they choose, and can be stopped at any time.",
            "We classify each reported event under the categories used by the UN Commission of "
            "Inquiry, such as arbitrary detention, torture and executions, and we keep the original "
            "notes apart from the coded records.",
            "Two researchers check every coded record against the source before it enters the "
            "database, and names are replaced by codes in every shared copy.",
            "Partners who want to exchange data with us can write to the team at the address on "
            "our website.",
        ],
    ),
}

DOCX = {
    "2023-11-open-letter-repatriation.docx": (
        "Open letter to the UN Secretary-General on forced returns",
        [
            "November 6, 2023",
            "To the Secretary-General of the United Nations",
            "Dear Secretary-General,",
            "We write as a coalition of organisations that document human rights violations in "
            "North Korea and among North Koreans abroad.",
            "On the night of October 9, Chinese authorities forcibly returned some 500 North "
            "Koreans who had been held in detention centres in Jilin and Liaoning.",
            "Most of them were women. Many had lived in China for years, and some have children "
            "there who are now without a parent.",
            "Since January 2020, the North Korean government has kept its border with China closed "
            "to almost all ordinary travel.",
            "We urge you to raise these forced returns with the Chinese government and to ask for "
            "access to those who were sent back.",
            "Respectfully,",
            "The undersigned organisations",
        ],
    ),
    "2021-05-media-law-report.docx": (
        "New law punishes foreign media, and a man is reported executed",
        [
            "Date: May 12, 2021",
            "In December 2020, North Korea's Supreme People's Assembly adopted a law that punishes "
            "anyone who watches or distributes South Korean films, dramas or music with long prison "
            "terms, and in serious cases with death.",
            "In April 2021, authorities in Wonsan publicly executed a man for selling USB drives "
            "loaded with South Korean films, according to a report by a Seoul-based news outlet.",
            "Residents were ordered to attend the execution, the outlet said.",
            "The law also bans South Korean slang and ways of writing, and the Party has urged young "
            "people to report friends who use them.",
        ],
    ),
    "2022-newsletter-training-workshop.docx": (
        "Newsletter: spring training workshop",
        [
            "Date: April 8, 2022",
            "Our spring workshop brought together twenty-two researchers from nine organisations "
            "for three days of training in interviewing, secure note-taking and data protection.",
            "Participants practised writing consent forms and learned how to keep recordings "
            "encrypted on shared laptops.",
            "We thank our hosts and the volunteers who cooked for everyone.",
            "The next workshop will take place in the autumn. Please write to us if your "
            "organisation would like to join.",
        ],
    ),
}


def build_pdf(path: Path, title: str, paragraphs: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_creation_date(
        __import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").UTC)
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, title)
    pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)
    pdf.output(str(path))


def build_docx(path: Path, title: str, paragraphs: list[str]) -> None:
    import datetime as dt

    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.created = dt.datetime(2024, 1, 1)
    document.core_properties.modified = dt.datetime(2024, 1, 1)
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))


def locate(text: str, evidence: str, where: str) -> tuple[int, int]:
    pattern = r"\s+".join(re.escape(word) for word in evidence.split())
    found = list(re.finditer(pattern, text))
    if len(found) != 1:
        sys.exit(f"{where}: evidence found {len(found)} times: {evidence[:60]!r}")
    return found[0].span()


def main() -> None:
    sys.path.insert(0, str(HERE.parent / "src"))
    from kirok.sources import read_document

    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    for source in sorted(SOURCE.iterdir()):
        if source.suffix in (".txt", ".md", ".html"):
            shutil.copy(source, TARGET / source.name)
    for name, (title, paragraphs) in PDFS.items():
        build_pdf(TARGET / name, title, paragraphs)
    for name, (title, paragraphs) in DOCX.items():
        build_docx(TARGET / name, title, paragraphs)
    (TARGET / "README.md").unlink(missing_ok=True)
    lines = []
    for line in (SOURCE / "gold_source.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        document = read_document(TARGET / entry["file"])
        for number, record in enumerate(entry["records"], 1):
            where = f"{entry['file']} record {number}"
            spans = []
            for evidence in record["evidence"]:
                start, end = locate(document.text, evidence, where)
                spans.append({"start": start, "end": end, "text": document.text[start:end]})
            record["evidence"] = spans
        entry["published"] = document.published
        lines.append(json.dumps(entry, ensure_ascii=False))
    missing = {p.name for p in TARGET.iterdir()} - {json.loads(x)["file"] for x in lines}
    if missing:
        sys.exit(f"no gold line for {sorted(missing)}")
    GOLD.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} documents and their gold to {TARGET}")


if __name__ == "__main__":
    main()
