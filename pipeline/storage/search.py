"""Full-text search over the archived normalised text (the current version of each document).

SQLite: an FTS5 index kept by triggers; PostgreSQL: a stored tsvector under a GIN index. Both
lower-case and keep Vietnamese diacritics ("ban" does not find "bán"). Query syntax, the same on
both: words must all appear; "quoted words" must appear together, in that order.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text

from pipeline.storage.db import Database
from pipeline.storage.errors import InvalidInput

_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass
class SearchHit:
    doc_id: str
    title: str | None
    snippet: str  # matched words between [ and ]
    score: float  # higher is better


def _terms(query: str) -> list[str]:
    query = unicodedata.normalize("NFC", query)
    terms = [(phrase or word).strip() for phrase, word in _TERMS.findall(query)]
    terms = [t for t in terms if _WORD.search(t)]
    if not terms:
        raise InvalidInput("nothing to search for: give at least one word")
    return terms


def fts5_query(query: str) -> str:
    """Every term as an FTS5 string (a phrase of its tokens), all required."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in _terms(query))


def tsquery_text(query: str) -> str:
    """The same terms for PostgreSQL's websearch_to_tsquery, each quoted so that words like
    "or" and a leading "-" are taken literally, as in SQLite."""
    return " ".join(f'"{term}"' for term in _terms(query))


_SQLITE = text("""
    SELECT d.doc_id, d.title, snippet(sources_fts, 0, '[', ']', ' … ', 16) AS snippet, -rank AS score
    FROM sources_fts
    JOIN sources s ON s.id = sources_fts.rowid
    JOIN documents d ON d.id = s.document_id AND d.source_revision = s.revision
    WHERE sources_fts MATCH :query
    ORDER BY rank
    LIMIT :limit
""")

_POSTGRES = text("""
    WITH q AS (SELECT websearch_to_tsquery('simple'::regconfig, :query) AS query),
    hits AS (
        SELECT s.id, d.doc_id, d.title, ts_rank(s.search_vector, q.query) AS score
        FROM sources s
        JOIN documents d ON d.id = s.document_id AND d.source_revision = s.revision, q
        WHERE s.search_vector @@ q.query
        ORDER BY score DESC, d.doc_id
        LIMIT :limit)
    SELECT hits.doc_id, hits.title,
           ts_headline('simple'::regconfig, left(s.normalized_text, 1000000), q.query,
                       'StartSel=[, StopSel=], MaxWords=28, MinWords=12, MaxFragments=1') AS snippet,
           hits.score
    FROM hits JOIN sources s ON s.id = hits.id, q
    ORDER BY hits.score DESC, hits.doc_id
""")


def search(db: Database, query: str, limit: int = 20) -> list[SearchHit]:
    if db.dialect == "sqlite":
        statement, params = _SQLITE, {"query": fts5_query(query), "limit": limit}
    elif db.dialect == "postgresql":
        statement, params = _POSTGRES, {"query": tsquery_text(query), "limit": limit}
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise InvalidInput(f"search is not available on {db.dialect}")
    with db.session() as s:
        rows = s.execute(statement, params)
        return [SearchHit(doc_id, title, " ".join(snippet.split()), float(score))
                for doc_id, title, snippet, score in rows]
