"""The extraction pipeline: a short fixed sequence of named steps, read top to bottom.

Each step is one extractor module; later steps read what earlier ones left in `ctx.shared`
(the meeting-date year rule needs the publication date, period and kinds).
"""
from __future__ import annotations

import logging
from pathlib import Path

from extractors import (author, cluster, heads, kinds, legal_refs, meeting_date, members,
                        participants, period, published, ranks, title, venue)
from extractors.context import Context, Span
from pipeline import ocr
from pipeline.document import Document, DocumentResult, ReadError, Status
from pipeline.readers import read_document
from pipeline.record import Meeting, Record

log = logging.getLogger(__name__)


def extract(document: Document) -> Record:
    ctx = Context.of(document)
    return extract_context(ctx)


def extract_context(ctx: Context) -> Record:
    record = Record(doc_id=ctx.document.id, sha256=ctx.document.sha256 or None, source_path=ctx.document.path)
    record.title = title.find(ctx)
    _remember(ctx, "title_span", record.title)
    record.published = published.find(ctx)
    _remember(ctx, "published_span", record.published)
    record.author = author.find(ctx)
    ctx.shared["author_value"] = record.author.value if record.author else None
    record.cluster = cluster.find(ctx)
    ctx.shared["cluster"] = record.cluster
    record.legal_refs = legal_refs.find(ctx)
    record.ranks = ranks.find(ctx)
    ctx.shared["ranks"] = record.ranks
    meeting = Meeting(kinds=kinds.find(ctx))
    ctx.shared["kinds"] = meeting.kinds
    ctx.shared["kind_values"] = {k.value for k in meeting.kinds}
    meeting.period = period.find(ctx)
    meeting.date = meeting_date.find(ctx, record.published, meeting.period, {k.value for k in meeting.kinds})
    _remember(ctx, "meeting_date_span", meeting.date)
    if meeting.period is None:
        meeting.period = period.from_meeting_date(ctx, meeting.date)
    meeting.venue = venue.find(ctx)
    record.meeting = meeting
    ctx.shared["period"] = meeting.period.value if meeting.period else None
    record.participants = participants.find(ctx)
    ctx.shared["participants"] = record.participants
    record.heads = heads.find(ctx)
    record.members = members.find(ctx, record)
    record.origin = ctx.document.origin()
    if ctx.document.word_confidence:  # values read by OCR are only as sure as the words they came from
        ocr.lower_confidence(record, ctx.document.word_confidence, ctx.norm.original_span)
    return record


def _remember(ctx: Context, key: str, value) -> None:
    if value is not None and value.evidence is not None:
        ctx.shared[key] = Span(value.evidence.start, value.evidence.end, value.evidence.text)


def process_path(path: Path) -> DocumentResult:
    """Read, normalise and extract one file; an expected problem becomes a failed result."""
    path = Path(path)
    try:
        document = read_document(path)
    except ReadError as exc:
        return DocumentResult.failed(path, str(exc))
    except OSError as exc:
        return DocumentResult.failed(path, f"cannot read file: {exc.strerror or exc}")
    ctx = Context.of(document)
    if not ctx.text.strip():
        return DocumentResult.failed(path, "no report text left after removing site furniture "
                                           "(menus, counters, links); is this an article page?")
    try:
        record = extract_context(ctx)
    except Exception as exc:  # an extractor bug must cost one file, never the batch
        log.exception("extraction failed on %s", path)
        return DocumentResult.failed(path, f"internal error while extracting ({type(exc).__name__}: {exc}); "
                                           "please report it together with this file")
    return DocumentResult(path=str(path), doc_id=document.id, status=Status.OK, record=record,
                          document=document, normalized_text=ctx.text)
