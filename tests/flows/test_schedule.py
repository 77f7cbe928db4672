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
from pipeline.storage import open_repository
from storage_fixtures import db_url, storage_env  # noqa: F401 - fixtures

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
            assert sorted(repo.doc_ids()) == ["bacninh_cum6_congan_tongket_2024", "hatinh_cum4_tongket_2022"]
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
