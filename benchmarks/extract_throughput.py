"""Extraction throughput on one core, for seed-sized reports (target: >= 10 documents/s).

Reads every report in the given folders (default: samples/, plus ../shared/seeds and
../shared/dev/texts when present) once, then extracts them repeatedly in this one process and
prints documents per second. Reading and model loading are timed apart from extraction.

    .venv/bin/python benchmarks/extract_throughput.py [FOLDER ...] [--rounds N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folders = args.folders or [p for p in (ROOT / "samples", ROOT.parent / "shared" / "seeds",
                                           ROOT.parent / "shared" / "dev" / "texts") if p.is_dir()]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says

    from extractors.run import extract
    from pipeline.discover import discover
    from pipeline.readers import read_document

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

    t0 = time.perf_counter()
    extract(documents[0])  # loads vocabularies (and NLP models if a document needs them)
    warmup_s = time.perf_counter() - t0

    rates = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for d in documents:
            extract(d)
        rates.append(len(documents) / (time.perf_counter() - t0))
    print(f"documents: {len(documents)} from {', '.join(str(f) for f in folders)}")
    print(f"mean size: {chars / max(len(documents), 1):,.0f} characters")
    print(f"reading: {read_s:.2f} s total ({len(documents) / read_s:,.1f} docs/s, PDFs and DOCX included)")
    print(f"first extraction (loads vocabularies/models): {warmup_s:.2f} s")
    print(f"extraction on one core: median {statistics.median(rates):.1f} docs/s "
          f"(min {min(rates):.1f}, max {max(rates):.1f}) over {args.rounds} rounds")


if __name__ == "__main__":
    main()
