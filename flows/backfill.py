"""The backfill flow: `thidua ingest PATH...` for a backlog of any size.

Wiring only; every step is a plain function (pipeline/ingest.py):

    find files (I/O) -> start the run's record (I/O) -> hash and skip what is archived (I/O)
      -> per batch: extract (CPU, one process per core; Dask workers with THIDUA_DASK_ADDRESS)
                    -> store (database and archive, always in the flow's own process)
      -> report (a Markdown artifact and the summary in the log)

One task per batch, never per document. Tasks get paths and items, never a live connection:
each I/O task opens the archive the settings name. Only the I/O tasks retry (a database restart, a
network share that hiccups); extraction is deterministic and does not. The next batch is
extracted while the previous one is stored. A failed file is a result with its reason and the
run goes on; a problem that stops the run (database gone, disk full) ends it as Failed with
the report of what was done (its data), and running again completes the rest.
"""
# No `from __future__ import annotations` here: a deployment's run loads the flow from its
# entrypoint, and Prefect builds the parameter model from the real annotations.
import logging
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.futures import PrefectFuture
from prefect.states import Failed, State
from prefect.utilities.annotations import opaque, quote

from flows.runners import SettingsTaskRunner, parallelism
from flows.runtime import current_progress
from pipeline import ingest as steps
from pipeline.discover import Found, find_reports
from pipeline.document import DocumentResult, Status, shown_path
from pipeline.ingest import IngestPlan, IngestStopped, Item, Plan
from pipeline.report import RunReport
from pipeline.settings import get_settings
from pipeline.storage import DatabaseUnavailable, StorageError, open_repository
from pipeline.storage.errors import ConflictError

log = logging.getLogger("thidua.backfill")
if log.parent and log.parent.level == logging.NOTSET:
    log.parent.setLevel(logging.INFO)  # the `thidua` loggers say what a run did

IO_RETRIES = 2
IO_RETRY_DELAYS = [2, 10]
IO_TASK = dict(cache_policy=NO_CACHE, persist_result=False, retries=IO_RETRIES,
               retry_delay_seconds=IO_RETRY_DELAYS)


def transient(task, task_run, state) -> bool:
    """Retry only what may succeed a few seconds later: a lost database connection, a write
    conflict, an I/O error. Disk full, a failed migration or a bad input would fail again."""
    try:
        state.result()
    except IngestStopped as exc:
        cause: BaseException = exc.cause
    except Exception as exc:  # noqa: BLE001
        cause = exc
    else:
        return False
    return isinstance(cause, (DatabaseUnavailable, ConflictError, OSError)) or type(cause) is StorageError


# --- tasks: thin wrappers of plain steps; each opens the archive the settings name -------------

@task(name="find-files", **IO_TASK)
def find_files(paths: list[Path]) -> Found:
    return find_reports(paths)


@task(name="start-run", retry_condition_fn=transient, **IO_TASK)
def start_run(kind: str, name: str) -> int:
    with open_repository() as repo:
        return repo.start_run(kind, name)


@task(name="skip-archived", retry_condition_fn=transient, **IO_TASK)
def skip_archived(files: list[Path], retry_failed: bool = False) -> IngestPlan:
    with open_repository() as repo:
        return steps.plan_ingest(repo, files, retry_failed=retry_failed)


@task(name="extract-batch", task_run_name="extract-batch-{number}", cache_policy=NO_CACHE, persist_result=False)
def extract(number: int, todo: list[Item], workers: int) -> list[DocumentResult]:
    return steps.extract_batch(todo, workers)


@task(name="store-batch", task_run_name="store-batch-{number}", retry_condition_fn=transient, **IO_TASK)
def store(number: int, todo: list[Item], extracted: list[DocumentResult],
          as_version_of: str | None = None, attempts: list | None = None) -> list[DocumentResult]:
    """Store one batch; each attempt's results so far go into `attempts` (one list per attempt),
    so that a batch cut off by a database outage is still reported for what it committed."""
    run = TaskRunContext.get()
    so_far: list[DocumentResult] = []
    if attempts is not None:
        attempts.append(so_far)
    with open_repository() as repo:
        return steps.store_batch(repo, todo, extracted, resumed=bool(run and run.task_run.run_count > 1),
                                 as_version_of=as_version_of, on_result=so_far.append)


