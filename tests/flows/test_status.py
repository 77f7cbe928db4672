"""`thidua status` as a monitoring check: exit 1 with a `problem` line for what an operator must
hear about (the last nightly run failed, quarantined files, is late, nothing new for N runs), the
same posted to THIDUA_NOTIFY_URL; exit 2 when the archive cannot be read."""
import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.store import open_repository
from webhook import Webhook

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def nights(*counts: tuple[int, int], state: str = "completed") -> None:
    """Nightly runs, oldest first, each (stored, failed)."""
    with open_repository() as repo:
        for stored, failed in counts:
            run = repo.start_run("nightly", "/srv/inbox")
            repo.finish_run(run, state, stored=stored, failed=failed)


def status(*args: str):
    return CliRunner().invoke(app, ["status", *args])


@pytest.fixture
def webhook(monkeypatch):
    hook = Webhook()
    monkeypatch.setenv("THIDUA_NOTIFY_URL", hook.url)
    from pipeline.settings import get_settings

    get_settings.cache_clear()
    yield hook.posted
    hook.close()
    get_settings.cache_clear()


def test_a_healthy_schedule_exits_0_and_lists_each_run_with_its_counts(storage_env):
    nights((3, 0), (1, 0))
    result = status("--runs", "1")
    assert result.exit_code == 0, result.output
    assert "1 stored, 0 skipped, 0 failed" in result.output and "3 stored" not in result.output
    assert "nightly   ok" in result.output and "problem" not in result.output


def test_quarantined_files_exit_1_and_are_posted_to_the_webhook(storage_env, webhook):
    nights((2, 0), (1, 2))
    result = status()
    assert result.exit_code == 1, result.output
    assert "problem   the last nightly run" in result.output and "quarantined 2 file(s)" in result.output
    (posted,) = webhook
    assert "quarantined 2 file(s)" in posted["text"] and posted["source"] == "thidua status"


def test_nothing_posted_when_all_is_well(storage_env, webhook):
    nights((1, 0))
    assert status().exit_code == 0 and webhook == []


def test_nothing_ingested_for_the_given_number_of_nights_exits_1(storage_env):
    nights((4, 0), (0, 0), (0, 0), (0, 0))
    assert status("--quiet-nights", "4").exit_code == 0  # the fourth one stored 4
    result = status("--quiet-nights", "3")
    assert result.exit_code == 1 and "the last 3 nightly run(s) ingested nothing new" in result.output


def test_a_late_run_exits_1_at_the_operators_threshold(storage_env):
    nights((1, 0))
    assert status().exit_code == 0  # started just now: not late by the default 26 h
    result = status("--late-after", "0")
    assert result.exit_code == 1 and "no nightly run for" in result.output and "thidua schedule" in result.output


def test_no_nightly_run_yet_is_not_a_problem(storage_env):
    with open_repository():
        pass
    result = status()
    assert result.exit_code == 0 and "none recorded yet" in result.output


def test_an_unreadable_archive_exits_2(storage_env, tmp_path):
    with open_repository():
        pass
    (tmp_path / "db" / "thidua.db").write_bytes(b"not a database" * 100)  # db_url's SQLite file
    result = status()
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
