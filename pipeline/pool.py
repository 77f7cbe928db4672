"""Extraction on every core: a process pool shared by all the batches a process runs.

Reading and extracting are CPU-bound (pdfplumber, underthesea), so a batch is spread over one
process per core while the calling process keeps the database to itself. The pool is pebble's
ProcessPool (per-task time limits, a worker that dies fails its task alone and is replaced),
started once (forkserver: the workers are forked from a clean process that has imported the
extractors already, never from a process running Prefect's threads) and reused until the
process exits or `shutdown_pool` stops it.

The extractor is passed in by the caller (the flows and the command line pass
`ModuleExtractor("extractors.run")`): pipeline/ names no extractor. The forkserver imports the
extractor's module and warms it up once (its models loaded: pipeline/_pool_preload.py), so every
worker forked from it starts with them; each worker's initializer warms it up too, which costs
nothing then (and loads the models once in that worker when the forkserver was started earlier
without them). A file that kills its worker (a crash inside a
native library) or runs past its time limit fails alone, with its reason; the files of a job
lost that way are extracted again one by one, so that only the culprit is reported.

Stopping never waits on a worker: `shutdown_pool` terminates them (nothing is pending when a
run ends) within a bounded time. The standard library's ProcessPoolExecutor hung there: shut
down by multiprocessing's exit finalizers in a served flow run's process, after its own call
queue's finalizer had already closed the queue, it waited forever for workers that never got
the word, and the nightly schedule (one run at a time) never started another run.
Plain functions, no Prefect; imported by the workers, so it stays light.

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
import weakref
from concurrent.futures import CancelledError, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any
from collections.abc import Callable, Sequence

from dataclasses import dataclass
from importlib import import_module

from pebble import ProcessExpired, ProcessPool

from pipeline.read.document import DocumentResult

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pool: ProcessPool | None = None
_pool_size = 0
_pool_extractor: ModuleExtractor | None = None
_issued: weakref.WeakKeyDictionary[Future, int] = weakref.WeakKeyDictionary()  # future -> id of its pool
GRACE_S = 30.0  # past a job's time limit (THIDUA_FILE_TIMEOUT_S per file) before its worker is ended
STOP_TIMEOUT_S = 15.0  # the most shutdown_pool waits for the pool's threads and workers to end


@dataclass(frozen=True)
class ModuleExtractor:
    """An extractor named by its module, which has `process_path(path)`, `process_paths(paths)`
    (in order, through one `nlp.pipe`) and `warm_up()` (loads its models). Picklable, so the pool's
    workers import the module themselves; importing this imports nothing of the extractor."""

    module: str

    def process_path(self, path: Path) -> DocumentResult:
        return import_module(self.module).process_path(Path(path))

    def process_many(self, paths: Sequence[Path]) -> list[DocumentResult]:
        """Several files through the extractor's batch path, one result each, in order; a failing
        file costs only itself."""
        return list(import_module(self.module).process_paths([Path(p) for p in paths]))

    def warm_up(self) -> None:
        import_module(self.module).warm_up()


def process_archived(archived: Path, doc_id: str, process: Callable[[Path], DocumentResult]) -> DocumentResult:
    """Extract an archived original under its document's name (the doc_id is the file stem),
    through a temporary link, wherever this runs (a pool worker, a Dask worker)."""
    archived = Path(archived)
    with tempfile.TemporaryDirectory(prefix="thidua-reextract-") as tmp:
        alias = Path(tmp) / f"{doc_id}{archived.suffix}"
        try:
            alias.symlink_to(archived.resolve())
        except OSError:
            shutil.copyfile(archived, alias)
        return safe_extract(process, alias)


def safe_extract(process: Callable[[Path], DocumentResult], path: Path) -> DocumentResult:
    """An extractor bug on one file fails that file (logged with its traceback), not the batch."""
    try:
        return process(path)
    except Exception as exc:  # noqa: BLE001
        log.exception("extraction failed on %s", path)
        return DocumentResult.failed(Path(path), f"extraction error: {type(exc).__name__}: {exc}")


def extraction_pool(workers: int, extractor: ModuleExtractor | None = None) -> ProcessPool:
    """The process's pool of `workers` extraction processes, started on first use (again after
    `shutdown_pool`, or when a pool broke), its workers warmed up with `extractor`."""
    global _pool, _pool_size, _pool_extractor
    with _lock:
        if _pool is None or not _pool.active or _pool_size != workers or (
                extractor is not None and extractor != _pool_extractor):
            if _pool is not None:
                _stop(_pool)
            context = multiprocessing.get_context("forkserver")
            _start_forkserver(context, extractor)
            _pool = ProcessPool(max_workers=workers, initializer=_worker_setup, initargs=(os.getpid(), extractor),
                                context=context)
            _pool_size, _pool_extractor = workers, extractor
        return _pool


def _start_forkserver(context, extractor: ModuleExtractor | None) -> None:
    """Start the forkserver (once per process) importing the extractor and warming it up, with
    Ctrl-C blocked, as CPython starts its resource tracker: the forkserver spends seconds importing
    the extractors and NLP models before it ignores SIGINT itself, and a Ctrl-C from the terminal
    reaches the whole process group; the command, not the forkserver, reports it. The signal mask
    is per thread, inherited by the child; so is the environment variable that names the extractor."""
    import multiprocessing.forkserver
    import multiprocessing.resource_tracker

    from pipeline._pool_preload import WARM_UP

    modules = ["pipeline.pool"] + ([extractor.module, "pipeline._pool_preload"] if extractor else [])
    context.set_forkserver_preload(modules)
    multiprocessing.resource_tracker.ensure_running()  # first: it unblocks SIGINT once it is started
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    had = os.environ.get(WARM_UP)
    if extractor:
        os.environ[WARM_UP] = extractor.module
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        if had is None:
            os.environ.pop(WARM_UP, None)
        else:
            os.environ[WARM_UP] = had


def _worker_setup(parent: int, extractor: ModuleExtractor | None = None) -> None:
    """In each worker: Ctrl-C is for the parent to handle (no traceback per worker), the worker
    ends when the parent is gone, even if it was killed before it could stop the pool, and the
    extractor is warm (already, when forked from a forkserver that warmed it up)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if extractor is not None:
        try:
            extractor.warm_up()
        except Exception:  # noqa: BLE001 - its first file says what is wrong
            log.warning("could not warm up the extractor %s", extractor.module, exc_info=True)
    from pipeline.read.limits import end_process_when_hung

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


