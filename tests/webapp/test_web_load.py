"""Concurrent staff through the web app (issue 14): editors open and save overlapping records at
once through a real `thidua serve` over real HTTP. Every accepted save is in the audit log and in
the final record, every refused one was told "conflict" (409 and the page's message), none lost;
the same rule on PostgreSQL (20 clients, 20 s; THIDUA_TEST_WEB_LOAD_S=60 for issue 14's minute) and
SQLite. The logic is benchmarks/web_load.py's."""
import os

import pytest

from benchmarks.web_load import run_load
from pipeline.store import open_repository
from storage_fixtures import create_schema, drop_schema, postgres_schema_url, require_postgres

pytestmark = pytest.mark.slow


def corrections(url: str, folder) -> int:
    """Venue corrections in the audit log, all records together."""
    with open_repository(url, folder / "archive") as repo:
        return sum(1 for doc in repo.doc_ids() for e in repo.history(doc, "meeting.venue") if e.action == "correct")


def assert_nothing_lost(url: str, folder, result, clients: int) -> None:
    tally = result.tally
    print(f"\nweb load: {clients} clients, {result.elapsed:.0f} s: {len(tally.accepted)} saves accepted, "
          f"{tally.conflicts} refused as conflicts, {len(tally.errors)} errors, {result.lost} lost")
    assert tally.errors == [], tally.errors[:5]
    assert len(tally.accepted) > clients and tally.conflicts > 0, "the clients did not overlap"
    assert result.lost == 0 and result.wrong_final == 0
    assert corrections(url, folder) == len(tally.accepted)  # and nothing saved that a client was told was refused


def test_twenty_editors_at_once_on_postgres_lose_nothing(tmp_path):
    require_postgres()
    schema = create_schema()
    url = postgres_schema_url(schema)
    try:
        result = run_load(url, tmp_path, clients=20, seconds=float(os.environ.get("THIDUA_TEST_WEB_LOAD_S", "20")),
                          docs=20, workers=2)
        assert_nothing_lost(url, tmp_path, result, clients=20)
    finally:
        drop_schema(schema)


def test_the_same_conflict_rule_on_sqlite(tmp_path):
    url = f"sqlite:///{(tmp_path / 'db' / 'thidua.db').as_posix()}"
    (tmp_path / "db").mkdir()
    result = run_load(url, tmp_path, clients=6, seconds=10, docs=4, workers=2)
    assert_nothing_lost(url, tmp_path, result, clients=6)
