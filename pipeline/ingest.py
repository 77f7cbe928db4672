"""The one path from file to record: plan, extract, store, finish. Plain functions, no Prefect.

    plan_ingest (hash, skip what is archived)   or  plan_reextract (the archived originals)
      -> extract_batch (CPU: one process per core, pipeline/pool.py)
      -> store_batch (database and archive, in the calling process only)
      -> finish (input order; the same bytes twice in one run)

The batch loop that chains them is pipeline/batches.py (for the Prefect flows and the plain path
alike; its `ingest` and `reextract` run the whole path in this process: tests, benchmarks, library use).
A batch of files is stored in one transaction, so a crash or kill loses at most the batch in
flight, and running again completes the rest: archived bytes are skipped by hash before any
extraction. pipeline/rerun.py answers a re-run with nothing new from hashes alone.
"""
from __future__ import annotations

import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pipeline.once import remembered
from pipeline.read.discover import Found, find_reports
from pipeline.read.document import DocumentResult, Status
from pipeline.pool import ModuleExtractor, extract_in_pool, process_archived, run_in_pool
from pipeline.settings import get_settings
from pipeline.store import NotFound, Repository, StorageError, sha256_file
from pipeline.store.archive import FileChanged
from pipeline.store.batch import Extraction
from pipeline.store.views import SaveOutcome

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


@dataclass(frozen=True)
class Todo:
    """A file to extract and store: its place in the run, its path and its sha256 (None when
    the file cannot be hashed cheaply; extraction then says what is wrong with it)."""

    index: int
    path: Path
    sha: str | None


@dataclass(frozen=True)
class Original:
    """An archived original to extract again."""

    index: int
    doc_id: str
    source_path: str
    sha: str
    archive_path: Path

    @property
    def path(self) -> Path:
        return Path(self.source_path)


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

    def finish(self, stored: dict[int, DocumentResult], on_result: OnResult | None = None) -> list[DocumentResult]:
        return finish_ingest(self, stored, on_result)

    def twin_names(self, stored: dict[int, DocumentResult]) -> list[tuple[str, Path]]:
        """(sha256, path) of each second copy whose first copy was stored: where else it was found."""
        shas = {item.index: item.sha for item in self.todo}
        return [(shas[first], self.paths[index]) for index, first in self.twins.items()
                if first in stored and stored[first].status == Status.OK]


@dataclass
class ReextractPlan:
    doc_ids: list[str]
    todo: list[Original] = field(default_factory=list)
    skipped: dict[int, DocumentResult] = field(default_factory=dict)  # unknown document, original missing

    @property
    def total(self) -> int:
        return len(self.doc_ids)

    def finish(self, stored: dict[int, DocumentResult], on_result: OnResult | None = None) -> list[DocumentResult]:
        results = {**self.skipped, **stored}
        return [results[i] for i in sorted(results)]


Plan = IngestPlan | ReextractPlan
Item = Todo | Original


# --- plan ------------------------------------------------------------------------------------

def find_files(paths: Sequence[Path]) -> Found:
    """The report files under `paths` (pipeline/read/discover.py), found once per command
    (pipeline/once.py: the no-change check and the run share the walk)."""
    found = remembered("found")
    key = tuple(str(p) for p in paths)
    if found is None or key not in found:
        result = find_reports([Path(p) for p in paths])
        if found is None:
            return result
        found[key] = result
    known = found[key]
    return Found(files=list(known.files), missing=list(known.missing), refused=dict(known.refused),
                 empty=list(known.empty))


