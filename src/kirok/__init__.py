"""Kirok (기록, "record"): an evidence ledger for human-rights documentation.

Sources go in; structured incident records come out, each traced to the
sentences that state it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kirok.errors import KirokError, SourceError

if TYPE_CHECKING:
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

# spaCy takes most of a second to import: commands that never extract
# (search, review, export, the web app's pages) should not pay for it.
_LAZY = {
    "Extractor": "kirok.extraction",
    "extract_document": "kirok.extraction",
    "Document": "kirok.sources",
    "read_document": "kirok.sources",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kirok' has no attribute {name!r}")
