"""The one path (pipeline/ingest.py): one transaction per document, skip by hash, corrections survive."""
import re
from pathlib import Path

import pytest
from sqlalchemy import event

from functools import partial

from extractors.run import process_path
from flows.extraction import EXTRACTOR
from pipeline import batches
from pipeline.ingest import IngestStopped
from pipeline.read.document import Status
from pipeline.store.archive import OriginalsArchive
from pipeline.store.errors import StorageFull
from storage_fixtures import assert_consistent, stem

ingest = partial(batches.ingest, extractor=EXTRACTOR)
reextract = partial(batches.reextract, extractor=EXTRACTOR)


class CountingExtractor:
    """process_path, counting calls; `venue` simulates an upgraded extractor's new opinion."""

    def __init__(self, venue: str | None = None):
        self.calls: list[Path] = []
        self.venue = venue

    def __call__(self, path: Path):
        self.calls.append(Path(path))
        result = process_path(path)
        if self.venue and result.record is not None:
            from pipeline.record import Value

            result.record.meeting.venue = Value[str](value=self.venue, confidence=0.9)
        return result


def statuses(results):
    """(status, reason) with the document id of "already archived as <id>" shown as its stem."""
    return [(r.status, re.sub(r"already archived as (.+)-[0-9a-f]{8}$", r"already archived as \1", r.reason)
             if r.reason else r.reason) for r in results]


def test_ingesting_twice_gives_one_document_and_skips_by_hash_before_extraction(repository, reports):
    paths = reports(5)
    first = ingest(repository, paths)
    assert [r.status for r in first] == [Status.OK] * 5
    extractor = CountingExtractor()
    second = ingest(repository, paths, process=extractor)
    assert statuses(second) == [(Status.SKIPPED, f"already archived as {p.stem}") for p in paths]
    assert extractor.calls == []
    assert assert_consistent(repository)["documents"] == 5


def test_the_same_bytes_under_another_name_or_twice_in_a_batch_are_one_document(repository, reports, tmp_path):
    (path,) = reports(1)
    copy = tmp_path / "copy" / "ban_sao.txt"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    results = ingest(repository, [path, copy, path])
    assert statuses(results) == [(Status.OK, None), (Status.SKIPPED, f"already archived as {path.stem}"),
                                 (Status.SKIPPED, f"already archived as {path.stem}")]
    assert repository.counts()["documents"] == 1


def test_a_changed_file_under_the_same_name_is_a_new_version(repository, reports):
    (path,) = reports(1)
    ingest(repository, [path])
    path.write_text(path.read_text(encoding="utf-8") + "\nBổ sung: hội nghị kết thúc lúc 11 giờ.\n", encoding="utf-8")
    (result,) = ingest(repository, [path])
    assert (result.status, stem(result.reason)) == (Status.OK, f"new version 2 of {path.stem}")
    stored = repository.get(path.stem, with_text=True)
    assert len(stored.sources) == 2 and "Bổ sung" in stored.normalized_text
    assert_consistent(repository)


def test_bad_files_fail_alone_are_not_read_again_and_are_retried_when_asked(repository, reports, tmp_path):
    good = reports(2)
    empty = tmp_path / "reports" / "rong.txt"
    empty.write_bytes(b"")
    results = ingest(repository, [good[0], empty, good[1]])
    assert [r.status for r in results] == [Status.OK, Status.FAILED, Status.OK]
    assert "empty file" in results[1].reason
    extractor = CountingExtractor()
    again = ingest(repository, [good[0], empty, good[1]], process=extractor)
    assert [r.status for r in again] == [Status.SKIPPED] * 3 and extractor.calls == []
    assert again[1].reason.startswith("failed before with the same bytes: empty file")
    retried = ingest(repository, [good[0], empty, good[1]], retry_failed=True, process=extractor)
    assert [r.status for r in retried] == [Status.SKIPPED, Status.FAILED, Status.SKIPPED]
    assert extractor.calls == [empty]
    empty.write_text(good[0].read_text(encoding="utf-8") + "\nBổ sung.", encoding="utf-8")  # fixed: new bytes
    (fixed,) = ingest(repository, [empty], process=extractor)
    assert fixed.status == Status.OK and extractor.calls == [empty, empty]


