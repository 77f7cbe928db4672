"""A batch stored at once (one transaction, bulk inserts) ends as if each file had been stored
alone: the same records, versions, history, search and review queue."""
import shutil

import pytest

from extractors.run import process_path
from pipeline.store import batch, open_repository
from pipeline.store.batch import Extraction
from pipeline.store.models import AuditRow
from pipeline.store.search import search
from storage_fixtures import assert_consistent


def extraction(path) -> Extraction:
    result = process_path(path)
    return Extraction(path, result.document.sha256, result.document, result.normalized_text, result.record)


def history(repo, doc_id):
    return [(e.version, e.action, e.actor, e.field, e.old_value, e.new_value, e.reason)
            for e in repo.history(doc_id)]


def snapshot(repo, doc_ids):
    """Everything a user can see of these documents, without times."""
    out = {}
    for doc_id in doc_ids:
        stored = repo.get(doc_id, with_text=True)
        out[doc_id] = (stored.version, stored.record.to_export(), stored.needs_review, stored.review_reasons,
                       [(s.revision, s.sha256, s.ext, s.format, s.size, s.names) for s in stored.sources],
                       stored.normalized_text, history(repo, doc_id))
    return out


def test_a_batch_is_stored_as_each_file_alone_would_be(repository, reports, tmp_path):
    paths = reports(12)
    outcomes = repository.store_extractions([extraction(p) for p in paths])
    assert [o.status for o in outcomes] == ["new"] * 12
    assert len({o.doc_id for o in outcomes}) == 12

    with open_repository(f"sqlite:///{tmp_path / 'one_by_one.db'}", tmp_path / "one_by_one") as alone:
        one_by_one = [alone.store_extraction(p, e.sha256, e.document, e.normalized_text, e.record)
                      for p, e in ((p, extraction(p)) for p in paths)]
        assert [(o.doc_id, o.version, o.revision, o.review_reasons) for o in outcomes] == \
               [(o.doc_id, o.version, o.revision, o.review_reasons) for o in one_by_one]
        assert snapshot(repository, [o.doc_id for o in outcomes]) == snapshot(alone, [o.doc_id for o in one_by_one])
        assert repository.counts() == alone.counts()
    assert assert_consistent(repository)["documents"] == 12
    for outcome in outcomes[:3]:  # the search index has the batch's texts
        words = " ".join(repository.get(outcome.doc_id, with_text=True).normalized_text.split()[:6])
        assert outcome.doc_id in [hit.doc_id for hit in search(repository.db, words, limit=50).hits]


def test_known_bytes_and_changed_files_in_a_batch_take_the_one_file_path(repository, reports, tmp_path):
    first = reports(3)
    stored = repository.store_extractions([extraction(p) for p in first])
    copy = tmp_path / "copy" / "ban_sao.txt"  # the same bytes under another name
    copy.parent.mkdir()
    shutil.copyfile(first[0], copy)
    first[1].write_text(first[1].read_text(encoding="utf-8") + "\nDòng thêm.\n", encoding="utf-8")  # changed
    new = reports(1, start=10)[0]
    outcomes = repository.store_extractions([extraction(p) for p in (copy, first[1], new)])
    assert [(o.status, o.doc_id) for o in outcomes[:2]] == [("duplicate", stored[0].doc_id),
                                                             ("new_version", stored[1].doc_id)]
    assert outcomes[1].revision == 2 and outcomes[2].status == "new"
    assert str(copy) in repository.get(stored[0].doc_id).sources[0].names
    assert assert_consistent(repository)["documents"] == 4


def test_a_file_changed_while_archived_fails_alone(repository, reports):
    paths = reports(3)
    items = [extraction(p) for p in paths]
    paths[1].write_text("đã thay đổi", encoding="utf-8")
    outcomes = repository.store_extractions(items)
    assert [type(o).__name__ for o in outcomes] == ["SaveOutcome", "FileChanged", "SaveOutcome"]
    assert assert_consistent(repository)["documents"] == 2


def test_a_failure_inside_the_batch_stores_none_of_it(repository, reports, monkeypatch):
    paths = reports(4)

    real = batch._insert_new_documents

    def half_then_broken(s, items):  # the first half is inserted, then the database goes away
        real(s, items[:2])
        raise RuntimeError("the database went away mid-batch")

    monkeypatch.setattr(batch, "_insert_new_documents", half_then_broken)
    with pytest.raises(RuntimeError):
        repository.store_extractions([extraction(p) for p in paths])
    assert repository.counts()["documents"] == 0
    monkeypatch.setattr(batch, "_insert_new_documents", real)
    assert [o.status for o in repository.store_extractions([extraction(p) for p in paths])] == ["new"] * 4
    assert assert_consistent(repository)["documents"] == 4


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_concurrent_ingest_of_the_same_bytes_falls_back_to_file_by_file(repository, reports, monkeypatch):
    """Another process stores one of the batch's files after the batch looked (PostgreSQL; on
    SQLite writers are serialised, the batch takes the write lock before it looks): the batch
    fails on the unique key and is redone file by file."""
    paths = reports(3)
    items = [extraction(p) for p in paths]
    real = batch._free_ids
    other = open_repository()

    def racing(s, rows):
        if not racing.done:
            racing.done = True
            e = items[1]
            other.store_extraction(e.path, e.sha256, e.document, e.normalized_text, e.record)
        return real(s, rows)

    racing.done = False
    monkeypatch.setattr(batch, "_free_ids", racing)
    try:
        outcomes = repository.store_extractions(items)
    finally:
        other.close()
    assert [o.status for o in outcomes] == ["new", "duplicate", "new"]
    counts = assert_consistent(repository)
    assert counts["documents"] == 3
    with repository.db.session() as s:
        assert s.query(AuditRow).filter(AuditRow.action == "ingest").count() == 3
