"""Scaling out: the backfill through `DaskTaskRunner` on a local Dask cluster (two worker
processes) gives the same results and records as the default runner."""
from pathlib import Path

import pytest
from distributed.diagnostics.plugin import SchedulerPlugin

from flows.backfill import backfill
from pipeline.settings import get_settings
from pipeline.store import open_repository
from storage_fixtures import assert_consistent

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class FinishedOn(SchedulerPlugin):
    """Which Dask worker finished each task."""

    def __init__(self):
        self.workers: dict[str, str] = {}

    def transition(self, key, start, finish, *args, **kwargs):
        if finish == "memory" and kwargs.get("worker"):
            self.workers[str(key)] = kwargs["worker"]


def run_into(folder: Path, monkeypatch, paths, **options):
    """Backfill `paths` into a fresh SQLite database and archive under `folder`; (results, records)."""
    monkeypatch.setenv("THIDUA_DATABASE_URL", f"sqlite:///{(folder / 'thidua.db').as_posix()}")
    monkeypatch.setenv("THIDUA_ARCHIVE_DIR", str(folder / "archive"))
    get_settings.cache_clear()
    flow = backfill.with_options(**options) if options else backfill
    report = flow(paths, batch_size=4, return_state=True).result()
    with open_repository() as repo:
        assert_consistent(repo)
        records = {doc_id: repo.get(doc_id).record.model_dump(mode="json") for doc_id in repo.doc_ids()}
    get_settings.cache_clear()
    return [(r.path, r.doc_id, r.status, r.reason) for r in report.results], records


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_backfill_on_a_dask_cluster_gives_what_the_default_runner_gives(storage_env, tmp_path, monkeypatch):
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "rong.txt").write_bytes(b"")
    (broken / "rac.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    paths = [SAMPLES, broken]

    expected_results, expected_records = run_into(tmp_path / "default", monkeypatch, paths)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        where = FinishedOn()
        cluster.scheduler.add_plugin(where)
        results, records = run_into(tmp_path / "dask", monkeypatch, paths,
                                    task_runner=DaskTaskRunner(address=cluster.scheduler_address))
    reports = [p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".pdf", ".docx", ".html"}]
    assert len(expected_results) == len(reports) + 2  # every report under samples/ plus the two broken files
    assert len(where.workers) == -(-len(expected_results) // 4)  # one Dask task per batch of 4 files
    assert len(set(where.workers.values())) == 2  # batches ran on both worker processes
    assert results == expected_results
    assert len(records) == len(expected_records) > 20
    assert records == expected_records
