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
from collections.abc import Sequence
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.futures import PrefectFuture
from prefect.states import Failed, State
from prefect.utilities.annotations import opaque, quote

from flows.extraction import EXTRACTOR
from flows.runners import SettingsTaskRunner, parallelism
from flows.runtime import current_progress
from pipeline import batches
from pipeline import ingest as steps
from pipeline.batches import ExtractionFailed, stored_so_far
from pipeline.read.discover import Found
from pipeline.read.document import DocumentResult, shown_path
from pipeline.ingest import IngestPlan, IngestStopped, Item, Plan
from pipeline.report.runs import RunReport
from pipeline.store import StorageError, open_repository

log = logging.getLogger("thidua.backfill")
if log.parent and log.parent.level == logging.NOTSET:
    log.parent.setLevel(logging.INFO)  # the `thidua` loggers say what a run did

IO_RETRIES = 2
IO_RETRY_DELAYS = list(batches.IO_RETRY_DELAYS)
IO_TASK = dict(cache_policy=NO_CACHE, persist_result=False, retries=IO_RETRIES,
               retry_delay_seconds=IO_RETRY_DELAYS)


def transient(task, task_run, state) -> bool:
    """Retry only what may succeed a few seconds later (pipeline.batches.transient)."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001
        return batches.transient(exc)
    return False


# --- tasks: thin wrappers of plain steps; each opens the archive the settings name -------------

@task(name="find-files", **IO_TASK)
def find_files(paths: list[Path]) -> Found:
    return steps.find_files(paths)


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
    return steps.extract_batch(todo, workers, EXTRACTOR)


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

class _Extracting:
    """A batch's extraction task, as the batch loop waits for it."""

    def __init__(self, future: PrefectFuture):
        self.future = future

    def result(self) -> list[DocumentResult]:
        self.future.wait()
        if not self.future.state.is_completed():  # the task itself failed (a lost Dask worker)
            raise ExtractionFailed(self.future.state.message or self.future.state.name)
        return self.future.result()


class TaskSteps:
    """The batch loop's steps (pipeline/batches.py) as this flow's tasks."""

    def parallelism(self) -> tuple[int, int]:
        return parallelism()

    def start_run(self, kind: str, name: str) -> int:
        return start_run(kind, name)

    def plan_ingest(self, files: list[Path], retry_failed: bool) -> IngestPlan:
        return skip_archived(quote(files), retry_failed)  # quote: 100,000 paths

    def extract(self, number: int, batch: list[Item], workers: int) -> _Extracting:
        # not quote(batch): through DaskTaskRunner the task then got tuples, not items (tests/flows/test_dask.py)
        return _Extracting(extract.submit(number, batch, workers))

    def store(self, number: int, batch: list[Item], extracted: _Extracting,
              as_version_of: str | None) -> list[DocumentResult]:
        extracted.result()  # raises ExtractionFailed before a store task is made for nothing
        attempts: list[list[DocumentResult]] = []
        try:
            # quote: Prefect need not visit each item for futures (store runs here, never on Dask)
            return store(number, quote(batch), opaque(extracted.future), as_version_of, opaque(attempts))
        except StorageError as exc:  # what any attempt stored before the problem still counts
            raise IngestStopped(exc.cause if isinstance(exc, IngestStopped) else exc,
                                stored_so_far(attempts)) from exc

    def record_run(self, run_id: int, results: list[DocumentResult], stopped: StorageError | None,
                   names: list[tuple[str, Path]]) -> None:
        with open_repository() as repo:
            repo.record_names(names)
            steps.record_run(repo, run_id, results, stopped)


def run_plan(make_plan, *, label: str, batch_size: int | None = None, workers: int | None = None,
             as_version_of: str | None = None) -> tuple[Plan | None, dict[int, DocumentResult], StorageError | None]:
    """pipeline.batches.run_plan through this flow's tasks (`make_plan()` is a task). Call it inside a flow."""
    return batches.run_plan(make_plan, TaskSteps(), current_progress(), label=label, batch_size=batch_size,
                            workers=workers, as_version_of=as_version_of)


def ingest_files(files: Sequence[Path], **options) -> tuple[list[DocumentResult], int, StorageError | None]:
    """pipeline.batches.ingest_files through this flow's tasks. Call it inside a flow."""
    return batches.ingest_files(files, TaskSteps(), current_progress(), **options)


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
    return finish(batches.backfill_report(found, results, extracted, stopped, time.perf_counter() - started),
                  "thidua-backfill")
