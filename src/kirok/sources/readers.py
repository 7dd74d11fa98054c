"""Readers for each source format: bytes in, text and metadata out.

Each reader returns the text that evidence offsets point into. The original
bytes are hashed before anything else, so the hash always names the original.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import logging
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kirok.errors import (
    BinaryContent,
    CorruptDocument,
    EmptyDocument,
    EncodingError,
    SourceError,
    UnsupportedFormat,
)
from kirok.sources.document import Document
from kirok.sources.metadata import (
    dated_by_name,
    email_date,
    find_period,
    find_published,
    find_title,
    footer_date,
)

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".srt": "subtitles",
    ".eml": "email",
}
FORMATS = tuple(sorted(set(SUFFIXES.values())))

# pypdf and trafilatura log their complaints about broken files; Kirok reports
# those files itself, so their loggers stay quiet.
for _name in ("pypdf", "trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class _Read:
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


def _decode(path: str, data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise EncodingError(path, f"broken UTF-16 at byte {error.start}") from None
    if b"\x00" in data[:8192]:
        raise BinaryContent(path, "it holds NUL bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EncodingError(
            path, f"byte 0x{data[error.start]:02x} at offset {error.start} is not UTF-8"
        ) from None


def _read_text(path: str, data: bytes) -> _Read:
    return _Read(_decode(path, data).replace("\r\n", "\n").replace("\r", "\n"))


def _read_markdown(path: str, data: bytes) -> _Read:
    read = _read_text(path, data)
    if "<" in read.text:
        # HTML written into Markdown: a line break ends a line, and the tags that
        # only fold or mark text are no text ("<details><summary><b>Case 7</b>")
        read.text = _INLINE_TAG.sub("", _LINE_BREAK_TAG.sub("\n", read.text))
    for line in read.text.splitlines():
        if line.startswith("# "):
            read.title = line[2:].strip()
            break
    return read


_LINE_BREAK_TAG = re.compile(r"[ \t]*<br\s*/?>[ \t]*(?:\n[ \t]*)?", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:details|summary|b|i|u|strong|em|span|div|p|sup|sub|small|mark|center|font)"
    r"(?:\s[^<>\n]*)?>",
    re.IGNORECASE,
)


def _read_html(path: str, data: bytes) -> _Read:
    return _html_text(_decode_page(path, data))


def _decode_page(path: str, data: bytes) -> str:
    """A page's text: UTF-8, or else the character set the page declares in a
    ``<meta>`` tag (an old NGO page in windows-1252, a Korean one in EUC-KR)."""
    try:
        return _decode(path, data)
    except EncodingError as error:
        declared = _DECLARED_CHARSET.search(data[:PAGE_HEAD_BYTES])
        if declared is None:
            raise EncodingError(path, f"{error.detail}; the page declares no charset") from None
        name = declared.group(1).decode("ascii")
        try:
            return data.decode(name)
        except LookupError:
            raise EncodingError(
                path, f"{error.detail}; the charset the page declares, {name!r}, is unknown"
            ) from None
        except UnicodeDecodeError as wrong:
            raise EncodingError(
                path,
                f"byte 0x{data[wrong.start]:02x} at offset {wrong.start} is not {name}, "
                "the charset the page declares",
            ) from None


# <meta charset="euc-kr">, <meta http-equiv="Content-Type" content="text/html; charset=...">
_DECLARED_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.I)
PAGE_HEAD_BYTES = 4096  # where a page's <meta> tags are


def _page_to_extract(html: str) -> Any:
    """The page to extract its main text from. trafilatura takes a page's first
    ``<article>`` as its main text and may drop the others, so a page made of
    several (a week's case updates, each an ``<article>``) lost its middle ones:
    there each is read as a section of the page. Teasers in an ``<aside>`` or a
    ``<nav>`` are still left out as trafilatura leaves them out. A definition
    list (``<dl>``) is read as fields, a term and its definition on one line
    ("Detained since: 9 January 2025"), where trafilatura would part them.
    A figure's caption is a paragraph of the text: trafilatura drops figures
    whole, and a photo essay tells its story in its captions."""
    import trafilatura

    articles = len(_ARTICLE_TAG.findall(html)) > 1
    layout = _TABLE_TAG.search(html) is not None and _BR_TAG.search(html) is not None
    if (
        not articles
        and not layout
        and _DL_TAG.search(html) is None
        and _FIGCAPTION_TAG.search(html) is None
    ):
        return html  # (most pages: trafilatura parses them itself, once)
    tree = trafilatura.load_html(html)
    if tree is None:
        return html
    if articles:
        for article in tree.xpath("//article"):
            article.tag = "section"
    for listed in tree.xpath("//dl"):
        _as_fields(listed)
    for figure in tree.xpath("//figure[figcaption]"):
        _as_caption(figure)
    for table in tree.xpath("//table") if layout else ():
        _as_layout(table)
    return tree


_ARTICLE_TAG = re.compile(r"<article\b", re.IGNORECASE)
_DL_TAG = re.compile(r"<dl\b", re.IGNORECASE)
_FIGCAPTION_TAG = re.compile(r"<figcaption\b", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<table\b", re.IGNORECASE)
_BR_TAG = re.compile(r"<br\b", re.IGNORECASE)
LAYOUT_ROWS = 3  # a table of no more rows than this ...
LAYOUT_CELL_CHARS = 300  # ... with a cell this long lays a page out: it holds no data


def _as_layout(table: Any) -> None:
    """An old page's layout table (a menu in one cell, the text in the next,
    its paragraphs parted by ``<br>``) made plain blocks: trafilatura would read
    it as one row of a data table, menu and all."""
    rows = table.xpath("./tr|./tbody/tr|./thead/tr")
    cells = table.xpath("./tr/td|./tbody/tr/td|./tr/th|./tbody/tr/th")
    if len(rows) > LAYOUT_ROWS or not any(
        len("".join(cell.itertext())) > LAYOUT_CELL_CHARS for cell in cells
    ):
        return
    for part in (table, *table.xpath("./tbody|./thead"), *rows, *cells):
        part.tag = "div"


def _as_caption(figure: Any) -> None:
    """A ``<figure>`` made a paragraph of its caption; its image is no text."""
    words = " ".join(
        " ".join("".join(caption.itertext()).split()) for caption in figure.iter("figcaption")
    ).strip()
    tail = figure.tail
    figure.clear()
    figure.tag, figure.text, figure.tail = "p", words, tail


def _as_fields(listed: Any) -> None:
    """A ``<dl>`` made a ``<div>`` of paragraphs, one a term with its definitions."""
    fields: list[tuple[str, list[str]]] = []
    for child in listed.iter("dt", "dd"):  # (in groups of a <div> each, too)
        words = " ".join("".join(child.itertext()).split())
        if child.tag == "dt":
            fields.append((words, []))
        elif child.tag == "dd" and fields:
            fields[-1][1].append(words)
    tail = listed.tail
    listed.clear()
    listed.tag, listed.tail = "div", tail
    for term, definitions in fields:
        line = listed.makeelement("p", {})
        line.text = f"{term}: {'; '.join(d for d in definitions if d)}" if definitions else term
        listed.append(line)


def _html_text(html: str, whole: bool = False) -> _Read:
    """A page's main text (a message's ``whole`` text, read for recall), title,
    date, publisher and address."""
    import trafilatura

    text = trafilatura.extract(
        _page_to_extract(html),
        output_format="txt",
        include_comments=False,
        include_tables=True,
        favor_recall=whole,
    )
    if not text:
        text = trafilatura.html2txt(html) or ""
    # trafilatura writes one paragraph a line; a blank line between them keeps
    # a headline or dateline from running into the first sentence.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    published = getattr(meta, "date", None) if meta else None
    publisher = getattr(meta, "sitename", None) if meta else None
    url = getattr(meta, "url", None) if meta else None
    return _Read(text, title, published, publisher or None, url or None)


def _read_pdf(path: str, data: bytes) -> _Read:
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise CorruptDocument(path, "the PDF is encrypted; remove its password first")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
    except SourceError:
        raise
    except Exception as error:  # pypdf raises many kinds on broken files
        raise CorruptDocument(path, f"not a readable PDF: {error}") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise EmptyDocument(path, "the PDF has no text layer; run OCR on it first")
    title = str(info.title).strip() if info and info.title else None
    return _Read(text, title or None)


def _read_docx(path: str, data: bytes) -> _Read:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise CorruptDocument(path, f"not a readable DOCX: {error}") from None
    except Exception as error:  # python-docx raises its own on broken parts
        raise CorruptDocument(path, f"not a readable DOCX: {error}") from None
    blocks = _running_head(document)
    title = (document.core_properties.title or "").strip() or None
    # paragraphs and tables in the order they stand: a table of key facts belongs
    # under its heading, before the account that follows it
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
                if cells:
                    blocks.append(" | ".join(cells))
            continue
        text = block.text.strip()
        boxes = _text_boxes(block._p)
        if not text:
            blocks.extend(boxes)
            continue
        style = block.style.name if block.style is not None else ""
        if title is None and style.startswith(("Title", "Heading")):
            title = text
        blocks.append(text)
        blocks.extend(boxes)
    return _Read("\n\n".join(blocks), title)


_TEXT_BOX = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"
_W_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
_W_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
# Word writes a text box twice, as a drawing and as an older shape for readers
# that cannot draw it: the second is a fallback copy
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(paragraph: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in a paragraph (a flyer's or a
    poster's text), which a paragraph's own text leaves out; each box once."""
    if paragraph.find(f".//{_TEXT_BOX}") is None:
        return []
    lines = []
    for box in paragraph.iter(_TEXT_BOX):
        if any(above.tag in (_FALLBACK, _TEXT_BOX) for above in box.iterancestors()):
            continue
        for line in box.iter(_W_PARAGRAPH):
            words = "".join(t.text or "" for t in line.iter(_W_TEXT)).strip()
            if words:
                lines.append(words)
    return lines


