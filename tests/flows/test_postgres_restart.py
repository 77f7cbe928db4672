"""PostgreSQL restarted, or down for a while, in the middle of `thidua ingest` of a few hundred
reports (a cluster of the test's own: tests/throwaway_postgres.py). A restart is retried and the
run finishes; an outage longer than the retries ends the run with one line and exit 1, its
summary counting exactly what was committed, and the next run completes the rest. Afterwards every
file is archived exactly once and every record is whole."""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from pipeline.batches import IO_RETRY_DELAYS
from pipeline.store import open_repository
from pipeline.store.db import Database
from pipeline.store.fixity import verify
from storage_fixtures import assert_consistent, stems
from throwaway_postgres import throwaway_postgres  # noqa: F401 - fixture

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
N_FILES = 300
SUMMARY = re.compile(r"^(\d+) file\(s\) in .*: (\d+) stored, (\d+) skipped, (\d+) failed", re.M)


def thidua(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    return [*command, *args]


def committed(url: str) -> int:
    """Documents in the archive; 0 while the server is down or the schema not made yet."""
    try:
        db = Database(url)
        try:
            with db.engine.connect() as conn:
                return conn.execute(text("SELECT count(*) FROM documents")).scalar()
        finally:
            db.close()
    except Exception:  # noqa: BLE001 - down, restarting, or no schema yet
        return 0


def summary(stderr: str) -> tuple[int, int, int, int]:
    found = SUMMARY.findall(stderr)
    assert len(found) == 1, stderr[-3000:]
    return tuple(int(n) for n in found[0])


def ingest_while(cluster, folder: Path, env: dict, after: int, fault) -> subprocess.CompletedProcess:
    """`thidua ingest folder`, with `fault(cluster, proc)` run once `after` documents are committed."""
    out, err = (folder.parent / "ingest.out").open("w+"), (folder.parent / "ingest.err").open("w+")
    proc = subprocess.Popen(thidua("ingest", str(folder)), env=env, stdout=out, stderr=err, text=True)
    try:
        while committed(cluster.url) < after and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, f"ingest ended before the fault: {Path(err.name).read_text()[-3000:]}"
        hit_at = committed(cluster.url)
        fault(cluster, proc)
        proc.wait(timeout=900)
    finally:
        if proc.poll() is None:
            proc.kill()
    stdout, stderr = Path(out.name).read_text(), Path(err.name).read_text()
    print(f"\nfault after {hit_at} documents; exit {proc.returncode}; {stderr.strip().splitlines()[-1:]}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def assert_archived_once(url: str, archive: Path, folder: Path) -> None:
    with open_repository(url, archive) as repo:
        counts = assert_consistent(repo)
        files = sorted(folder.glob("*.txt"))
        assert counts["documents"] == counts["sources"] == counts["machine_records"] == len(files)
        assert stems(repo.doc_ids()) == sorted(p.stem for p in files)
        assert verify(repo).clean
        originals = [p for p in repo.archive.root.rglob("*") if p.is_file() and not p.name.startswith(".")]
        assert len(originals) == len(files)


@pytest.fixture
def setup(throwaway_postgres, reports, tmp_path):  # noqa: F811 - the fixture imported above
    from prefect.settings import PREFECT_API_URL

    folder = tmp_path / "reports"
    reports(N_FILES, folder=folder)
    env = {**os.environ, "THIDUA_DATABASE_URL": throwaway_postgres.url, "THIDUA_ARCHIVE_DIR": str(tmp_path / "archive"),
           "THIDUA_OUTPUT_DIR": str(tmp_path / "out"), "THIDUA_LOG_LEVEL": "WARNING", "COLUMNS": "300",
           "PREFECT_API_URL": PREFECT_API_URL.value()}
    return throwaway_postgres, folder, env, tmp_path / "archive"


@pytest.fixture
def reports(tmp_path):
    from benchmarks.corpus import write_reports

    return lambda n, folder: write_reports(folder, n, seed=3)


def test_a_restart_during_a_backfill_is_retried_and_the_run_finishes(setup):
    cluster, folder, env, archive = setup
    done = ingest_while(cluster, folder, env, after=40, fault=lambda c, _: c.restart())
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert summary(done.stderr) == (N_FILES, N_FILES, 0, 0)
    assert_archived_once(cluster.url, archive, folder)


def test_an_outage_longer_than_the_retries_fails_cleanly_and_the_next_run_completes(setup):
    cluster, folder, env, archive = setup

    def outage(c, proc):
        c.stop()
        stopped = time.monotonic()
        proc.wait(timeout=300)  # down for longer than the store task's retries (2 s, then 10 s): the run gave up
        assert time.monotonic() - stopped >= sum(IO_RETRY_DELAYS)
        c.start()

    done = ingest_while(cluster, folder, env, after=40, fault=outage)
    assert done.returncode in (1, 2), done.stderr[-3000:]
    assert "Traceback" not in done.stderr + done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "cannot connect to database" in errors[0], done.stderr[-3000:]
    first = summary(done.stderr)
    stored_first = committed(cluster.url)
    assert 40 <= stored_first < N_FILES

    rerun = subprocess.run(thidua("ingest", str(folder)), env=env, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0 and "Traceback" not in rerun.stderr, rerun.stderr[-3000:]
    assert summary(rerun.stderr) == (N_FILES, N_FILES - stored_first, stored_first, 0)
    assert_archived_once(cluster.url, archive, folder)

    # the first run's summary counts what was committed before the outage, and Prefect's task-run
    # failure line stays off the terminal beside the one error line
    assert first[1] == stored_first, f"summary says {first[1]} stored of {first[0]} files; {stored_first} committed"
    assert "Finished in state Failed" not in done.stderr, done.stderr[-3000:]
