"""What the archive hands out: plain records of documents, originals, corrections, runs and the
audit trail, read by the command line, the web app and the reports (no database objects leak)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.record import Record, TextOrigin

MACHINE = "thidua-extractor"  # the actor of machine changes in versions and the audit log


@dataclass
class SourceInfo:
    revision: int
    sha256: str
    ext: str
    format: str
    size: int
    source_path: str
    ingested_at: dt.datetime
    archive_path: Path
    origin: TextOrigin | None = None  # how its text was obtained (None: stored before this was kept)
    names: list[str] = field(default_factory=list)  # every path these bytes were found at


@dataclass
class CorrectionInfo:
    field: str
    value: Any
    old_value: Any
    machine_value: Any
    user: str
    reason: str | None
    at: dt.datetime
    id: int | None = None  # what a withdrawal names
    evidence: dict | None = None


@dataclass
class StoredRecord:
    """A record as people see it: the effective values and everything needed to judge them."""

    doc_id: str
    version: int
    record: Record  # effective: machine values overlaid with corrections
    needs_review: bool
    review_reasons: list[str]
    corrections: list[CorrectionInfo] = field(default_factory=list)
    sources: list[SourceInfo] = field(default_factory=list)
    normalized_text: str | None = None


@dataclass
class RecordSummary:
    doc_id: str
    version: int
    title: str | None
    cluster: str | None
    year: int | None
    needs_review: bool
    updated_at: dt.datetime
    review_reasons: list[str] = field(default_factory=list)
    min_confidence: float | None = None


@dataclass
class RunInfo:
    """One backfill or nightly run as `thidua status` shows it."""

    id: int
    kind: str
    name: str
    state: str  # running | completed | failed
    started_at: dt.datetime
    finished_at: dt.datetime | None
    stored: int
    skipped: int
    failed: int
    message: str | None


@dataclass
class AuditEntry:
    version: int
    at: dt.datetime
    actor: str
    action: str
    field: str | None
    old_value: Any
    new_value: Any
    reason: str | None


@dataclass
class VersionInfo:
    version: int
    at: dt.datetime
    actor: str
    action: str
    record: dict  # GOLD_FORMAT


@dataclass
class SaveOutcome:
    """What storing one extraction did: `new` document, `new_version` of a document (changed file),
    `updated` (re-extraction changed machine values), `unchanged`, `duplicate` (bytes already
    archived), or `superseded` (a re-extraction of a file version that is no longer current)."""

    status: str
    doc_id: str
    version: int | None = None
    revision: int | None = None
    changed: list[str] = field(default_factory=list)  # GOLD_FORMAT fields whose machine value changed
    review_reasons: list[str] = field(default_factory=list)  # raised by this change


def aware(when: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back; everything is stored in UTC."""
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
