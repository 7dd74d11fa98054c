"""Kirok (기록, "record"): an evidence ledger for human-rights documentation.

Sources go in; structured incident records come out, each traced to the
sentences that state it.
"""

from kirok.errors import KirokError, SourceError
from kirok.extraction import Extractor, extract_document
from kirok.sources import Document, read_document

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Extractor",
    "KirokError",
    "SourceError",
    "__version__",
    "extract_document",
    "read_document",
]
