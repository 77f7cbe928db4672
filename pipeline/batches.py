"""The one batch loop: plan, then extract and store batch after batch, the next batch being
extracted while one is stored; then the run's entry in the archive (`thidua status`).

Orchestration-free. Whoever runs it passes its `Steps`: the Prefect flows (flows/backfill.py) pass
Prefect tasks (retries, the run's history in the UI), the plain path (`PlainSteps`, below) the
plain functions of pipeline/ingest.py, in this process, with the same retries. Every command,
flow and test goes through `run_plan` and `ingest_files` here, so there is one loop to read.
"""
from __future__ import annotations

import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from pipeline import ingest as steps
from pipeline.read.discover import Found
from pipeline.read.document import DocumentResult, Status
from pipeline.ingest import IngestPlan, IngestStopped, Item, Plan, ReextractPlan
from pipeline.pool import ModuleExtractor
from pipeline.report.runs import RunReport
from pipeline.settings import get_settings
from pipeline.store import DatabaseUnavailable, Repository, StorageError, open_repository
from pipeline.store.errors import ConflictError

log = logging.getLogger("thidua.batches")

IO_RETRY_DELAYS = (2.0, 10.0)  # seconds before the 2nd and 3rd attempt of an I/O step
T = TypeVar("T")


class Progress(Protocol):
    """Told how many files a run has, then each stored batch (the CLI draws a progress bar)."""

    def start(self, total: int, label: str) -> None: ...

    def advance(self, results: Sequence[DocumentResult]) -> None: ...


class NoProgress:
    def start(self, total: int, label: str) -> None:
        pass

    def advance(self, results: Sequence[DocumentResult]) -> None:
        pass


class Extracting(Protocol):
    """A batch being extracted: `result()` waits for its results; it raises ExtractionFailed when
    the extraction itself failed (a lost Dask worker), not when a file did."""

    def result(self) -> list[DocumentResult]: ...


class ExtractionFailed(Exception):
    """The extraction of a whole batch failed: its files fail with this reason, the run goes on."""


class Steps(Protocol):
    """What the loop needs from its orchestrator. `store` raises IngestStopped (with what it
    committed) when storing has to stop; every other step raises StorageError for that."""

    def start_run(self, kind: str, name: str) -> int: ...

    def plan_ingest(self, files: list[Path], retry_failed: bool) -> IngestPlan: ...

    def extract(self, number: int, batch: list[Item], workers: int) -> Extracting: ...

    def store(self, number: int, batch: list[Item], extracted: Extracting,
              as_version_of: str | None) -> list[DocumentResult]: ...

    def record_run(self, run_id: int, results: list[DocumentResult], stopped: StorageError | None,
                   names: list[tuple[str, Path]]) -> None:
        """The run in the archive's `runs`, and the (sha256, path) of second copies found in it."""

    def parallelism(self) -> tuple[int, int]:
        """(extraction processes per batch, batches in flight)."""


def transient(exc: BaseException) -> bool:
    """Worth another try a few seconds later: a lost database connection, a write conflict, an
    I/O error. Disk full, a failed migration or a bad input would fail again."""
    cause = exc.cause if isinstance(exc, IngestStopped) else exc
    return isinstance(cause, (DatabaseUnavailable, ConflictError, OSError)) or type(cause) is StorageError


def with_retries(step: Callable[[], T], delays: Sequence[float] = IO_RETRY_DELAYS) -> T:
    """`step()`, tried again after each delay while it fails with a transient problem."""
    for delay in delays:
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - only transient ones are retried
            if not transient(exc):
                raise
            log.warning("%s; trying again in %.0f s", exc, delay)
            time.sleep(delay)
    return step()


def plan_line(plan: Plan) -> str:
    if isinstance(plan, IngestPlan):
        return f"{plan.total} file(s): {len(plan.skipped)} already archived, {len(plan.todo)} to extract"
    return f"re-extracting {len(plan.todo)} document(s)"


