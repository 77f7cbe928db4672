"""Ingest throughput into SQLite and PostgreSQL, and the time of a no-change re-run.

For each database: generate N reports (benchmarks/corpus.py), time extraction alone (the
baseline), time `pipeline.batches.ingest` (archive + extract + store, one transaction per document), then
time a re-run of the real `thidua ingest` command on the unchanged folder (everything is skipped
by hash, nothing is extracted), plus a search and a JSON Lines export over the archive.

    python benchmarks/storage_throughput.py                 # 1,000 documents, both databases
    python benchmarks/storage_throughput.py --docs 10000    # measure the 10,000 case directly

PostgreSQL: THIDUA_BENCH_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test);
the benchmark works in a schema of its own and drops it afterwards.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_reports  # noqa: E402
from benchmarks.processes import thidua_command  # noqa: E402

POSTGRES_URL = os.environ.get("THIDUA_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def postgres_schema() -> tuple[str, str] | None:
    """A fresh schema and a URL that selects it, or None when the server is not reachable."""
    import psycopg
    from sqlalchemy import make_url

    url = make_url(POSTGRES_URL)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    schema = f"thidua_bench_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(conninfo, connect_timeout=3, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except Exception as exc:  # noqa: BLE001
        print(f"postgresql: skipped ({str(exc).splitlines()[0]})")
        return None
    return schema, url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


def drop_schema(schema: str) -> None:
    import psycopg
    from sqlalchemy import make_url

    conninfo = make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def run(label: str, url: str, folder: Path, work: Path, files: list[Path]) -> dict:
    from extractors.run import process_path
    from flows.extraction import EXTRACTOR
    from pipeline.batches import ingest
    from pipeline.settings import get_settings
    from pipeline.store import open_repository
    from pipeline.store.search import search

    os.environ["THIDUA_DATABASE_URL"] = url
    os.environ["THIDUA_OUTPUT_DIR"] = str(work)
    get_settings.cache_clear()
    n = len(files)

    t = time.perf_counter()
    for path in files:
        process_path(path)
    extract_s = time.perf_counter() - t

    with open_repository() as repo:
        t = time.perf_counter()
        results = ingest(repo, files, extractor=EXTRACTOR)
        ingest_s = time.perf_counter() - t
        assert sum(r.status.value == "ok" for r in results) == n, "some documents failed"

        t = time.perf_counter()
        hits = search(repo.db, '"Cụm thi đua số 3" "Kiên Lương"')
        search_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        common = search(repo.db, "thi đua")
        common_ms = (time.perf_counter() - t) * 1000

    env = {**os.environ}
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    t = time.perf_counter()
    subprocess.run([*thidua_command(), "ingest", str(empty)], env=env, capture_output=True, check=True)
    startup_s = time.perf_counter() - t  # Python, imports, connecting: paid once per run
    t = time.perf_counter()
    done = subprocess.run([*thidua_command(), "ingest", str(folder)], env=env, capture_output=True, text=True)
    rerun_s = time.perf_counter() - t
    assert done.returncode == 0, done.stderr[-2000:]

    t = time.perf_counter()
    out = work / "export.jsonl"
    done = subprocess.run([*thidua_command(), "export", "-f", "jsonl", "-o", str(out)], env=env,
                          capture_output=True, text=True)
    export_s = time.perf_counter() - t
    assert done.returncode == 0, done.stderr[-2000:]

    row = {"db": label, "docs": n, "extract_only_s": extract_s, "ingest_s": ingest_s, "docs_per_s": n / ingest_s,
           "rerun_s": rerun_s, "startup_s": startup_s, "search_ms": search_ms, "search_hits": len(hits),
           "common_search_ms": common_ms, "common_hits": len(common), "export_s": export_s}
    print(f"{label:<10} {n:>6} docs | extract only {extract_s:6.1f} s | ingest {ingest_s:6.1f} s "
          f"= {n / ingest_s:6.0f} docs/s | no-change re-run (CLI) {rerun_s:5.2f} s | "
          f"search {search_ms:5.1f} ms ({len(hits)} hits), common words {common_ms:5.1f} ms | "
          f"export jsonl {export_s:5.2f} s", flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate and ingest")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="benchmark one database only")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
    try:
        folder = work / "reports"
        files = write_reports(folder, args.docs, seed=42)
        print(f"{args.docs} generated reports in {folder} ({sum(p.stat().st_size for p in files) / 1e6:.1f} MB), "
              f"{os.cpu_count()} CPUs", flush=True)
        rows = []
        if args.only in (None, "sqlite"):
            rows.append(run("sqlite", f"sqlite:///{work / 'sqlite' / 'thidua.db'}", folder, work / "sqlite", files))
        if args.only in (None, "postgresql"):
            made = postgres_schema()
            if made:
                schema, url = made
                try:
                    rows.append(run("postgresql", url, folder, work / "postgresql", files))
                finally:
                    drop_schema(schema)
        if args.docs < 10_000:
            for row in rows:
                per_doc = (row["rerun_s"] - row["startup_s"]) / row["docs"]
                print(f"{row['db']:<10} extrapolated to 10,000 docs: ingest {10_000 / row['docs_per_s']:6.0f} s, "
                      f"no-change re-run ≈ {row['startup_s'] + per_doc * 10_000:4.1f} s "
                      f"({row['startup_s']:.2f} s start-up + {per_doc * 1000:.2f} ms/doc; measure with --docs 10000)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
