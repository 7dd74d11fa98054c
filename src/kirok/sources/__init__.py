"""Intake of sources: reading files of every supported format into documents."""

from kirok.sources.document import Document
from kirok.sources.paths import collect_paths
from kirok.sources.readers import FORMATS, read_bytes, read_document

__all__ = ["FORMATS", "Document", "collect_paths", "read_bytes", "read_document"]
