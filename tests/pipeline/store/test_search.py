"""Full-text search over the archived normalised text, on both databases."""
import pytest

from extractors.run import process_path
from pipeline.store.errors import InvalidInput
from pipeline.store.search import parse, search

TEXTS = {
    "kien_luong": "Cụm thi đua số 2 tổng kết năm 2023\n\nChiều 12/1, tại Hội trường Liên đoàn Lao động huyện "
                  "Kiên Lương, Cụm thi đua số 2 tổ chức hội nghị tổng kết.\n",
    "chau_thanh": "Khối thi đua 3 ký kết giao ước thi đua năm 2024\n\nSáng 5/3, tại Ủy ban nhân dân huyện Châu "
                  "Thành, các đơn vị ký kết giao ước. Hàng hóa bán tại hội chợ được giới thiệu.\n",
}


@pytest.fixture
def archive(repository, tmp_path):
    for name, body in TEXTS.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(body, encoding="utf-8")
        result = process_path(path)
        repository.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                    result.record)
    return repository


def doc_ids(repo, query):
    """The file stems of the hits, best first (ids are stem + short hash)."""
    return [hit.doc_id.rsplit("-", 1)[0] for hit in search(repo.db, query).hits]


def test_all_words_must_appear_anywhere_in_any_case(archive):
    assert doc_ids(archive, "HỘI TRƯỜNG kiên lương") == ["kien_luong"]
    assert doc_ids(archive, "hội trường Châu Thành") == []
    assert sorted(doc_ids(archive, "thi đua")) == ["chau_thanh", "kien_luong"]


def test_quoted_words_must_appear_together(archive):
    assert doc_ids(archive, '"giao ước thi đua"') == ["chau_thanh"]
    assert doc_ids(archive, '"thi đua giao ước"') == []


def test_words_typed_without_diacritics_find_the_vietnamese_text(archive):
    assert doc_ids(archive, "chợ") == ["chau_thanh"]
    assert doc_ids(archive, "cho") == ["chau_thanh"]
    assert sorted(doc_ids(archive, "cum thi dua")) == ["kien_luong"]
    assert doc_ids(archive, "kien luong") == ["kien_luong"]
    assert doc_ids(archive, "KHOI THI DUA 3") == ["chau_thanh"]


def test_tone_placement_of_the_query_does_not_matter(archive):
    assert doc_ids(archive, "hàng hoá") == doc_ids(archive, "hàng hóa") == ["chau_thanh"]
    (hit,) = search(archive.db, "hàng hoá").hits
    assert hit.exact


def test_the_phrase_as_typed_ranks_first_and_the_count_covers_every_match(archive, tmp_path):
    scattered = tmp_path / "rai_rac.txt"
    scattered.write_text("Hội nghị ở huyện Kiên Hải\n\nÔng Lương Văn Chiến và bà Hà Thị Kiên dự hội nghị "
                         "của cụm thi đua.\n", encoding="utf-8")
    result = process_path(scattered)
    archive.store_extraction(scattered, result.document.sha256, result.document, result.normalized_text,
                             result.record)
    assert doc_ids(archive, "Kiên Lương") == ["kien_luong", "rai_rac"]
    found = search(archive.db, "kien luong", limit=1)
    assert [h.doc_id.rsplit("-", 1)[0] for h in found.hits] == ["kien_luong"] and found.total == 2


def test_hits_show_the_matched_words_in_context(archive):
    (hit,) = search(archive.db, "Kiên Lương").hits
    assert "huyện [Kiên Lương], Cụm" in hit.snippet
    assert hit.title == "Cụm thi đua số 2 tổng kết năm 2023"


def test_only_the_current_file_version_is_searched(archive, tmp_path):
    path = tmp_path / "kien_luong.txt"
    path.write_text(TEXTS["kien_luong"].replace("Kiên Lương", "Hòn Đất"), encoding="utf-8")
    result = process_path(path)
    archive.store_extraction(path, result.document.sha256, result.document, result.normalized_text, result.record)
    assert doc_ids(archive, "Kiên Lương") == []
    assert doc_ids(archive, "Hòn Đất") == ["kien_luong"]


def test_search_operators_in_user_text_are_taken_literally(archive):
    assert doc_ids(archive, "hội OR trường") == []  # "or" is not in either text
    assert doc_ids(archive, "-Kiên Lương") == ["kien_luong"]


def test_a_query_without_words_is_refused(archive):
    with pytest.raises(InvalidInput, match="nothing to search for"):
        search(archive.db, ' "" !!! ')


def test_search_syntax_in_user_text_is_taken_literally():
    assert parse('489/QĐ-UBND OR NEAR "a b"').terms == ("489 qd ubnd", "or", "near", "a b")
