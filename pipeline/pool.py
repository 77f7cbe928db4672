"""Extraction on every core: a process pool shared by all the batches a process runs.

Reading and extracting are CPU-bound (pdfplumber, underthesea), so a batch is spread over one
process per core while the calling process keeps the database to itself. The pool is started
once (forkserver: the workers are forked from a clean process that has imported the extractors
already, never from a process running Prefect's threads) and reused until the process exits.

The forkserver also loads the NLP models (pipeline/_pool_preload.py), so the workers forked from it
share them. A file that kills its worker (a crash inside a native library) fails alone: the batch is
finished in a fresh pool, the files left are extracted one by one, and only the culprit is
reported. Plain functions, no Prefect; imported by the workers, so it stays light.

Why not Prefect's ProcessPoolTaskRunner (one extract task per batch in one of its processes):
measured with benchmarks/orchestration_overhead.py, 1,000 generated reports, batches of 100, 2
processes, the same running server, one run each back to back on a machine loaded by other work
(load average 10-15 on 2 CPUs): this pool 116 s (8.6 docs/s, 488 MB peak for the process tree),
ProcessPoolTaskRunner 135 s (7.4 docs/s, 616 MB). Its processes are spawned, so each imports
Prefect and loads the NLP models itself (no forkserver to share them), and a file that kills its
process breaks the whole executor: every batch in flight fails, where this pool fails that file
alone (tests/flows/test_poison_files.py). So the batches stay here; Prefect's runner is
measurable with `backfill.with_options(task_runner=ProcessPoolTaskRunner())` (flows/runners.py).
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing
import multiprocessing.util
import os
import shutil
import signal
import tempfile
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any
from collections.abc import Callable, Sequence

from pipeline.document import DocumentResult

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def process_path(path: Path) -> DocumentResult:
    """The extractor (imported on first use, so this module stays cheap to import)."""
    from extractors.run import process_path as run

    return run(Path(path))


def process_many(paths: Sequence[Path]) -> list[DocumentResult]:
    """Extract several files through the spaCy pipeline's `nlp.pipe` (as `thidua extract` does),
    one result each, in order; a failing file costs only itself."""
    from extractors.run import process_paths

    return list(process_paths([Path(p) for p in paths]))


def process_archived(archived: Path, doc_id: str, process: Callable[[Path], DocumentResult] | None = None
                     ) -> DocumentResult:
    """Extract an archived original under its document's name (the doc_id is the file stem),
    through a temporary link, wherever this runs (a pool worker, a Dask worker)."""
    archived = Path(archived)
    with tempfile.TemporaryDirectory(prefix="thidua-reextract-") as tmp:
        alias = Path(tmp) / f"{doc_id}{archived.suffix}"
        try:
            alias.symlink_to(archived.resolve())
        except OSError:
            shutil.copyfile(archived, alias)
        return safe_extract(process or process_path, alias)


def safe_extract(process: Callable[[Path], DocumentResult], path: Path) -> DocumentResult:
    """An extractor bug on one file fails that file (logged with its traceback), not the batch."""
    try:
        return process(path)
    except Exception as exc:  # noqa: BLE001
        log.exception("extraction failed on %s", path)
        return DocumentResult.failed(Path(path), f"extraction error: {type(exc).__name__}: {exc}")


def extraction_pool(workers: int) -> ProcessPoolExecutor:
    """The process's pool of `workers` extraction processes, started on first use."""
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size != workers:
            if _pool is not None:
                _pool.shutdown(wait=True, cancel_futures=True)
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["pipeline.pool", "extractors.run", "pipeline._pool_preload"])
            _start_forkserver()
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_setup,
                                        initargs=(os.getpid(),))
            _pool_size = workers
        return _pool


