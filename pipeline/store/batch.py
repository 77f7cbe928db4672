"""Storing a batch of extracted files at once: one transaction and a handful of bulk INSERTs for
the whole batch instead of a transaction and a dozen statements per file.

A backfill's files are nearly all new documents; those go in as bulk inserts (documents,
sources, names, machine records, versions, audit entries: one statement each, whatever the
batch size). The rare others take the one-file path inside the same transaction: bytes archived
already (a name added), a changed file at a known path (a new version), `as_version_of`.

All or nothing: a kill or a lost connection leaves the whole batch unstored, and running again
stores it (the originals archived before the transaction are found in place). When a
concurrent ingest stored some of the same bytes first, the transaction fails on the unique
keys, and the batch is stored again file by file, each of which then sees the other's work.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

import pipeline.store.columns as columns
import pipeline.store.review as review
from pipeline.read.document import Document
from pipeline.normalise.text import unaccent
from pipeline.read.paths import ID_LENGTHS, absolute, make_doc_id, path_key
from pipeline.record import Record
from pipeline.store.archive import FileChanged
from pipeline.store.errors import Duplicate
from pipeline.store.models import (AuditRow, DocumentRow, MachineRecordRow, RecordVersionRow, SourceNameRow,
                                     SourceRow, origin_columns)
from pipeline.store.views import MACHINE, SaveOutcome

IN_CHUNK = 500  # values per IN (...) query


@dataclass(frozen=True)
class Extraction:
    """One extracted file to store: its path, its sha256 and what extraction made of it."""

    path: Path
    sha256: str
    document: Document
    normalized_text: str
    record: Record


class BatchStore:
    """The Repository's batch ingest (a mixin: it uses `db`, `archive` and the one-file path)."""

    def store_extractions(self, batch: Sequence[Extraction],
                          as_version_of: str | None = None) -> list[SaveOutcome | FileChanged]:
        """Archive each original, then store the batch in one transaction; one outcome per file
        (FileChanged for a file whose bytes changed while it was archived: it is not stored)."""
        outcomes: dict[int, SaveOutcome | FileChanged] = {}
        ready: list[int] = []
        for i, item in enumerate(batch):
            try:
                self.archive.put(item.path, item.sha256)
            except FileChanged as exc:
                outcomes[i] = exc
            else:
                ready.append(i)
        try:
            with self.db.session(write=True) as s:
                outcomes.update(self._store_batch(s, [(i, batch[i]) for i in ready], as_version_of))
        except Duplicate:  # a concurrent ingest got there first: file by file, each sees its work
            for i in ready:
                item = batch[i]
                outcomes[i] = self.store_extraction(item.path, item.sha256, item.document, item.normalized_text,
                                                    item.record, as_version_of=as_version_of)
        return [outcomes[i] for i in range(len(batch))]

    def _store_batch(self, s: Session, batch: list[tuple[int, Extraction]],
                     as_version_of: str | None) -> dict[int, SaveOutcome]:
        if as_version_of is not None:
            return {i: self._store_one(s, item, as_version_of) for i, item in batch}
        keys = [path_key(absolute(item.path)) for _, item in batch]
        owned = _known(s, SourceRow.sha256, [item.sha256 for _, item in batch])
        at_known_path = _known(s, SourceNameRow.path_key, keys)
        new: list[tuple[int, Extraction]] = []
        others: list[tuple[int, Extraction]] = []
        seen: set[str] = set()
        for (i, item), key in zip(batch, keys, strict=True):
            if item.sha256 in owned or key in at_known_path or key in seen:
                others.append((i, item))
            else:
                seen.add(key)
                new.append((i, item))
        outcomes = _insert_new_documents(s, new)
        for i, item in others:  # after the inserts: a second file at one path is a new version of the first
            outcomes[i] = self._store_one(s, item, None)
        return outcomes

    def _store_one(self, s: Session, item: Extraction, as_version_of: str | None) -> SaveOutcome:
        return self._store_extraction(s, Path(item.path), item.sha256, item.document, item.normalized_text,
                                      item.record, as_version_of)


def _known(s: Session, column, values: list[str]) -> set[str]:
    """Which of `values` the column holds already (one query per 500)."""
    found: set[str] = set()
    for start in range(0, len(values), IN_CHUNK):
        found.update(s.scalars(select(column).where(column.in_(values[start:start + IN_CHUNK]))))
    return found


