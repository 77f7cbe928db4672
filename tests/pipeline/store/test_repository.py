"""Machine records, corrections, versions and audit in the database (SQLite and PostgreSQL)."""
import pytest
from sqlalchemy import select

from extractors.run import process_path
from pipeline.store.errors import ConflictError, InvalidCorrection, NotFound
from pipeline.store.models import DocumentRow, MachineRecordRow
from pipeline.store.overlay import parse_path, set_value, validate
from storage_fixtures import assert_consistent


def stem(doc_id: str) -> str:
    """The file stem of a document id (`name-1a2b3c4d`)."""
    return doc_id.rsplit("-", 1)[0]


def store(repo, path):
    result = process_path(path)
    return repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                 result.record)


def reextracted(repo, doc_id, changes: dict):
    """Store a re-extraction whose machine values differ as given (an 'upgraded extractor')."""
    stored = repo.get(doc_id, with_text=True)
    source = stored.sources[-1]
    dump = process_path(source.archive_path).record.model_copy(update={"doc_id": doc_id}).model_dump(mode="json")
    for field, value in changes.items():
        set_value(dump, parse_path(field), value)
    return repo.store_reextraction(doc_id, source.sha256, stored.normalized_text, validate(dump))


def test_an_extraction_is_stored_with_its_original_and_text(repository, reports):
    path = reports(1)[0]
    outcome = store(repository, path)
    assert (outcome.status, stem(outcome.doc_id), outcome.version, outcome.revision) == ("new", path.stem, 1, 1)
    assert outcome.doc_id == f"{path.stem}-{process_path(path).document.sha256[:8]}"
    stored = repository.get(path.stem, with_text=True)
    assert stored.record.to_export() == {**process_path(path).record.to_export(), "doc_id": outcome.doc_id}
    assert stored.sources[0].archive_path.read_bytes() == path.read_bytes()
    assert "Cụm thi đua số" in stored.normalized_text
    assert stored.version == 1 and not stored.needs_review
    assert_consistent(repository)


def test_the_same_bytes_twice_are_one_document(repository, reports):
    path = reports(1)[0]
    store(repository, path)
    assert store(repository, path).status == "duplicate"
    sha = process_path(path).document.sha256
    assert repository.archived([sha]) == {sha: f"{path.stem}-{sha[:8]}"}
    assert assert_consistent(repository)["documents"] == 1


def test_a_changed_file_under_the_same_name_is_a_new_version(repository, reports, tmp_path):
    path = reports(1)[0]
    store(repository, path)
    path.write_text(path.read_text(encoding="utf-8").replace("Cụm thi đua số 1", "Cụm thi đua số 7"),
                    encoding="utf-8")
    outcome = store(repository, path)
    assert (outcome.status, outcome.version, outcome.revision) == ("new_version", 2, 2)
    assert "cluster" in outcome.changed
    stored = repository.get(path.stem)
    assert [s.revision for s in stored.sources] == [1, 2]
    assert stored.record.cluster.number == 7
    cluster_changes = repository.history(path.stem, "cluster")
    assert [(e.action, e.new_value["number"] if e.new_value else None) for e in cluster_changes] == [
        ("ingest", 1), ("new_version", 7)]
    assert_consistent(repository)


def test_a_correction_wins_is_versioned_and_audited(repository, reports):
    path = reports(1)[0]
    store(repository, path)
    machine_title = repository.get(path.stem).record.title.value
    stored = repository.correct(path.stem, "title", "Hội nghị tổng kết Cụm thi đua số 1", user="Lan",
                                reason="tiêu đề bị cắt")
    assert stored.record.title.value == "Hội nghị tổng kết Cụm thi đua số 1"
    assert stored.version == 2
    with repository.db.session() as s:  # machine output is untouched
        (machine,) = s.scalars(select(MachineRecordRow.record)).all()
    assert machine["title"]["value"] == machine_title
    history = repository.history(path.stem, "title")
    assert [(e.actor, e.action, e.old_value, e.new_value, e.reason) for e in history] == [
        ("thidua-extractor", "ingest", None, machine_title, f"ingested from {path}"),
        ("Lan", "correct", machine_title, "Hội nghị tổng kết Cụm thi đua số 1", "tiêu đề bị cắt")]
    assert [v.action for v in repository.versions(path.stem)] == ["ingest", "correct"]
    assert repository.versions(path.stem)[0].record["title"] == machine_title
    assert_consistent(repository)


