"""What the review page does to the archive: several corrections at once, withdrawal, the queue."""
import pytest

from extractors.run import process_path
from pipeline.store.editing import Change, QueueFilter, neighbours, queue, save_corrections, withdraw
from pipeline.store.errors import ConflictError, InvalidCorrection
from storage_fixtures import assert_consistent


def store(repo, path):
    result = process_path(path)
    return repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                 result.record).doc_id


def reextract(repo, doc_id):
    stored = repo.get(doc_id, with_text=True)
    source = stored.sources[-1]
    record = process_path(source.archive_path).record.model_copy(update={"doc_id": doc_id})
    dump = record.model_dump(mode="json")
    dump["author"] = {"value": "Tác giả máy mới", "evidence": None, "confidence": 0.9}  # an upgraded extractor
    return repo.store_reextraction(doc_id, source.sha256, stored.normalized_text, record.model_validate(dump))


def test_several_changes_are_one_transaction(repository, reports):
    doc = store(repository, reports(1)[0])
    before = repository.get(doc)
    with pytest.raises(InvalidCorrection):
        save_corrections(repository, doc, [Change("title", "Tiêu đề mới"), Change("ranks[0].rank", "nhất")],
                         user="lan", expected_version=before.version)
    after = repository.get(doc)
    assert after.version == before.version and after.corrections == []  # the valid first change is not kept
    count, version = save_corrections(repository, doc, [Change("title", "Tiêu đề mới"),
                                                        Change("meeting.venue", "Hội trường B"),
                                                        Change("title", "Tiêu đề mới")],  # no-op: skipped
                                      user="lan", reason="đối chiếu", expected_version=before.version)
    stored = repository.get(doc)
    assert count == 2 and stored.version == version == before.version + 1  # one save, one version
    assert [c.field for c in stored.corrections] == ["title", "meeting.venue"]
    assert [v.version for v in repository.versions(doc)] == [before.version, version]
    assert [(e.version, e.field) for e in repository.history(doc) if e.action == "correct"] == [
        (version, "title"), (version, "meeting.venue")]
    with pytest.raises(ConflictError):
        save_corrections(repository, doc, [Change("title", "Khác")], user="an", expected_version=before.version)
    assert_consistent(repository)


def test_an_added_item_keeps_the_evidence_a_person_selected(repository, reports):
    doc = store(repository, reports(1)[0])
    text = repository.get(doc, with_text=True).normalized_text
    start = text.index("Cụm thi đua")
    evidence = {"start": start, "end": start + 11, "text": text[start:start + 11]}
    n = len(repository.get(doc).record.members)
    save_corrections(repository, doc, [Change(f"members[{n}]", "Cụm thi đua", evidence)], user="lan")
    reextract(repository, doc)
    member = repository.get(doc).record.members[-1]
    assert member.unit == "Cụm thi đua" and member.evidence.model_dump() == evidence


def test_withdrawing_returns_the_machine_value_for_good(repository, reports):
    doc = store(repository, reports(1)[0])
    machine = repository.get(doc).record
    repository.correct(doc, "meeting.venue", "Hội trường A", user="lan")
    later = repository.correct(doc, "meeting.venue", "Hội trường B", user="an")
    stored = withdraw(repository, doc, later.corrections[-1].id, user="lan", expected_version=later.version)
    assert stored.record.meeting.venue.value == "Hội trường A"  # the earlier correction is in force again
    stored = withdraw(repository, doc, stored.corrections[-1].id, user="lan")
    assert stored.record.meeting.venue == machine.meeting.venue and stored.corrections == []
    entries = [e for e in repository.history(doc) if e.action == "withdraw"]
    assert [(e.actor, e.field, e.old_value) for e in entries] == [("lan", "meeting.venue", "Hội trường B"),
                                                                  ("lan", "meeting.venue", "Hội trường A")]
    reextract(repository, doc)  # a withdrawn correction never comes back
    assert repository.get(doc).record.meeting.venue == machine.meeting.venue
    with pytest.raises(InvalidCorrection):
        withdraw(repository, doc, later.corrections[-1].id, user="lan")
    with pytest.raises(ConflictError):
        withdraw(repository, doc, 1, user="lan", expected_version=1)
    assert_consistent(repository)


def test_the_queue_puts_flagged_records_first_then_the_least_certain(repository, reports):
    docs = [store(repository, p) for p in reports(4)]
    repository.correct(docs[3], "author", "Tác giả người sửa", user="lan")
    reextract(repository, docs[3])  # the machine changed its mind about a corrected field: flagged
    result = queue(repository, QueueFilter())
    assert result.items[0].doc_id == docs[3] and result.items[0].needs_review
    rest = [i.min_confidence for i in result.items[1:]]
    assert rest == sorted(rest)
    assert result.counts == {"documents": 4, "needs_review": 1, "corrected": 1}
    assert [i.doc_id for i in queue(repository, QueueFilter(status="needs_review")).items] == [docs[3]]
    assert len(queue(repository, QueueFilter(status="uncorrected")).items) == 3
    kind = repository.get(docs[0]).record.meeting.kinds[0].value
    assert docs[0] in [i.doc_id for i in queue(repository, QueueFilter(kind=kind)).items]
    order = [i.doc_id for i in result.items]
    assert neighbours(repository, QueueFilter(), order[1]) == (order[0], order[2])


def test_the_migration_gives_existing_documents_their_queue_columns(repository, reports):
    from alembic import command
    from sqlalchemy import text

    from pipeline.store.db import alembic_config

    docs = [store(repository, p) for p in reports(2)]
    repository.correct(docs[0], "title", "Tiêu đề sửa", user="lan")

    def state():
        with repository.db.engine.connect() as conn:
            return (conn.execute(text("SELECT doc_id, min_confidence, kinds FROM documents ORDER BY doc_id")).all(),
                    conn.execute(text("SELECT count(*) FROM corrections")).scalar())

    before = state()
    assert all(row[1] is not None and row[2] for row in before[0])
    cfg = alembic_config()
    with repository.db._writer.begin() as conn:  # back to the schema before the web app
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003_text_origin")
    repository.db.upgrade()
    assert state() == before  # filled again from the stored records; nothing else lost
    assert repository.get(docs[0]).record.title.value == "Tiêu đề sửa"