def _free_ids(s: Session, batch: list[tuple[int, Extraction]]) -> list[str]:
    """A new document id for each file: its stem and the shortest free prefix of its sha256."""
    candidates = [[make_doc_id(item.path, item.sha256, n) for n in ID_LENGTHS] for _, item in batch]
    taken = _known(s, DocumentRow.doc_id, [doc_id for ids in candidates for doc_id in ids])
    chosen = []
    for (_, item), ids in zip(batch, candidates, strict=True):
        doc_id = next((d for d in ids if d not in taken), None)
        if doc_id is None:
            raise Duplicate(f"no free document id for {item.path}")
        taken.add(doc_id)
        chosen.append(doc_id)
    return chosen


def _insert_new_documents(s: Session, batch: list[tuple[int, Extraction]]) -> dict[int, SaveOutcome]:
    """Each file a new document (revision 1, version 1): a few executemany INSERTs for the whole
    batch (documents, sources, names, machine records, versions, audit), ids read back by key."""
    if not batch:
        return {}
    doc_ids = _free_ids(s, batch)
    wheres = [absolute(item.path) for _, item in batch]
    records = [item.record.model_copy(update={"doc_id": doc_id, "source_path": where})
               for (_, item), doc_id, where in zip(batch, doc_ids, wheres, strict=True)]
    reasons = [review.judge(record) for record in records]
    dumps = [record.model_dump(mode="json") for record in records]
    exports = [record.to_export() for record in records]

    ids = _inserted_ids(s, DocumentRow, DocumentRow.doc_id, doc_ids, [
        dict(doc_id=doc_id, version=1, source_revision=1, needs_review=bool(why), review_reasons=why,
             review_priority=review.priority(why), min_confidence=record.lowest_confidence(), effective=dump,
             **columns.summary_columns(record))
        for doc_id, record, why, dump in zip(doc_ids, records, reasons, dumps, strict=True)])
    source_ids = _inserted_ids(s, SourceRow, SourceRow.sha256, [item.sha256 for _, item in batch], [
        dict(document_id=doc, revision=1, sha256=item.sha256, ext=item.path.suffix.lower().lstrip("."),
             format=item.document.format, size=item.path.stat().st_size, source_path=where,
             normalized_text=item.normalized_text, search_text=unaccent(item.normalized_text),
             **origin_columns(item.record.origin or item.document.origin()))
        for doc, (_, item), where in zip(ids, batch, wheres, strict=True)])
    s.execute(insert(SourceNameRow.__table__), [dict(source_id=source, path=where, path_key=path_key(where))
                                      for source, where in zip(source_ids, wheres, strict=True)])
    machine_ids = _inserted_ids(s, MachineRecordRow, MachineRecordRow.source_id, source_ids, [
        dict(document_id=doc, source_id=source, reason="ingest", record=dump)
        for doc, source, dump in zip(ids, source_ids, dumps, strict=True)])
    s.execute(insert(RecordVersionRow.__table__), [
        dict(document_id=doc, version=1, action="ingest", actor=MACHINE, machine_record_id=machine, record=export)
        for doc, machine, export in zip(ids, machine_ids, exports, strict=True)])
    s.execute(insert(AuditRow.__table__), [
        dict(document_id=doc, version=1, action="ingest", actor=MACHINE, field=None, old_value=None,
             new_value=export, reason=f"ingested from {where}")
        for doc, export, where in zip(ids, exports, wheres, strict=True)])
    flags = [dict(document_id=doc, version=1, action="flag_review", actor=MACHINE, field=r["field"],
                  reason=r["message"]) for doc, why in zip(ids, reasons, strict=True) for r in why]
    if flags:
        s.execute(insert(AuditRow.__table__), flags)
    return {i: SaveOutcome("new", doc_id, 1, 1, review_reasons=[r["message"] for r in why])
            for (i, _), doc_id, why in zip(batch, doc_ids, reasons, strict=True)}


def _inserted_ids(s: Session, model, key, keys: list, rows: list[dict]) -> list[int]:
    """Insert the rows (one executemany), then read their new ids back by a unique key, in the
    rows' order. Not INSERT ... RETURNING: SQLite cannot return ids in parameter order for a
    batch, so SQLAlchemy would send one INSERT per row."""
    s.execute(insert(model.__table__), rows)
    found: dict = {}
    for start in range(0, len(keys), IN_CHUNK):
        found.update(s.execute(select(key, model.id).where(key.in_(keys[start:start + IN_CHUNK]))).tuples().all())
    return [found[k] for k in keys]
