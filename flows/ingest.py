"""Read, extract and store: the steps behind `thidua ingest`, the nightly inbox and `reextract`.

Plain functions over already-discovered files or doc_ids, returning one DocumentResult each; no
Prefect here. Each document is stored in its own transaction, so a crash or kill loses at most
the documents in flight, and running again completes the rest: files whose bytes are already
archived are skipped by hash before any extraction.

Two ways to use them:
- `ingest_paths` / `reextract`: one document after another in this process (library use, tests).
- the batch steps the Prefect flows wire together (flows/backfill.py, nightly.py, reextract.py):
  `plan_ingest` (hash, skip what is archived) -> `extract_batch` (CPU: one process per core,
  flows/pool.py) -> `store_batch` (database and archive, in the calling process only) ->
  `finish_ingest` (input order, the same bytes twice). Re-extraction: `plan_reextract` ->
  `extract_originals` -> `store_reextracted` -> `finish_reextract`.
"""
from __future__ import annotations

import logging
import stat
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Literal
from collections.abc import Callable, Iterable, Iterator, Sequence

from flows.pool import process_archived, process_path, run_in_pool, safe_extract
from pipeline.document import DocumentResult, Status
from pipeline.settings import get_settings
from pipeline.storage import NotFound, Repository, StorageError, open_repository, sha256_file
from pipeline.storage.archive import FileChanged
from pipeline.storage.repository import SourceInfo

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

    def __reduce__(self):
        return IngestStopped, (self.cause, self.results)


def _default_process(path: Path) -> DocumentResult:
    from extractors.run import process_path

    return process_path(path)


