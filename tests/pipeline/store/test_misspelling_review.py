"""An OCR misspelling of a known district ("huyện Bác Sơn" for Lạng Sơn's "huyện Bắc Sơn") puts the
record in the review queue with the known name proposed, in Vietnamese on the page, and the
registry queues the name for a person instead of making it a sure new unit."""
from sqlalchemy import select

from functools import partial

from flows.extraction import EXTRACTOR
from pipeline import batches
from pipeline.read.document import Status
from pipeline.store.registry import Registry
from pipeline.store import open_repository
from pipeline.store.models import DocumentRow
from web.labels import reason_text

ingest = partial(batches.ingest, extractor=EXTRACTOR)

# The report never names its province: the other members (Văn Quan, Bình Gia, Văn Lãng) say Lạng Sơn.
TEXT = """Cụm thi đua số 3 tổng kết công tác thi đua, khen thưởng năm 2023

Ngày 15/12/2023, tại huyện Văn Quan, Cụm thi đua số 3 gồm UBND huyện Văn Quan, UBND huyện Bác Sơn, \
UBND huyện Bình Gia và UBND huyện Văn Lãng tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.

Kết quả bình xét, UBND huyện Văn Quan đứng thứ nhất, UBND huyện Bác Sơn đứng thứ nhì, \
UBND huyện Bình Gia đứng thứ ba.

Hội nghị đã bầu UBND huyện Bình Gia làm Cụm trưởng, UBND huyện Văn Lãng làm Cụm phó năm 2024.
"""


def _ingest(tmp_path, text):
    path = tmp_path / "reports" / "langson_cum3_tongket_2023.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    repo = open_repository(f"sqlite:///{(tmp_path / 'thidua.db').as_posix()}", tmp_path / "archive")
    (result,) = ingest(repo, [path])
    assert result.status == Status.OK, result.reason
    return repo, repo.doc_ids()[0]


def test_a_misspelt_district_is_flagged_with_the_known_name(tmp_path):
    repo, doc_id = _ingest(tmp_path, TEXT)
    try:
        stored = repo.get(doc_id)
        assert [m.unit for m in stored.record.members][1] == "UBND huyện Bác Sơn"  # kept as written
        assert [doc.doc_id for doc in repo.list(needs_review=True)] == [doc_id]
        with repo.db.session() as s:
            reasons = s.scalar(select(DocumentRow.review_reasons).where(DocumentRow.doc_id == doc_id))
        flagged = [r for r in reasons if r["kind"] == "misspelling"]
        assert {(r["field"], r["written"], r["proposed"], r["province"]) for r in flagged} == {
            ("members[1]", "huyện Bác Sơn", "huyện Bắc Sơn", "Lạng Sơn"),
            ("ranks[1]", "huyện Bác Sơn", "huyện Bắc Sơn", "Lạng Sơn")}
        shown = reason_text(flagged[0])
        assert "“huyện Bác Sơn” không có trong danh mục đơn vị hành chính" in shown
        assert "có phải là “huyện Bắc Sơn” (Lạng Sơn)?" in shown

        registry = Registry(repo.db)
        registry.sync()
        pending = {p.name: p for p in registry.pending()}
        assert "UBND huyện Bác Sơn" in pending  # a person decides; not a sure new unit

        # correcting the name settles the member's reason
        repo.correct(doc_id, "members[1]", "UBND huyện Bắc Sơn", user="Lan")
        with repo.db.session() as s:
            reasons = s.scalar(select(DocumentRow.review_reasons).where(DocumentRow.doc_id == doc_id))
        assert [r["field"] for r in reasons if r["kind"] == "misspelling"] == ["ranks[1]"]
    finally:
        repo.close()


def test_the_right_spelling_is_not_flagged(tmp_path):
    repo, doc_id = _ingest(tmp_path, TEXT.replace("Bác Sơn", "Bắc Sơn"))
    try:
        assert repo.get(doc_id).record.misspellings == []
        with repo.db.session() as s:
            reasons = s.scalar(select(DocumentRow.review_reasons).where(DocumentRow.doc_id == doc_id))
        assert not [r for r in reasons or [] if r["kind"] == "misspelling"]
    finally:
        repo.close()