def _running_head(document: Any) -> list[str]:
    """The lines of the first page's header, as a letterhead above the text: a
    memo may give its date nowhere else ("Internal: not for circulation. 3
    March 2022")."""
    if not document.sections:
        return []
    section = document.sections[0]
    header = (
        section.first_page_header if section.different_first_page_header_footer else section.header
    )
    if header.is_linked_to_previous:
        return []  # (the first section's: it has none; reading it would make one)
    return [p.text.strip() for p in header.paragraphs if p.text.strip()]


# a subtitle's speaker label ("NARRATOR:", "SUN-OK (not her real name):") and
# its markup ("<i>"): a label opens a paragraph, markup is no text
_SPEAKER = re.compile(r"[A-Z][A-Z0-9 .'’-]{1,40}(?:[ \t]*\([^)\n]{1,60}\))?:\s")
_MARKUP = re.compile(r"</?[A-Za-z][^>\n]{0,40}>|\{\\[^}\n]{1,40}\}")
# the first cue of a SubRip file: its number, then its times
_FIRST_CUE = re.compile(rb"\s*\d{1,6}[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->")


def _read_subtitles(path: str, data: bytes) -> _Read:
    """SubRip subtitles (``.srt``): the cues' words as running text. A cue's
    lines, and the cues a sentence runs across, are joined by a space; a cue
    that opens with a speaker's label, or stands in brackets, opens a
    paragraph. Cue numbers and times are not text."""
    import srt

    try:
        cues = list(srt.parse(_read_text(path, data).text))
    except srt.SRTParseError as error:
        raise CorruptDocument(path, f"not readable SubRip subtitles: {error}") from None
    parts: list[str] = []
    for cue in cues:
        words = " ".join(_MARKUP.sub("", cue.content).split())
        if not words:
            continue
        if parts:
            opens = _SPEAKER.match(words) or words[0] in "[(" or parts[-1][-1] in "])"
            parts.append("\n\n" if opens else " ")
        parts.append(words)
    return _Read("".join(parts))


