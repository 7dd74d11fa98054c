"""How record text is kept for search.

Each record's ``search_text`` holds its own words (violation, label, place,
perpetrator, victims), then ``EVIDENCE_MARK``, then its evidence, lower-cased so
that a plain LIKE checks a match exactly. SQLite indexes it in ``records_fts``
(FTS5, trigram tokenizer, one row per record, kept in step by triggers: see
migration 0004); PostgreSQL indexes it with pg_trgm.
"""

from __future__ import annotations

EVIDENCE_MARK = "\x1f"  # in search_text: the record's own words, this, its evidence


def fold(value: str) -> str:
    """How search text is stored and searched: lower-cased (all scripts, as the
    trigram index folds case)."""
    return value.lower()
