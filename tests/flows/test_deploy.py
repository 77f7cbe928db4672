"""`thidua deploy`: deployments on a process work pool, and a Prefect worker that runs one."""
import os
import shutil
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


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_deployments_on_a_process_pool_are_run_by_a_prefect_worker(storage_env, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name="thidua-test", type="process"), overwrite=True)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = CliRunner().invoke(app, ["deploy", "--pool", "thidua-test", "--inbox", str(inbox), "--cron", "30 1 * * *"])
    assert result.exit_code == 0, result.output
    with get_client(sync_client=True) as client:
        made = {d.name: d for d in client.read_deployments() if d.work_pool_name == "thidua-test"}
    assert set(made) == {"backfill", "reextract", "nightly"}
    assert made["backfill"].entrypoint == "flows.backfill.backfill" and not made["backfill"].schedules
    assert made["nightly"].schedules[0].schedule.cron == "30 1 * * *"
    assert made["nightly"].parameters["inbox"] == str(inbox.resolve())

    flow_run = run_deployment("thidua-backfill/backfill",
                              parameters={"paths": [str(SAMPLES / "hatinh_cum4_tongket_2022.txt")]}, timeout=0)
    elsewhere = tmp_path / "worker"  # a worker on another machine: not in the directory the deployment came from
    elsewhere.mkdir()
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    prefect = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    worker = subprocess.run([prefect, "worker", "start", "--pool", "thidua-test", "--run-once"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=240)
    assert worker.returncode == 0, worker.stdout[-2000:] + worker.stderr[-2000:]
    deadline = time.monotonic() + 60
    with get_client(sync_client=True) as client:
        while not (state := client.read_flow_run(flow_run.id).state).is_final() and time.monotonic() < deadline:
            time.sleep(0.5)
    assert state.is_completed(), (state, worker.stdout[-2000:], worker.stderr[-2000:])
    with open_repository() as repo:
        assert stems(repo.doc_ids()) == ["hatinh_cum4_tongket_2022"]


def test_deploy_needs_a_prefect_server_and_a_pool(monkeypatch):
    result = CliRunner().invoke(app, ["deploy", "--pool", "khong-co"])
    assert result.exit_code == 2 and "khong-co" in result.output
