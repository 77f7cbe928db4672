"""Is `thidua ingest` (both cores, archive and database) faster than one core extracting?

Builds a corpus of real-size reports: the texts of ../shared/dev/texts when that folder exists,
else samples/*.txt and samples/real/*.txt, repeated until N files, each copy made unique by one
added line (so nothing is skipped by hash). Then, back to back, each timed from process start to
exit:

  1. extract:  `thidua extract CORPUS -o FILE`, one process (what one core does);
  2. ingest:   `thidua ingest CORPUS` into a fresh SQLite archive (with no Prefect API
               configured: the batch loop in the command's process, no Prefect server);
  3. re-run:   `thidua ingest CORPUS` again: nothing new, every file skipped.

Printed: the three times, docs/s, ingest/extract ratio (issue 9's goal: at most 0.6), the
re-run time (goal: under 3 s at 10,000 files), and the ingest's CPU by process (extraction
workers, thidua itself, the Prefect server) with the two floors it sets: the workers' CPU spread
over every core (no ingest on this machine can be faster), and all of it spread the same way.
`--big` also builds 10,000 files and measures the ingest's CPU and the re-run there (the ingest
of 10,000 comes first, which takes a while). `--prefect-server`:
the ingests run the Prefect flow on a Prefect server that is already running (PREFECT_API_URL, as
on a machine that serves the nightly schedule).

    .venv/bin/python benchmarks/ingest_vs_extract.py [--docs 1000] [--big] [--prefect-server] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.processes import ProcessTree, thidua_command  # noqa: E402

DEV_TEXTS = ROOT.parent / "shared" / "dev" / "texts"


def sources() -> list[Path]:
    """Real-size report texts to copy: the dev texts when present, else the committed samples."""
    if DEV_TEXTS.is_dir():
        found = sorted(DEV_TEXTS.glob("*.txt"))
        if found:
            return found
    return sorted([*(ROOT / "samples").glob("*.txt"), *(ROOT / "samples" / "real").glob("*.txt")])


def build_corpus(folder: Path, n: int) -> list[Path]:
    """n UTF-8 files, copies of the sources in turn, each with one line of its own at the end."""
    texts = []
    for path in sources():
        raw = path.read_bytes()
        try:
            texts.append((path.stem, raw.decode("utf-8")))
        except UnicodeDecodeError:  # a legacy-encoded sample: not what this measures
            continue
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        stem, text = texts[i % len(texts)]
        path = folder / f"{i:05d}_{stem}.txt"
        path.write_text(text.rstrip("\n") + f"\n\n(Bản lưu số {i:05d}.)\n", encoding="utf-8")
        written.append(path)
    return written


CPU: dict[str, float] = {}  # CPU seconds (user + system) of the last command, by kind of process
RUNNING_SERVER: list[int] = []  # the pid of the Prefect server started beforehand (--prefect-server)


def timed(args: list[str], env: dict[str, str]) -> float:
    """Wall seconds of `thidua ARGS`; the CPU seconds of its whole process tree go into CPU, by
    kind of process (benchmarks/processes.py), with what a running server did meanwhile."""
    started = time.perf_counter()
    child = subprocess.Popen([*thidua_command(), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    with ProcessTree(child.pid, every_s=0.1, extra=tuple(RUNNING_SERVER)) as tree:
        _, stderr = child.communicate()
    seconds = time.perf_counter() - started
    CPU.clear()
    CPU.update(tree.cpu())
    if child.returncode != 0:
        sys.exit(f"thidua {' '.join(args)} failed ({child.returncode}):\n{stderr[-3000:]}")
    return seconds


def measure(work: Path, n: int, env: dict[str, str], extract: bool = True) -> dict[str, float]:
    corpus = work / f"corpus-{n}"
    build_corpus(corpus, n)
    os.sync()
    out = {**env, "THIDUA_OUTPUT_DIR": str(work / f"archive-{n}")}
    figures = {}
    if extract:
        figures["extract"] = timed(["extract", str(corpus), "-o", str(work / f"records-{n}.jsonl")], out)
        figures["extract_cpu"] = CPU["all"]
    figures["ingest"] = timed(["ingest", str(corpus)], out)
    figures.update({f"ingest_cpu_{kind}": cpu for kind, cpu in CPU.items()})
    figures["rerun"] = timed(["ingest", str(corpus)], out)
    figures["rerun_cpu"] = CPU["all"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--big", action="store_true", help="also the no-change re-run at 10,000 files")
    parser.add_argument("--workdir", type=Path, default=None, help="where corpus and archives go (default: /tmp)")
    parser.add_argument("--prefect-server", action="store_true",
                        help="ingest through a Prefect server started once beforehand (PREFECT_API_URL)")
    args = parser.parse_args()
    if args.docs < 1000:
        parser.error("--docs: at least 1000 (the issue's goal is stated for 1,000+ files)")

    work = Path(tempfile.mkdtemp(prefix="thidua-ivse-", dir=args.workdir))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-home"), "THIDUA_LOG_LEVEL": "WARNING"}
    for name in ("PREFECT_API_URL", "THIDUA_DATABASE_URL", "THIDUA_ARCHIVE_DIR"):
        env.pop(name, None)
    server = None
    try:
        if args.prefect_server:
            server = running_prefect_server(work / "prefect-home", env)
        # Prefect's own database, created by an untimed run that starts Prefect (a folder with
        # nothing to ingest is answered without it)
        build_corpus(work / "first-run", 1)
        timed(["ingest", str(work / "first-run")], {**env, "THIDUA_OUTPUT_DIR": str(work / "first")})
        print(f"corpus: {args.docs} files from {len(sources())} real-size reports "
              f"({'../shared/dev/texts' if sources()[0].parent == DEV_TEXTS else 'samples/'}), each made unique; "
              f"{os.cpu_count()} CPU(s); load average before: {os.getloadavg()[0]:.1f}")
        figures = measure(work, args.docs, env)
        extract, ingest, rerun = figures["extract"], figures["ingest"], figures["rerun"]
        print(f"single-process `thidua extract`: {extract:7.1f} s  {args.docs / extract:6.1f} docs/s")
        print(f"`thidua ingest` (both cores):    {ingest:7.1f} s  {args.docs / ingest:6.1f} docs/s")
        print(f"ratio ingest/extract:            {ingest / extract:7.2f}   (goal: at most 0.60)")
        cpus = os.cpu_count() or 1
        print(f"CPU seconds: extract {figures['extract_cpu']:.1f}; ingest {figures['ingest_cpu_all']:.1f} = "
              f"extraction workers {figures.get('ingest_cpu_workers', 0):.1f} + thidua itself "
              f"{figures.get('ingest_cpu_command', 0):.1f} (start-up, hashing, storing, Prefect's client) + "
              f"Prefect server {figures.get('ingest_cpu_server', 0):.1f}")
        floor = figures.get("ingest_cpu_workers", 0) / cpus
        print(f"floor on {cpus} CPU(s): the extraction workers alone need {floor:.1f} s "
              f"(ratio {floor / extract:.2f} if storing, Prefect and start-up cost nothing); "
              f"everything in the ingest: {figures['ingest_cpu_all'] / cpus:.1f} s "
              f"(ratio {figures['ingest_cpu_all'] / cpus / extract:.2f} with every CPU busy all the time)")
        print(f"no-change re-run, {args.docs} files:   {rerun:7.2f} s  (start-up included; "
              f"{figures['rerun_cpu']:.2f} CPU seconds)")
        if args.big:
            big = measure(work, 10_000, env, extract=False)
            print(f"`thidua ingest` of 10,000 files:  {big['ingest']:7.1f} s  {10_000 / big['ingest']:6.1f} docs/s; "
                  f"CPU seconds {big['ingest_cpu_all']:.1f} = workers {big.get('ingest_cpu_workers', 0):.1f} + "
                  f"thidua {big.get('ingest_cpu_command', 0):.1f} + "
                  f"Prefect server {big.get('ingest_cpu_server', 0):.1f}")
            print(f"no-change re-run, 10,000 files:  {big['rerun']:7.2f} s  (goal: under 3 s, start-up included; "
                  f"{big['rerun_cpu']:.2f} CPU seconds)")
        print(f"Prefect: {'a running server (PREFECT_API_URL)' if server else 'none (the plain steps in the command)'}")
        print(f"load average after: {os.getloadavg()[0]:.1f} (the machine's other work is in every figure)")
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


def running_prefect_server(home: Path, env: dict[str, str]):
    """`prefect server start` (thidua's LocalServer), left running; its URL goes into `env`."""
    from flows.runtime import LocalServer

    home.mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_HOME"] = str(home)
    server = LocalServer(home)
    server.spawn()
    server.wait_ready()
    env["PREFECT_API_URL"] = server.api_url
    RUNNING_SERVER.append(server.process.pid)
    return server


if __name__ == "__main__":
    main()
