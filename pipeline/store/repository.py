"""Saving and reading records: machine output, corrections, the effective record, versions, audit.

Every write is one transaction that bumps `documents.version` (the optimistic lock), stores a
snapshot in `record_versions` and says what changed in `audit_log`. Corrections are only ever
added; re-extraction adds machine records and re-applies the corrections on top.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline.read.document import Document
from pipeline.normalise.text import unaccent
from pipeline.read.paths import ID_LENGTHS, ID_SUFFIX, absolute, make_doc_id, path_key
from pipeline.record import Record
from pipeline.settings import get_settings
import pipeline.store.columns as columns
import pipeline.store.overlay as ov
import pipeline.store.review as review
import pipeline.store.values as values
from pipeline.store.archive import OriginalsArchive
from pipeline.store.db import Database, open_database
from pipeline.store.errors import ConflictError, Duplicate, NotFound
from pipeline.store.batch import IN_CHUNK, BatchStore
from pipeline.store.corrections import Corrections
from pipeline.store.failures import FailedFiles
from pipeline.store.runlog import RunLog
from pipeline.store.views import MACHINE, CorrectionInfo, RecordSummary, SaveOutcome, SourceInfo, StoredRecord, aware
from pipeline.store.models import (AuditRow, CorrectionRow, DocumentRow, MachineRecordRow, RecordVersionRow,
                                     SourceNameRow, SourceRow, origin_columns, utcnow)

class Repository(BatchStore, Corrections, FailedFiles, RunLog):
    """The archive: originals on disk and records in the database, one transaction per write."""

    def __init__(self, db: Database, archive: OriginalsArchive):
        self.db = db
        self.archive = archive

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- ingest ---------------------------------------------------------------------------------

    def archived(self, hashes: Iterable[str]) -> dict[str, str]:
        """Which of these originals are already stored: sha256 -> doc_id. Cheap: one indexed
        query per 500 hashes, so a no-change re-run skips files without extracting them."""
        hashes = list(dict.fromkeys(hashes))
        found: dict[str, str] = {}
        with self.db.session() as s:
            for i in range(0, len(hashes), IN_CHUNK):
                rows = s.execute(select(SourceRow.sha256, DocumentRow.doc_id)
                                 .join(DocumentRow, DocumentRow.id == SourceRow.document_id)
                                 .where(SourceRow.sha256.in_(hashes[i:i + IN_CHUNK])))
                found.update((sha, doc_id) for sha, doc_id in rows)
        return found

    def store_extraction(self, path: Path, sha256: str, document: Document, normalized_text: str,
                         record: Record, as_version_of: str | None = None) -> SaveOutcome:
        """Archive the original, then store document, source, machine record, version and audit
        in one transaction: a kill at any point leaves either all of it or none of it.

        Which document: the one a file at this same path became before (a changed file is a
        new version of it), or `as_version_of`; otherwise a new document with its own id. The
        same bytes under another name are one original: the name is recorded beside it."""
        self.archive.put(Path(path), sha256)
        for attempt in range(2):  # a concurrent writer may create the same doc_id first
            try:
                with self.db.session(write=True) as s:
                    return self._store_extraction(s, Path(path), sha256, document, normalized_text, record,
                                                  as_version_of)
            except Duplicate:
                if attempt:
                    raise
                existing = self.archived([sha256])
                if existing:
                    self.record_names([(sha256, Path(path))])
                    return SaveOutcome("duplicate", existing[sha256])
        raise AssertionError("unreachable")

    def record_names(self, found: Iterable[tuple[str, Path]]) -> None:
        """Remember that these archived originals (sha256) were also found at these paths."""
        wanted: dict[tuple[str, str], tuple[str, str]] = {}  # (sha256, path key) -> (sha256, path)
        for sha256, path in found:
            where = absolute(path)
            wanted.setdefault((sha256, path_key(where)), (sha256, where))
        if not wanted:
            return
        shas = list(dict.fromkeys(sha for sha, _ in wanted))
        ids: dict[str, int] = {}
        with self.db.session(write=True) as s:
            for i in range(0, len(shas), IN_CHUNK):  # one query per 500 originals for the names known already
                rows = s.execute(select(SourceRow.sha256, SourceRow.id, SourceNameRow.path_key)
                                 .outerjoin(SourceNameRow, SourceNameRow.source_id == SourceRow.id)
                                 .where(SourceRow.sha256.in_(shas[i:i + IN_CHUNK])))
                for sha256, source_id, key in rows:
                    ids[sha256] = source_id
                    wanted.pop((sha256, key), None)
            for sha256, where in wanted.values():
                if sha256 in ids:
                    s.add(SourceNameRow(source_id=ids[sha256], path=where, path_key=path_key(where)))

    @staticmethod
    def _add_name(s: Session, source_id: int, where: str) -> None:
        key = path_key(where)
        known = s.scalar(select(SourceNameRow.id).where(SourceNameRow.source_id == source_id,
                                                        SourceNameRow.path_key == key))
        if known is None:
            s.add(SourceNameRow(source_id=source_id, path=where, path_key=key))

    def _document_at(self, s: Session, where: str) -> DocumentRow | None:
        """The document whose newest file version came from this path, if any."""
        return s.scalar(select(DocumentRow).join(SourceRow, SourceRow.document_id == DocumentRow.id)
                        .join(SourceNameRow, SourceNameRow.source_id == SourceRow.id)
                        .where(SourceNameRow.path_key == path_key(where))
                        .order_by(SourceRow.ingested_at.desc(), SourceRow.id.desc()).limit(1))

    def _new_doc_id(self, s: Session, path: Path, sha256: str) -> str:
        for length in ID_LENGTHS:
            doc_id = make_doc_id(path, sha256, length)
            if s.scalar(select(DocumentRow.id).where(DocumentRow.doc_id == doc_id)) is None:
                return doc_id
        raise Duplicate(f"no free document id for {path}")

    def _store_extraction(self, s: Session, path: Path, sha256: str, document: Document, normalized_text: str,
                          record: Record, as_version_of: str | None) -> SaveOutcome:
        where = absolute(path)
        owner = s.scalar(select(SourceRow).where(SourceRow.sha256 == sha256))
        if owner is not None:
            self._add_name(s, owner.id, where)
            return SaveOutcome("duplicate", s.scalar(select(DocumentRow.doc_id)
                                                     .where(DocumentRow.id == owner.document_id)))
        doc = self._document(s, as_version_of) if as_version_of else self._document_at(s, where)
        source_fields = dict(sha256=sha256, ext=path.suffix.lower().lstrip("."), format=document.format,
                             size=path.stat().st_size, source_path=where, normalized_text=normalized_text,
                             search_text=unaccent(normalized_text),
                             **origin_columns(record.origin or document.origin()))
        if doc is None:
            doc_id = self._new_doc_id(s, path, sha256)
            record = record.model_copy(update={"doc_id": doc_id, "source_path": where})
            reasons = review.judge(record)
            doc = DocumentRow(doc_id=doc_id, source_revision=1, needs_review=bool(reasons), review_reasons=reasons,
                              review_priority=review.priority(reasons), min_confidence=record.lowest_confidence(),
                              effective=record.model_dump(mode="json"), **columns.summary_columns(record))
            s.add(doc)
            s.flush()
            source = SourceRow(document_id=doc.id, revision=1, **source_fields)
            s.add(source)
            s.flush()
            self._add_name(s, source.id, where)
            machine = MachineRecordRow(document_id=doc.id, source_id=source.id, reason="ingest",
                                       record=record.model_dump(mode="json"))
            s.add(machine)
            s.flush()
            export = record.to_export()
            s.add(RecordVersionRow(document_id=doc.id, version=doc.version, action="ingest", actor=MACHINE,
                                   machine_record_id=machine.id, record=export))
            s.add(AuditRow(document_id=doc.id, version=doc.version, action="ingest", actor=MACHINE, field=None,
                           old_value=None, new_value=export, reason=f"ingested from {where}"))
            for reason in reasons:
                s.add(AuditRow(document_id=doc.id, version=doc.version, action="flag_review", actor=MACHINE,
                               field=reason["field"], reason=reason["message"]))
            return SaveOutcome("new", doc.doc_id, doc.version, 1, review_reasons=[r["message"] for r in reasons])
        record = record.model_copy(update={"doc_id": doc.doc_id, "source_path": where})
        revision = (s.scalar(select(func.max(SourceRow.revision)).where(SourceRow.document_id == doc.id)) or 0) + 1
        source = SourceRow(document_id=doc.id, revision=revision, **source_fields)
        s.add(source)
        s.flush()
        self._add_name(s, source.id, where)
        return self._store_machine(s, doc, source, record, "new_version",
                                   f"new file version {revision} from {where} ({sha256[:12]})")

    def _store_machine(self, s: Session, doc: DocumentRow, source: SourceRow, record: Record, action: str,
                       why: str) -> SaveOutcome:
        """New machine values for an existing document; corrections re-applied, never changed."""
        previous = Record.model_validate(self._machine_row(s, doc.id).record)
        corrections = self._corrections(s, doc.id)
        result = ov.overlay(record, [c for _, c in corrections], previous=previous)
        machine = MachineRecordRow(document_id=doc.id, source_id=source.id, reason=action,
                                   record=record.model_dump(mode="json"))
        s.add(machine)
        s.flush()
        changed = ov.changed_fields(previous.to_export(), record.to_export())
        doubts = review.judge(result.record)
        flagged = {r["message"] for r in doc.review_reasons}
        reasons = review.merge(doc.review_reasons, doubts, result.review_reasons)
        doc.source_revision = source.revision
        self._set_effective(doc, result.record, reasons)
        s.flush()  # one UPDATE: bumps doc.version, or fails if someone else bumped it first
        s.add(RecordVersionRow(document_id=doc.id, version=doc.version, action=action, actor=MACHINE,
                               machine_record_id=machine.id, record=result.record.to_export()))
        old_export, new_export = previous.to_export(), record.to_export()
        for name in changed:
            s.add(AuditRow(document_id=doc.id, version=doc.version, action=action, actor=MACHINE, field=name,
                           old_value=ov.field_value(old_export, name), new_value=ov.field_value(new_export, name),
                           reason=why))
        if not changed:
            s.add(AuditRow(document_id=doc.id, version=doc.version, action=action, actor=MACHINE, field=None,
                           reason=f"{why}: same values, new evidence or confidences"))
        raised = [r for r in reasons if r["message"] not in flagged]
        for reason in raised:
            s.add(AuditRow(document_id=doc.id, version=doc.version, action="flag_review", actor=MACHINE,
                           field=reason["field"], reason=reason["message"]))
        return SaveOutcome("new_version" if action == "new_version" else "updated", doc.doc_id, doc.version,
                           source.revision, changed, [r["message"] for r in result.review_reasons])

    def resolve_id(self, doc_id: str) -> str:
        """The full id of a document given by its id or its unambiguous file stem."""
        with self.db.session() as s:
            return self._document(s, doc_id).doc_id

    def current_original(self, doc_id: str) -> SourceInfo:
        """The archived original a re-extraction reads."""
        with self.db.session() as s:
            doc = self._document(s, doc_id)
            return self._source_info(self._current_source(s, doc))

    def store_reextraction(self, doc_id: str, sha256: str, normalized_text: str, record: Record) -> SaveOutcome:
        """New machine values from re-reading the archived original `sha256`; nothing is written
        when the extractor gives exactly what is stored."""
        with self.db.session(write=True) as s:
            doc = self._document(s, doc_id, lock=True)
            source = self._current_source(s, doc)
            if source.sha256 != sha256:  # a new file version was ingested meanwhile
                return SaveOutcome("superseded", doc_id, doc.version, source.revision)
            current = self._machine_row(s, doc.id).record
            new_dump = record.model_dump(mode="json")
            if new_dump == current and normalized_text == source.normalized_text:
                return SaveOutcome("unchanged", doc_id, doc.version, source.revision)
            if normalized_text != source.normalized_text:  # a changed normaliser: evidence points into this text
                source.normalized_text = normalized_text
                source.search_text = unaccent(normalized_text)
            if record.origin is not None:  # a newer reader may obtain the text differently
                for name, value in origin_columns(record.origin).items():
                    setattr(source, name, value)
            return self._store_machine(s, doc, source, record, "reextract", "re-extraction")

    def doc_ids(self) -> list[str]:
        with self.db.session() as s:
            return list(s.scalars(select(DocumentRow.doc_id).order_by(DocumentRow.doc_id)))

    # --- reading --------------------------------------------------------------------------------

    def get(self, doc_id: str, with_text: bool = False) -> StoredRecord:
        with self.db.session() as s:
            doc = self._document(s, doc_id)
            corrections = [CorrectionInfo(field=r.field, value=r.value, old_value=r.old_value,
                                          machine_value=r.machine_value, user=r.user, reason=r.reason,
                                          at=aware(r.created_at), id=r.id, evidence=r.evidence)
                           for r, _ in self._corrections(s, doc.id)]
            sources = [self._source_info(r, s) for r in s.scalars(
                select(SourceRow).where(SourceRow.document_id == doc.id).order_by(SourceRow.revision))]
            text = self._current_source(s, doc).normalized_text if with_text else None
            return StoredRecord(doc.doc_id, doc.version, Record.model_validate(doc.effective), doc.needs_review,
                                [r["message"] for r in doc.review_reasons], corrections, sources, text)

    def list(self, cluster: str | None = None, year: int | None = None, needs_review: bool | None = None,
             limit: int | None = None) -> list[RecordSummary]:
        """Summaries in doc_id order; the review queue (`needs_review=True`) most urgent first:
        conflicts with a correction, then empty records, implausible text, low confidence,
        and within each the least certain record first."""
        query = self._filtered(select(DocumentRow.doc_id, DocumentRow.version, DocumentRow.title,
                                      DocumentRow.cluster_name, DocumentRow.year, DocumentRow.needs_review,
                                      DocumentRow.updated_at, DocumentRow.review_reasons,
                                      DocumentRow.min_confidence), cluster, year, needs_review)
        if needs_review:
            query = query.order_by(DocumentRow.review_priority.asc().nulls_last(),
                                   DocumentRow.min_confidence.asc().nulls_first(), DocumentRow.doc_id)
        else:
            query = query.order_by(DocumentRow.doc_id)
        with self.db.session() as s:
            rows = s.execute(query.limit(limit))
            return [RecordSummary(d, v, t, c, y, bool(n), aware(u), [r["message"] for r in reasons or []], m)
                    for d, v, t, c, y, n, u, reasons, m in rows]

    def count(self, cluster: str | None = None, year: int | None = None, needs_review: bool | None = None) -> int:
        query = self._filtered(select(func.count()).select_from(DocumentRow), cluster, year, needs_review)
        with self.db.session() as s:
            return s.scalar(query) or 0

    def iter_effective(self, cluster: str | None = None, year: int | None = None,
                       needs_review: bool | None = None, batch: int = 500) -> Iterator[Record]:
        """Effective records in doc_id order, streamed (export of 10,000 documents stays small)."""
        query = self._filtered(select(DocumentRow.effective), cluster, year, needs_review).order_by(DocumentRow.doc_id)
        with self.db.session() as s:
            for dump in s.execute(query.execution_options(yield_per=batch)).scalars():
                yield Record.model_validate(dump)

    def counts(self) -> dict[str, int]:
        with self.db.session() as s:
            return {name: s.scalar(select(func.count()).select_from(model)) for name, model in (
                ("documents", DocumentRow), ("sources", SourceRow), ("machine_records", MachineRecordRow),
                ("corrections", CorrectionRow), ("record_versions", RecordVersionRow), ("audit_log", AuditRow))}

    # --- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _filtered(query, cluster: str | None, year: int | None, needs_review: bool | None):
        if cluster:
            number = values.cluster_number(cluster)
            if number is not None:
                query = query.where(DocumentRow.cluster_number == number)
            else:
                pattern = columns.normalise_key(cluster).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                query = query.where(DocumentRow.cluster_key.like(f"%{pattern}%", escape="\\"))
        if year is not None:
            query = query.where(DocumentRow.year == year)
        if needs_review is not None:
            query = query.where(DocumentRow.needs_review.is_(needs_review))
        return query

    @staticmethod
    def _document(s: Session, doc_id: str, expected_version: int | None = None, lock: bool = False) -> DocumentRow:
        """By id; a file stem alone (`baocao` for `baocao-1a2b3c4d`) is accepted when only one
        document has it. `lock`: hold the row until the transaction ends (PostgreSQL; SQLite's
        writers are serialised already), so concurrent writers wait instead of conflicting."""
        doc_id = unicodedata.normalize("NFC", doc_id)
        doc = s.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc_id))
        if doc is None:
            pattern = doc_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%"
            candidates = [d for d in s.scalars(select(DocumentRow).where(
                DocumentRow.doc_id.like(pattern, escape="\\")).limit(20))
                if ID_SUFFIX.fullmatch(d.doc_id[len(doc_id):])]
            if len(candidates) > 1:
                names = ", ".join(sorted(d.doc_id for d in candidates))
                raise NotFound(f"{doc_id!r} is the name of {len(candidates)} documents: {names}; give the full id")
            doc = candidates[0] if candidates else None
        if doc is None:
            raise NotFound(f"no document {doc_id!r} in the archive (see `thidua records list`)")
        if lock:
            doc = s.scalars(select(DocumentRow).where(DocumentRow.id == doc.id).with_for_update()
                            .execution_options(populate_existing=True)).one()
        if expected_version is not None and doc.version != expected_version:
            raise ConflictError(f"{doc_id} was changed by someone else: it is at version {doc.version}, "
                                f"you expected {expected_version}; show it again and repeat the change")
        return doc

    @staticmethod
    def _machine_row(s: Session, document_id: int) -> MachineRecordRow:
        return s.scalars(select(MachineRecordRow).where(MachineRecordRow.document_id == document_id)
                         .order_by(MachineRecordRow.id.desc()).limit(1)).one()

    @staticmethod
    def _current_source(s: Session, doc: DocumentRow) -> SourceRow:
        return s.scalars(select(SourceRow).where(SourceRow.document_id == doc.id,
                                                 SourceRow.revision == doc.source_revision)).one()

    @staticmethod
    def _corrections(s: Session, document_id: int) -> list[tuple[Any, ov.Correction]]:
        """The corrections in force, oldest first, as (row with CorrectionRow's columns, Correction)."""
        rows = s.execute(select(*CorrectionRow.__table__.columns).where(CorrectionRow.document_id == document_id,
                                                                        CorrectionRow.withdrawn_at.is_(None))
                         .order_by(CorrectionRow.id))
        return [(r, ov.Correction(field=r.field, value=r.value, anchor=r.anchor, machine_value=r.machine_value,
                                  evidence=r.evidence))
                for r in rows]

    def _source_info(self, row: SourceRow, s: Session | None = None) -> SourceInfo:
        names = list(s.scalars(select(SourceNameRow.path).where(SourceNameRow.source_id == row.id)
                               .order_by(SourceNameRow.id))) if s is not None else []
        return SourceInfo(row.revision, row.sha256, row.ext, row.format, row.size, row.source_path,
                          aware(row.ingested_at), self.archive.path_for(row.sha256, row.ext), row.text_origin(), names)

    @staticmethod
    def _set_effective(doc: DocumentRow, record: Record, reasons: list[dict]) -> None:
        doc.effective = record.model_dump(mode="json")
        doc.review_reasons = reasons
        doc.needs_review = bool(reasons)
        doc.review_priority = review.priority(reasons)
        doc.min_confidence = record.lowest_confidence()
        doc.updated_at = utcnow()
        for name, value in columns.summary_columns(record).items():
            setattr(doc, name, value)


def open_repository(database_url: str | None = None, archive_dir: Path | None = None, *,
                    create: bool = True) -> Repository:
    """The archive as configured (THIDUA_DATABASE_URL, THIDUA_ARCHIVE_DIR), schema upgraded.
    `create=False`: an error (NoArchive) when there is none yet, instead of a new empty one."""
    settings = get_settings()
    return Repository(open_database(database_url, create=create),
                      OriginalsArchive(archive_dir or settings.effective_archive_dir))
