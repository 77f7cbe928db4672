"""`thidua ingest` and `reextract` without Prefect, when no Prefect API is configured.

The same steps as the flows (pipeline/batches.py), wired in this process: no server to start,
no Prefect import (a Prefect server start cost 5-15 s per command, most of a small ingest). The
run is still recorded in the archive's `runs` (`thidua status`), with the same report, retries and
exit codes. With a Prefect API configured (PREFECT_API_URL, a Prefect profile or prefect.toml) the
commands run the Prefect flows on it instead, with their history in its UI; the nightly schedule
always runs on Prefect (flows/runtime.py starts a local server for it).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

from flows.extraction import EXTRACTOR
from pipeline import batches
from pipeline.batches import PlainSteps, Progress
from pipeline.ingest import find_files
from pipeline.read.document import shown_path
from pipeline.report.runs import RunReport, changes



def backfill(paths: Sequence[Path], progress: Progress, batch_size: int | None = None, workers: int | None = None,
             as_version_of: str | None = None, retry_failed: bool = False) -> RunReport:
    """What the backfill flow does (flows/backfill.py), in this process."""
    started = time.perf_counter()
    found = find_files(list(paths))
    with PlainSteps(EXTRACTOR) as run:
        results, extracted, stopped = batches.ingest_files(
            found.files, run, progress, batch_size=batch_size, workers=workers,
            name=", ".join(map(shown_path, paths)), as_version_of=as_version_of, skip_failed=not retry_failed)
    return logged(batches.backfill_report(found, results, extracted, stopped, time.perf_counter() - started))


def reextract(doc_ids: list[str] | None, progress: Progress, batch_size: int | None = None,
              workers: int | None = None) -> RunReport:
    """What the re-extraction flow does (flows/reextract.py), in this process."""
    started = time.perf_counter()

    with PlainSteps(EXTRACTOR) as run:
        found, stored, stopped = batches.run_plan(lambda: run.plan_reextract("all" if doc_ids is None else doc_ids),
                                                  run, progress,
                                                  label="re-extracting", batch_size=batch_size, workers=workers)
    results = found.finish(stored) if found else []
    notes, details = changes(results)
    return logged(RunReport("Re-extraction", results, time.perf_counter() - started, extracted=len(stored),
                            stopped=str(stopped) if stopped else None,
                            stopped_exit_code=stopped.exit_code if stopped else 0, notes=notes, details=details,
                            done_word="re-extracted"), "thidua.reextract")


def logged(report: RunReport, logger: str = "thidua.backfill") -> RunReport:
    """The report's summary in the log, as the flows' `report` task writes it."""
    for line in report.lines():
        logging.getLogger(logger).info(line)
    return report
