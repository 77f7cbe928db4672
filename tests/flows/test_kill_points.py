"""Crash safety: SIGKILL at random points, ten times, during a backfill (`thidua ingest`) and
during a nightly run (files being stored and moved), then a final run: every file archived
exactly once, every record whole, no orphan in the archive, on SQLite and PostgreSQL.

The backfill runs as users run it by default, without a Prefect API (the plain steps of
pipeline/batches.py, the same storage as the flow); the nightly runs are Prefect flow runs on the
session's Prefect server (PREFECT_API_URL), so each start costs seconds, not a server start-up.
Kill points are drawn from a seeded generator: at a random moment, after a random number of new
documents, or while the nightly run moves files away.
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

from pipeline.store import open_repository
from pipeline.store.db import Database
from pipeline.store.fixity import verify
from storage_fixtures import assert_consistent

KILLS = 10
FIRST = 8  # files there at the start; two more arrive before each run, so every run has work
ARRIVING = 2
BATCH = "3"
NIGHTLY = """
import sys
from pathlib import Path
from flows.runtime import prefect_api
if __name__ == "__main__":  # extraction workers start from a forkserver that imports this module
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


def kill_at_random(command: list[str], env: dict, how: str, rng: random.Random, watcher: Database,
                   moved: Path | None, arrive, longest: float = 8.0) -> str:
    """Run `command` until it is SIGKILLed at a random point of the kind `how`: a random moment,
    after a random number of new documents, or once files are being moved. A run that ends first
    (a fast machine) is started again, with new files, and a shorter time until the kill (at most
    `longest` seconds: about a run's length)."""
    for _ in range(4):
        arrive()
        point = _kill_once(command, env, how, rng.uniform(0.3, longest), rng.randint(1, 2), watcher, moved)
        if "killed" in point:
            return point
        longest /= 2
    return point


def _kill_once(command: list[str], env: dict, how: str, wait_s: float, more: int, watcher: Database,
               moved: Path | None) -> str:
    before = committed(watcher)
    moved_before = _count(moved)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    started = time.monotonic()
    try:
        while proc.poll() is None and time.monotonic() - started < 90:
            if how == "time" and time.monotonic() - started > wait_s:
                break
            if how == "documents" and committed(watcher) >= before + more:
                break
            if how == "moves" and _count(moved) > moved_before:
                break
            time.sleep(0.01)
    finally:
        point = f"{how}: ended by itself ({proc.poll()})" if proc.poll() is not None else \
            f"{how}: killed after {time.monotonic() - started:.1f} s"
        if _alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)  # no chance to clean up: as hard as a crash
        proc.wait(timeout=30)
    errors = proc.stderr.read().decode(errors="replace")
    assert "Traceback" not in errors, errors[:6000]
    return point


def kill_points(rng: random.Random, kinds: dict[str, int]) -> list[str]:
    plan = [kind for kind, n in kinds.items() for _ in range(n)]
    rng.shuffle(plan)
    return plan


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
    reports(FIRST, folder=folder)
    rng = random.Random(14)
    watcher = Database(db_url)
    started = time.monotonic()
    points = []
    arrived = [FIRST]

    def arrive() -> None:
        reports(ARRIVING, start=arrived[0], folder=folder)
        arrived[0] += ARRIVING

    plain = {key: value for key, value in env.items() if key != "PREFECT_API_URL"}  # the default path
    for how in kill_points(rng, {"time": 5, "documents": 5}):
        points.append(kill_at_random(thidua("ingest", str(folder), "--batch-size", BATCH, "--workers", "1"),
                                     plain, how, rng, watcher, None, arrive, longest=4.0))
        with open_repository() as repo:
            assert_consistent(repo)  # whole after every kill, before any repair
    watcher.close()
    # a run may end before its random kill point on a fast (or idle) machine; most must be killed
    assert sum("killed" in p for p in points) >= KILLS * 6 // 10, points
    final = subprocess.run(thidua("ingest", str(folder)), env=plain, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-3000:]
    check_archive(arrived[0])
    print(f"backfill: {points}; {time.monotonic() - started:.0f} s")


@pytest.mark.slow
def test_ten_kills_during_nightly_runs_then_a_final_run_file_everything_once(env, db_url, reports, tmp_path):
    inbox = tmp_path / "inbox"

    arrived = [0]

    def arrive(n: int = ARRIVING) -> None:
        hour_ago = time.time() - 3600
        for path in reports(n, start=arrived[0], folder=inbox):
            os.utime(path, (hour_ago, hour_ago))
        arrived[0] += n

    arrive(FIRST)
    script = tmp_path / "nightly_once.py"
    script.write_text(NIGHTLY, encoding="utf-8")
    command = [sys.executable, str(script), str(inbox), BATCH]
    rng = random.Random(8)
    watcher = Database(db_url)
    started = time.monotonic()
    points = []
    for how in kill_points(rng, {"time": 4, "documents": 3, "moves": 3}):
        points.append(kill_at_random(command, env, how, rng, watcher, inbox / "archive", arrive))
    watcher.close()
    # a run may end before its random kill point on a fast (or idle) machine; most must be killed
    assert sum("killed" in p for p in points) >= KILLS * 6 // 10, points
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-3000:]
    total = arrived[0]
    check_archive(total)
    names = sorted(p.name for p in (inbox / "archive").rglob("*.txt"))  # each moved once, none left
    assert names == [f"bao_cao_{i:06d}.txt" for i in range(total)]
    assert not list(inbox.glob("*.txt")) and not (inbox / "quarantine").exists()
    print(f"nightly: {points}; {time.monotonic() - started:.0f} s")