def warm_up(workers: int, extractor: ModuleExtractor) -> None:
    """Start the pool's processes in the background (models loaded, workers forked), e.g. while
    the Prefect server starts; returns at once."""
    def start() -> None:
        try:
            pool = extraction_pool(workers, extractor)
            for _ in range(workers):
                pool.schedule(_ready)
        except Exception:  # noqa: BLE001 - the first batch will start it (and say what is wrong)
            log.debug("could not warm up the extraction pool", exc_info=True)

    if workers > 1:
        threading.Thread(target=start, name="thidua-pool-warm-up", daemon=True).start()


def _stop(pool: ProcessPool, timeout: float = STOP_TIMEOUT_S) -> None:
    """End the pool's workers (terminated: whatever they still run is cancelled) and its threads,
    waiting `timeout` seconds at most, so that nothing ever waits on a stuck worker."""
    pool.stop()
    for future, owner in list(_issued.items()):  # pebble leaves them pending: nobody waits forever on one
        if owner == id(pool):
            future.cancel()
    stopper = threading.Thread(target=pool.join, name="thidua-pool-stop", daemon=True)
    stopper.start()
    stopper.join(timeout)
    if stopper.is_alive():
        log.warning("the extraction processes did not end within %.0f s", timeout)


def _discard_pool(broken: ProcessPool) -> None:
    global _pool, _pool_size
    with _lock:
        if _pool is broken:
            _pool, _pool_size = None, 0
    _stop(broken)


def shutdown_pool() -> None:
    """Stop the workers (at exit, or when a flow run ends in a long-lived process); returns
    within STOP_TIMEOUT_S whatever the workers do."""
    global _pool, _pool_size
    with _lock:
        pool, _pool, _pool_size = _pool, None, 0
    if pool is not None:
        _stop(pool)


atexit.register(shutdown_pool)
# A multiprocessing child (how Prefect's runner runs a served flow) ends without atexit handlers,
# and joins its non-daemon children (the workers) right after the finalizers of this priority.
multiprocessing.util.Finalize(None, shutdown_pool, exitpriority=10)


def job_timeout(files: int) -> float:
    """A job's time limit in the pool: each file's own (THIDUA_FILE_TIMEOUT_S, enforced inside the
    worker with a clear reason) plus GRACE_S, after which the worker is ended from outside."""
    from pipeline.settings import get_settings

    return get_settings().file_timeout_s * max(1, files) + GRACE_S


def run_in_pool(fn: Callable[..., DocumentResult], jobs: Sequence[tuple[Any, ...]], paths: Sequence[Path],
                workers: int, extractor: ModuleExtractor | None = None) -> list[DocumentResult]:
    """fn(*job) for every job, spread over `workers` processes (warmed up with `extractor`); one
    result per job, in order. `paths[i]` names job i in a failure. With one worker everything runs
    here, in this process."""
    if workers <= 1 or len(jobs) <= 1:
        return [_call(fn, job, path) for job, path in zip(jobs, paths, strict=False)]
    pool = extraction_pool(workers, extractor)
    futures = _schedule(pool, fn, [(job, 1) for job in jobs])
    results = [_collect(future, path) for future, path in zip(futures, paths, strict=False)]
    if any(r is None for r in results):  # the pool itself broke: each job left alone, in a fresh pool
        _discard_pool(pool)
        for i, (job, path) in enumerate(zip(jobs, paths, strict=False)):
            if results[i] is None:
                results[i] = _alone(fn, job, path, workers, extractor)
    return results  # type: ignore[return-value]


