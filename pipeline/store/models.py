"""The archive's tables. Machine output and human corrections live in separate tables; the
effective record on `documents` is derived from them on every write.

- documents        one row per doc_id (the file name without extension plus a short hash of the
                   first original, e.g. `baocao-1a2b3c4d`; archives from before 0002 keep the bare
                   stem); `version` is the optimistic lock every change bumps, `effective` the
                   record as read.
- sources          one row per distinct original (sha256), i.e. per file version, with the
                   normalised text the evidence offsets point into; the bytes sit in the archive.
- machine_records  every extraction ever stored, newest last.
- corrections      every field-level override a person made, in order; never rewritten.
- record_versions  a snapshot of the effective record (GOLD_FORMAT) at each version.
- audit_log        who changed which field, when, from what, to what.
- source_names     every path an original was found at; a changed file at a known path is a new
                   version of that path's document.
- runs             what each backfill or nightly run did (`thidua status`).
- failed_files     originals (by sha256) that could not be read, with the reason: a re-run skips
                   the same bytes instead of reading them again (`ingest --retry-failed`).
- users, sessions  staff accounts and login sessions of the review web app.

Search columns/indexes (SQLite FTS5 table, PostgreSQL tsvector + GIN) are created by the
migration only; they are not mapped here.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, \
    Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pipeline.record import TextOrigin

NAMING = {"ix": "ix_%(table_name)s_%(column_0_N_name)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s",
          "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s"}

Json = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(255), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    source_revision: Mapped[int] = mapped_column(Integer)  # which sources.revision is current
    effective: Mapped[dict[str, Any]] = mapped_column(Json)  # Record dump: machine overlaid with corrections
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    review_reasons: Mapped[list[dict]] = mapped_column(Json, default=list)
    review_priority: Mapped[int | None] = mapped_column(Integer)  # most urgent reason first (see review.py)
    min_confidence: Mapped[float | None] = mapped_column(Float)  # the least certain value
    # Denormalised from `effective` for listing and filtering.
    title: Mapped[str | None] = mapped_column(Text)
    cluster_name: Mapped[str | None] = mapped_column(Text)
    cluster_key: Mapped[str | None] = mapped_column(String(500), index=True)  # cluster name without diacritics
    cluster_number: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer, index=True)  # meeting period, else meeting date's year
    kinds: Mapped[str | None] = mapped_column(String(200))  # ",so_ket,tong_ket," for the queue's kind filter
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __mapper_args__ = {"version_id_col": version}


class SourceRow(Base):
    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("document_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    ext: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(BigInteger)
    source_path: Mapped[str] = mapped_column(Text)  # where it was ingested from
    normalized_text: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str | None] = mapped_column(Text)  # normalized_text without diacritics, for search
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # How the text was obtained (pipeline.record.TextOrigin; migration 0003_text_origin)
    converter: Mapped[str | None] = mapped_column(String(64))
    encoding: Mapped[str | None] = mapped_column(String(32))
    conversion: Mapped[str | None] = mapped_column(String(32))
    plausibility: Mapped[float | None] = mapped_column(Float)
    ocr_pages: Mapped[int | None] = mapped_column(Integer)
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    verified_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)  # fixity.py

    def text_origin(self) -> TextOrigin | None:
        """None for a file version stored before text origins were kept."""
        if self.plausibility is None and not (self.ocr_pages or self.conversion or self.encoding):
            return None
        return TextOrigin(reader=self.format, **{name: getattr(self, name) for name in ORIGIN_COLUMNS})


ORIGIN_COLUMNS = ("converter", "encoding", "conversion", "plausibility", "ocr_pages", "ocr_confidence")


def origin_columns(origin: TextOrigin) -> dict[str, Any]:
    return {name: getattr(origin, name) for name in ORIGIN_COLUMNS}


class MachineRecordRow(Base):
    __tablename__ = "machine_records"
    __table_args__ = (Index("ix_machine_records_document_id_id", "document_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    record: Mapped[dict[str, Any]] = mapped_column(Json)  # Record.model_dump(mode="json"), with evidence
    reason: Mapped[str] = mapped_column(String(32))  # ingest | new_version | reextract
    extracted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CorrectionRow(Base):
    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_document_id_id", "document_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(200))  # e.g. meeting.venue, participants[0].title
    anchor: Mapped[Any] = mapped_column(Json, nullable=True)  # key of the list item it was made on
    value: Mapped[Any] = mapped_column(Json, nullable=True)  # GOLD_FORMAT shape; null clears/removes
    old_value: Mapped[Any] = mapped_column(Json, nullable=True)  # effective value it replaced
    machine_value: Mapped[Any] = mapped_column(Json, nullable=True)  # machine value it overrode
    user: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    evidence: Mapped[Any] = mapped_column(Json, nullable=True)  # where a person found an added item
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))  # back to the machine value
    withdrawn_by: Mapped[str | None] = mapped_column(String(200))


class RecordVersionRow(Base):
    __tablename__ = "record_versions"
    __table_args__ = (UniqueConstraint("document_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))  # ingest | new_version | reextract | correct | resolve
    actor: Mapped[str] = mapped_column(String(200))
    machine_record_id: Mapped[int | None] = mapped_column(ForeignKey("machine_records.id", ondelete="CASCADE"))
    correction_id: Mapped[int | None] = mapped_column(ForeignKey("corrections.id", ondelete="CASCADE"))
    record: Mapped[dict[str, Any]] = mapped_column(Json)  # effective record in GOLD_FORMAT
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_document_id_id", "document_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    field: Mapped[str | None] = mapped_column(String(200))  # None: the whole record (ingest)
    old_value: Mapped[Any] = mapped_column(Json, nullable=True)
    new_value: Mapped[Any] = mapped_column(Json, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SourceNameRow(Base):
    __tablename__ = "source_names"
    __table_args__ = (UniqueConstraint("source_id", "path_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)  # absolute, undecodable bytes escaped
    path_key: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of path: paths can be long
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RunRow(Base):
    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_kind_id", "kind", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # backfill | nightly | reextract
    name: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))  # running | completed | failed
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    stored: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)


class FailedFileRow(Base):
    """Bytes that failed to be read or extracted, so a re-run of the folder need not try again."""

    __tablename__ = "failed_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(Text)  # where the bytes were last found
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserRow(Base):
    """A member of staff who may use the review web app (password: argon2 hash)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # viewer | editor | admin
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SessionRow(Base):
    """A server-side login session; the browser holds only a random token whose hash is stored."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
