"""Every error Kirok raises for a user to read.

    KirokError
    ├── SourceError          a document could not be read (names the file and why)
    │   ├── UnsupportedFormat
    │   ├── EmptyDocument
    │   ├── BinaryContent
    │   ├── EncodingError
    │   └── CorruptDocument
    ├── DataFileError        a bundled or user data file (lexicon, gazetteer) is malformed
    └── GoldFileError        a gold-record file for evaluation is malformed

The command line prints ``str(error)``, so each message names the file or field
and says what to do.
"""

from __future__ import annotations


class KirokError(Exception):
    """Base of every error meant for a user."""


class SourceError(KirokError):
    """A document could not be read."""

    reason = "cannot be read"

    def __init__(self, path: str, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        message = f"{path}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class UnsupportedFormat(SourceError):
    reason = "unknown format; Kirok reads .txt, .md, .html, .pdf and .docx"


class EmptyDocument(SourceError):
    reason = "empty: no text to extract"


class BinaryContent(SourceError):
    reason = "binary content, not a text document"


class EncodingError(SourceError):
    reason = "not valid UTF-8 text; save it as UTF-8 and try again"


class CorruptDocument(SourceError):
    reason = "corrupt or unreadable"


class DataFileError(KirokError):
    """A data file (lexicon, gazetteer, actor table) is malformed."""


class GoldFileError(KirokError):
    """A gold-record file is malformed."""
