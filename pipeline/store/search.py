"""Full-text search over the archived normalised text (the current version of each document).

Users type Vietnamese with or without diacritics ("cum thi dua", "Hoà", "Hòa"): matching is on
the text without diacritics (`sources.search_text`, see `pipeline.normalise.text.unaccent`), indexed
by FTS5 on SQLite and a tsvector under a GIN index on PostgreSQL. Ranking, the same on both:

    0  the query as typed (tone placement normalised) appears as one phrase
    1  the query without diacritics appears as one phrase
    2  every word (or "quoted phrase") appears somewhere

then by the engine's own relevance. `count` gives how many documents match in all.
"""
from __future__ import annotations

import re
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from collections.abc import Iterator

from sqlalchemy import text
from sqlalchemy.orm import Session

from pipeline.normalise.text import fold, unaccent
from pipeline.store.db import Database
from pipeline.settings import get_settings
from pipeline.store.errors import InvalidInput, StorageError

_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)
_WORDS = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 80
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32


@dataclass
class SearchHit:
    doc_id: str
    title: str | None
    snippet: str  # matched words between [ and ]
    score: float  # higher is better
    exact: bool = False  # the query appears as typed, as one phrase


@dataclass
class SearchResult:
    hits: list[SearchHit]
    total: int  # documents matching, of which `hits` are the best
    note: str | None = None  # the query was cut (too long, too many words)


@dataclass(frozen=True)
class Query:
    exact: str  # the whole query, normalised like the archived text, lower case
    phrase: str  # the whole query without diacritics
    terms: tuple[str, ...]  # distinct words and "quoted phrases", without diacritics
    note: str | None = None  # what was left out of a query too long to search as given


def parse(query: str) -> Query:
    """The query as the engines take it, bounded (MAX_QUERY_CHARS, MAX_TERMS distinct terms,
    MAX_TERMS words in a phrase): a word repeated 400 times costs what one costs."""
    query = fold(unicodedata.normalize("NFC", query[:4 * MAX_QUERY_CHARS]))  # tones placed as in the archive
    cut = []
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS].rsplit(" ", 1)[0] if " " in query[:MAX_QUERY_CHARS] else query[:MAX_QUERY_CHARS]
        cut.append(f"the query was cut to its first {MAX_QUERY_CHARS:,} characters")
    terms = [(phrase or word).strip() for phrase, word in _TERMS.findall(query)]
    terms = [" ".join(_WORDS.findall(unaccent(t))[:MAX_TERMS]) for t in terms if _WORD.search(t)]
    if not terms:
        raise InvalidInput("nothing to search for: give at least one word")
    distinct = list(dict.fromkeys(terms))
    if len(distinct) > MAX_TERMS:
        cut.append(f"only the first {MAX_TERMS} of {len(distinct)} different words were searched for")
    words = _WORDS.findall(query.replace('"', " "))
    return Query(exact=" ".join(words[:MAX_TERMS]).lower(), phrase=" ".join(terms[:MAX_TERMS]),
                 terms=tuple(distinct[:MAX_TERMS]), note="; ".join(cut) or None)