def run_plan(make_plan: Callable[[], Plan], run: Steps, progress: Progress, *, label: str,
             batch_size: int | None = None, workers: int | None = None, as_version_of: str | None = None
             ) -> tuple[Plan | None, dict[int, DocumentResult], StorageError | None]:
    """Plan (`make_plan()`), then extract and store in batches: (the plan or None, the stored
    results by index, the problem that stopped the run or None)."""
    stored: dict[int, DocumentResult] = {}
    plan: Plan | None = None
    try:
        plan = make_plan()
        progress.start(plan.total, label)
        progress.advance(list(plan.skipped.values()))
        log.info(plan_line(plan))
        run_batches(plan.todo, stored, run, progress, batch_size=batch_size, workers=workers,
                    as_version_of=as_version_of)
    except IngestStopped as exc:
        return plan, stored, exc.cause
    except StorageError as exc:
        return plan, stored, exc
    return plan, stored, None


def ingest_files(files: Sequence[Path], run: Steps, progress: Progress, *, batch_size: int | None = None,
                 workers: int | None = None, label: str = "ingesting", kind: str = "backfill", name: str = "",
                 as_version_of: str | None = None,
                 skip_failed: bool = False) -> tuple[list[DocumentResult], int, StorageError | None]:
    """Ingest already-found files in batches: (results in input order, files extracted, the
    problem that stopped the run or None), recorded in the archive's `runs` (`thidua status`).
    `skip_failed`: bytes that failed in an earlier run are skipped (a backlog run again; the nightly
    inbox reads each file once anyway, and quarantines what fails)."""
    try:
        run_id = run.start_run(kind, name or label)
    except StorageError as exc:
        return [], 0, exc
    plan, stored, stopped = run_plan(lambda: run.plan_ingest(list(files), not skip_failed), run, progress,
                                     label=label, batch_size=batch_size, workers=workers,
                                     as_version_of=as_version_of)
    # the second copies of a file count too: the bar ends at N/N
    results = plan.finish(stored, on_result=lambda twin: progress.advance([twin])) if plan is not None else []
    names = plan.twin_names(stored) if isinstance(plan, IngestPlan) else []  # noted like a re-run's names
    try:
        run.record_run(run_id, results, stopped, names)
    except StorageError as exc:  # the database went away: the run's report still says what was done
        stopped = stopped or exc
    return results, len(stored), stopped


def backfill_report(found: Found, results: list[DocumentResult], extracted: int, stopped: StorageError | None,
                    seconds: float) -> RunReport:
    """A backfill's report: the paths not found or refused, then every file's result."""
    results = ([DocumentResult.failed(p, "file or folder not found") for p in found.missing]
               + [DocumentResult.failed(p, reason) for p, reason in found.refused.items()] + results)
    report = RunReport("Backfill", results, seconds, extracted=extracted, stopped=str(stopped) if stopped else None,
                       stopped_exit_code=stopped.exit_code if stopped else 0)
    if note := steps.failed_before_note(results):
        report.notes.append(note)
    return report


PROGRESS_STEPS = 10  # a small backlog is split into this many batches, so that the bar moves