# the headers an e-mail's text opens with, in this order, as the sender wrote them
_EMAIL_HEADERS = ("From", "To", "Cc", "Date", "Subject")
_ONLY_ATTACHMENTS = "the message has no text of its own, only attachments; save them and read those"


def _read_email(path: str, data: bytes) -> _Read:
    """An e-mail message as saved by a mail program (``.eml``, RFC 5322 with
    MIME): its From, To, Cc, Date and Subject lines, then its text body, decoded
    from whatever transfer encoding and character set it was sent in. An HTML
    body is read as an HTML page is; attachments are not read (save them and
    read them as files of their own). The Subject is the title, and the day of
    the Date header, on the sender's clock, is the document's date."""
    from email import policy
    from email.errors import MessageError
    from email.message import EmailMessage
    from email.parser import BytesParser

    if b"\x00" in data[:8192]:
        raise BinaryContent(path, "it holds NUL bytes")
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (MessageError, ValueError) as error:
        raise CorruptDocument(path, f"not a readable e-mail message: {error}") from None
    if not isinstance(message, EmailMessage):  # (what policy.default gives)
        raise CorruptDocument(path, "not a readable e-mail message")
    raw: dict[str, str] = {}
    for name, value in message.raw_items():
        raw.setdefault(name.lower(), str(value))
    head = [(name, _header_text(raw.get(name.lower(), ""))) for name in _EMAIL_HEADERS]
    if not any(value for name, value in head if name in ("From", "Date", "Subject")):
        raise CorruptDocument(path, "not an e-mail message: it has no From, Date or Subject header")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise EmptyDocument(path, _ONLY_ATTACHMENTS)
    try:
        content = body.get_content()
    except LookupError:  # a character set Python does not know
        charset = body.get_content_charset()
        raise CorruptDocument(
            path, f"its text is in an unknown character set, {charset!r}"
        ) from None
    if not isinstance(content, str):
        raise EmptyDocument(path, _ONLY_ATTACHMENTS)
    if body.get_content_subtype() == "html":
        # (a message has no menus to leave out: its lists are its text too)
        text = _html_text(content, whole=True).text
    else:
        text = content.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        raise EmptyDocument(path, "the message's text body is empty")
    lines = "\n".join(f"{name}: {value}" for name, value in head if value)
    fields = dict(head)
    # the Date header is the message's own date, whatever dates its text quotes
    return _Read(f"{lines}\n\n{text}\n", fields["Subject"] or None, email_date(fields["Date"]))


