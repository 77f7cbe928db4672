"""Read, extract and store: the loops behind `thidua ingest` and `thidua reextract`.

Plain functions over already-discovered files or doc_ids, returning one DocumentResult each; a
later issue wraps them in Prefect flows. Each document is stored in its own transaction, so a
crash or kill loses at most the document in flight, and running again completes the rest:
files whose bytes are already archived are skipped by hash before any extraction.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, Sequence

from pipeline.document import DocumentResult, Status
from pipeline.settings import get_settings
from pipeline.storage import NotFound, Repository, StorageError, open_repository, sha256_file
from pipeline.storage.archive import FileChanged

log = logging.getLogger(__name__)

Process = Callable[[Path], DocumentResult]
OnResult = Callable[[DocumentResult], None]
HASH_BATCH = 256  # files hashed, then looked up in one query, per round


class IngestStopped(StorageError):
    """A problem that stops the whole batch (database gone, disk full); `results` holds what was
    done before it. Everything committed so far stays; the document in flight was rolled back."""

    def __init__(self, cause: StorageError, results: list[DocumentResult]):
        super().__init__(f"{cause} (stopped after {len(results)} file(s); run again to continue)")
        self.exit_code = cause.exit_code
        self.cause = cause
        self.results = results


def _default_process(path: Path) -> DocumentResult:
    from extractors.run import process_path

    return process_path(path)


def _batched(items: Sequence[Path], size: int) -> Iterator[list[Path]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _hash(path: Path) -> str | None:
    """sha256 of the bytes; None when the file cannot be hashed cheaply (process_path says why)."""
    try:
        if path.stat().st_size > get_settings().max_file_mb * 1024 * 1024:
            return None
        return sha256_file(path)
    except OSError:
        return None


def ingest_paths(paths: Sequence[Path], *, repository: Repository | None = None, process: Process | None = None,
                 on_result: OnResult | None = None, keep_text: bool = False) -> list[DocumentResult]:
    """Archive, extract and store each file; one result per file, in order.

    Already-archived bytes are SKIPPED ("already archived") without extraction. A changed file
    under a known name becomes a new version of that document. Results keep `.record`; the
    document and normalised text are dropped after storing unless `keep_text` (memory stays flat
    over 10,000 files). Raises IngestStopped when the database or disk fails mid-batch.
    """
    process = process or _default_process
    repo = repository or open_repository()
    results: list[DocumentResult] = []
    try:
        repo.archive.sweep_partials()
        stored_now: dict[str, str] = {}  # sha256 -> doc_id, for duplicates inside this batch
        for chunk in _batched(list(paths), HASH_BATCH):
            hashes = {path: _hash(Path(path)) for path in chunk}
            known = repo.archived(h for h in hashes.values() if h)
            for path in map(Path, chunk):
                sha = hashes[path]
                owner = (known.get(sha) or stored_now.get(sha)) if sha else None
                if owner:
                    result = _skipped(path, owner)
                else:
                    result = _ingest_one(repo, path, sha, process)
                    if result.status == Status.OK:
                        stored_now[sha] = result.doc_id
                    if not keep_text:
                        result.document = result.normalized_text = None
                results.append(result)
                if on_result:
                    on_result(result)
    except StorageError as exc:
        raise IngestStopped(exc, results) from exc
    finally:
        if repository is None:
            repo.close()
    return results


def _skipped(path: Path, owner: str) -> DocumentResult:
    reason = "already archived" if owner == path.stem else f"already archived (as {owner})"
    return DocumentResult(path=str(path), doc_id=owner, status=Status.SKIPPED, reason=reason)


def _extract(process: Process, path: Path) -> DocumentResult:
    """An extractor bug on one file fails that file (logged with its traceback), not the batch."""
    try:
        return process(path)
    except Exception as exc:  # noqa: BLE001
        log.exception("extraction failed on %s", path)
        return DocumentResult.failed(path, f"extraction error: {type(exc).__name__}: {exc}")


def _ingest_one(repo: Repository, path: Path, sha: str | None, process: Process) -> DocumentResult:
    result = _extract(process, path)
    if result.status != Status.OK:
        return result
    if sha is None or result.document.sha256 != sha:
        return DocumentResult.failed(path, "file changed while it was being ingested; run again when it is complete")
    try:
        outcome = repo.store_extraction(path, sha, result.document, result.normalized_text, result.record)
    except FileChanged as exc:
        return DocumentResult.failed(path, str(exc))
    if outcome.status == "duplicate":  # a concurrent ingest stored the same bytes first
        return _skipped(path, outcome.doc_id)
    if outcome.status == "new_version":
        result.reason = f"new version {outcome.revision} of {outcome.doc_id}"
        if outcome.review_reasons:
            result.reason += "; needs review: " + "; ".join(outcome.review_reasons)
    return result


def reextract(doc_ids: Iterable[str] | Literal["all"], *, repository: Repository | None = None,
              process: Process | None = None, on_result: OnResult | None = None) -> list[DocumentResult]:
    """Extract again from each archived original (e.g. after an extractor upgrade).

    New machine values are stored as a new version; corrections are never touched and still win;
    a corrected field whose machine value changed (and still disagrees) flags the record for
    review. OK results say `unchanged` or `updated: <fields>`; the result's `.record` is the new
    machine record.
    """
    process = process or _default_process
    repo = repository or open_repository()
    results: list[DocumentResult] = []
    try:
        ids = repo.doc_ids() if doc_ids == "all" else list(dict.fromkeys(doc_ids))
        for doc_id in ids:
            result = _reextract_one(repo, doc_id, process)
            results.append(result)
            if on_result:
                on_result(result)
    except StorageError as exc:
        raise IngestStopped(exc, results) from exc
    finally:
        if repository is None:
            repo.close()
    return results


def _reextract_one(repo: Repository, doc_id: str, process: Process) -> DocumentResult:
    try:
        source = repo.current_original(doc_id)
    except NotFound as exc:
        return DocumentResult(path=doc_id, doc_id=doc_id, status=Status.FAILED, reason=str(exc))
    if not source.archive_path.is_file():
        return DocumentResult(path=source.source_path, doc_id=doc_id, status=Status.FAILED,
                              reason=f"archived original missing: {source.archive_path}")
    result = _process_archived(source.archive_path, doc_id, process)
    result.path = source.source_path
    result.doc_id = doc_id
    if result.status != Status.OK:
        return result
    if result.document.sha256 != source.sha256:
        return DocumentResult(path=source.source_path, doc_id=doc_id, status=Status.FAILED,
                              reason=f"archived original is damaged (sha256 mismatch): {source.archive_path}")
    record = result.record.model_copy(update={"source_path": source.source_path, "sha256": source.sha256})
    outcome = repo.store_reextraction(doc_id, source.sha256, result.normalized_text, record)
    if outcome.status == "superseded":
        return DocumentResult(path=source.source_path, doc_id=doc_id, status=Status.SKIPPED,
                              reason="a newer file version was ingested meanwhile; re-extract it again")
    reason = "unchanged" if outcome.status == "unchanged" else (
        "updated: " + (", ".join(outcome.changed) or "evidence and confidences"))
    if outcome.review_reasons:
        reason += "; needs review: " + "; ".join(outcome.review_reasons)
    return DocumentResult(path=source.source_path, doc_id=doc_id, status=Status.OK, reason=reason, record=record)


def _process_archived(archived: Path, doc_id: str, process: Process) -> DocumentResult:
    """Run the extractor on an archived original under its own name (doc_id = file stem)."""
    with tempfile.TemporaryDirectory(prefix="thidua-reextract-") as tmp:
        alias = Path(tmp) / f"{doc_id}{archived.suffix}"
        try:
            alias.symlink_to(archived.resolve())
        except OSError:
            shutil.copyfile(archived, alias)
        return _extract(process, alias)
