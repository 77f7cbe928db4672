"""People's corrections and the trail they leave: the part of `Repository` that writes on
behalf of staff (optimistic lock, retries against concurrent writers) and reads the history."""
from __future__ import annotations

import random
import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.record import Record
import pipeline.store.overlay as ov
import pipeline.store.review as review
import pipeline.store.values as values
from pipeline.store.errors import ConflictError, InvalidCorrection
from pipeline.store.models import AuditRow, CorrectionRow, DocumentRow, MachineRecordRow, RecordVersionRow

from pipeline.store.views import AuditEntry, StoredRecord, VersionInfo, aware

WRITE_RETRIES = 8  # a person's write without --expect-version, against concurrent writers


class Corrections:
    """Mixed into `Repository` (which provides `db` and the row helpers)."""

    def history(self, doc_id: str, field: str | None = None) -> list[AuditEntry]:
        """Who changed what, when, from what: for the whole record, or one GOLD_FORMAT field
        (`title`, `meeting.venue`; an item path like `participants[0].title` means `participants`)."""
        top = ov.parse_path(field).top if field else None
        with self.db.session() as s:
            doc = self._document(s, doc_id)
            rows = s.scalars(select(AuditRow).where(AuditRow.document_id == doc.id).order_by(AuditRow.id))
            entries = []
            for r in rows:
                new_value = r.new_value
                if top is not None:
                    if r.field is None and r.action == "ingest":
                        new_value = ov.field_value(r.new_value, top)
                    elif r.field is None or ov.parse_path(r.field).top != top:
                        continue
                entries.append(AuditEntry(r.version, aware(r.at), r.actor, r.action, r.field, r.old_value,
                                          new_value, r.reason))
            return entries

    def versions(self, doc_id: str) -> list[VersionInfo]:
        with self.db.session() as s:
            doc = self._document(s, doc_id)
            return [VersionInfo(r.version, aware(r.created_at), r.actor, r.action, r.record)
                    for r in s.scalars(select(RecordVersionRow).where(RecordVersionRow.document_id == doc.id)
                                       .order_by(RecordVersionRow.version))]

    # --- corrections ----------------------------------------------------------------------------

    def correct(self, doc_id: str, field: str, value: Any, *, user: str, reason: str | None = None,
                expected_version: int | None = None) -> StoredRecord:
        """Override one field for good: stored apart from machine output, wins on every read and
        survives re-extraction. `expected_version` (the version the person was looking at) turns
        a concurrent change into a ConflictError instead of a silent overwrite."""
        if not user or not user.strip():
            raise InvalidCorrection("a correction needs the name of the person making it (--user)")
        values.check_person(user, reason)
        values.check_value(value)
        return self._retrying(expected_version, lambda: self._correct(doc_id, field, value, user, reason,
                                                                      expected_version))

    def _retrying(self, expected_version: int | None, write):
        """Run a write; without an expected version (nobody asked for optimistic locking) a
        concurrent change is not a conflict: read again and apply on top, as SQLite's serialised
        writers do. The row lock in `_document(lock=True)` makes this rare on PostgreSQL."""
        for attempt in range(WRITE_RETRIES):
            try:
                return write()
            except ConflictError:
                if expected_version is not None or attempt == WRITE_RETRIES - 1:
                    raise
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise AssertionError("unreachable")

    def _correct(self, doc_id: str, field: str, value: Any, user: str, reason: str | None,
                 expected_version: int | None) -> StoredRecord:
        with self.db.session(write=True) as s:
            doc = self._document(s, doc_id, expected_version, lock=True)
            self.add_correction(s, doc, field, value, user=user, reason=reason)
        return self.get(doc_id)

    def add_correction(self, s: Session, doc: DocumentRow, field: str, value: Any, *, user: str,
                       reason: str | None = None, evidence: dict | None = None) -> CorrectionRow:
        """One correction inside the caller's transaction (`records set`): see add_corrections."""
        return self.add_corrections(s, doc, [(field, value, evidence)], user=user, reason=reason)[0]

    def add_corrections(self, s: Session, doc: DocumentRow, changes: list[tuple[str, Any, dict | None]], *,
                        user: str, reason: str | None = None, skip_unchanged: bool = False) -> list[CorrectionRow]:
        """Corrections (field, value, evidence) inside the caller's transaction, each applied on
        top of the one before: each stored and audited, all of them one new version of the record
        (a save of the web page is one version, however many fields it changed). A change to the
        value the field already has is refused, or skipped with `skip_unchanged`."""
        machine = Record.model_validate(s.scalar(select(MachineRecordRow.record)  # the newest; no ORM object
                                                 .where(MachineRecordRow.document_id == doc.id)
                                                 .order_by(MachineRecordRow.id.desc()).limit(1)))
        effective = Record.model_validate(doc.effective)
        reasons, rows, audits = list(doc.review_reasons), [], []
        for field, value, evidence in changes:
            correction, old, new = ov.prepare_correction(machine, effective, field, value)
            values.check_value(correction.value)  # as the record holds it ("NaN" as a score is a number)
            if old == new:
                if skip_unchanged:
                    continue
                raise InvalidCorrection(f"{correction.field} is already {new!r}; nothing to change")
            row = CorrectionRow(document_id=doc.id, field=correction.field, anchor=correction.anchor,
                                value=correction.value, old_value=old, machine_value=correction.machine_value,
                                user=user.strip(), reason=reason, evidence=evidence)
            s.add(row)
            s.flush()
            reasons = review.settled(reasons, ov.target(correction), effective.to_export())
            effective = ov.overlay(machine, [c for _, c in self._corrections(s, doc.id)]).record
            rows.append(row)
            audits.append((correction.field, old, correction.value))
        if not rows:
            return []
        values.check_record_size(effective.to_export())
        self._set_effective(doc, effective, reasons)
        s.flush()
        s.add(RecordVersionRow(document_id=doc.id, version=doc.version, action="correct", actor=user.strip(),
                               correction_id=rows[-1].id, record=effective.to_export()))
        s.add_all(AuditRow(document_id=doc.id, version=doc.version, action="correct", actor=user.strip(),
                           field=field, old_value=old, new_value=new, reason=reason) for field, old, new in audits)
        return rows

    def resolve_review(self, doc_id: str, *, user: str, reason: str | None = None,
                       expected_version: int | None = None) -> StoredRecord:
        """A person has looked at the flagged fields and keeps the record as it is."""
        if not user or not user.strip():
            raise InvalidCorrection("resolving a review needs the name of the person (--user)")
        values.check_person(user, reason)
        return self._retrying(expected_version, lambda: self._resolve(doc_id, user, reason, expected_version))

    def _resolve(self, doc_id: str, user: str, reason: str | None, expected_version: int | None) -> StoredRecord:
        with self.db.session(write=True) as s:
            doc = self._document(s, doc_id, expected_version, lock=True)
            if not doc.needs_review:
                raise InvalidCorrection(f"{doc_id} is not flagged for review")
            cleared = [r["message"] for r in doc.review_reasons]
            self._set_effective(doc, Record.model_validate(doc.effective), [])
            s.flush()
            s.add(RecordVersionRow(document_id=doc.id, version=doc.version, action="resolve", actor=user.strip(),
                                   record=Record.model_validate(doc.effective).to_export()))
            s.add(AuditRow(document_id=doc.id, version=doc.version, action="resolve", actor=user.strip(),
                           field=None, old_value=cleared, new_value=None, reason=reason))
        return self.get(doc_id)
