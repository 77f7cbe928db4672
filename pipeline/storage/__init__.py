"""The archive: originals, machine records, human corrections, versions and audit, in SQLite or
PostgreSQL. Start with `open_repository()`; every expected problem is a `StorageError`."""
from pipeline.storage.archive import OriginalsArchive, sha256_file
from pipeline.storage.db import Database, open_database, redact
from pipeline.storage.errors import (ConflictError, DatabaseUnavailable, InvalidCorrection, InvalidInput,
                                     MigrationError, NotFound, StorageError, StorageFull)
from pipeline.storage.repository import Repository, open_repository
from pipeline.storage.views import AuditEntry, RecordSummary, SaveOutcome, StoredRecord

__all__ = ["AuditEntry", "ConflictError", "Database", "DatabaseUnavailable", "InvalidCorrection", "InvalidInput",
           "MigrationError", "NotFound", "OriginalsArchive", "RecordSummary", "Repository", "SaveOutcome",
           "StorageError", "StorageFull", "StoredRecord", "open_database", "open_repository", "redact",
           "sha256_file"]
