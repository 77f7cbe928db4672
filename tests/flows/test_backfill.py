"""The backfill flow on a real Prefect server: counts, records, skip by hash, retries, stopping."""
import shutil
from pathlib import Path

import pytest

from flows.backfill import backfill
from pipeline.read.document import Status
from pipeline.store import open_repository
from pipeline.store.errors import DatabaseUnavailable, StorageFull
from pipeline.store.archive import OriginalsArchive
from storage_fixtures import assert_consistent, stem, stems

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Every report under samples/, including the real reports in samples/real and samples/heldout.
SAMPLE_REPORTS = sorted(p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".pdf", ".docx", ".html"})
A_TXT = next(p for p in SAMPLE_REPORTS if p.suffix == ".txt")


@pytest.fixture
def broken(tmp_path) -> Path:
    """An empty file, a garbage PDF, a .docx that is not a zip, and a second copy of a sample."""
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "rong.txt").write_bytes(b"")
    (folder / "rac.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 16)
    (folder / "khong_phai_zip.docx").write_bytes("Không phải tệp Word.".encode() * 30)
    shutil.copyfile(A_TXT, folder / "ban_sao.txt")
    return folder


def by_name(results):
    return {Path(r.path).name: r for r in results}


def test_a_backfill_of_the_samples_and_broken_files_stores_every_good_one(storage_env, broken, tmp_path):
    state = backfill([SAMPLES, broken, tmp_path / "missing"], batch_size=8, return_state=True)
    assert state.is_completed(), state
    report = state.result()
    results = by_name(report.results)
    assert len(report.results) == len(SAMPLE_REPORTS) + 5
    assert report.count(Status.OK) == len(SAMPLE_REPORTS)
    assert report.count(Status.FAILED) == 4 and report.count(Status.SKIPPED) == 1
    assert "empty file" in results["rong.txt"].reason
    assert "damaged PDF" in results["rac.pdf"].reason
    assert "not a valid .docx (not a zip archive)" in results["khong_phai_zip.docx"].reason
    assert results["missing"].reason == "file or folder not found"
    assert stem(results["ban_sao.txt"].reason) == f"already archived as {A_TXT.stem}"
    assert report.extracted == len(SAMPLE_REPORTS) + 3 and report.exit_code == 1
    assert all(r.record is None and r.document is None for r in report.results)  # results stay small

    with open_repository() as repo:
        assert assert_consistent(repo)["documents"] == len(SAMPLE_REPORTS)
        assert stems(repo.doc_ids()) == sorted(p.stem for p in SAMPLE_REPORTS)
        from extractors.run import process_path

        stored = repo.get(SAMPLE_REPORTS[3].stem)
        expected = {**process_path(SAMPLE_REPORTS[3]).record.to_export(), "doc_id": stored.doc_id}
        assert stored.record.to_export() == expected

    from prefect.artifacts import Artifact

    artifact = Artifact.get("thidua-backfill")
    assert f"| ok | {len(SAMPLE_REPORTS)} |" in artifact.data and "| failed | 4 |" in artifact.data
    assert "khong_phai_zip.docx | not a valid .docx" in artifact.data
    assert f"{len(SAMPLE_REPORTS)} stored, 1 skipped, 4 failed;" in artifact.data  # counts that add up


def test_running_it_again_does_no_work(storage_env, broken, monkeypatch):
    first = backfill([SAMPLES], return_state=True).result()
    assert first.count(Status.OK) == len(SAMPLE_REPORTS)

    import pipeline.pool

    def no_extraction(*args, **kwargs):
        raise AssertionError("nothing should be extracted again")

    monkeypatch.setattr(pipeline.pool, "run_in_pool", no_extraction)
    monkeypatch.setattr("pipeline.ingest.run_in_pool", no_extraction)
    monkeypatch.setattr("pipeline.ingest.extract_in_pool", no_extraction)
    again = backfill([SAMPLES], return_state=True).result()
    assert [r.status for r in again.results] == [Status.SKIPPED] * len(SAMPLE_REPORTS)
    assert {stem(r.reason) for r in again.results} == {f"already archived as {p.stem}" for p in SAMPLE_REPORTS}
    assert again.extracted == 0
    assert again.exit_code == 0
    with open_repository() as repo:
        assert repo.counts()["record_versions"] == len(SAMPLE_REPORTS)


def test_broken_files_are_not_read_again_until_asked_and_then_fail_again(storage_env, broken):
    backfill([broken], return_state=True)
    again = backfill([broken], return_state=True).result()
    assert {r.status for r in again.results} == {Status.SKIPPED} and again.extracted == 0
    assert again.notes == ["3 file(s) failed before with the same bytes; --retry-failed to try again"]
    retried = backfill([broken], retry_failed=True, return_state=True).result()
    assert {Path(r.path).name: r.status for r in retried.results} == {
        "ban_sao.txt": Status.SKIPPED, "khong_phai_zip.docx": Status.FAILED, "rac.pdf": Status.FAILED,
        "rong.txt": Status.FAILED}
    assert retried.extracted == 3


def test_a_lost_database_connection_is_retried_and_the_counts_stay_right(storage_env, reports, monkeypatch):
    from flows import backfill as module
    from pipeline.store import batch

    paths = reports(12)
    real = batch._inserted_ids
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:  # batch 2, inside its transaction: documents inserted, then the connection drops
            raise DatabaseUnavailable("cannot connect to database (server restarting)")
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "_inserted_ids", flaky)
    monkeypatch.setattr(module.store, "retry_delay_seconds", [0, 0])
    report = backfill([paths[0].parent], batch_size=5, return_state=True).result()
    assert [r.status for r in report.results] == [Status.OK] * 12, report.results
    assert len(calls) == 3 * 3 + 2  # three inserts per batch, and the two of the attempt rolled back
    with open_repository() as repo:
        assert assert_consistent(repo)["documents"] == 12


def test_a_full_disk_stops_the_run_as_failed_with_what_was_done(storage_env, reports, monkeypatch):
    paths = reports(10)
    real = OriginalsArchive.put
    calls = []

    def until_full(self, *args, **kwargs):
        calls.append(args[0])
        if len(calls) > 4:
            raise StorageFull("disk full while archiving; free some space and run again")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(OriginalsArchive, "put", until_full)
    state = backfill([paths[0].parent], batch_size=3, return_state=True)
    assert state.is_failed() and "disk full" in state.message
    report = state.result(raise_on_failure=False)
    assert report.stopped.startswith("disk full") and report.exit_code == 1
    assert [r.status for r in report.results] == [Status.OK] * 3  # the second batch is stored whole or not at all
    assert len(calls) == 5  # no retry: a full disk does not free itself

    monkeypatch.setattr(OriginalsArchive, "put", real)
    rerun = backfill([paths[0].parent], return_state=True).result()
    assert [r.status for r in rerun.results] == [Status.SKIPPED] * 3 + [Status.OK] * 7
