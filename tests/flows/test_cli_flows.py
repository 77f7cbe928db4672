"""`thidua ingest` without a Prefect API (plain steps, no server) and with one (the flow runs there):
clean output, quiet logs, nothing left behind."""
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flows.runtime import ExpectedErrors, configure_environment
from pipeline.store import DatabaseUnavailable

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def thidua(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    return [*command, *args]


def test_ingest_without_an_api_configured_starts_no_server_and_says_only_what_happened(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PREFECT_", "THIDUA_"))}
    env.update(THIDUA_OUTPUT_DIR=str(tmp_path / "out"), THIDUA_LOG_LEVEL="INFO", HOME=str(tmp_path))
    (tmp_path / "rong.txt").write_bytes(b"")
    done = subprocess.run(thidua("ingest", str(SAMPLES / "hatinh_cum4_tongket_2022.txt"), str(tmp_path / "rong.txt")),
                          env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    for noise in ("Traceback", "CancelledError", "ERROR", "HTTP Request", "prefect", "Task run", "Flow run"):
        assert noise not in done.stderr, (noise, done.stderr)
    assert "INFO thidua.backfill: Backfill: 1 ok, 0 skipped, 1 failed" in done.stderr
    assert "failed: " in done.stderr and "empty file" in done.stderr
    assert re.search(r"2 file\(s\) in [\d.]+ s \([\d.]+ files/s\)", done.stderr)
    assert not (tmp_path / "out" / ".prefect").exists()  # no Prefect server, no Prefect database
    status = subprocess.run(thidua("status"), env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert re.search(r"backfill .* completed 1 stored, 0 skipped, 1 failed", status.stdout), status.stdout


def test_ingest_with_a_prefect_api_runs_the_flow_there(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName
    from prefect.settings import PREFECT_API_URL

    env = {key: value for key, value in os.environ.items() if not key.startswith("THIDUA_")}
    env.update(THIDUA_OUTPUT_DIR=str(tmp_path / "out"), PREFECT_API_URL=PREFECT_API_URL.value())
    name = f"ingest-{tmp_path.name}"
    (tmp_path / name).mkdir()
    (tmp_path / name / "bao-cao.txt").write_bytes((SAMPLES / "hatinh_cum4_tongket_2022.txt").read_bytes())
    done = subprocess.run(thidua("ingest", str(tmp_path / name)), env=env, capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=["thidua-backfill"])))
    assert any(name in str(run.parameters.get("paths")) and run.state.is_completed() for run in runs)


def test_prefect_defaults_never_override_the_user():
    env = {"PREFECT_LOGGING_LEVEL": "DEBUG"}
    configure_environment(env, output_dir=Path("out"))
    assert env["PREFECT_LOGGING_LEVEL"] == "DEBUG"
    assert env["PREFECT_HOME"] == str(Path("out/.prefect").resolve())
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false" and env["PREFECT_LOGGING_EXTRA_LOGGERS"] == "thidua"
    mine = {"PREFECT_HOME": "/srv/prefect"}
    assert configure_environment(mine, output_dir=Path("out"))["PREFECT_HOME"] == "/srv/prefect"


def test_prefects_traceback_of_an_expected_problem_stays_off_the_terminal():
    def record(name, exc):
        return logging.LogRecord(name, logging.ERROR, __file__, 1, "Task run failed", None,
                                 (type(exc), exc, None) if exc else None)

    quiet = ExpectedErrors()
    assert not quiet.filter(record("prefect.task_runs", DatabaseUnavailable("cannot connect")))
    assert quiet.filter(record("prefect.task_runs", ValueError("a bug")))
    assert quiet.filter(record("thidua.backfill", DatabaseUnavailable("cannot connect")))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_run_stopped_by_a_full_disk_is_the_summary_one_error_line_and_exit_1(storage_env, reports, monkeypatch):
    from typer.testing import CliRunner

    from flows.cli import app
    from pipeline.store.errors import StorageFull
    from pipeline.store.archive import OriginalsArchive

    paths = reports(6)
    real, calls = OriginalsArchive.put, []

    def until_full(self, *args, **kwargs):
        calls.append(1)
        if len(calls) > 2:
            raise StorageFull("disk full while archiving; free some space and run again")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(OriginalsArchive, "put", until_full)
    result = CliRunner().invoke(app, ["ingest", str(paths[0].parent), "--batch-size", "2"])
    assert result.exit_code == 1, result.output
    assert "│    2 │  2 │       0 │      0 │" in result.output
    last = result.output.strip().splitlines()[-1]
    assert last == ("error: disk full while archiving; free some space and run again "
                    "(stopped after 2 file(s); run again to continue)")
    assert "Traceback" not in result.output


def test_the_crash_lines_of_a_ctrl_c_stay_off_the_terminal():
    record = logging.LogRecord("prefect.flow_runs", logging.ERROR, __file__, 1,
                               "Crash detected! Execution was aborted by an interrupt signal.", None, None)
    assert not ExpectedErrors().filter(record)


def test_a_library_logging_the_ctrl_c_it_caught_stays_off_the_terminal():
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        import sys

        caught = sys.exc_info()
    record = logging.LogRecord("sqlalchemy.pool.impl.QueuePool", logging.ERROR, __file__, 1,
                               "Exception closing connection %s", ("<sqlite3.Connection>",), caught)
    assert not ExpectedErrors().filter(record)
    other = logging.LogRecord("sqlalchemy.pool.impl.QueuePool", logging.ERROR, __file__, 1,
                              "Exception closing connection", None, None)
    assert ExpectedErrors().filter(other)  # anything else still shows
