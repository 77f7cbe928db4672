"""What Prefect costs: the same backfill with and without it, end to end, fresh database each.

For N generated reports (benchmarks/corpus.py, default 1,000):

- plain:    a `python` process running the batch loop (pipeline/batches.py: hash and skip,
            extract in the process pool, store, batch after batch, the next batch extracted
            while one is stored), no Prefect imported;
- prefect:  `thidua ingest DIR` with no Prefect API configured: the same loop in the command
            (flows/local.py), with the command line's start-up and progress around it;
- server:   `thidua ingest DIR` with PREFECT_API_URL naming a server that is already running
            (production: `prefect server start`), so only the orchestration itself is measured;
- process-pool: the same backfill flow on that server with Prefect's own ProcessPoolTaskRunner
            (one task per batch in one of its processes) instead of threads + pipeline/pool.py.

Each is timed from process start to exit, `--repeat` times (median), with the same batch size
and the same number of extraction processes. Printed: docs/s each way, the overhead
percentage against plain, and peak memory: the largest process (getrusage maxrss of the
children) and the whole process tree (the sum of resident sets, sampled every 20 ms).

    .venv/bin/python benchmarks/orchestration_overhead.py [--docs 1000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.processes import ProcessTree, thidua_command  # noqa: E402


def plain_backfill(folder: Path, batch_size: int, workers: int) -> list:
    """The backfill's batch loop with no Prefect imported (pipeline/batches.py, as `thidua
    ingest` runs it when no Prefect API is configured), without the command line around it."""
    from flows.local import backfill
    from pipeline.batches import NoProgress

    return backfill([folder], NoProgress(), batch_size=batch_size, workers=workers).results


def run(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """(seconds from start to exit, peak tree RSS in bytes, stderr)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with ProcessTree(proc.pid, every_s=0.02) as tree:
        _, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}):\n{err[-3000:]}")
    return seconds, tree.peak_rss, err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: every core)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where reports, databases and archives go (default: the system's temporary folder; "
                             "/dev/shm takes disk latency, the same both ways but noisy, out of the comparison)")
    parser.add_argument("--plain-run", type=Path, help=argparse.SUPPRESS)  # the child process of the plain case
    parser.add_argument("--pool-run", type=Path, help=argparse.SUPPRESS)  # the child process of the process-pool case
    args = parser.parse_args()

    from pipeline.settings import get_settings

    workers = args.workers or get_settings().effective_workers
    if args.plain_run:
        results = plain_backfill(args.plain_run, args.batch_size, workers)
        assert all(r.status.value == "ok" for r in results), [r for r in results if r.status.value != "ok"][:3]
        return
    if args.pool_run:
        from prefect.task_runners import ProcessPoolTaskRunner

        from flows.backfill import backfill

        flow = backfill.with_options(task_runner=ProcessPoolTaskRunner(max_workers=workers))
        report = flow([args.pool_run], batch_size=args.batch_size, return_state=True).result()
        from pipeline.read.document import Status

        assert report.count(Status.OK) == len(report.results), report.headline()
        return

    from benchmarks.corpus import write_reports
    from flows.runtime import PREFECT_DEFAULTS, LocalServer

    work = Path(tempfile.mkdtemp(prefix="thidua-bench-", dir=args.workdir))
    server: LocalServer | None = None
    try:
        corpus = work / "reports"
        write_reports(corpus, args.docs)
        os.sync()
        base = {**os.environ, **PREFECT_DEFAULTS, "PREFECT_HOME": str(work / "prefect-home"),
                "THIDUA_LOG_LEVEL": "WARNING", "THIDUA_WORKERS": str(workers)}
        base.pop("PREFECT_API_URL", None)
        base.pop("THIDUA_DATABASE_URL", None)
        base.pop("THIDUA_ARCHIVE_DIR", None)

        def env_for(name: str, i: int, **extra: str) -> dict[str, str]:
            return {**base, "THIDUA_OUTPUT_DIR": str(work / f"{name}-{i}"), **extra}

        write_reports(work / "first-run", 1)  # one file: a folder with nothing to ingest never starts Prefect
        first, _, _ = run([*thidua_command(), "ingest", str(work / "first-run")], env_for("first", 0))
        print(f"{args.docs} documents in {work.parent}, batches of {args.batch_size}, {workers} extraction process(es);"
              f" first `thidua ingest` on a new PREFECT_HOME (Prefect creates its database): {first:.1f} s")

        server = LocalServer(work / "prefect-home-server")
        server.spawn()
        server.wait_ready()

        cases = {
            "plain": lambda i: ([sys.executable, __file__, "--plain-run", str(corpus), "--batch-size",
                                 str(args.batch_size), "--workers", str(workers)], env_for("plain", i)),
            "prefect": lambda i: ([*thidua_command(), "ingest", str(corpus), "--batch-size", str(args.batch_size)],
                                  env_for("prefect", i)),
            "server": lambda i: ([*thidua_command(), "ingest", str(corpus), "--batch-size", str(args.batch_size)],
                                 env_for("server", i, PREFECT_API_URL=server.api_url)),
            "process-pool": lambda i: ([sys.executable, __file__, "--pool-run", str(corpus), "--batch-size",
                                        str(args.batch_size), "--workers", str(workers)],
                                       env_for("process-pool", i, PREFECT_API_URL=server.api_url)),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        peaks: dict[str, list[int]] = {name: [] for name in cases}
        names = list(cases)
        for i in range(args.repeat):
            os.sync()  # start each round with nothing waiting to be written
            for name in names[i % len(names):] + names[:i % len(names)]:  # interleaved, each case first in turn
                command, env = cases[name](i)
                seconds, peak, _ = run(command, env)
                times[name].append(seconds)
                peaks[name].append(peak)
                shutil.rmtree(work / f"{name}-{i}", ignore_errors=True)
                os.sync()

        plain = statistics.median(times["plain"])
        labels = {"plain": "plain pipeline functions (no Prefect)",
                  "prefect": "thidua ingest (Prefect, local server)",
                  "server": "thidua ingest (Prefect, server running)",
                  "process-pool": "backfill, Prefect's ProcessPoolTaskRunner"}
        print(f"{'':42} {'seconds':>8} {'docs/s':>8} {'overhead':>9} {'peak RSS (tree)':>16}")
        for name in cases:
            seconds = statistics.median(times[name])
            overhead = "" if name == "plain" else f"{(seconds - plain) / plain * 100:+.1f} %"
            print(f"{labels[name]:42} {seconds:8.2f} {args.docs / seconds:8.1f} {overhead:>9} "
                  f"{max(peaks[name]) / 2**20:13.0f} MB")
        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"largest single process (getrusage maxrss of children): {largest:.0f} MB; "
              f"runs: " + "; ".join(f"{n} " + ", ".join(f"{t:.2f}" for t in times[n]) for n in cases))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
