"""How long the registry sync and the reports take on an archive of N generated reports.

Usage: python benchmarks/report_throughput.py [N] (default 300). Ingests N generated reports into a
temporary SQLite archive (extraction included, not timed), then times: the first registry sync
(every document placed in a cluster, every unit name resolved), a second sync (nothing new), loading
the report facts, and the rankings, heads and checks of every cluster.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import write_reports  # noqa: E402
from flows.extraction import EXTRACTOR  # noqa: E402
from pipeline.batches import ingest  # noqa: E402
from pipeline.store.registry import Registry  # noqa: E402
from pipeline.report import checks, heads, load_facts, rankings, tie_reader  # noqa: E402
from pipeline.store import open_repository  # noqa: E402


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<34}{time.perf_counter() - start:8.2f} s")
    return result


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        repo = open_repository(f"sqlite:///{folder / 'thidua.db'}", folder / "archive")
        paths = write_reports(folder / "reports", n)
        timed(f"ingest {n} reports (not the point)", lambda: ingest(repo, paths, extractor=EXTRACTOR))
        registry = Registry(repo.db)
        summary = timed("first registry sync", registry.sync)
        print(f"  {summary.documents} documents, {summary.clusters} clusters, {summary.units} units, "
              f"{summary.pending} names waiting")
        timed("second sync (nothing new)", registry.sync)
        facts = timed("load report facts", lambda: load_facts(repo.db))
        clusters = facts.find_clusters(None)
        timed(f"rankings of {len(clusters)} clusters", lambda: [rankings(facts, c) for c in clusters])
        timed(f"heads of {len(clusters)} clusters", lambda: [heads(facts, c) for c in clusters])
        issues = timed("consistency checks", lambda: checks(facts, tie_reader(repo.db)))
        print(f"  {len(issues)} issues")
        repo.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