def extract_in_pool(paths: Sequence[Path], workers: int, extractor: ModuleExtractor, chunk: int = 16
                    ) -> list[DocumentResult]:
    """The extractor on every file, over `workers` processes, `chunk` files per job (each job
    through its batch path, nlp.pipe); one result per file, in order. A job whose worker died or
    ran past its time limit is done again file by file, so that only the file that caused it fails."""
    paths = [Path(p) for p in paths]
    if workers <= 1 or len(paths) <= 1:
        return extractor.process_many(paths)
    chunk = max(1, min(chunk, -(-len(paths) // workers)))
    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    pool = extraction_pool(workers, extractor)
    futures = _schedule(pool, extractor.process_many, [((c,), len(c)) for c in chunks])
    done = [_chunk_result(future, part) for future, part in zip(futures, chunks, strict=True)]
    lost = [path for part, result in zip(chunks, done, strict=True) if result is None for path in part]
    if lost:  # file by file: the culprit alone fails
        redone = iter(run_in_pool(extractor.process_path, [(p,) for p in lost], lost, workers, extractor))
        done = [result if result is not None else [next(redone) for _ in part]
                for part, result in zip(chunks, done, strict=True)]
    return [r for result in done for r in result]


def _schedule(pool: ProcessPool, fn: Callable[..., Any], jobs: Sequence[tuple[tuple[Any, ...], int]]
              ) -> list[Future | None]:
    """Each (args, files) job on the pool with its time limit; None for all when the pool is broken."""
    futures: list[Future | None] = []
    try:
        for args, files in jobs:
            futures.append(future := pool.schedule(fn, args=args, timeout=job_timeout(files)))
            _issued[future] = id(pool)
    except (RuntimeError, BrokenProcessPool):  # pebble: "the Pool is not active" after it broke
        for future in futures:
            future.cancel()
        return [None] * len(jobs)
    return futures


def _chunk_result(future: Future | None, paths: Sequence[Path]) -> list[DocumentResult] | None:
    if future is None:
        return None
    try:
        return future.result()
    except CancelledError:
        return [DocumentResult.failed(path, STOPPED) for path in paths]
    except Exception:  # noqa: BLE001 - a dead or stuck worker, or a result that would not pickle
        return None


def _call(fn: Callable[..., DocumentResult], job: tuple[Any, ...], path: Path) -> DocumentResult:
    try:
        return fn(*job)
    except Exception as exc:  # noqa: BLE001 - as in a worker: one file fails, not the batch
        return DocumentResult.failed(Path(path), f"extraction error: {type(exc).__name__}: {exc}")


CRASHED = ("the extractor crashed on this file, or hung past the time limit THIDUA_FILE_TIMEOUT_S (its worker "
           "process died); please report it together with this file")
STOPPED = "not extracted: the extraction processes were stopped (interrupted); run again to finish"


def _collect(future: Future | None, path: Path) -> DocumentResult | None:
    """The job's result, or the file's failure; None when the pool broke (the job never ran)."""
    if future is None:
        return None
    try:
        return future.result()
    except ProcessExpired as exc:  # the worker died on it (a native crash, or its own hang watchdog)
        log.error("the extractor crashed on %s (its worker process died, exit code %s)", path, exc.exitcode)
        return DocumentResult.failed(Path(path), CRASHED)
    except TimeoutError as exc:  # still running past the job's time limit: its worker was ended
        log.error("the extractor hung on %s past its time limit (%.0f s; its worker was ended)", path, exc.args[1])
        return DocumentResult.failed(Path(path), f"hung past the time limit THIDUA_FILE_TIMEOUT_S "
                                                 f"({exc.args[1]:.0f} s with the grace); its worker was ended; "
                                                 "please report it together with this file")
    except CancelledError:
        return DocumentResult.failed(Path(path), STOPPED)
    except BrokenProcessPool:
        return None
    except Exception as exc:  # noqa: BLE001 - raised in the worker, or its result would not pickle
        return DocumentResult.failed(Path(path), f"extraction error: {type(exc).__name__}: {exc}")


def _alone(fn: Callable[..., DocumentResult], job: tuple[Any, ...], path: Path, workers: int,
           extractor: ModuleExtractor | None) -> DocumentResult:
    (future,) = _schedule(extraction_pool(workers, extractor), fn, [(job, 1)])
    result = _collect(future, path)
    if result is None:
        log.error("the extraction pool broke on %s", path)
        return DocumentResult.failed(Path(path), CRASHED)
    return result