def file_hash(path: Path) -> str | None:
    """sha256 of the bytes; None when the file cannot be hashed cheaply, or is not a regular file
    (a FIFO would block): extraction says why. Hashed once per command (pipeline/once.py), again
    only if the file changed meanwhile (its size, times or inode)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > get_settings().max_file_mb * 1024 * 1024:
            return None
        hashes = remembered("hashes")
        if hashes is None:
            return sha256_file(path)
        key = (str(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        if key not in hashes:
            hashes[key] = sha256_file(path)
        return hashes[key]
    except OSError:
        return None


def plan_ingest(repo: Repository, paths: Sequence[Path], *, retry_failed: bool = False) -> IngestPlan:
    """Hash every file and look the hashes up (one query per 256 files): archived bytes are
    skipped here, before any work, and so are bytes that failed in an earlier run (unless
    `retry_failed`); the same bytes twice in one run are extracted once."""
    repo.archive.sweep_partials()
    plan = IngestPlan(paths=[Path(p) for p in paths])
    first: dict[str, int] = {}
    for start in range(0, plan.total, HASH_BATCH):
        chunk = plan.paths[start:start + HASH_BATCH]
        hashes = [file_hash(path) for path in chunk]
        known = repo.archived(h for h in hashes if h)
        failed = {} if retry_failed else repo.failed_before(h for h in hashes if h and h not in known)
        repo.record_names((sha, path) for path, sha in zip(chunk, hashes, strict=False) if sha and sha in known)
        for index, (path, sha) in enumerate(zip(chunk, hashes, strict=False), start=start):
            if sha and sha in known:
                plan.skipped[index] = skipped(path, known[sha])
            elif sha and sha in failed:
                plan.skipped[index] = failed_before(path, failed[sha])
            elif sha and sha in first:
                plan.twins[index] = first[sha]
            else:
                if sha:
                    first[sha] = index
                plan.todo.append(Todo(index, path, sha))
    return plan


def plan_reextract(repo: Repository, doc_ids: Iterable[str] | Literal["all"]) -> ReextractPlan:
    """The current original of each document (all of them for "all")."""
    ids = repo.doc_ids() if doc_ids == "all" else list(dict.fromkeys(doc_ids))
    plan = ReextractPlan(doc_ids=ids)
    for index, doc_id in enumerate(ids):
        original = _original(repo, index, doc_id)
        if isinstance(original, DocumentResult):
            plan.skipped[index] = original
        else:
            plan.todo.append(original)
    return plan


def _original(repo: Repository, index: int, doc_id: str) -> Original | DocumentResult:
    try:
        doc_id = repo.resolve_id(doc_id)
        source = repo.current_original(doc_id)
    except NotFound as exc:
        return DocumentResult(path=doc_id, doc_id=doc_id, status=Status.FAILED, reason=str(exc))
    if not source.archive_path.is_file():
        return DocumentResult(path=source.source_path, doc_id=doc_id, status=Status.FAILED,
                              reason=f"archived original missing: {source.archive_path}")
    return Original(index, doc_id, source.source_path, source.sha256, source.archive_path)


def skipped(path: Path, owner: str) -> DocumentResult:
    return DocumentResult(path=str(path), doc_id=owner, status=Status.SKIPPED, reason=f"already archived as {owner}")


FAILED_BEFORE = "failed before with the same bytes"


def failed_before(path: Path, reason: str) -> DocumentResult:
    """A file not read again: the same bytes failed in an earlier run (`--retry-failed`)."""
    return DocumentResult.failed(path, reason).model_copy(update={"status": Status.SKIPPED,
                                                                  "reason": f"{FAILED_BEFORE}: {reason}"})


def failed_before_note(results: Iterable[DocumentResult]) -> str | None:
    """The one line that says how many files were not read again because they failed before."""
    count = sum(r.status == Status.SKIPPED and (r.reason or "").startswith(FAILED_BEFORE) for r in results)
    return f"{count} file(s) {FAILED_BEFORE}; --retry-failed to try again" if count else None


# --- extract ---------------------------------------------------------------------------------

def extract_batch(todo: Sequence[Item], workers: int, extractor: ModuleExtractor,
                  process: Process | None = None) -> list[DocumentResult]:
    """Read, normalise and extract each file (or archived original, under its doc_id) with the
    `extractor` the caller passes (flows/extraction.py), over `workers` processes; one result per
    item. `process`: a one-file extractor instead (tests)."""
    paths = [item.path for item in todo]
    if todo and isinstance(todo[0], Original):
        one = process or extractor.process_path
        return run_in_pool(process_archived, [(o.archive_path, o.doc_id, one) for o in todo], paths, workers,
                           extractor)
    if process is None:
        return extract_in_pool(paths, workers, extractor)
    return run_in_pool(process, [(p,) for p in paths], paths, workers, extractor)


# --- store -----------------------------------------------------------------------------------

def store_batch(repo: Repository, todo: Sequence[Item], extracted: Sequence[DocumentResult], *,
                resumed: bool = False, as_version_of: str | None = None, keep_record: bool = False,
                keep_text: bool = False, on_result: OnResult | None = None) -> list[DocumentResult]:
    """Store a batch: extracted files in one transaction (Repository.store_extractions), or the
    new machine values of each re-extracted original (one transaction each); one result per
    item, with no text and (unless `keep_record`) no record: a run's results stay small whatever
    its size.

    Failed extractions are passed through. `resumed`: an earlier attempt at this batch was cut
    off, so documents it stored already are reported as stored, not skipped (storing the same
    re-extraction twice is a no-op anyway). Raises IngestStopped (with the results committed so
    far) when the database or the disk fails."""
    results: list[DocumentResult] = []

    def done(result: DocumentResult) -> None:
        if not keep_text:
            result.document = result.normalized_text = None
        if not keep_record:
            result.record = None
        results.append(result)
        if on_result:
            on_result(result)

    extracted = [result.model_copy() for result in extracted]  # a retried batch gets the same `extracted`
    try:
        if todo and isinstance(todo[0], Original):
            for item, result in zip(todo, extracted, strict=False):
                done(_store_reextracted(repo, item, result))
        else:
            for result in store_files(repo, todo, extracted, resumed=resumed, as_version_of=as_version_of):
                done(result)
    except StorageError as exc:
        raise IngestStopped(exc, results) from exc
    return results


def store_files(repo: Repository, todo: Sequence[Todo], extracted: Sequence[DocumentResult], *,
                resumed: bool = False, as_version_of: str | None = None) -> list[DocumentResult]:
    """Store the extracted files of a batch in one transaction (failed ones are returned as they
    are); each stored result then carries its document's id in the archive."""
    results = list(extracted)
    ready: list[int] = []
    for i, (item, result) in enumerate(zip(todo, extracted, strict=True)):
        if result.status != Status.OK:
            continue
        if item.sha is None or result.document.sha256 != item.sha:
            results[i] = DocumentResult.failed(item.path, "file changed while it was being ingested; "
                                                          "run again when it is complete")
        else:
            ready.append(i)
    outcomes = repo.store_extractions([Extraction(todo[i].path, todo[i].sha, results[i].document,
                                                  results[i].normalized_text, results[i].record) for i in ready],
                                      as_version_of=as_version_of)
    for i, outcome in zip(ready, outcomes, strict=True):
        results[i] = _stored(todo[i].path, results[i], outcome, resumed)
    failed = [(item.sha, str(item.path), result.reason or "")
              for item, result in zip(todo, extracted, strict=True) if item.sha and result.status == Status.FAILED]
    repo.note_failures(failed, stored=(todo[i].sha for i in ready if results[i].status != Status.FAILED))
    return results