def _header_text(value: str) -> str:
    """A header's value as its sender wrote it, on one line: encoded words
    ("=?utf-8?q?...?=") decoded, comments ("(invented)") kept."""
    from email.errors import HeaderParseError
    from email.header import decode_header, make_header

    # (bytes a header holds unencoded reach here as surrogates: read them as
    # UTF-8, as mail programs write them, and what is not as U+FFFD)
    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    with contextlib.suppress(HeaderParseError, LookupError, UnicodeError):
        value = str(make_header(decode_header(value)))  # a broken one stays as written
    return " ".join(value.split())


_READERS: dict[str, Callable[[str, bytes], _Read]] = {
    "text": _read_text,
    "markdown": _read_markdown,
    "html": _read_html,
    "pdf": _read_pdf,
    "docx": _read_docx,
    "subtitles": _read_subtitles,
    "email": _read_email,
}


def sniff_format(path: str, data: bytes) -> str:
    """The format of a file, from its suffix or, failing that, its first bytes."""
    suffix = Path(path).suffix.lower()
    if SUFFIXES.get(suffix) == "text" and _FIRST_CUE.match(data.removeprefix(codecs.BOM_UTF8)):
        return "subtitles"  # subtitles saved as plain text
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
    if head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    raise UnsupportedFormat(path, f"suffix {suffix!r}" if suffix else "no suffix")


def read_bytes(path: str, data: bytes, published: str | None = None) -> Document:
    """Read a document from its original bytes; ``path`` names it in errors."""
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyDocument(path, "the file has no content")
    fmt = sniff_format(path, data)
    read = _READERS[fmt](path, data)
    if not read.text.strip():
        raise EmptyDocument(path)
    published_from = "given" if published else None
    if not published and fmt == "email" and read.published:
        published, published_from = read.published, "metadata"  # its Date header
    if not published:
        published = find_published(read.text)
        published_from = "text" if published else None
    if not published:
        published = footer_date(read.text)  # ("This page was last edited on ...")
        published_from = "text" if published else None
    if not published and read.published:
        published, published_from = read.published, "metadata"
    if not published:
        published = dated_by_name(read.text, Path(path).name)
        published_from = "name" if published else None
    return Document(
        source=path,
        sha256=sha256,
        format=fmt,
        text=read.text,
        title=read.title or find_title(read.text),
        published=published,
        published_from=published_from,
        publisher=read.publisher,
        url=read.url,
        period=None if published else find_period(read.text),
    )


def read_document(path: str | Path, published: str | None = None) -> Document:
    """Read the file at ``path``; raise a :class:`SourceError` naming it if it cannot be."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise SourceError(name, "is a folder") from None
    except OSError as error:
        raise SourceError(name, error.strerror or str(error)) from None
    return read_bytes(name, data, published)
