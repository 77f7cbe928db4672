"""The archive: originals, machine records, human corrections, versions and audit, in SQLite or
PostgreSQL. Start with `open_repository()`; every expected problem is a `StorageError`."""
from pipeline.store.archive import OriginalsArchive, sha256_file
from pipeline.store.db import Database, open_database, redact
from pipeline.store.errors import (ConflictError, DatabaseUnavailable, InvalidCorrection, InvalidInput,
                                     MigrationError, NotFound, StorageError, StorageFull)
from pipeline.store.repository import Repository, open_repository
from pipeline.store.views import AuditEntry, RecordSummary, SaveOutcome, StoredRecord

__all__ = ["AuditEntry", "ConflictError", "Database", "DatabaseUnavailable", "InvalidCorrection", "InvalidInput",
           "MigrationError", "NotFound", "OriginalsArchive", "RecordSummary", "Repository", "SaveOutcome",
           "StorageError", "StorageFull", "StoredRecord", "open_database", "open_repository", "redact",
           "sha256_file"]
