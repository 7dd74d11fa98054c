"""Extraction: a pipeline of named components turning a document into records."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kirok.extraction.records import Evidence, Record, Victims

if TYPE_CHECKING:
    from kirok.extraction.pipeline import Extractor, extract_document

__all__ = ["Evidence", "Extractor", "Record", "Victims", "extract_document"]


def __getattr__(name: str) -> Any:
    # the pipeline imports spaCy; the data files (lexicon) must load without it
    if name in ("Extractor", "extract_document"):
        return getattr(import_module("kirok.extraction.pipeline"), name)
    raise AttributeError(f"module 'kirok.extraction' has no attribute {name!r}")
