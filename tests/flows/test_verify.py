"""`thidua verify` end to end (exit codes 0/1/2, one line per problem) and the nightly run's
fixity sample in its report."""
import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.store import open_repository

runner = CliRunner()


def thidua(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_verify_without_an_archive_is_exit_2(storage_env):
    result = thidua("verify")
    assert result.exit_code == 2 and "no archive" in result.output and "Traceback" not in result.output


def test_verify_says_clean_or_lists_each_problem_on_its_own_line(storage_env, reports):
    folder = reports(4)[0].parent
    assert thidua("ingest", str(folder)).exit_code == 0
    clean = thidua("verify")
    assert clean.exit_code == 0 and clean.stdout == "", clean.output
    assert "fixity: verified 4 original(s)" in clean.output and "no damage" in clean.output

    with open_repository() as repo:
        paths = [repo.get(d).sources[0].archive_path for d in repo.doc_ids()]
    os.chmod(paths[0], 0o644)
    paths[0].write_bytes(b"bit rot")
    paths[1].unlink()
    damaged = thidua("verify")
    assert damaged.exit_code == 1
    assert sorted(line.split(":", 1)[0] for line in damaged.stdout.splitlines()) == ["damaged", "missing"]
    assert "2 problem(s)" in damaged.output
    sampled = thidua("verify", "--sample", "1")
    assert sampled.exit_code == 1 and "1 of 4 original(s)" in sampled.output  # never-verified-ok first
    assert thidua("verify", "--sample", "0").exit_code == 2


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_nightly_run_verifies_a_sample_and_reports_damage(storage_env, reports, tmp_path, monkeypatch):
    from flows.nightly import nightly
    from pipeline.settings import get_settings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in reports(3):
        shutil.copy(path, inbox / path.name)
        os.utime(inbox / path.name, (time.time() - 3600,) * 2)
    monkeypatch.setenv("THIDUA_VERIFY_SAMPLE", "2")
    get_settings.cache_clear()
    first = nightly(inbox, return_state=True).result()
    assert "fixity: verified 2 of 3 original(s) (verified longest ago first) in" in "\n".join(first.notes)
    with open_repository() as repo:
        never_verified = [s.archive_path for d in repo.doc_ids() for s in repo.get(d).sources]
    for path in never_verified:  # damage them all: whichever the sample takes is found
        os.chmod(path, 0o644)
        Path(path).write_bytes(b"changed")
    second = nightly(inbox, return_state=True).result()
    notes = "\n".join(second.notes)
    assert "2 problem(s)" in notes and notes.count("fixity problem: damaged: ") == 2
    from prefect.artifacts import Artifact

    assert "fixity problem: damaged" in Artifact.get("thidua-nightly").data
    get_settings.cache_clear()
