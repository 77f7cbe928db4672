"""Kill `thidua ingest` (SIGKILL to it, its Prefect server and its extraction processes) in the middle
of a batch: nothing partial, a rerun completes it."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from pipeline.store.db import Database
from storage_fixtures import assert_consistent, stems

N_FILES = 400
KILL_AFTER = 25  # committed documents


def thidua(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    return [*command, *args]


def committed(db: Database) -> int:
    try:
        with db.engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar()
    except Exception:  # noqa: BLE001 - the schema may not exist yet
        return 0


@pytest.mark.slow
def test_a_killed_ingest_leaves_no_partial_record_and_a_rerun_completes_without_duplicates(
        storage_env, db_url, reports, tmp_path):
    folder = tmp_path / "reports"
    reports(N_FILES, folder=folder)
    env = {**os.environ, "THIDUA_LOG_LEVEL": "WARNING"}
    watcher = Database(db_url)
    proc = subprocess.Popen(thidua("ingest", str(folder)), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while committed(watcher) < KILL_AFTER and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)  # no chance to clean up: as hard as a crash
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    watcher.close()
    assert proc.returncode == -signal.SIGKILL, f"ingest ended on its own: {proc.stderr.read().decode()[-2000:]}"

    from pipeline.store import open_repository

    with open_repository() as repo:
        before = assert_consistent(repo)  # every stored document is complete
        assert KILL_AFTER <= before["documents"] < N_FILES
        assert before["sources"] == before["machine_records"] == before["record_versions"] == before["documents"]

    rerun = subprocess.run(thidua("ingest", str(folder)), env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert "Traceback" not in rerun.stderr and "CancelledError" not in rerun.stderr, rerun.stderr[-3000:]

    with open_repository() as repo:
        after = assert_consistent(repo)
        assert after["documents"] == after["sources"] == after["machine_records"] == N_FILES
        assert stems(repo.doc_ids()) == sorted(p.stem for p in folder.glob("*.txt"))
        originals = [p for p in repo.archive.root.rglob("*") if p.is_file() and not p.name.startswith(".")]
        assert len(originals) == N_FILES
