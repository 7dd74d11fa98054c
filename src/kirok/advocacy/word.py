"""A composed letter as a Word document (python-docx): the letterhead at the
top, the body from its Markdown, citations as superscript numbers that point
to numbered notes at the end (endnotes), the signatories and the CC line."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from kirok.advocacy.compose import Chart, Composed, markdown_parser, segments


def _inline(paragraph: Paragraph, children: list[Token] | None) -> None:
    bold = italic = False
    link: str | None = None
    link_text: list[str] = []
    for token in children or []:
        kind = token.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "link_open":
            link, link_text = str(token.attrs.get("href", "")), []
        elif kind == "link_close":
            if link and link != "".join(link_text):
                paragraph.add_run(f" ({link})")
            link = None
        elif kind in ("text", "code_inline"):
            run = paragraph.add_run(token.content)
            run.bold, run.italic = bold, italic
            if kind == "code_inline":
                run.font.name = "Courier New"
            if link is not None:
                link_text.append(token.content)
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "image":
            paragraph.add_run(token.content)
        elif kind == "kirok_marker":
            if token.meta["kind"] == "note":
                run = paragraph.add_run(str(token.meta["number"]))
                run.font.superscript = True
            else:
                run = paragraph.add_run(token.meta["text"])
                run.bold, run.italic = bold, italic


def _table(document: WordDocument, header: list[Any], rows: list[list[Any]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(value)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = str(value)


def _markdown(document: WordDocument, text: str, composed: Composed) -> None:
    tokens = markdown_parser().parse(text, {"composed": composed})
    lists: list[str] = []
    quote = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append("List Bullet" if kind == "bullet_list_open" else "List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            level = min(int(token.tag[1:]) + 1, 4)
            _inline(document.add_heading(level=level), tokens[index + 1].children)
            index += 2
        elif kind == "paragraph_open":
            style = lists[-1] if lists else ("Quote" if quote else None)
            _inline(document.add_paragraph(style=style), tokens[index + 1].children)
            index += 2
        elif kind in ("fence", "code_block"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(token.content.rstrip("\n"))
            run.font.name = "Courier New"
        elif kind == "hr":
            document.add_paragraph("* * *").alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "table_open":
            index = _markdown_table(document, tokens, index)
        index += 1


def _markdown_table(document: WordDocument, tokens: list[Token], index: int) -> int:
    rows: list[list[str]] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(token.content)
        index += 1
    if rows:
        _table(document, rows[0], rows[1:])
    return index


def _chart(document: WordDocument, chart: Chart) -> None:
    caption = document.add_paragraph(style="Caption")
    caption.add_run(chart.title)
    _table(document, chart.header, chart.rows)


def letter_docx(composed: Composed) -> bytes:
    """The letter as the bytes of a .docx file."""
    document = Document()
    document.core_properties.title = composed.parts["title"]
    document.core_properties.author = composed.parts["sender_name"] or "Kirok"
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(11)
    parts = composed.parts
    if parts["sender_name"]:
        head = document.add_paragraph()
        run = head.add_run(parts["sender_name"])
        run.bold = True
        run.font.size = Pt(16)
    if parts["sender_lines"]:
        document.add_paragraph("\n".join(parts["sender_lines"]))
    if parts["sender_people"]:
        people = document.add_paragraph()
        people.add_run("\n".join(parts["sender_people"])).font.size = Pt(9)
    if composed.date_line:
        document.add_paragraph(composed.date_line)
    for person in parts["recipients"]:
        lines = [person["name"], person.get("title"), *person.get("lines", [])]
        document.add_paragraph("\n".join(line for line in lines if line))
    document.add_heading(parts["title"], level=1)
    if parts["subject"]:
        document.add_paragraph().add_run(f"Re: {parts['subject']}").bold = True
    if parts["salutation"]:
        document.add_paragraph(parts["salutation"])
    for kind, value in segments(parts["body"]):
        if kind == "chart":
            _chart(document, composed.charts[value])
        else:
            _markdown(document, value, composed)
    if parts["closing"]:
        document.add_paragraph(parts["closing"])
    block = composed.block()
    if block:
        document.add_heading("Signatories", level=2)
        for line, detail in block:
            paragraph = document.add_paragraph()
            paragraph.add_run(line).bold = detail is not None
            if detail:
                paragraph.add_run().add_break()
                paragraph.add_run(detail)
    if parts["cc"]:
        document.add_paragraph("CC: " + "; ".join(parts["cc"]))
    if composed.notes:
        document.add_heading("Notes", level=2)
        for note in composed.notes:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{note.number}. ")
            paragraph.add_run(note.text)
            paragraph.paragraph_format.space_after = Pt(2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