@task(name="report", cache_policy=NO_CACHE, persist_result=False)
def publish(report: RunReport, key: str) -> RunReport:
    """The run's report as a Markdown artifact, and its summary in the log."""
    create_markdown_artifact(key=key, markdown=report.markdown(), description=report.headline())
    for line in report.lines():
        log.info(line)
    return report


# --- wiring shared with the nightly and re-extraction flows -----------------------------------

def plan_line(plan: Plan) -> str:
    if isinstance(plan, IngestPlan):
        return f"{plan.total} file(s): {len(plan.skipped)} already archived, {len(plan.todo)} to extract"
    return f"re-extracting {len(plan.todo)} document(s)"


def run_plan(make_plan, *, label: str, batch_size: int | None = None, workers: int | None = None,
             as_version_of: str | None = None) -> tuple[Plan | None, dict[int, DocumentResult], StorageError | None]:
    """Plan (`make_plan()`, a task), then extract and store in batches: (the plan or None, the
    stored results by index, the problem that stopped the run or None). Call it inside a flow."""
    progress = current_progress()
    stored: dict[int, DocumentResult] = {}
    plan: Plan | None = None
    try:
        plan = make_plan()
        progress.start(plan.total, label)
        progress.advance(list(plan.skipped.values()))
        log.info(plan_line(plan))
        run_batches(plan.todo, stored, batch_size=batch_size, workers=workers, as_version_of=as_version_of)
    except IngestStopped as exc:
        return plan, stored, exc.cause
    except StorageError as exc:
        return plan, stored, exc
    return plan, stored, None


def ingest_files(files: Sequence[Path], *, batch_size: int | None = None, workers: int | None = None,
                 label: str = "ingesting", kind: str = "backfill", name: str = "",
                 as_version_of: str | None = None,
                 skip_failed: bool = False) -> tuple[list[DocumentResult], int, StorageError | None]:
    """Ingest already-found files in batches: (results in input order, files extracted, the
    problem that stopped the run or None), recorded in the archive's `runs` (`thidua status`).
    `skip_failed`: bytes that failed in an earlier run are skipped (a backlog run again; the nightly
    inbox reads each file once anyway, and quarantines what fails). Call it inside a flow."""
    try:
        run_id = start_run(kind, name or label)
    except StorageError as exc:
        return [], 0, exc
    plan, stored, stopped = run_plan(lambda: skip_archived(quote(list(files)), not skip_failed),  # quote: 100,000 paths
                                     label=label, batch_size=batch_size, workers=workers,
                                     as_version_of=as_version_of)
    progress = current_progress()  # the second copies of a file count too: the bar ends at N/N
    results = plan.finish(stored, on_result=lambda twin: progress.advance([twin])) if plan is not None else []
    try:
        with open_repository() as repo:
            if isinstance(plan, IngestPlan):
                repo.record_names(plan.twin_names(stored))  # a second copy's name is noted like a re-run's
            steps.record_run(repo, run_id, results, stopped)
    except StorageError as exc:  # the database went away: the run's report still says what was done
        stopped = stopped or exc
    return results, len(stored), stopped


