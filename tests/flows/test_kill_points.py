"""Crash safety: SIGKILL at random points, ten times, during a backfill (`thidua ingest`) and
during a nightly run (files being stored and moved), then a final run: every file archived
exactly once, every record whole, no orphan in the archive, on SQLite and PostgreSQL.

The subprocesses use the session's Prefect server (PREFECT_API_URL), so each start costs
seconds, not a server start-up; kill points are drawn from a seeded generator: at a random
moment, after a random number of new documents, or while the nightly run moves files away.
"""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from pipeline.storage import open_repository
from pipeline.storage.db import Database
from pipeline.storage.fixity import verify
from storage_fixtures import assert_consistent, db_url, reports, storage_env  # noqa: F401 - fixtures

KILLS = 10
N_FILES = 40
BATCH = "6"
NIGHTLY = """
import sys
from pathlib import Path
from flows.runtime import prefect_api
with prefect_api():
    from flows.nightly import nightly
    state = nightly(inbox=Path(sys.argv[1]), min_age_s=0.0, batch_size=int(sys.argv[2]), workers=1,
                    return_state=True)
sys.exit(0 if state.is_completed() else 1)
"""


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


@pytest.fixture
def env(storage_env):
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "THIDUA_LOG_LEVEL": "WARNING", "PREFECT_API_URL": PREFECT_API_URL.value()}


def kill_at_random(command: list[str], env: dict, rng: random.Random, watcher: Database, moved: Path | None) -> str:
    """Start `command`, SIGKILL its whole process group at a random point; what the point was."""
    before = committed(watcher)
    moved_before = _count(moved)
    how = rng.choice(["time", "documents", "moves"] if moved else ["time", "documents"])
    wait_s, more = rng.uniform(0.5, 6.0), rng.randint(1, 6)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    started = time.monotonic()
    try:
        while proc.poll() is None and time.monotonic() - started < 60:
            if how == "time" and time.monotonic() - started > wait_s:
                break
            if how == "documents" and committed(watcher) >= before + more:
                break
            if how == "moves" and _count(moved) > moved_before:
                break
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # no chance to clean up: as hard as a crash
            proc.wait(timeout=30)
            point = f"killed ({how}) after {time.monotonic() - started:.1f} s"
        else:
            os.killpg(proc.pid, signal.SIGKILL) if _alive(proc.pid) else None
            point = f"ended by itself ({proc.returncode})"
    errors = proc.stderr.read().decode(errors="replace")
    assert "Traceback" not in errors, errors[:3000]
    return point


def _alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _count(folder: Path | None) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder and folder.is_dir() else 0


def check_archive(expected: int) -> None:
    with open_repository() as repo:
        counts = assert_consistent(repo)  # every record whole
        assert counts["documents"] == counts["sources"] == counts["machine_records"] == expected
        report = verify(repo)  # every original whole, each with its record; no file no record points to
        assert report.clean, [p.line() for p in report.problems]
        originals = [p for p in repo.archive.root.rglob("*") if p.is_file() and not p.name.startswith(".")]
        assert len(originals) == expected  # archived exactly once


@pytest.mark.slow
def test_ten_kills_during_a_backfill_then_a_final_run_lose_and_duplicate_nothing(env, db_url, reports, tmp_path):
    folder = tmp_path / "reports"
    reports(N_FILES, folder=folder)
    rng = random.Random(14)
    watcher = Database(db_url)
    started = time.monotonic()
    points = [kill_at_random(thidua("ingest", str(folder), "--batch-size", BATCH, "--workers", "1"), env, rng,
                             watcher, None) for _ in range(KILLS)]
    watcher.close()
    assert sum(p.startswith("killed") for p in points) >= KILLS - 2, points
    with open_repository() as repo:
        assert_consistent(repo)  # whole after every kill, before any repair
    final = subprocess.run(thidua("ingest", str(folder)), env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-3000:]
    check_archive(N_FILES)
    print(f"backfill: {points}; {time.monotonic() - started:.0f} s")


@pytest.mark.slow
def test_ten_kills_during_nightly_runs_then_a_final_run_file_everything_once(env, db_url, reports, tmp_path):
    inbox = tmp_path / "inbox"
    hour_ago = time.time() - 3600
    for path in reports(N_FILES, folder=inbox):
        os.utime(path, (hour_ago, hour_ago))
    names = sorted(p.name for p in inbox.glob("*.txt"))
    script = tmp_path / "nightly_once.py"
    script.write_text(NIGHTLY, encoding="utf-8")
    command = [sys.executable, str(script), str(inbox), BATCH]
    rng = random.Random(8)
    watcher = Database(db_url)
    started = time.monotonic()
    points = [kill_at_random(command, env, rng, watcher, inbox / "archive") for _ in range(KILLS)]
    watcher.close()
    assert sum(p.startswith("killed") for p in points) >= KILLS - 2, points
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-3000:]
    check_archive(N_FILES)
    assert sorted(p.name for p in (inbox / "archive").rglob("*.txt")) == names  # each moved once
    assert not list(inbox.glob("*.txt")) and not (inbox / "quarantine").exists()
    print(f"nightly: {points}; {time.monotonic() - started:.0f} s")
