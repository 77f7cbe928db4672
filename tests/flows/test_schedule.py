"""`thidua schedule`: the nightly deployment it serves has the cron schedule, and a run of it
triggered through Prefect ingests the inbox."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.store import open_repository
from storage_fixtures import stems

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HOUR_AGO = time.time() - 3600
DEPLOYMENT = "thidua-nightly/test-nightly"


def thidua(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    return [*command, *args]


def read_deployment(timeout: float):
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            try:
                return client.read_deployment_by_name(DEPLOYMENT)
            except ObjectNotFound:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_served_deployment_has_the_cron_schedule_and_a_triggered_run_ingests_the_inbox(storage_env, tmp_path):
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("bacninh_cum6_congan_tongket_2024.txt", "hatinh_cum4_tongket_2022.txt"):
        copy = Path(shutil.copyfile(SAMPLES / name, inbox / name))
        os.utime(copy, (HOUR_AGO, HOUR_AGO))
    (inbox / "rong.txt").write_bytes(b"")
    os.utime(inbox / "rong.txt", (HOUR_AGO, HOUR_AGO))

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}  # the test server
    log = (tmp_path / "schedule.log").open("w+")
    proc = subprocess.Popen(thidua("schedule", "--inbox", str(inbox), "--cron", "0 2 * * *", "--name", "test-nightly"),
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deployment = read_deployment(timeout=90)
        (schedule,) = deployment.schedules
        assert schedule.schedule.cron == "0 2 * * *" and schedule.active
        assert deployment.parameters["inbox"] == str(inbox.resolve())
        assert deployment.entrypoint == "flows.nightly.nightly"

        run = run_deployment(DEPLOYMENT, timeout=180)
        assert run.state.is_completed(), run.state
        assert sorted(p.name for p in (inbox / "archive").iterdir()) == [
            "bacninh_cum6_congan_tongket_2024.txt", "hatinh_cum4_tongket_2022.txt"]
        assert (inbox / "quarantine" / "rong.txt.reason.txt").exists()
        with open_repository() as repo:
            assert stems(repo.doc_ids()) == ["bacninh_cum6_congan_tongket_2024", "hatinh_cum4_tongket_2022"]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    log.seek(0)
    output = log.read()
    assert proc.returncode == 0, output
    assert "Traceback" not in output and "CancelledError" not in output, output
    assert "serving thidua-nightly/test-nightly" in output and "Nightly ingest of" in output
    assert read_deployment(timeout=5).schedules[0].active  # stopping does not pause the schedule


@pytest.mark.parametrize("args, message", [
    (["--inbox", "khong_co", "--cron", "0 2 * * *"], "inbox folder not found"),
    (["--inbox", ".", "--cron", "every night"], "not a cron line"),
])
def test_schedule_usage_errors_exit_2(args, message):
    result = CliRunner().invoke(app, ["schedule", *args])
    assert result.exit_code == 2 and message in result.output


# The server's scheduler itself planning runs of `thidua schedule` (cron of every minute, its own
# local server, runs `auto_scheduled`, nothing on SQLAlchemy 2.1 in its log, the run recorded in the
# archive) is shown once, in the operator's journey (tests/journeys/test_operator.py).


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_status_shows_a_failed_nightly_run(storage_env):
    with open_repository() as repo:
        run = repo.start_run("nightly", "/srv/inbox")
        repo.finish_run(run, "failed", message="Crashed: worker lost")
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 1 and "failed" in result.output and "Crashed: worker lost" in result.output


def scheduled_deployment(name: str, minutes_from_now: list[int]):
    """A deployment on the test server with Scheduled runs at these offsets, created out of order."""
    from datetime import UTC, datetime, timedelta

    from prefect.client.orchestration import get_client
    from prefect.states import Scheduled

    now = datetime.now(UTC)
    with get_client(sync_client=True) as client:
        deployment_id = client.create_deployment(flow_id=client.create_flow_from_name("thidua-nightly"), name=name)
        runs = {m: client.create_flow_run_from_deployment(
            deployment_id, state=Scheduled(scheduled_time=now + timedelta(minutes=m))).id for m in minutes_from_now}
    return deployment_id, now, runs


def test_the_next_run_is_the_earliest_one_still_to_come():
    """Defect 4: the minimum of five runs read unsorted, past ones included ("next run at 17:08"
    when it was 16:24, a time in the past after a restart)."""
    from datetime import timedelta

    from flows.nightly import next_scheduled_run

    minutes = [300, 240, -30, 180, 120, 60, -5, 7, 20]  # more than one page of five, two from before a restart
    _, now, _ = scheduled_deployment("next-run", minutes)
    when = next_scheduled_run("thidua-nightly/next-run", timeout_s=30)
    assert abs(when - (now + timedelta(minutes=7))) < timedelta(seconds=1), (when, now)


def test_after_downtime_the_missed_runs_are_cancelled_and_the_coming_ones_kept():
    from prefect.client.orchestration import get_client

    from flows.nightly import cancel_missed_runs

    deployment_id, now, runs = scheduled_deployment("after-downtime", [-180, -120, -60, -1, 30, 1440])
    with get_client(sync_client=True) as client:
        cancelled = cancel_missed_runs(client, deployment_id, keep=runs[-1])
        states = {m: client.read_flow_run(run).state for m, run in runs.items()}
    assert len(cancelled) == 3
    assert [states[m].type.value for m in (-180, -120, -60)] == ["CANCELLED"] * 3
    assert "missed while the schedule was down" in states[-180].message
    assert [states[m].type.value for m in (-1, 30, 1440)] == ["SCHEDULED"] * 3  # kept: this run, the coming ones


# Prefect keeps quiet by itself in CI; the child must look like a person's terminal session.
CI_MARKERS = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TRAVIS", "CIRCLECI", "BUILDKITE", "TF_BUILD",
              "CODEBUILD_BUILD_ID", "BITBUCKET_COMMIT", "TEAMCITY_VERSION", "DRONE", "SEMAPHORE", "APPVEYOR", "BUDDY",
              "CI_NAME")


def test_no_usage_data_notice_on_a_terminal(tmp_path):
    """On a terminal, with a new Prefect home, importing Prefect printed "Prefect collects
    anonymous usage data": thidua runs it with DO_NOT_TRACK=1 (the README says nothing is sent)."""
    import pty

    env = {k: v for k, v in os.environ.items()
           if k not in CI_MARKERS and not k.startswith(("PREFECT_", "DO_NOT_TRACK", "THIDUA_"))}
    env["THIDUA_OUTPUT_DIR"] = str(tmp_path / "out")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(thidua("schedule", "--inbox", str(tmp_path), "--cron", "every night"), env=env,
                            stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert proc.wait(timeout=60) == 2
    text = output.decode(errors="replace")
    assert "not a cron line" in text and "anonymous usage" not in text, text
