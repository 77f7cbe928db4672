"""Extraction in a process pool: order, one failure per bad file, a crashing file fails alone."""
import multiprocessing
import os
import pickle
import time
from pathlib import Path

from pipeline.pool import run_in_pool
from pipeline.read.document import DocumentResult, Status

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def echo(path: str) -> DocumentResult:
    if path.endswith("boom"):
        raise ValueError("unexpected table layout")
    if path.endswith("crash"):
        os._exit(3)  # a native library taking its process down
    return DocumentResult(path=path, doc_id=Path(path).stem, status=Status.OK, reason=str(os.getpid()))


def test_results_come_back_in_order_from_several_processes():
    paths = [f"/in/{i}.txt" for i in range(40)]
    results = run_in_pool(echo, [(p,) for p in paths], [Path(p) for p in paths], workers=2)
    assert [r.path for r in results] == paths
    assert os.getpid() not in {int(r.reason) for r in results}


def test_an_exception_or_a_dead_worker_fails_that_file_only():
    paths = ["/in/a.txt", "/in/b.boom", "/in/c.crash", "/in/d.txt", "/in/e.txt"]
    results = run_in_pool(echo, [(p,) for p in paths], [Path(p) for p in paths], workers=2)
    assert [r.status for r in results] == [Status.OK, Status.FAILED, Status.FAILED, Status.OK, Status.OK]
    assert results[1].reason == "extraction error: ValueError: unexpected table layout"
    assert "the extractor crashed on this file" in results[2].reason
    again = run_in_pool(echo, [("/in/f.txt",), ("/in/g.txt",)], [Path("/in/f.txt"), Path("/in/g.txt")], workers=2)
    assert [r.status for r in again] == [Status.OK, Status.OK]  # a fresh pool


def extract_and_end(paths: list[str]) -> None:
    results = run_in_pool(echo, [(p,) for p in paths], [Path(p) for p in paths], workers=2)
    assert [r.status for r in results] == [Status.OK] * len(paths)


def test_a_process_that_used_the_pool_ends_at_once():
    """As Prefect's runner runs a served flow: in a multiprocessing child, which ends through
    multiprocessing's finalizers. The stdlib pool hung there for good (its call queue closed before
    it was shut down), and the nightly schedule, one run at a time, never started another run."""
    child = multiprocessing.get_context("spawn").Process(target=extract_and_end, args=(["/in/a.txt", "/in/b.txt"],))
    started = time.monotonic()
    child.start()
    child.join(timeout=90)
    hung = child.is_alive()
    if hung:
        child.kill()
        child.join()
    assert not hung and child.exitcode == 0, f"the child did not end (exit code {child.exitcode})"
    assert time.monotonic() - started < 60


def test_the_workers_start_with_the_extraction_pipeline_built():
    """Built once in the forkserver (pipeline/_pool_preload.py) or, when this process's forkserver
    was started without it, once in each worker as it starts; never on a worker's first file."""
    from flows.extraction import EXTRACTOR

    results = run_in_pool(pipeline_built, [(f"/in/{i}.txt",) for i in range(4)], [Path("/in/x")] * 4, workers=2,
                          extractor=EXTRACTOR)
    assert [r.reason for r in results] == ["built"] * 4


def pipeline_built(path: str) -> DocumentResult:
    from extractors.run import _build

    built = "built" if _build.cache_info().currsize else "not built"
    return DocumentResult(path=path, doc_id=Path(path).stem, status=Status.OK, reason=built)


def slow(path: str) -> DocumentResult:
    Path(path).write_text("started")
    time.sleep(120)
    return DocumentResult(path=path, doc_id=Path(path).stem, status=Status.OK)


def test_stopping_the_pool_never_waits_for_a_file_and_its_caller_hears_so(tmp_path):
    """E.g. Ctrl-C during a batch: the workers are ended at once, and a caller waiting for its
    files gets them failed with a reason instead of waiting forever."""
    import threading

    from pipeline.pool import shutdown_pool

    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    results: list = []
    caller = threading.Thread(target=lambda: results.extend(
        run_in_pool(slow, [(str(p),) for p in paths], paths, workers=2)))
    caller.start()
    deadline = time.monotonic() + 60
    while not all(p.exists() for p in paths) and time.monotonic() < deadline:  # both files being extracted
        time.sleep(0.1)
    started = time.monotonic()
    shutdown_pool()
    caller.join(timeout=30)
    assert not caller.is_alive() and time.monotonic() - started < 30
    assert [r.status for r in results] == [Status.FAILED] * 2 and "stopped" in results[0].reason


def test_one_worker_runs_here():
    (result,) = run_in_pool(echo, [("/in/a.txt",)], [Path("/in/a.txt")], workers=1)
    assert int(result.reason) == os.getpid()


def test_a_result_with_its_record_survives_pickling():
    from extractors.run import process_path

    result = process_path(SAMPLES / "hatinh_cum4_tongket_2022.txt")
    back = pickle.loads(pickle.dumps(result))
    assert back.record == result.record and back.document == result.document
    assert back.normalized_text == result.normalized_text and back.status == Status.OK
