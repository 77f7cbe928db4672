"""The re-extraction flow: run the (upgraded) extractors again over archived originals.

Wiring only (steps in pipeline/ingest.py, batches as the backfill's):

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

from flows.backfill import IO_TASK, finish, run_plan, transient
from flows.runners import SettingsTaskRunner
from pipeline import ingest as steps
from pipeline.ingest import ReextractPlan
from pipeline.report.runs import RunReport, changes
from pipeline.store import open_repository

log = logging.getLogger("thidua.reextract")


@task(name="find-originals", retry_condition_fn=transient, **IO_TASK)
def find_originals(doc_ids: list[str] | None) -> ReextractPlan:
    with open_repository() as repo:
        return steps.plan_reextract(repo, "all" if doc_ids is None else doc_ids)


@flow(name="thidua-reextract", task_runner=SettingsTaskRunner(), persist_result=False, log_prints=False)
def reextract(doc_ids: list[str] | None = None, batch_size: int | None = None,
              workers: int | None = None) -> RunReport:
    """Extract again from the archived originals of `doc_ids` (None: every document) and store
    the new machine values; corrections are kept. The report says what changed."""
    started = time.perf_counter()
    plan, stored, stopped = run_plan(lambda: find_originals(doc_ids), label="re-extracting",
                                     batch_size=batch_size, workers=workers)
    results = plan.finish(stored) if plan else []
    notes, details = changes(results)
    report = RunReport("Re-extraction", results, time.perf_counter() - started, extracted=len(stored),
                       stopped=str(stopped) if stopped else None,
                       stopped_exit_code=stopped.exit_code if stopped else 0, notes=notes, details=details,
                       done_word="re-extracted")
    return finish(report, "thidua-reextract")
