"""Every error Kirok raises for a user to read.

    KirokError
    ├── SourceError          a document could not be read (names the file and why)
    │   ├── UnsupportedFormat
    │   ├── EmptyDocument
    │   ├── BinaryContent
    │   ├── EncodingError
    │   └── CorruptDocument
    ├── DataFileError        a bundled or user data file (lexicon, gazetteer) is malformed
    ├── GoldFileError        a gold-record file for evaluation is malformed
    └── StoreError           the record store
        ├── DatabaseUnavailable  the URL does not answer or cannot be used
        ├── NotInitialised       no Kirok tables there yet (run `kirok init`)
        ├── NotFound             no record or source with that ID
        ├── InvalidValue         a field value a record cannot hold
        ├── StaleEdit            the record changed since it was loaded
        └── ExchangeError        an export cannot be written, an import line is bad

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
    reason = "unknown format; Kirok reads .txt, .md, .html, .pdf, .docx, .srt and .eml"


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


class StoreError(KirokError):
    """Something about the database: see the subclasses."""


class DatabaseUnavailable(StoreError):
    """The database URL does not answer, or is not a URL Kirok can use."""


class NotInitialised(StoreError):
    """The database has no Kirok tables yet, or an older schema."""


class NotFound(StoreError):
    """No record or source with that ID."""


class InvalidValue(StoreError):
    """A field given for a record (edit, import) is not a value it can hold."""


class StaleEdit(StoreError):
    """The record changed since the person editing it loaded it."""


class ExchangeError(StoreError):
    """An export could not be written or an import line is malformed or conflicts."""
