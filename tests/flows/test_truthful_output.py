"""What the commands say is what happened: counts that add up, usage errors before Prefect starts,
"no reports found", a clean Ctrl-C at any moment, no Prefect chatter, one-line setting errors."""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()
PREFECT_NOISE = ("Traceback", "EventsWorker", "Still processing items", "Failed to create the Prefect home",
                 "was never awaited", "leaked semaphore", "resource_tracker", "Exception ignored")


def thidua(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    return [*command, *args]


def fresh_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A new user's environment: nothing of Prefect's configured, an output folder not made yet."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "THIDUA_"))}
    return {**env, "THIDUA_OUTPUT_DIR": str(tmp_path / "new" / "outputs"), "COLUMNS": "200", **extra}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_summary_counts_add_up_and_failed_files_are_never_stored(storage_env, reports, tmp_path):
    folder = reports(2)[0].parent
    (folder / "rong.txt").write_bytes(b"")
    first = runner.invoke(app, ["ingest", str(folder)])
    assert first.exit_code == 1
    assert re.search(r"^3 file\(s\) in [\d.]+ s \([\d.]+ files/s\): 2 stored, 0 skipped, 1 failed;", first.output, re.M)
    again = runner.invoke(app, ["ingest", str(folder)])  # the empty file is not read again: one line says so
    assert again.exit_code == 0
    assert re.search(r"^3 file\(s\) in .*: 0 stored, 3 skipped, 0 failed;", again.output, re.M), again.output
    assert "1 file(s) failed before with the same bytes; --retry-failed to try again" in again.output
    assert "extracted and stored" not in again.output
    retried = runner.invoke(app, ["ingest", "--retry-failed", str(folder)])
    assert retried.exit_code == 1
    assert re.search(r"^3 file\(s\) in .*: 0 stored, 2 skipped, 1 failed;", retried.output, re.M), retried.output


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_path_that_does_not_exist_is_a_usage_error_before_prefect_starts(command, tmp_path):
    env = fresh_env(tmp_path)
    good = tmp_path / "a.txt"
    good.write_text("Cụm thi đua số 1 tổng kết năm 2023\n", encoding="utf-8")
    done = subprocess.run(thidua(command, str(good), str(tmp_path / "khong_co")), env=env, capture_output=True,
                          text=True, timeout=120)
    if command == "extract":  # extract goes on with the others: a failed line, exit 1
        assert done.returncode == 1 and f"failed: {tmp_path / 'khong_co'}: file or folder not found" in done.stderr
        return
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [f"error: not found: {tmp_path / 'khong_co'} (nothing was ingested)"]
    assert not (tmp_path / "new").exists()  # no Prefect server, no archive


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_folder_without_reports_is_a_warning(command, tmp_path):
    empty, notes = tmp_path / "rong", tmp_path / "ghi_chu"
    empty.mkdir()
    notes.mkdir()
    (notes / "README.md").write_text("not a report", encoding="utf-8")
    done = subprocess.run(thidua(command, str(empty), str(notes)), env=fresh_env(tmp_path), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"warning: no reports found in {empty}" in done.stderr.splitlines()
    assert f"warning: no reports found in {notes}" in done.stderr.splitlines()
    assert "Traceback" not in done.stderr and done.stdout == ""
    if command == "ingest":
        assert not (tmp_path / "new").exists()  # nothing started


@pytest.mark.parametrize("name, value, message", [
    ("THIDUA_MAX_FILE_MB", "nan", "must be a finite number"),
    ("THIDUA_MAX_FILE_MB", "-5", "should be greater than 0"),
    ("THIDUA_MAX_FILE_MB", "hai mươi", "should be a valid number"),
    ("THIDUA_LOG_LEVEL", "loud", "must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
])
def test_a_bad_setting_is_one_line_and_exit_2(name, value, message, tmp_path):
    (tmp_path / "a.txt").write_text("Cụm thi đua số 1\n", encoding="utf-8")
    done = subprocess.run(thidua("extract", str(tmp_path / "a.txt")), env=fresh_env(tmp_path, **{name: value}),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {name}={value} is not valid: ") and message in line


def test_eval_without_any_prediction_scores_zero(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"doc_id": "a", "title": None, "published": None, "author": None,
                                             "meeting": {"date": None, "kinds": [], "period": None, "venue": None},
                                             "cluster": None, "members": [], "participants": [], "ranks": [],
                                             "heads": [], "legal_refs": []}), encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"")  # nothing extracted
    result = runner.invoke(app, ["eval", str(gold), str(tmp_path / "a.txt")])
    assert "documents: 1 gold, 0 predicted" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "headline micro-F1 0.000 scalar-acc 0.000"


def stored_files(database: Path) -> int:
    try:
        with sqlite3.connect(database) as conn:
            return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    except sqlite3.Error:
        return 0


def interrupt(args: list[str], env: dict[str, str], *, after_s: float = 0.0, database: Path | None = None,
              stored: int = 0) -> subprocess.CompletedProcess:
    """Ctrl-C as a terminal sends it (to the whole process group), after `after_s` seconds or
    once `stored` files are in `database`."""
    proc = subprocess.Popen(thidua(*args), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 180
    time.sleep(after_s)
    while database is not None and stored_files(database) < stored and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


@pytest.mark.slow
def test_ctrl_c_at_any_moment_says_what_was_stored_and_exits_130(tmp_path):
    from benchmarks.corpus import write_reports

    folder = tmp_path / "reports"
    write_reports(folder, 400, seed=3)
    env = fresh_env(tmp_path, THIDUA_BATCH_SIZE="20")
    database = tmp_path / "new" / "outputs" / "thidua.db"
    for after_s in (0.5, 2.0, 4.0):  # Python starting, Prefect and the extraction processes starting
        done = interrupt(["ingest", str(folder)], env, after_s=after_s)
        assert done.returncode == 130, done.stderr
        for noise in PREFECT_NOISE:
            assert noise not in done.stderr, (after_s, done.stderr)
        last = done.stderr.strip().splitlines()[-1]
        assert last in ("interrupted before anything was done",
                        "interrupted before anything was stored; run again to finish") or re.fullmatch(
            r"interrupted: \d+ file\(s\) stored before the interrupt, each complete; run again to finish "
            r"\(what is archived is skipped\)", last), done.stderr

    before = stored_files(database)
    done = interrupt(["ingest", str(folder)], env, database=database, stored=before + 30)
    assert done.returncode == 130, done.stderr
    for noise in PREFECT_NOISE:
        assert noise not in done.stderr, done.stderr
    stored = int(re.search(r"interrupted: (\d+) file\(s\) stored before the interrupt", done.stderr).group(1))
    assert stored == stored_files(database) - before and stored >= 30

    rerun = subprocess.run(thidua("ingest", str(folder)), env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert stored_files(database) == 400
    for noise in PREFECT_NOISE:
        assert noise not in rerun.stderr, rerun.stderr


@pytest.mark.slow
def test_no_prefect_warnings_on_a_new_users_terminal(tmp_path):
    samples = Path(__file__).resolve().parents[2] / "samples"
    env = fresh_env(tmp_path)
    done = subprocess.run(thidua("ingest", str(samples)), env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    cron = subprocess.run(thidua("schedule", "--inbox", str(inbox), "--cron", "every night"),
                          env=fresh_env(tmp_path / "other"), capture_output=True, text=True, timeout=120)
    assert cron.returncode == 2
    for output in (done.stderr, cron.stderr):
        for noise in PREFECT_NOISE:
            assert noise not in output, output
    assert cron.stderr.strip().splitlines() == ["error: not a cron line: 'every night' (e.g. \"0 2 * * *\" for "
                                                "02:00 every day)"]
