"""What the review page does to a record: several corrections saved at once, a correction
withdrawn (back to the machine value), and the review queue.

Every change goes through `Repository.add_corrections`, the code behind `thidua records set`, so
a correction made on the page is kept apart from machine output and survives re-extraction.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, exists, func, select

from pipeline.record import Record
import pipeline.store.overlay as ov
from pipeline.store.errors import InvalidCorrection, InvalidInput, NotFound
from pipeline.store.models import AuditRow, CorrectionRow, DocumentRow, RecordVersionRow, SourceRow, utcnow
from pipeline.store.repository import Repository
from pipeline.store.views import AuditEntry, StoredRecord, aware


@dataclass
class Change:
    """One field a person changed: a GOLD_FORMAT path and value, as `records set` takes them."""

    field: str
    value: Any
    evidence: dict | None = None  # for an item added from selected text


def save_corrections(repo: Repository, doc_id: str, changes: list[Change], *, user: str,
                     reason: str | None = None, expected_version: int | None = None) -> tuple[int, int]:
    """All changes in one transaction (all or nothing), each its own correction, together one
    version of the record. Returns how many corrections were stored (a change to the value the
    field already has is skipped) and the record's version."""
    if not user or not user.strip():
        raise InvalidCorrection("a correction needs the name of the person making it")
    with repo.db.session(write=True) as s:
        doc = repo._document(s, doc_id, expected_version)
        rows = repo.add_corrections(s, doc, [(c.field, c.value, c.evidence) for c in changes], user=user,
                                    reason=reason, skip_unchanged=True)
        version = doc.version
    return len(rows), version


def withdraw(repo: Repository, doc_id: str, correction_id: int, *, user: str, reason: str | None = None,
             expected_version: int | None = None) -> StoredRecord:
    """Take a correction back: the field returns to the machine's value (or to an earlier
    correction), and the withdrawal is a version and an audit entry like any change."""
    if not user or not user.strip():
        raise InvalidCorrection("withdrawing a correction needs the name of the person")
    with repo.db.session(write=True) as s:
        doc = repo._document(s, doc_id, expected_version)
        row = s.scalar(select(CorrectionRow).where(CorrectionRow.id == correction_id,
                                                   CorrectionRow.document_id == doc.id))
        if row is None or row.withdrawn_at is not None:
            raise InvalidCorrection(f"{doc_id} has no correction {correction_id} in force")
        before = Record.model_validate(doc.effective).to_export()
        row.withdrawn_at, row.withdrawn_by = utcnow(), user.strip()
        s.flush()
        machine = Record.model_validate(repo._machine_row(s, doc.id).record)
        result = ov.overlay(machine, [c for _, c in repo._corrections(s, doc.id)])
        top = ov.parse_path(row.field).top
        reasons = [r for r in doc.review_reasons if r.get("field") != row.field]
        repo._set_effective(doc, result.record, reasons)
        s.flush()
        after = result.record.to_export()
        s.add(RecordVersionRow(document_id=doc.id, version=doc.version, action="withdraw", actor=user.strip(),
                               correction_id=row.id, record=after))
        s.add(AuditRow(document_id=doc.id, version=doc.version, action="withdraw", actor=user.strip(),
                       field=row.field, old_value=ov.field_value(before, top), new_value=ov.field_value(after, top),
                       reason=reason or f"correction of {_when(row.created_at)} by {row.user} withdrawn"))
    return repo.get(doc_id)


def version_record(repo: Repository, doc_id: str, version: int) -> dict | None:
    """The record (GOLD_FORMAT) as it was at `version`: what a page made from it showed."""
    query = (select(RecordVersionRow.record).join(DocumentRow, DocumentRow.id == RecordVersionRow.document_id)
             .where(DocumentRow.doc_id == unicodedata.normalize("NFC", doc_id), RecordVersionRow.version == version))
    with repo.db.reading() as conn:  # one statement: every save reads it
        found = conn.execute(query).first()
    if found is not None:
        return found[0]
    with repo.db.session() as s:  # a file stem for the id, or no such document (NotFound)
        doc = repo._document(s, doc_id)
        return s.scalar(select(RecordVersionRow.record).where(RecordVersionRow.document_id == doc.id,
                                                              RecordVersionRow.version == version))