def _stored(path: Path, result: DocumentResult, outcome: SaveOutcome | FileChanged, resumed: bool) -> DocumentResult:
    """The result of one stored file, as the run reports it."""
    if isinstance(outcome, FileChanged):
        return DocumentResult.failed(path, str(outcome))
    if outcome.status == "duplicate":
        if resumed:
            result.doc_id = outcome.doc_id
            return result  # stored by the earlier, interrupted attempt at this same batch
        return skipped(path, outcome.doc_id)  # a concurrent ingest stored the same bytes first
    result.doc_id = outcome.doc_id
    if result.record is not None:
        result.record = result.record.model_copy(update={"doc_id": outcome.doc_id})
    if outcome.status == "new_version":
        result.reason = f"new version {outcome.revision} of {outcome.doc_id}"
    if outcome.review_reasons:
        result.reason = "; ".join(filter(None, [result.reason, "needs review: " + "; ".join(outcome.review_reasons)]))
    return result


def _store_reextracted(repo: Repository, original: Original, result: DocumentResult) -> DocumentResult:
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


# --- finish ----------------------------------------------------------------------------------

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
            twin = skipped(path, original.doc_id)
        results[index] = twin
        if on_result:
            on_result(twin)
    return [results[i] for i in sorted(results)]


def record_run(repo: Repository, run_id: int, results: list[DocumentResult], stopped: StorageError | None) -> None:
    """What a run did, in the archive's `runs` (`thidua status`)."""
    counts = {status: sum(r.status == status for r in results) for status in Status}
    repo.finish_run(run_id, "failed" if stopped else "completed", stored=counts[Status.OK],
                    skipped=counts[Status.SKIPPED], failed=counts[Status.FAILED],
                    message=str(stopped) if stopped else None)