def _batched(items: Sequence, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _hash(path: Path) -> str | None:
    """sha256 of the bytes; None when the file cannot be hashed cheaply, or is not a regular file
    (a FIFO would block): process_path says why."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > get_settings().max_file_mb * 1024 * 1024:
            return None
        return sha256_file(path)
    except OSError:
        return None


def ingest_paths(paths: Sequence[Path], *, repository: Repository | None = None, process: Process | None = None,
                 on_result: OnResult | None = None, keep_text: bool = False) -> list[DocumentResult]:
    """Archive, extract and store each file, one after another; one result per file, in order.

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
            repo.record_names((sha, path) for path, sha in hashes.items() if sha and sha in known)
            for path in map(Path, chunk):
                sha = hashes[path]
                owner = (known.get(sha) or stored_now.get(sha)) if sha else None
                if owner:
                    result = _skipped(path, owner)
                else:
                    result = _store_one(repo, path, sha, safe_extract(process, path))
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
    return DocumentResult(path=str(path), doc_id=owner, status=Status.SKIPPED, reason=f"already archived as {owner}")


def _store_one(repo: Repository, path: Path, sha: str | None, result: DocumentResult,
               resumed: bool = False, as_version_of: str | None = None) -> DocumentResult:
    """Store one extraction result (a failed one is returned as it is); the result then carries
    the document's id in the archive."""
    if result.status != Status.OK:
        return result
    if sha is None or result.document.sha256 != sha:
        return DocumentResult.failed(path, "file changed while it was being ingested; run again when it is complete")
    try:
        outcome = repo.store_extraction(path, sha, result.document, result.normalized_text, result.record,
                                        as_version_of=as_version_of)
    except FileChanged as exc:
        return DocumentResult.failed(path, str(exc))
    if outcome.status == "duplicate":
        if resumed:
            result.doc_id = outcome.doc_id
            return result  # stored by the earlier, interrupted attempt at this same batch
        return _skipped(path, outcome.doc_id)  # a concurrent ingest stored the same bytes first
    result.doc_id = outcome.doc_id
    if result.record is not None:
        result.record = result.record.model_copy(update={"doc_id": outcome.doc_id})
    if outcome.status == "new_version":
        result.reason = f"new version {outcome.revision} of {outcome.doc_id}"
    if outcome.review_reasons:
        result.reason = "; ".join(filter(None, [result.reason, "needs review: " + "; ".join(outcome.review_reasons)]))
    return result


# --- batch steps for the flows: ingest ----------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    """A file to extract and store: its place in the run, its path and its sha256 (None when
    the file cannot be hashed cheaply; extraction then says what is wrong with it)."""

    index: int
    path: Path
    sha: str | None


@dataclass
class IngestPlan:
    """What a run has to do, decided before any extraction."""

    paths: list[Path]
    todo: list[Todo] = field(default_factory=list)
    skipped: dict[int, DocumentResult] = field(default_factory=dict)  # index -> already archived (or refused)
    twins: dict[int, int] = field(default_factory=dict)  # index -> earlier index with the same bytes

    @property
    def total(self) -> int:
        return len(self.paths)


def plan_ingest(repo: Repository, paths: Sequence[Path]) -> IngestPlan:
    """Hash every file and look the hashes up (one query per 256 files): archived bytes are
    skipped here, before any work; the same bytes twice in one run are extracted once."""
    repo.archive.sweep_partials()
    plan = IngestPlan(paths=[Path(p) for p in paths])
    first: dict[str, int] = {}
    for start in range(0, plan.total, HASH_BATCH):
        chunk = plan.paths[start:start + HASH_BATCH]
        hashes = [_hash(path) for path in chunk]
        known = repo.archived(h for h in hashes if h)
        repo.record_names((sha, path) for path, sha in zip(chunk, hashes) if sha and sha in known)
        for index, (path, sha) in enumerate(zip(chunk, hashes), start=start):
            if sha and sha in known:
                plan.skipped[index] = _skipped(path, known[sha])
            elif sha and sha in first:
                plan.twins[index] = first[sha]
            else:
                if sha:
                    first[sha] = index
                plan.todo.append(Todo(index, path, sha))
    return plan


def extract_batch(todo: Sequence[Todo], workers: int = 1) -> list[DocumentResult]:
    """Read, normalise and extract each file, over `workers` processes; one result per file."""
    paths = [t.path for t in todo]
    return run_in_pool(process_path, [(p,) for p in paths], paths, workers)


def store_batch(repo: Repository, todo: Sequence[Todo], extracted: Sequence[DocumentResult], *,
                resumed: bool = False, keep_record: bool = False, as_version_of: str | None = None,
                on_result: OnResult | None = None) -> list[DocumentResult]:
    """Archive and store each extracted file (one transaction each); one result per file, with
    no text and (unless `keep_record`) no record: a run's results stay small whatever its size.

    Failed extractions are passed through. `resumed`: an earlier attempt at this batch was cut
    off, so documents it stored already are reported as stored, not skipped. Raises
    IngestStopped (with the results so far) when the database or the disk fails."""
    results: list[DocumentResult] = []
    try:
        for item, result in zip(todo, extracted):  # copies: a retried batch gets the same `extracted`
            result = _store_one(repo, item.path, item.sha, result.model_copy(), resumed, as_version_of)
            result.document = result.normalized_text = None
            if not keep_record:
                result.record = None
            results.append(result)
            if on_result:
                on_result(result)
    except StorageError as exc:
        raise IngestStopped(exc, results) from exc
    return results


def finish_ingest(plan: IngestPlan, stored: dict[int, DocumentResult],
                  on_result: OnResult | None = None) -> list[DocumentResult]:
    """All results in input order: the skipped, the stored, and the second copies of files seen
    twice in this run (skipped when the first was stored, failed like it otherwise). Files the
    run never reached (it was stopped) are left out."""
    results: dict[int, DocumentResult] = {**plan.skipped, **stored}
    for index, first in plan.twins.items():
        original = stored.get(first)
        if original is None:
            continue
        path = plan.paths[index]
        if original.status == Status.FAILED:
            twin = DocumentResult.failed(path, f"same bytes as {original.path}: {original.reason}")
        else:
            twin = _skipped(path, original.doc_id)
        results[index] = twin
        if on_result:
            on_result(twin)
    return [results[i] for i in sorted(results)]


# --- re-extraction -------------------------------------------------------------------------

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
    original = _original(repo, 0, doc_id)
    if isinstance(original, DocumentResult):
        return original
    return _store_reextracted_one(repo, original, process_archived(original.archive_path, original.doc_id, process))


@dataclass(frozen=True)
class Original:
    """An archived original to extract again."""

    index: int
    doc_id: str
    source_path: str
    sha: str
    archive_path: Path


@dataclass
class ReextractPlan:
    doc_ids: list[str]
    todo: list[Original] = field(default_factory=list)
    failed: dict[int, DocumentResult] = field(default_factory=dict)  # unknown document, original missing

    @property
    def total(self) -> int:
        return len(self.doc_ids)


def plan_reextract(repo: Repository, doc_ids: Iterable[str] | Literal["all"]) -> ReextractPlan:
    """The current original of each document (all of them for "all")."""
    ids = repo.doc_ids() if doc_ids == "all" else list(dict.fromkeys(doc_ids))
    plan = ReextractPlan(doc_ids=ids)
    for index, doc_id in enumerate(ids):
        original = _original(repo, index, doc_id)
        if isinstance(original, DocumentResult):
            plan.failed[index] = original
        else:
            plan.todo.append(original)
    return plan


def _original(repo: Repository, index: int, doc_id: str) -> Original | DocumentResult:
    try:
        doc_id = repo.resolve_id(doc_id)
        source: SourceInfo = repo.current_original(doc_id)
    except NotFound as exc:
        return DocumentResult(path=doc_id, doc_id=doc_id, status=Status.FAILED, reason=str(exc))
    if not source.archive_path.is_file():
        return DocumentResult(path=source.source_path, doc_id=doc_id, status=Status.FAILED,
                              reason=f"archived original missing: {source.archive_path}")
    return Original(index, doc_id, source.source_path, source.sha256, source.archive_path)


def extract_originals(todo: Sequence[Original], workers: int = 1) -> list[DocumentResult]:
    """Extract each archived original under its doc_id, over `workers` processes."""
    return run_in_pool(process_archived, [(o.archive_path, o.doc_id) for o in todo],
                       [Path(o.source_path) for o in todo], workers)


def store_reextracted(repo: Repository, todo: Sequence[Original], extracted: Sequence[DocumentResult], *,
                      keep_record: bool = False, on_result: OnResult | None = None) -> list[DocumentResult]:
    """Store the new machine values (one transaction each; storing the same twice is a no-op,
    so a retried batch is safe). Raises IngestStopped when the database fails."""
    results: list[DocumentResult] = []
    try:
        for original, result in zip(todo, extracted):  # copies: a retried batch gets the same `extracted`
            result = _store_reextracted_one(repo, original, result.model_copy())
            result.document = result.normalized_text = None
            if not keep_record:
                result.record = None
            results.append(result)
            if on_result:
                on_result(result)
    except StorageError as exc:
        raise IngestStopped(exc, results) from exc
    return results


def finish_reextract(plan: ReextractPlan, stored: dict[int, DocumentResult]) -> list[DocumentResult]:
    results = {**plan.failed, **stored}
    return [results[i] for i in sorted(results)]


def _store_reextracted_one(repo: Repository, original: Original, result: DocumentResult) -> DocumentResult:
    doc_id, source_path = original.doc_id, original.source_path
    result.path = source_path
    result.doc_id = doc_id
    if result.status != Status.OK:
        return result
    if result.document.sha256 != original.sha:
        return DocumentResult(path=source_path, doc_id=doc_id, status=Status.FAILED,
                              reason=f"archived original is damaged (sha256 mismatch): {original.archive_path}")
    record = result.record.model_copy(update={"source_path": source_path, "sha256": original.sha})
    outcome = repo.store_reextraction(doc_id, original.sha, result.normalized_text, record)
    if outcome.status == "superseded":
        return DocumentResult(path=source_path, doc_id=doc_id, status=Status.SKIPPED,
                              reason="a newer file version was ingested meanwhile; re-extract it again")
    reason = "unchanged" if outcome.status == "unchanged" else (
        "updated: " + (", ".join(outcome.changed) or "evidence and confidences"))
    if outcome.review_reasons:
        reason += "; needs review: " + "; ".join(outcome.review_reasons)
    return DocumentResult(path=source_path, doc_id=doc_id, status=Status.OK, reason=reason, record=record)