def changes_since(repo: Repository, doc_id: str, version: int) -> list[AuditEntry]:
    """What was done to the record after `version` (what a person who loaded that version has not
    seen), oldest first."""
    query = (select(AuditRow.version, AuditRow.at, AuditRow.actor, AuditRow.action, AuditRow.field,
                    AuditRow.old_value, AuditRow.new_value, AuditRow.reason)
             .join(DocumentRow, DocumentRow.id == AuditRow.document_id)
             .where(DocumentRow.doc_id == doc_id, AuditRow.version > version).order_by(AuditRow.id))
    with repo.db.reading() as conn:
        return [AuditEntry(v, aware(at), *rest) for v, at, *rest in conn.execute(query)]


def _when(at: dt.datetime) -> str:
    return aware(at).strftime("%Y-%m-%d %H:%M")


# --- the review queue ----------------------------------------------------------------------------

STATUSES = ("needs_review", "corrected", "uncorrected")


@dataclass
class QueueFilter:
    cluster: str | None = None
    year: int | None = None
    status: str | None = None  # one of STATUSES
    kind: str | None = None  # a meeting kind (pipeline.record.KINDS)


@dataclass
class QueueItem:
    doc_id: str
    version: int
    title: str | None
    cluster: str | None
    year: int | None
    needs_review: bool
    min_confidence: float | None
    corrected: bool
    reasons: list[dict] = field(default_factory=list)  # why it needs review (review.py's dicts)


@dataclass
class Queue:
    items: list[QueueItem]
    total: int  # matching the filter
    counts: dict[str, int] = field(default_factory=dict)  # whole archive: documents, needs_review, corrected


def _has_corrections():
    return exists().where(CorrectionRow.document_id == DocumentRow.id, CorrectionRow.withdrawn_at.is_(None))


def _queue_query(query, f: QueueFilter):
    query = Repository._filtered(query, f.cluster, f.year, None)
    if f.status == "needs_review":
        query = query.where(DocumentRow.needs_review.is_(True))
    elif f.status == "corrected":
        query = query.where(_has_corrections())
    elif f.status == "uncorrected":
        query = query.where(~_has_corrections())
    elif f.status:
        raise InvalidInput(f"unknown status {f.status!r}; use one of {', '.join(STATUSES)}")
    if f.kind:
        query = query.where(DocumentRow.kinds.like(f"%,{f.kind},%"))
    return query


_ORDER = (case((DocumentRow.needs_review.is_(True), 0), else_=1),
          func.coalesce(DocumentRow.min_confidence, 0.0), DocumentRow.doc_id)


def queue(repo: Repository, f: QueueFilter, offset: int = 0, limit: int = 50) -> Queue:
    """Records needing review first, then the least certain, then by doc_id."""
    columns = select(DocumentRow.doc_id, DocumentRow.version, DocumentRow.title, DocumentRow.cluster_name,
                     DocumentRow.year, DocumentRow.needs_review, DocumentRow.min_confidence,
                     _has_corrections().label("corrected"), DocumentRow.review_reasons)
    with repo.db.session() as s:
        rows = s.execute(_queue_query(columns, f).order_by(*_ORDER).offset(offset).limit(limit)).all()
        total = s.scalar(_queue_query(select(func.count()).select_from(DocumentRow), f))
        counts = {
            "documents": s.scalar(select(func.count()).select_from(DocumentRow)),
            "needs_review": s.scalar(select(func.count()).select_from(DocumentRow)
                                     .where(DocumentRow.needs_review.is_(True))),
            "corrected": s.scalar(select(func.count()).select_from(DocumentRow).where(_has_corrections())),
        }
    items = [QueueItem(d, v, t, c, y, bool(n), m, bool(k), r or []) for d, v, t, c, y, n, m, k, r in rows]
    return Queue(items, total or 0, counts)