def run_batches(todo: Sequence[Item], stored: dict[int, DocumentResult], *, batch_size: int | None = None,
                workers: int | None = None, as_version_of: str | None = None) -> None:
    """Extract `todo` in batches, one task each, and store each batch in this process as soon as
    it is extracted, while the next ones are being extracted. The results go into `stored` by
    index. Raises IngestStopped when storing has to stop."""
    processes, in_flight = parallelism()
    workers = workers or processes
    batch_size = max(1, batch_size or shown_batch_size(len(todo), workers))
    batches = [list(todo[i:i + batch_size]) for i in range(0, len(todo), batch_size)]
    if batches:
        log.info("%d batch(es) of up to %d, %d extraction process(es) each", len(batches), batch_size, workers)
    pending: deque[tuple[int, list, PrefectFuture]] = deque()
    try:
        for number, batch in enumerate(batches, start=1):
            # not quote(batch): through DaskTaskRunner the task then got tuples, not items (tests/flows/test_dask.py)
            pending.append((number, batch, extract.submit(number, batch, workers)))
            if len(pending) >= in_flight:
                _store_next(pending, stored, len(batches), as_version_of)
        while pending:
            _store_next(pending, stored, len(batches), as_version_of)
    finally:
        for _, _, future in pending:  # stopped: let the extractions in flight end, unused
            future.wait()


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


def _store_next(pending: deque, stored: dict[int, DocumentResult], total: int, as_version_of: str | None) -> None:
    progress = current_progress()
    number, batch, future = pending.popleft()
    started = time.perf_counter()
    future.wait()
    if future.state.is_completed():
        attempts: list[list[DocumentResult]] = []
        try:
            # quote: Prefect need not visit each item for futures (store runs here, never on Dask)
            results = store(number, quote(batch), opaque(future), as_version_of, opaque(attempts))
        except StorageError as exc:  # what any attempt stored before the problem still counts
            done = stored_so_far(attempts)
            stored.update((item.index, result) for item, result in zip(batch, done, strict=False))
            progress.advance(done)
            raise IngestStopped(exc.cause if isinstance(exc, IngestStopped) else exc, done) from exc
    else:  # the extraction task itself failed (a lost Dask worker): its files fail, the run goes on
        reason = f"extraction task failed: {future.state.message or future.state.name}"
        results = [DocumentResult.failed(item.path, reason) for item in batch]
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


def finish(report: RunReport, key: str) -> RunReport | State:
    """Publish the report; a run that was stopped ends Failed, with the report as its data."""
    publish(quote(report), key)  # quote: Prefect need not look inside for futures
    if report.stopped:
        return Failed(message=report.stopped, data=report)
    return report


# --- the flow --------------------------------------------------------------------------------

@flow(name="thidua-backfill", task_runner=SettingsTaskRunner(), persist_result=False, log_prints=False)
def backfill(paths: list[Path], batch_size: int | None = None, workers: int | None = None,
             as_version_of: str | None = None, retry_failed: bool = False) -> RunReport:
    """Archive, extract and store every report under `paths` (files or folders, recursively).

    Files already archived (same bytes) are skipped before any work; a changed file under a
    known name becomes a new version. `batch_size`: files per task (THIDUA_BATCH_SIZE);
    `workers`: extraction processes per batch (THIDUA_WORKERS, default every core);
    `as_version_of`: store the file as a new version of this document (one file only);
    `retry_failed`: read again the files whose bytes failed in an earlier run."""
    started = time.perf_counter()
    found = find_files(list(paths))
    log.info("backfill of %s: %d file(s) found, %d path(s) not found, %d refused",
             ", ".join(map(shown_path, paths)), len(found.files), len(found.missing), len(found.refused))
    for folder in found.empty:
        log.warning("no reports found in %s", shown_path(folder))
    results, extracted, stopped = ingest_files(found.files, batch_size=batch_size, workers=workers,
                                               name=", ".join(map(shown_path, paths)), as_version_of=as_version_of,
                                               skip_failed=not retry_failed)
    results = ([DocumentResult.failed(p, "file or folder not found") for p in found.missing]
               + [DocumentResult.failed(p, reason) for p, reason in found.refused.items()] + results)
    report = RunReport("Backfill", results, time.perf_counter() - started, extracted=extracted,
                       stopped=str(stopped) if stopped else None,
                       stopped_exit_code=stopped.exit_code if stopped else 0)
    if note := steps.failed_before_note(results):
        report.notes.append(note)
    return finish(report, "thidua-backfill")
