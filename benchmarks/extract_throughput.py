"""Extraction throughput on one core (target: >= 60 documents/s on dev-sized reports) and the time
from process start to the first record (target: < 1.5 s).

Reads every report in the given folders (default: ../shared/dev/texts when present, else samples/)
once, then normalises and extracts them repeatedly in this one process, in batches through the
spaCy pipeline's `nlp.pipe`, and prints documents per second. Reading is timed apart. The start-up
figure runs a fresh `python` that imports the extractor and extracts one report.

    .venv/bin/python benchmarks/extract_throughput.py [FOLDER ...] [--rounds N]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATE_TARGET, STARTUP_TARGET = 60.0, 1.5

FIRST_RECORD = """
import time, sys
t0 = float(sys.argv[1])
from pipeline.read import read_document
from extractors.run import extract
record = extract(read_document(sys.argv[2]))
print(time.time() - t0)
"""


def startup_seconds(path: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) from launching a new interpreter to its first record
    (medians of three). On a machine shared with other jobs the CPU time is the steadier figure."""
    walls, cpus = [], []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([sys.executable, "-c", FIRST_RECORD, repr(time.time()), str(path)], cwd=ROOT,
                             capture_output=True, text=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(float(out.stdout.strip().splitlines()[-1]))
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    dev = ROOT.parent / "shared" / "dev" / "texts"
    folders = args.folders or [dev if dev.is_dir() else ROOT / "samples"]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says

    from extractors.context import Context
    from extractors.run import extract_many
    from pipeline.read.discover import discover
    from pipeline.read import read_document

    files, _ = discover(folders)
    t0 = time.perf_counter()
    documents = []
    for f in files:
        try:
            documents.append(read_document(f))
        except Exception as exc:  # a benchmark reports and goes on
            print(f"skip {f}: {exc}")
    read_s = time.perf_counter() - t0
    chars = sum(len(d.text) for d in documents)
    list(extract_many(Context.of(d) for d in documents[:1]))  # builds the pipeline and its patterns

    rates, cpu_rates = [], []
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        records = list(extract_many(Context.of(d) for d in documents))
        rates.append(len(records) / (time.perf_counter() - t0))
        cpu_rates.append(len(records) / (time.process_time() - c0))
    startup, startup_cpu = startup_seconds(files[0])
    rate = statistics.median(rates)
    print(f"documents: {len(documents)} from {', '.join(str(f) for f in folders)}")
    print(f"mean size: {chars / max(len(documents), 1):,.0f} characters")
    print(f"reading: {read_s:.2f} s total ({len(documents) / read_s:,.1f} docs/s, PDFs and DOCX included)")
    print(f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other jobs slow the wall-clock figures)")
    print(f"process start to first record: {startup:.2f} s wall, {startup_cpu:.2f} s CPU (target < {STARTUP_TARGET} s)")
    print(f"normalise + extract on one core, nlp.pipe: median {rate:.1f} docs/s wall "
          f"(min {min(rates):.1f}, max {max(rates):.1f}), {statistics.median(cpu_rates):.1f} docs/s per CPU second, "
          f"over {args.rounds} rounds (target >= {RATE_TARGET:.0f})")
    print(f"first round alone (caches of unit names and comparison keys still empty): {rates[0]:.1f} docs/s wall, "
          f"{cpu_rates[0]:.1f} docs/s per CPU second")


if __name__ == "__main__":
    main()
