"""A re-run with nothing new, answered without Prefect or the extractors: every file under the
given paths hashed and found in the archive already (`thidua ingest` of an unchanged backlog)."""
from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from pipeline.read.document import DocumentResult, shown_path
from pipeline.ingest import HASH_BATCH, failed_before, failed_before_note, file_hash, find_files, record_run, skipped
from pipeline.report.runs import RunReport
from pipeline.store import Repository, StorageError, open_repository


def unchanged_rerun(repo: Repository, paths: Sequence[Path], *, kind: str = "backfill",
                    name: str = "", retry_failed: bool = False) -> list[DocumentResult] | None:
    """When every file under `paths` is archived already (the same bytes) or failed before with
    the same bytes (unless `retry_failed`), what a run would say: every file skipped, the run
    recorded in the archive's `runs`, new names noted. None as soon
    as one file is new, changed, missing or refused, or cannot be hashed: then the run has work
    to do (and its own messages). Reads the files and the archive only: no Prefect, no models,
    so that a no-change re-run of 10,000 reports costs about as much as hashing them."""
    found = find_files(list(paths))
    if found.missing or found.refused or not found.files:
        return None
    hashes: list[str] = []
    owners: dict[str, str] = {}
    failed: dict[str, str] = {}
    for start in range(0, len(found.files), HASH_BATCH * 4):
        chunk = [file_hash(path) for path in found.files[start:start + HASH_BATCH * 4]]
        if None in chunk:
            return None
        owners.update(repo.archived(chunk))
        if not retry_failed:
            failed.update(repo.failed_before(sha for sha in chunk if sha not in owners))
        if any(sha not in owners and sha not in failed for sha in chunk):
            return None
        hashes += chunk
    repo.record_names((sha, path) for sha, path in zip(hashes, found.files, strict=True) if sha in owners)
    results = [skipped(path, owners[sha]) if sha in owners else failed_before(path, failed[sha])
               for path, sha in zip(found.files, hashes, strict=True)]
    record_run(repo, repo.start_run(kind, name), results, None)
    return results


def nothing_new(paths: Sequence[Path], retry_failed: bool = False) -> RunReport | None:
    """The report of a backfill of `paths` that has nothing to do (unchanged_rerun), or None:
    then the real run starts. Any problem with the archive is left to that run to report."""
    started = time.perf_counter()
    try:
        with open_repository(create=False) as repo:
            results = unchanged_rerun(repo, paths, name=", ".join(map(shown_path, paths)), retry_failed=retry_failed)
    except StorageError:
        return None
    if results is None:
        return None
    return RunReport("Backfill", results, time.perf_counter() - started,
                     notes=[note] if (note := failed_before_note(results)) else [])