def shown_batch_size(files: int, workers: int) -> int:
    """The batch size when none was asked for (--batch-size, THIDUA_BATCH_SIZE): the configured
    one, but a small backlog in about PROGRESS_STEPS batches (at least one file per worker), so
    that the progress bar and its ETA move with the files instead of jumping from 0 to N at the
    end of one batch. Smaller batches only lose less to a crash."""
    settings = get_settings()
    if "batch_size" in settings.model_fields_set:
        return settings.batch_size
    return min(settings.batch_size, max(workers, -(-files // PROGRESS_STEPS)))


def run_batches(todo: Sequence[Item], stored: dict[int, DocumentResult], run: Steps, progress: Progress, *,
                batch_size: int | None = None, workers: int | None = None, as_version_of: str | None = None) -> None:
    """Extract `todo` in batches and store each batch in this process as soon as it is extracted,
    while the next ones are being extracted. The results go into `stored` by index. Raises
    IngestStopped when storing has to stop."""
    processes, in_flight = run.parallelism()
    workers = workers or processes
    batch_size = max(1, batch_size or shown_batch_size(len(todo), workers))
    batches = [list(todo[i:i + batch_size]) for i in range(0, len(todo), batch_size)]
    if batches:
        log.info("%d batch(es) of up to %d, %d extraction process(es) each", len(batches), batch_size, workers)
    pending: deque[tuple[int, list, Extracting]] = deque()
    try:
        for number, batch in enumerate(batches, start=1):
            pending.append((number, batch, run.extract(number, batch, workers)))
            if len(pending) >= in_flight:
                _store_next(pending, stored, run, progress, len(batches), as_version_of)
        while pending:
            _store_next(pending, stored, run, progress, len(batches), as_version_of)
    finally:
        for _, _, extracting in pending:  # stopped: let the extractions in flight end, unused
            with contextlib.suppress(Exception):
                extracting.result()


def _store_next(pending: deque, stored: dict[int, DocumentResult], run: Steps, progress: Progress, total: int,
                as_version_of: str | None) -> None:
    number, batch, extracting = pending.popleft()
    started = time.perf_counter()
    try:
        results = run.store(number, batch, extracting, as_version_of)
    except ExtractionFailed as exc:  # its files fail, the run goes on
        results = [DocumentResult.failed(item.path, f"extraction task failed: {exc}") for item in batch]
    except IngestStopped as exc:  # what was stored before the problem still counts
        stored.update((item.index, result) for item, result in zip(batch, exc.results, strict=False))
        progress.advance(exc.results)
        raise
    stored.update((item.index, result) for item, result in zip(batch, results, strict=False))
    progress.advance(results)
    failed = sum(r.status == Status.FAILED for r in results)
    log.info("batch %d/%d: %d ok or skipped, %d failed (%.1f s)", number, total, len(results) - failed, failed,
             time.perf_counter() - started)


def stored_so_far(attempts: list[list[DocumentResult]]) -> list[DocumentResult]:
    """What a batch's attempts stored, in batch order: a retry starts again at the batch's first
    file (reporting what an earlier attempt committed as stored), so a later attempt's results
    replace the earlier ones as far as it got."""
    done: list[DocumentResult] = []
    for results in attempts:
        done[:len(results)] = results
    return done


def store_with_retries(store_once: Callable[[bool, list[DocumentResult]], list[DocumentResult]],
                       delays: Sequence[float] = IO_RETRY_DELAYS) -> list[DocumentResult]:
    """Store a batch, trying again on a transient problem; `store_once(resumed, so_far)` appends
    each stored result to `so_far`. A batch that finally stops raises IngestStopped with what
    any attempt committed."""
    attempts: list[list[DocumentResult]] = []

    def attempt() -> list[DocumentResult]:
        so_far: list[DocumentResult] = []
        attempts.append(so_far)
        return store_once(len(attempts) > 1, so_far)

    try:
        return with_retries(attempt, delays)
    except StorageError as exc:
        cause = exc.cause if isinstance(exc, IngestStopped) else exc
        raise IngestStopped(cause, stored_so_far(attempts)) from exc


class PlainSteps:
    """The loop's steps in this process, without an orchestrator: the next batch is extracted
    in a thread (its work is in the process pool) while this one is stored; I/O steps retry
    on a transient problem as the Prefect tasks do. `extractor`: what extracts (the caller's:
    flows/extraction.py); `process`: a one-file extractor instead (tests). With `repo`, every step
    uses that open archive (library use, tests) instead of opening the one the settings name."""

    def __init__(self, extractor: ModuleExtractor, *, repo: Repository | None = None,
                 process: steps.Process | None = None, keep_record: bool = False, keep_text: bool = False,
                 in_flight: int = 2, delays: Sequence[float] = IO_RETRY_DELAYS):
        self.extractor, self.repo, self.process, self.delays, self.in_flight = \
            extractor, repo, process, delays, in_flight
        self.keep = dict(keep_record=keep_record, keep_text=keep_text)
        self.threads = ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="thidua-extract")

    def close(self) -> None:
        self.threads.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PlainSteps:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _archive(self):
        return contextlib.nullcontext(self.repo) if self.repo is not None else open_repository()

    def parallelism(self) -> tuple[int, int]:
        return get_settings().effective_workers, self.in_flight

    def start_run(self, kind: str, name: str) -> int:
        def start() -> int:
            with self._archive() as repo:
                return repo.start_run(kind, name)
        return with_retries(start, self.delays)

    def plan_ingest(self, files: list[Path], retry_failed: bool) -> IngestPlan:
        def plan() -> IngestPlan:
            with self._archive() as repo:
                return steps.plan_ingest(repo, files, retry_failed=retry_failed)
        return with_retries(plan, self.delays)

    def plan_reextract(self, doc_ids: Iterable[str] | Literal["all"]) -> ReextractPlan:
        def plan() -> ReextractPlan:
            with self._archive() as repo:
                return steps.plan_reextract(repo, doc_ids)
        return with_retries(plan, self.delays)

    def extract(self, number: int, batch: list[Item], workers: int) -> Future:
        return self.threads.submit(steps.extract_batch, batch, workers, self.extractor, self.process)

    def store(self, number: int, batch: list[Item], extracted: Future, as_version_of: str | None
              ) -> list[DocumentResult]:
        try:
            results = extracted.result()
        except Exception as exc:  # noqa: BLE001 - a bug or a broken pool: the batch fails, the run goes on
            raise ExtractionFailed(f"{type(exc).__name__}: {exc}") from exc

        def store_once(resumed: bool, so_far: list[DocumentResult]) -> list[DocumentResult]:
            with self._archive() as repo:
                return steps.store_batch(repo, batch, results, resumed=resumed, as_version_of=as_version_of,
                                         on_result=so_far.append, **self.keep)
        return store_with_retries(store_once, self.delays)

    def record_run(self, run_id: int, results: list[DocumentResult], stopped: StorageError | None,
                   names: list[tuple[str, Path]]) -> None:
        def record() -> None:
            with self._archive() as repo:
                repo.record_names(names)
                steps.record_run(repo, run_id, results, stopped)
        with_retries(record, self.delays)


# --- the whole path in this process, on an open archive (tests, benchmarks, library use) ---------

def _run_here(repo: Repository, make_plan: Callable[[PlainSteps], Plan], *, extractor: ModuleExtractor,
              process: steps.Process | None = None, workers: int = 1, batch_size: int = steps.HASH_BATCH,
              keep_record: bool = True, keep_text: bool = False, as_version_of: str | None = None
              ) -> list[DocumentResult]:
    with PlainSteps(extractor, repo=repo, process=process, keep_record=keep_record, keep_text=keep_text,
                    in_flight=1, delays=()) as run:
        plan, stored, stopped = run_plan(lambda: make_plan(run), run, NoProgress(), label="", batch_size=batch_size,
                                         workers=workers, as_version_of=as_version_of)
    results = plan.finish(stored) if plan is not None else []
    if stopped is not None:
        raise IngestStopped(stopped, results)
    return results


def ingest(repo: Repository, paths: Sequence[Path], *, retry_failed: bool = False, **options) -> list[DocumentResult]:
    """Archive, extract and store each file, in this process (options: extractor, which is
    required, process, workers, batch_size, keep_record, keep_text, as_version_of). Raises
    IngestStopped (with the results so far, in order) when storing has to stop.

    Already-archived bytes are SKIPPED ("already archived") without extraction, and so are bytes
    that failed before ("failed before with the same bytes", unless `retry_failed`); a changed file
    under a known name becomes a new version of that document. Results keep `.record` and drop
    the document and text unless `keep_text`."""
    return _run_here(repo, lambda run: run.plan_ingest(list(paths), retry_failed), **options)


def reextract(repo: Repository, doc_ids: Iterable[str] | Literal["all"], **options) -> list[DocumentResult]:
    """Extract again from each archived original (e.g. after an extractor upgrade).

    New machine values are stored as a new version; corrections are never touched and still win;
    a corrected field whose machine value changed (and still disagrees) flags the record for
    review. OK results say `unchanged` or `updated: <fields>`, with the new machine record."""
    return _run_here(repo, lambda run: run.plan_reextract(doc_ids), **options)