def test_re_extraction_keeps_the_correction_and_flags_a_disagreement(repository, reports):
    path = reports(1)[0]
    store(repository, path)
    repository.correct(path.stem, "meeting.venue", "Hội trường A", user="Lan")
    outcome = reextracted(repository, path.stem, {"meeting.venue": "Nhà văn hóa huyện"})
    assert outcome.status == "updated" and outcome.changed == ["meeting.venue"]
    stored = repository.get(path.stem)
    assert stored.record.meeting.venue.value == "Hội trường A"
    assert stored.needs_review and "Nhà văn hóa huyện" in stored.review_reasons[0]
    actions = [(e.action, e.actor, e.new_value) for e in repository.history(path.stem, "meeting.venue")]
    assert ("correct", "Lan", "Hội trường A") in actions
    assert ("reextract", "thidua-extractor", "Nhà văn hóa huyện") in actions
    assert ("flag_review", "thidua-extractor", None) in actions
    assert [stem(r.doc_id) for r in repository.list(needs_review=True)] == [path.stem]
    # A person looks again: a new correction on the field settles its review.
    settled = repository.correct(path.stem, "meeting.venue", "Hội trường B", user="Minh")
    assert not settled.needs_review and settled.review_reasons == []
    assert_consistent(repository)


def test_re_extraction_that_changes_nothing_writes_nothing(repository, reports):
    path = reports(1)[0]
    store(repository, path)
    stored = repository.get(path.stem, with_text=True)
    same = process_path(stored.sources[0].archive_path).record.model_copy(
        update={"doc_id": stored.doc_id, "source_path": stored.sources[0].source_path})
    outcome = repository.store_reextraction(path.stem, stored.sources[0].sha256, stored.normalized_text, same)
    assert outcome.status == "unchanged"
    assert repository.get(path.stem).version == 1


def test_resolving_a_review_clears_the_flag_and_is_audited(repository, reports):
    path = reports(1)[0]
    store(repository, path)
    repository.correct(path.stem, "meeting.venue", "Hội trường A", user="Lan")
    reextracted(repository, path.stem, {"meeting.venue": "Nhà văn hóa huyện"})
    stored = repository.resolve_review(path.stem, user="Minh", reason="bản gốc ghi Hội trường A")
    assert not stored.needs_review
    assert repository.history(path.stem)[-1].action == "resolve"
    with pytest.raises(InvalidCorrection, match="not flagged"):
        repository.resolve_review(path.stem, user="Minh")


def test_the_later_of_two_writers_gets_a_conflict_not_an_overwrite(repository, reports):
    path = reports(1)[0]
    store(repository, path)
    seen_by_lan = repository.get(path.stem).version
    seen_by_minh = repository.get(path.stem).version
    repository.correct(path.stem, "title", "Tiêu đề của Lan", user="Lan", expected_version=seen_by_lan)
    with pytest.raises(ConflictError, match="version 2, you expected 1"):
        repository.correct(path.stem, "title", "Tiêu đề của Minh", user="Minh", expected_version=seen_by_minh)
    assert repository.get(path.stem).record.title.value == "Tiêu đề của Lan"


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_stale_row_update_is_a_conflict_on_postgres(repository, reports):
    """The version column catches a writer whose read went stale inside its own transaction.
    (SQLite writers take the write lock when they begin, so their reads cannot go stale.)"""
    path = reports(1)[0]
    store(repository, path)
    with pytest.raises(ConflictError), repository.db.session(write=True) as first:
        doc = first.scalars(select(DocumentRow).where(DocumentRow.doc_id.startswith(path.stem + "-"))).one()
        repository.correct(path.stem, "title", "Tiêu đề mới", user="Lan")  # commits in between
        doc.title = "ghi đè"
    assert repository.get(path.stem).record.title.value == "Tiêu đề mới"


def test_records_are_listed_by_cluster_year_and_review_state(repository, reports):
    paths = reports(12)  # report i: Cụm thi đua số 1 + i % 9, year 2015 + i % 10
    for path in paths:
        store(repository, path)
    assert {stem(r.doc_id) for r in repository.list(cluster="2")} == {paths[1].stem, paths[10].stem}
    assert {stem(r.doc_id) for r in repository.list(cluster="cum thi dua so 2")} == {paths[1].stem, paths[10].stem}
    assert {stem(r.doc_id) for r in repository.list(year=2016)} == {paths[1].stem, paths[11].stem}
    assert repository.list(needs_review=True) == []
    assert len(repository.list(limit=5)) == 5
    assert [stem(r.doc_id) for r in repository.iter_effective(cluster="2")] == [paths[1].stem, paths[10].stem]


def test_unknown_documents_and_anonymous_corrections_are_refused(repository, reports):
    with pytest.raises(NotFound, match="nope"):
        repository.correct("nope", "title", "x", user="Lan")
    store(repository, reports(1)[0])
    with pytest.raises(InvalidCorrection, match="--user"):
        repository.correct("bao_cao_000000", "title", "x", user=" ")
