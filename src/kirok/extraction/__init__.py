"""Extraction: a pipeline of named components turning a document into records."""

from kirok.extraction.pipeline import Extractor, extract_document
from kirok.extraction.records import Evidence, Record, Victims

__all__ = ["Evidence", "Extractor", "Record", "Victims", "extract_document"]