def _fts(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'


_SQLITE_HITS = text("""
    WITH matches AS (
        SELECT rowid AS id, rank FROM sources_unaccented WHERE sources_unaccented MATCH :all),
    phrase AS (SELECT rowid AS id FROM sources_unaccented WHERE sources_unaccented MATCH :phrase),
    exact AS (SELECT rowid AS id FROM sources_fts WHERE sources_fts MATCH :exact)
    SELECT d.doc_id, d.title, s.normalized_text, -m.rank AS score,
           CASE WHEN m.id IN (SELECT id FROM exact) THEN 0 WHEN m.id IN (SELECT id FROM phrase) THEN 1 ELSE 2 END
               AS tier
    FROM matches m
    JOIN sources s ON s.id = m.id
    JOIN documents d ON d.id = s.document_id AND d.source_revision = s.revision
    ORDER BY tier, m.rank, d.doc_id
    LIMIT :limit
""")

_SQLITE_COUNT = text("""
    SELECT count(*) FROM sources_unaccented
    JOIN sources s ON s.id = sources_unaccented.rowid
    JOIN documents d ON d.id = s.document_id AND d.source_revision = s.revision
    WHERE sources_unaccented MATCH :all
""")

_POSTGRES_HITS = text("""
    WITH q AS (SELECT websearch_to_tsquery('simple'::regconfig, :all) AS q_all,
                      phraseto_tsquery('simple'::regconfig, :phrase) AS q_phrase,
                      phraseto_tsquery('simple'::regconfig, :exact) AS q_exact)
    SELECT d.doc_id, d.title, s.normalized_text, ts_rank(s.search_vector_unaccented, q.q_all) AS score,
           CASE WHEN s.search_vector @@ q.q_exact THEN 0
                WHEN s.search_vector_unaccented @@ q.q_phrase THEN 1 ELSE 2 END AS tier
    FROM sources s
    JOIN documents d ON d.id = s.document_id AND d.source_revision = s.revision, q
    WHERE s.search_vector_unaccented @@ q.q_all
    ORDER BY tier, score DESC, d.doc_id
    LIMIT :limit
""")

_POSTGRES_COUNT = text("""
    SELECT count(*) FROM sources s
    JOIN documents d ON d.id = s.document_id AND d.source_revision = s.revision
    WHERE s.search_vector_unaccented @@ websearch_to_tsquery('simple'::regconfig, :all)
""")


def search(db: Database, query: str, limit: int = 20) -> SearchResult:
    q = parse(query)
    if db.dialect == "sqlite":
        hits_sql, count_sql = _SQLITE_HITS, _SQLITE_COUNT
        params = {"all": " ".join(_fts(t) for t in q.terms), "phrase": _fts(q.phrase), "exact": _fts(q.exact)}
    elif db.dialect == "postgresql":
        hits_sql, count_sql = _POSTGRES_HITS, _POSTGRES_COUNT
        params = {"all": " ".join(f'"{t}"' for t in q.terms), "phrase": q.phrase, "exact": q.exact}
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise InvalidInput(f"search is not available on {db.dialect}")
    timeout_s = get_settings().search_timeout_s
    try:
        with db.session() as s, _time_limit(s, db.dialect, timeout_s):
            rows = s.execute(hits_sql, {**params, "limit": limit}).all()
            total = s.execute(count_sql, {"all": params["all"]}).scalar() or 0
    except StorageError as exc:
        if _cancelled(exc):
            raise SearchTooLong(f"the search took longer than {timeout_s:g} s and was stopped "
                                "(THIDUA_SEARCH_TIMEOUT_S); use fewer or more specific words") from None
        raise
    hits = [SearchHit(doc_id, title, snippet(body or "", q), float(score), tier == 0)
            for doc_id, title, body, score, tier in rows]
    return SearchResult(hits, max(total, len(hits)), q.note)


class SearchTooLong(StorageError):
    """A search ran past THIDUA_SEARCH_TIMEOUT_S; the database stopped it."""


@contextmanager
def _time_limit(s: Session, dialect: str, seconds: float) -> Iterator[None]:
    """Stop the search's statements after `seconds`, in the database itself: on PostgreSQL a
    statement_timeout for this transaction, so a killed CLI leaves no query running for long;
    on SQLite a progress handler that interrupts the query."""
    if dialect == "postgresql":
        s.execute(text("SELECT set_config('statement_timeout', :ms, true)"), {"ms": str(max(1, int(seconds * 1000)))})
        yield
        return
    raw = s.connection().connection.driver_connection
    deadline = time.monotonic() + seconds
    raw.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)


def _cancelled(exc: BaseException) -> bool:
    cause = exc.__cause__
    orig = getattr(cause, "orig", None)
    return getattr(orig, "sqlstate", None) == "57014" or "interrupted" in str(orig or "").lower()


def snippet(body: str, q: Query) -> str:
    """Words around the first match, with the matched words between [ and ]; found on the text
    without diacritics, shown from the text itself (one character for one)."""
    folded = unaccent(body)
    spans = []
    for term in (q.phrase, *q.terms):
        pattern = r"\b" + r"\W+".join(map(re.escape, term.split())) + r"\b"
        spans += [m.span() for m in re.finditer(pattern, folded)][:20]
        if spans:
            break
    if not spans:
        return " ".join(body[:2 * SNIPPET_CHARS].split())
    start, end = spans[0]
    lo, hi = max(0, start - SNIPPET_CHARS), min(len(body), end + SNIPPET_CHARS)
    if lo:  # whole words only
        lo = next((i + 1 for i in range(lo, start) if body[i].isspace()), lo)
    if hi < len(body):
        hi = next((i for i in range(hi, end, -1) if body[i].isspace()), hi)
    marked, at = [], lo
    for s_start, s_end in sorted(x for x in spans if x[0] >= lo and x[1] <= hi):
        if s_start < at:
            continue
        marked += [body[at:s_start], "[", body[s_start:s_end], "]"]
        at = s_end
    marked.append(body[at:hi])
    return ("… " if lo else "") + " ".join("".join(marked).split()) + (" …" if hi < len(body) else "")