def test_results_keep_the_record_and_drop_the_text_unless_asked(repository, reports):
    paths = reports(2)
    lean = ingest(repository, paths[:1])
    full = ingest(repository, paths[1:], keep_text=True)
    assert lean[0].record is not None and lean[0].document is None and lean[0].normalized_text is None
    assert full[0].document is not None and full[0].normalized_text


def test_a_correction_survives_re_extraction_and_the_audit_log_has_both(repository, reports):
    (path,) = reports(1)
    ingest(repository, [path])
    repository.correct(path.stem, "meeting.venue", "Hội trường UBND huyện", user="Lan", reason="theo biên bản")

    (unchanged,) = reextract(repository, [path.stem])
    assert (unchanged.status, unchanged.reason) == (Status.OK, "unchanged")

    upgraded = CountingExtractor(venue="Nhà văn hóa huyện")
    (result,) = reextract(repository, "all", process=upgraded)
    assert result.status == Status.OK and result.reason.startswith("updated: meeting.venue; needs review")
    # the archived original, under its own name
    assert stem(upgraded.calls[0].stem) == path.stem and upgraded.calls[0].suffix == ".txt"
    stored = repository.get(path.stem)
    assert stored.record.meeting.venue.value == "Hội trường UBND huyện"  # the correction still wins
    assert stored.needs_review
    assert [c.value for c in stored.corrections] == ["Hội trường UBND huyện"]
    log = [(e.action, e.actor, e.old_value, e.new_value)
           for e in repository.history(path.stem, "meeting.venue") if e.action != "flag_review"]
    machine_venue = log[0][3]
    assert log == [("ingest", "thidua-extractor", None, machine_venue),
                   ("correct", "Lan", machine_venue, "Hội trường UBND huyện"),
                   ("reextract", "thidua-extractor", machine_venue, "Nhà văn hóa huyện")]
    assert_consistent(repository)


def test_re_extraction_reports_missing_documents_and_originals(repository, reports):
    (path,) = reports(1)
    ingest(repository, [path])
    archived = repository.get(path.stem).sources[0].archive_path
    archived.chmod(0o644)
    archived.unlink()
    results = reextract(repository, ["nope", path.stem])
    assert [r.status for r in results] == [Status.FAILED, Status.FAILED]
    assert "no document 'nope'" in results[0].reason
    assert "archived original missing" in results[1].reason


def test_disk_full_stops_the_batch_keeps_what_was_committed_and_a_rerun_completes(repository, reports, monkeypatch):
    paths = reports(5)
    real_put = OriginalsArchive.put
    calls = []

    def put_until_full(self, source, sha256):
        calls.append(source)
        if len(calls) == 3:
            raise StorageFull(f"disk full while archiving {source}")
        return real_put(self, source, sha256)

    monkeypatch.setattr(OriginalsArchive, "put", put_until_full)
    with pytest.raises(IngestStopped, match="disk full.*stopped after 2 file") as stopped:
        ingest(repository, paths, batch_size=2)  # the second batch is stored whole or not at all
    assert [r.status for r in stopped.value.results] == [Status.OK, Status.OK]
    assert assert_consistent(repository)["documents"] == 2
    monkeypatch.setattr(OriginalsArchive, "put", real_put)
    rerun = ingest(repository, paths)
    assert [r.status for r in rerun] == [Status.SKIPPED] * 2 + [Status.OK] * 3
    assert assert_consistent(repository)["documents"] == 5


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_full_sqlite_database_rolls_back_the_document_in_flight(repository, reports):
    paths = reports(6)
    ingest(repository, paths[:2])
    with repository.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(repository.db.engine, "connect")
    def tiny(dbapi_connection, _record):  # the database file may not grow any more: SQLITE_FULL
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    repository.db.engine.dispose()
    with pytest.raises(IngestStopped, match="disk full") as stopped:
        ingest(repository, paths)
    assert stopped.value.exit_code == 1
    event.remove(repository.db.engine, "connect", tiny)
    repository.db.engine.dispose()
    assert assert_consistent(repository)["documents"] < 6
    ingest(repository, paths)
    assert assert_consistent(repository)["documents"] == 6


