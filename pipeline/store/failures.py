"""Files that failed, remembered by their bytes: a re-run of a backlog skips an original that
failed before instead of reading it again (a scan that takes a minute to OCR, a file that hits
the time limit), until the person asks for `thidua ingest --retry-failed`. The part of
`Repository` about the `failed_files` table."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select

from pipeline.store.batch import IN_CHUNK
from pipeline.store.models import FailedFileRow, utcnow


class FailedFiles:
    """Mixed into `Repository` (which provides `db`)."""

    def failed_before(self, hashes: Iterable[str]) -> dict[str, str]:
        """Which of these originals failed in an earlier run: sha256 -> the reason then."""
        hashes = list(dict.fromkeys(hashes))
        found: dict[str, str] = {}
        with self.db.session() as s:
            for i in range(0, len(hashes), IN_CHUNK):
                rows = s.execute(select(FailedFileRow.sha256, FailedFileRow.reason)
                                 .where(FailedFileRow.sha256.in_(hashes[i:i + IN_CHUNK])))
                found.update((sha, reason) for sha, reason in rows)
        return found

    def note_failures(self, failed: Iterable[tuple[str, str, str]], stored: Iterable[str] = ()) -> None:
        """Remember each (sha256, path, reason) that failed, and forget the `stored` hashes (a retry
        that worked), in one transaction."""
        failed = {sha: (path, reason) for sha, path, reason in failed}
        forget = [sha for sha in dict.fromkeys(stored) if sha not in failed]
        if not failed and not forget:
            return
        with self.db.session(write=True) as s:
            for sha, (path, reason) in failed.items():
                s.merge(FailedFileRow(sha256=sha, path=path, reason=reason, failed_at=utcnow()))
            for i in range(0, len(forget), IN_CHUNK):
                s.execute(delete(FailedFileRow).where(FailedFileRow.sha256.in_(forget[i:i + IN_CHUNK])))