def _start_forkserver() -> None:
    """Start the forkserver with Ctrl-C blocked, as CPython starts its resource tracker: the
    forkserver spends seconds importing the extractors and NLP models before it ignores SIGINT
    itself, and a Ctrl-C from the terminal reaches the whole process group; the command, not the
    forkserver, reports it. The signal mask is per thread, inherited by the child."""
    import multiprocessing.forkserver
    import multiprocessing.resource_tracker

    multiprocessing.resource_tracker.ensure_running()  # first: it unblocks SIGINT once it is started
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _worker_setup(parent: int) -> None:
    """In each worker: Ctrl-C is for the parent to handle (no traceback per worker), and the
    worker ends when the parent is gone, even if it was killed before it could stop the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from pipeline.limits import end_process_when_hung

    end_process_when_hung()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)
            except OSError:
                pass

    threading.Thread(target=watch, name="thidua-parent-watch", daemon=True).start()


def _ready() -> bool:
    return True


def warm_up(workers: int) -> None:
    """Start the pool's processes in the background (models loaded, workers forked), e.g. while
    the Prefect server starts; returns at once."""
    def start() -> None:
        try:
            pool = extraction_pool(workers)
            for _ in range(workers):
                pool.submit(_ready)
        except Exception:  # noqa: BLE001 - the first batch will start it (and say what is wrong)
            log.debug("could not warm up the extraction pool", exc_info=True)

    if workers > 1:
        threading.Thread(target=start, name="thidua-pool-warm-up", daemon=True).start()


def _discard_pool(broken: ProcessPoolExecutor) -> None:
    global _pool, _pool_size
    with _lock:
        if _pool is broken:
            _pool, _pool_size = None, 0
    broken.shutdown(wait=False, cancel_futures=True)


def shutdown_pool() -> None:
    """Stop the workers (at exit, or when a flow run ends in a long-lived process)."""
    global _pool, _pool_size
    with _lock:
        pool, _pool, _pool_size = _pool, None, 0
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_pool)
# A multiprocessing child (how Prefect's runner runs a served flow) ends without atexit handlers.
multiprocessing.util.Finalize(None, shutdown_pool, exitpriority=10)


def run_in_pool(fn: Callable[..., DocumentResult], jobs: Sequence[tuple[Any, ...]], paths: Sequence[Path],
                workers: int) -> list[DocumentResult]:
    """fn(*job) for every job, spread over `workers` processes; one result per job, in order.
    `paths[i]` names job i in a failure. With one worker everything runs here, in this process."""
    if workers <= 1 or len(jobs) <= 1:
        return [_call(fn, job, path) for job, path in zip(jobs, paths, strict=False)]
    pool = extraction_pool(workers)
    results: list[DocumentResult | None] = []
    try:
        futures: list[Future | None] = [pool.submit(fn, *job) for job in jobs]
    except BrokenProcessPool:
        futures = [None] * len(jobs)
    for future, path in zip(futures, paths, strict=False):
        results.append(_collect(future, path))
    if any(r is None for r in results):  # a worker died: find the file that kills it
        _discard_pool(pool)
        for i, (job, path) in enumerate(zip(jobs, paths, strict=False)):
            if results[i] is None:
                results[i] = _alone(fn, job, path, workers)
    return results  # type: ignore[return-value]


def extract_in_pool(paths: Sequence[Path], workers: int, chunk: int = 16) -> list[DocumentResult]:
    """process_path for every file, over `workers` processes, `chunk` files per job (each job
    through nlp.pipe); one result per file, in order. A job whose worker died is done again
    file by file, so that only the file that kills its worker fails."""
    paths = [Path(p) for p in paths]
    if workers <= 1 or len(paths) <= 1:
        return process_many(paths)
    chunk = max(1, min(chunk, -(-len(paths) // workers)))
    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    pool = extraction_pool(workers)
    try:
        futures: list[Future | None] = [pool.submit(process_many, c) for c in chunks]
    except BrokenProcessPool:
        futures = [None] * len(chunks)
    done = [_chunk_result(future) for future in futures]
    lost = [path for part, result in zip(chunks, done, strict=True) if result is None for path in part]
    if lost:  # file by file, in a fresh pool: the culprit alone fails
        _discard_pool(pool)
        redone = iter(run_in_pool(process_path, [(p,) for p in lost], lost, workers))
        done = [result if result is not None else [next(redone) for _ in part]
                for part, result in zip(chunks, done, strict=True)]
    return [r for result in done for r in result]


def _chunk_result(future: Future | None) -> list[DocumentResult] | None:
    if future is None:
        return None
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - a dead worker (BrokenProcessPool) or a result that would not pickle
        return None


def _call(fn: Callable[..., DocumentResult], job: tuple[Any, ...], path: Path) -> DocumentResult:
    try:
        return fn(*job)
    except Exception as exc:  # noqa: BLE001 - as in a worker: one file fails, not the batch
        return DocumentResult.failed(Path(path), f"extraction error: {type(exc).__name__}: {exc}")


def _collect(future: Future | None, path: Path) -> DocumentResult | None:
    if future is None:
        return None
    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except Exception as exc:  # noqa: BLE001 - raised in the worker, or its result would not pickle
        return DocumentResult.failed(Path(path), f"extraction error: {type(exc).__name__}: {exc}")


def _alone(fn: Callable[..., DocumentResult], job: tuple[Any, ...], path: Path, workers: int) -> DocumentResult:
    pool = extraction_pool(workers)
    try:
        result = _collect(pool.submit(fn, *job), path)
    except BrokenProcessPool:
        result = None
    if result is None:
        _discard_pool(pool)
        log.error("the extractor crashed on %s (its worker process died)", path)
        return DocumentResult.failed(Path(path), "the extractor crashed on this file, or hung past the time limit "
                                                 "THIDUA_FILE_TIMEOUT_S (its worker process died); please report it "
                                                 "together with this file")
    return result
