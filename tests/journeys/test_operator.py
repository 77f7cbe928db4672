"""The operator's whole job, end to end: `thidua schedule` with a one-minute cron serves an inbox
unattended; a night with a bad (empty) file and a report, a later night with a new report; both
reports ingested by runs the server's scheduler planned (no manual trigger), the bad file
quarantined; `thidua status` says what happened with the exit code a monitoring check reads; the
webhook hears of the quarantined file; SIGTERM stops it cleanly.

Real CLI processes, a real local Prefect server and scheduler, real reports from samples/. Its wall
time is the cron's: at least one minute between the two nights (everything else is polled)."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from webhook import Webhook

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FIRST, SECOND = "hatinh_cum4_tongket_2022.txt", "bacninh_cum6_congan_tongket_2024.txt"
HOUR_AGO = time.time() - 3600  # files written an hour ago: complete, taken by the next run


def thidua(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("thidua")), *args]


def arrive(source: Path, inbox: Path, name: str | None = None) -> Path:
    copy = Path(shutil.copyfile(source, inbox / (name or source.name)))
    os.utime(copy, (HOUR_AGO, HOUR_AGO))
    return copy


def wait_for(condition, timeout: float, what: str, proc: subprocess.Popen, log: Path, interval: float = 0.5):
    """Poll `condition` until it holds; fail with the schedule's output if it does not in `timeout` s
    or the schedule process ended."""
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"`thidua schedule` ended (exit {proc.returncode}) before {what}:\n{log.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout:.0f} s: {what}\n{log.read_text()}")
        time.sleep(interval)


@pytest.mark.slow
def test_the_nightly_schedule_survives_a_bad_file_keeps_running_and_status_says_what_happened(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    arrive(SAMPLES / FIRST, inbox)
    empty = inbox / "rong.txt"
    empty.write_bytes(b"")
    os.utime(empty, (HOUR_AGO, HOUR_AGO))
    hook = Webhook()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "THIDUA_", "DO_NOT_TRACK"))}
    env.update(THIDUA_OUTPUT_DIR=str(tmp_path / "out"), THIDUA_NOTIFY_URL=hook.url)
    log_path = tmp_path / "schedule.log"
    started = datetime.now().astimezone()
    with log_path.open("w") as log:
        proc = subprocess.Popen(thidua("schedule", "--inbox", str(inbox), "--cron", "* * * * *"), env=env,
                                stdout=log, stderr=subprocess.STDOUT)

    def status(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(thidua("status", *args), env=env, capture_output=True, text=True, timeout=120)

    try:
        # the first night: the report is filed away, the empty file quarantined with its reason
        archived, quarantined = inbox / "archive", inbox / "quarantine"
        wait_for(lambda: (quarantined / "rong.txt.reason.txt").exists() and (archived / FIRST).exists(), 150,
                 "the first run files the report and quarantines the empty file", proc, log_path)
        assert "empty file" in (quarantined / "rong.txt.reason.txt").read_text()
        output = log_path.read_text()
        assert "scheduler ok: next run at" in output, output
        planned = datetime.strptime(output.split("next run at ")[1][:16], "%Y-%m-%d %H:%M").astimezone()
        assert started - timedelta(minutes=1) <= planned <= started + timedelta(minutes=3), (started, output)

        wait_for(lambda: hook.posted, 60, "the nightly run posts its quarantined file to THIDUA_NOTIFY_URL",
                 proc, log_path)
        assert "quarantined 1 file(s)" in hook.posted[0]["text"], hook.posted
        first = status()
        assert first.returncode == 1, first.stdout + first.stderr
        assert "1 stored, 0 skipped, 1 failed" in first.stdout and "quarantined 1 file(s)" in first.stdout

        # a later night: a new report arrives and the next run takes it (no run ever did on main)
        arrive(SAMPLES / SECOND, inbox)
        wait_for(lambda: (archived / SECOND).exists(), 150, "a later run ingests the report that arrived",
                 proc, log_path)
        wait_for(lambda: status().returncode == 0, 60, "status is ok once the later run has finished",
                 proc, log_path, interval=1)
        later = status("--runs", "5")
        runs = [line for line in later.stdout.splitlines() if line.startswith("nightly ") and " stored, " in line]
        assert len(runs) >= 2 and "nightly   ok" in later.stdout and "records   2 (" in later.stdout, later.stdout
        assert "1 stored, 0 skipped, 0 failed" in runs[0] and "1 stored, 0 skipped, 1 failed" in runs[-1], later.stdout
        assert status("--late-after", "0").returncode == 1  # the operator's own threshold: late at once

        # no manual trigger: every completed run was planned by the server's scheduler
        api = log_path.read_text().split("Prefect API: ")[1].split()[0].rstrip(";")
        with urllib.request.urlopen(urllib.request.Request(
                f"{api}/flow_runs/filter", method="POST", headers={"Content-Type": "application/json"},
                data=json.dumps({"limit": 10, "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}).encode()),
                timeout=30) as response:
            completed = json.load(response)
        assert len(completed) >= 2 and all(r["auto_scheduled"] for r in completed), [
            (r["name"], r["state_type"], r["auto_scheduled"]) for r in completed]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
        finally:
            hook.close()
    output = log_path.read_text()
    assert proc.returncode == 0, output
    assert "stopped serving" in output and "Traceback" not in output, output
    assert "anonymous usage" not in output, output
    # prefect 3.8's scheduler fails on SQLAlchemy 2.1 (pyproject pins < 2.1): not in its server's log
    assert "Can't evaluate bulk DML" not in (tmp_path / "out" / ".prefect" / "server.log").read_text(errors="replace")
    api = output.split("Prefect API: ")[1].split()[0]
    with pytest.raises(OSError):  # its Prefect server stopped with it
        urllib.request.urlopen(f"{api}/health", timeout=5)
    assert sorted(p.name for p in archived.iterdir()) == sorted([FIRST, SECOND])
    assert sorted(p.name for p in inbox.iterdir()) == ["archive", "quarantine"]
