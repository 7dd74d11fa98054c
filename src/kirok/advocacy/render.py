"""A composed letter as HTML (for the browser and for print) and as Markdown."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from kirok.advocacy.compose import Chart, Composed, expand_markers, markdown_parser, segments

URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)]")


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("kirok.advocacy", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


@cache
def letter_css() -> str:
    return (resources.files("kirok.advocacy") / "letter.css").read_text(encoding="utf-8")


def linked(text: str) -> Markup:
    """Text with its web addresses as links, everything else escaped."""
    pieces, last = [], 0
    for match in URL.finditer(text):
        pieces.append(str(escape(text[last : match.start()])))
        url = escape(match.group(0))
        pieces.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    pieces.append(str(escape(text[last:])))
    return Markup("".join(pieces))


def _chart_html(chart: Chart) -> str:
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in chart.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in chart.rows
    )
    return (
        f'<figure class="chart">{chart.svg}<figcaption>{escape(chart.title)}</figcaption>'
        f'<table class="counts"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        "</figure>"
    )


def body_html(composed: Composed) -> Markup:
    md = markdown_parser()
    pieces = []
    for kind, value in segments(composed.parts["body"]):
        if kind == "chart":
            pieces.append(_chart_html(composed.charts[value]))
        else:
            pieces.append(md.render(value, {"composed": composed}))
    return Markup("".join(pieces))


def letter_fragment(composed: Composed) -> Markup:
    """The letter as an ``<article>``, for a page that has letter.css."""
    template = environment().get_template("_letter.html")
    return Markup(template.render(c=composed, body=body_html(composed), linked=linked))


def letter_html(composed: Composed) -> str:
    """A whole HTML document, styles inside, that prints as the letter."""
    template = environment().get_template("letter_document.html")
    return template.render(c=composed, letter=letter_fragment(composed), css=Markup(letter_css()))


def _table_markdown(chart: Chart) -> str:
    def row(cells: list[object]) -> str:
        return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"

    lines = [f"*{chart.title}*", "", row(list(chart.header))]
    lines.append("|" + "|".join(" --- " for _ in chart.header) + "|")
    lines += [row(list(cells)) for cells in chart.rows]
    return "\n".join(lines)


def letter_markdown(composed: Composed) -> str:
    """The letter as Markdown, citations as footnotes (``[^1]``)."""
    parts = composed.parts
    out: list[str] = []
    if parts["sender_name"]:
        out.append(f"**{parts['sender_name']}**  ")
    out += [f"{line}  " for line in parts["sender_lines"] + parts["sender_people"]]
    if out:
        out.append("")
    if composed.date_line:
        out += [composed.date_line, ""]
    for person in parts["recipients"]:
        lines = [person["name"], person.get("title"), *person.get("lines", [])]
        out += [f"{line}  " for line in lines if line] + [""]
    out += [f"# {parts['title']}", ""]
    if parts["subject"]:
        out += [f"**Re: {parts['subject']}**", ""]
    if parts["salutation"]:
        out += [parts["salutation"], ""]
    for kind, value in segments(parts["body"]):
        text = _table_markdown(composed.charts[value]) if kind == "chart" else value.strip("\n")
        out += [expand_markers(text, composed) if kind != "chart" else text, ""]
    if parts["closing"]:
        out += [parts["closing"], ""]
    block = composed.block()
    if block:
        out += ["## Signatories", ""]
        for line, detail in block:
            out.append(f"{line}  " if detail is None else f"**{line}**  \n{detail}  ")
        out.append("")
    if parts["cc"]:
        out += ["CC: " + "; ".join(parts["cc"]), ""]
    for note in composed.notes:
        out.append(f"[^{note.number}]: {note.text}")
    return "\n".join(out).rstrip() + "\n"
