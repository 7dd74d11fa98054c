"""The document: a source's text as extracted, with what identifies it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """A source read into text.

    ``text`` is what every evidence offset points into; ``sha256`` is taken over
    the original bytes so the original can always be checked against it.
    """

    source: str
    sha256: str
    format: str
    text: str
    title: str | None = None
    published: str | None = None
    published_from: str | None = None  # "text", "metadata", "given" or "name"
    publisher: str | None = None
    url: str | None = None
    # "YYYY-MM": the month a header dates the document to when it gives no day
    # ("Monthly incident log, March 2022"); relative dates are resolved against
    # it, but it is not the document's date
    period: str | None = None