def neighbours(repo: Repository, f: QueueFilter, doc_id: str) -> tuple[str | None, str | None]:
    """The records before and after `doc_id` in the queue (for j/k and "save and next")."""
    with repo.db.session() as s:
        ids = list(s.scalars(_queue_query(select(DocumentRow.doc_id), f).order_by(*_ORDER)))
    if doc_id not in ids:
        return None, (ids[0] if ids else None)
    at = ids.index(doc_id)
    return (ids[at - 1] if at else None), (ids[at + 1] if at + 1 < len(ids) else None)


@dataclass
class RecordPage:
    """What the record page shows, read in one statement: the effective record with its text and
    its neighbours in the queue (the page is opened far more often than anything else)."""

    doc_id: str
    version: int
    record: Record  # effective
    needs_review: bool
    review_reasons: list[str]
    normalized_text: str | None
    previous: str | None
    following: str | None
    reasons: list[dict] = field(default_factory=list)  # the review reasons as stored (kind, field...)


def record_page(repo: Repository, doc_id: str, f: QueueFilter) -> RecordPage:
    doc_id = unicodedata.normalize("NFC", doc_id)
    row = _page_row(repo, doc_id, f)
    if row is None:  # a file stem for the id, or no such document: _document says which
        doc_id = repo.resolve_id(doc_id)
        row = _page_row(repo, doc_id, f)
        if row is None:
            raise NotFound(f"no document {doc_id!r} in the archive (see `thidua records list`)")
    doc_id, version, effective, needs_review, reasons, text, in_queue, previous, following = row
    if not in_queue:  # filtered out of the queue: "next" is the queue's first record
        previous, following = neighbours(repo, f, doc_id)
    return RecordPage(doc_id, version, Record.model_validate(effective), bool(needs_review),
                      [r["message"] for r in reasons or []], text, previous, following, list(reasons or []))


def _page_row(repo: Repository, doc_id: str, f: QueueFilter):
    ordered = _queue_query(select(DocumentRow.doc_id.label("doc_id"),
                                  func.lag(DocumentRow.doc_id).over(order_by=_ORDER).label("previous"),
                                  func.lead(DocumentRow.doc_id).over(order_by=_ORDER).label("following")),
                           f).subquery()
    query = (select(DocumentRow.doc_id, DocumentRow.version, DocumentRow.effective, DocumentRow.needs_review,
                    DocumentRow.review_reasons, SourceRow.normalized_text, ordered.c.doc_id.is_not(None),
                    ordered.c.previous, ordered.c.following)
             .outerjoin(SourceRow, (SourceRow.document_id == DocumentRow.id)
                        & (SourceRow.revision == DocumentRow.source_revision))
             .outerjoin(ordered, ordered.c.doc_id == DocumentRow.doc_id)
             .where(DocumentRow.doc_id == doc_id))
    with repo.db.reading() as conn:
        return conn.execute(query).first()


def clusters_and_years(repo: Repository) -> tuple[list[str], list[int]]:
    """What the queue's filters offer: each cluster once ("CỤM THI ĐUA SỐ 2" and "Cụm thi đua số 2"
    are one cluster, the filter matches both), under the spelling most records have."""
    with repo.db.session() as s:
        names = s.execute(select(DocumentRow.cluster_key, DocumentRow.cluster_name, func.count())
                          .where(DocumentRow.cluster_name.is_not(None)).group_by(DocumentRow.cluster_key,
                                                                                 DocumentRow.cluster_name)).all()
        years = [y for y in s.scalars(select(DocumentRow.year).distinct()) if y is not None]
    chosen: dict[str, tuple] = {}
    for key, name, count in names:
        if name and (key not in chosen or (-count, name.isupper(), name) < chosen[key]):
            chosen[key] = (-count, name.isupper(), name)
    return sorted(name for _, _, name in chosen.values()), sorted(years, reverse=True)
