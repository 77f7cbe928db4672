"""The re-extraction flow on a real Prefect server: corrections kept, changes reported."""
import pytest

import extractors.run
from extractors.run import process_path
from flows.backfill import backfill
from flows.reextract import reextract
from pipeline.read.document import Status
from pipeline.store import open_repository
from storage_fixtures import assert_consistent, stem

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]


def upgraded_extractor(path):
    """process_path, after an "upgrade" that reads every venue as the cultural centre."""
    from pipeline.record import Value

    result = process_path(path)
    if result.record is not None:
        result.record.meeting.venue = Value[str](value="Nhà văn hóa huyện", confidence=0.9)
    return result


def test_re_extraction_keeps_corrections_and_reports_what_changed(storage_env, reports, monkeypatch):
    paths = reports(5)
    assert backfill([paths[0].parent], return_state=True).result().count(Status.OK) == 5
    corrected = paths[1].stem
    with open_repository() as repo:
        repo.correct(corrected, "meeting.venue", "Hội trường A", user="Lan", reason="theo biên bản")

    unchanged = reextract(return_state=True).result()
    assert [r.reason for r in unchanged.results] == ["unchanged"] * 5
    assert unchanged.notes == ["0 updated, 5 unchanged, 0 flagged for review"] and unchanged.details == []

    monkeypatch.setattr(extractors.run, "process_path", upgraded_extractor)  # in this process: workers=1
    state = reextract([paths[1].stem, paths[2].stem, "khong_co"], batch_size=2, workers=1, return_state=True)
    report = state.result()
    assert [(stem(r.doc_id) if r.doc_id != "khong_co" else r.doc_id, r.status) for r in report.results] == [
        (paths[1].stem, Status.OK), (paths[2].stem, Status.OK), ("khong_co", Status.FAILED)]
    assert report.results[0].reason.startswith("updated: meeting.venue; needs review")
    assert report.results[1].reason == "updated: meeting.venue"
    assert report.notes == ["2 updated, 0 unchanged, 1 flagged for review"]
    assert [stem(doc) for doc, _ in report.details] == [paths[1].stem, paths[2].stem]
    assert report.exit_code == 1  # the unknown document

    with open_repository() as repo:
        kept = repo.get(corrected)
        assert kept.record.meeting.venue.value == "Hội trường A" and kept.needs_review
        assert repo.get(paths[2].stem).record.meeting.venue.value == "Nhà văn hóa huyện"
        assert_consistent(repo)
        full_id = repo.resolve_id(paths[2].stem)

    from prefect.artifacts import Artifact

    artifact = Artifact.get("thidua-reextract").data
    assert "2 updated, 0 unchanged, 1 flagged for review" in artifact
    assert f"| {full_id} | updated: meeting.venue |" in artifact