def test_an_extractor_crash_fails_that_file_only(repository, reports):
    paths = reports(3)

    def flaky(path):
        if path == paths[1]:
            raise ValueError("unexpected table layout")
        return process_path(path)

    results = ingest(repository, paths, process=flaky)
    assert [r.status for r in results] == [Status.OK, Status.FAILED, Status.OK]
    assert results[1].reason == "extraction error: ValueError: unexpected table layout"
    assert assert_consistent(repository)["documents"] == 2


def test_the_archive_folder_follows_thidua_archive_dir(storage_env, reports, tmp_path, monkeypatch):
    from pipeline.settings import get_settings
    from pipeline.store import open_repository

    monkeypatch.setenv("THIDUA_ARCHIVE_DIR", str(tmp_path / "kho"))
    get_settings.cache_clear()
    (path,) = reports(1)
    with open_repository() as repo:
        ingest(repo, [path])
        archived = repo.get(path.stem).sources[0].archive_path
    assert archived.is_relative_to(tmp_path / "kho") and archived.read_bytes() == path.read_bytes()
    assert archived.relative_to(tmp_path / "kho").parts[:2] == (archived.name[:2], archived.name[2:4])


def test_a_re_extraction_overtaken_by_a_new_file_version_is_skipped(repository, reports):
    (path,) = reports(1)
    ingest(repository, [path])

    def meanwhile_a_new_version_arrives(alias):
        result = process_path(alias)
        path.write_text(path.read_text(encoding="utf-8") + "\nĐính chính.\n", encoding="utf-8")
        ingest(repository, [path])
        return result

    (result,) = reextract(repository, [path.stem], process=meanwhile_a_new_version_arrives)
    assert result.status == Status.SKIPPED and "newer file version" in result.reason
    assert len(repository.get(path.stem).sources) == 2
    assert_consistent(repository)


# --- the batch steps the flows wire ------------------------------------------------------------

def test_the_plan_skips_archived_bytes_and_extracts_a_second_copy_once(repository, reports, tmp_path):
    from pipeline.ingest import extract_batch, finish_ingest, plan_ingest, store_batch

    paths = reports(3)
    ingest(repository, paths[:1])
    copy = tmp_path / "copy.txt"
    copy.write_bytes(paths[1].read_bytes())
    empty, empty_copy = tmp_path / "rong.txt", tmp_path / "rong2.txt"
    empty.write_bytes(b"")
    empty_copy.write_bytes(b"")
    plan = plan_ingest(repository, [*paths, copy, empty, empty_copy])
    assert list(plan.skipped) == [0] and plan.twins == {3: 1, 5: 4}
    assert [t.index for t in plan.todo] == [1, 2, 4]
    stored = dict(zip([t.index for t in plan.todo],
                      store_batch(repository, plan.todo, extract_batch(plan.todo, 1, EXTRACTOR)), strict=True))
    results = finish_ingest(plan, stored)
    assert statuses(results) == [
        (Status.SKIPPED, f"already archived as {paths[0].stem}"), (Status.OK, None), (Status.OK, None),
        (Status.SKIPPED, f"already archived as {paths[1].stem}"),
        (Status.FAILED, results[4].reason), (Status.FAILED, f"same bytes as {empty}: {results[4].reason}")]
    assert all(r.record is None and r.normalized_text is None for r in results)
    assert assert_consistent(repository)["documents"] == 3


def test_a_resumed_batch_reports_what_its_first_attempt_stored_as_stored(repository, reports):
    from pipeline.ingest import extract_batch, plan_ingest, store_batch

    paths = reports(2)
    plan = plan_ingest(repository, paths)
    extracted = extract_batch(plan.todo, 1, EXTRACTOR)
    store_batch(repository, plan.todo[:1], extracted[:1])  # the first attempt, cut off after one
    again = store_batch(repository, plan.todo, extracted, resumed=True)
    assert statuses(again) == [(Status.OK, None), (Status.OK, None)]
    assert extracted[0].document is not None  # the task's input is left as it was, for another retry
