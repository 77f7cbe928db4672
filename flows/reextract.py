"""The re-extraction flow: run the (upgraded) extractors again over archived originals.

Wiring only (steps in flows/ingest.py):

    find the current original of each document (I/O)
      -> per batch: extract (CPU, one process per core; Dask workers with THIDUA_DASK_ADDRESS)
                    -> store the new machine values (database, in the flow's own process)
      -> report what changed: documents updated (which fields), unchanged, flagged for review

Corrections are never touched and still win; a corrected field whose machine value now differs
flags the record for review. Storing the same values again is a no-op, so a retried batch or a
second run is harmless.
"""
# No `from __future__ import annotations` here: a deployment's run loads the flow from its
# entrypoint, and Prefect builds the parameter model from the real annotations.
import logging
import time

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import ingest as steps
from flows.backfill import IO_TASK, finish, open_archive, run_batches, transient
from flows.ingest import IngestStopped, Original, ReextractPlan
from flows.runtime import default_task_runner, progress_hook
from pipeline.document import DocumentResult, Status
from pipeline.report import RunReport
from pipeline.storage import Repository, StorageError

log = logging.getLogger("thidua.reextract")


@task(name="find-originals", retry_condition_fn=transient, **IO_TASK)
def find_originals(repo: Repository, doc_ids: list[str] | None) -> ReextractPlan:
    return steps.plan_reextract(repo, "all" if doc_ids is None else doc_ids)


@task(name="extract-originals", task_run_name="extract-originals-{number}", cache_policy=NO_CACHE,
      persist_result=False)
def extract(number: int, todo: list[Original], workers: int) -> list[DocumentResult]:
    return steps.extract_originals(todo, workers)


@task(name="store-reextracted", task_run_name="store-reextracted-{number}", retry_condition_fn=transient,
      **IO_TASK)
def store(number: int, repo: Repository, todo: list[Original], extracted: list[DocumentResult]) -> list[DocumentResult]:
    return steps.store_reextracted(repo, todo, extracted)


def changes(results: list[DocumentResult]) -> tuple[list[str], list[tuple[str, str]]]:
    """Notes (how many updated, unchanged, flagged) and one line per updated document."""
    updated = [r for r in results if r.status == Status.OK and (r.reason or "").startswith("updated")]
    unchanged = sum(1 for r in results if r.status == Status.OK and r.reason == "unchanged")
    flagged = [r for r in results if "needs review" in (r.reason or "")]
    notes = [f"{len(updated)} updated, {unchanged} unchanged, {len(flagged)} flagged for review"]
    return notes, [(r.doc_id, r.reason or "") for r in updated]


@flow(name="thidua-reextract", task_runner=default_task_runner(), persist_result=False, log_prints=False)
def reextract(doc_ids: list[str] | None = None, batch_size: int | None = None,
              workers: int | None = None) -> RunReport:
    """Extract again from the archived originals of `doc_ids` (None: every document) and store
    the new machine values; corrections are kept. The report says what changed."""
    started = time.perf_counter()
    progress = progress_hook.get()
    stored: dict[int, DocumentResult] = {}
    plan: ReextractPlan | None = None
    stopped: StorageError | None = None
    repo = None
    try:
        repo = open_archive()
        plan = find_originals(repo, doc_ids)
        progress.start(plan.total, "re-extracting")
        progress.advance(list(plan.failed.values()))
        log.info("re-extracting %d document(s)", len(plan.todo))
        run_batches(plan.todo, extract, store, repo, stored, batch_size=batch_size, workers=workers)
    except IngestStopped as exc:
        stopped = exc.cause
    except StorageError as exc:
        stopped = exc
    finally:
        if repo is not None:
            repo.close()
    results = steps.finish_reextract(plan, stored) if plan else []
    notes, details = changes(results)
    report = RunReport("Re-extraction", results, time.perf_counter() - started, extracted=len(stored),
                       stopped=str(stopped) if stopped else None,
                       stopped_exit_code=stopped.exit_code if stopped else 0, notes=notes, details=details,
                       done_word="re-extracted")
    return finish(report, "thidua-reextract")
