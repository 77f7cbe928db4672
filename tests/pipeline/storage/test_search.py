"""Full-text search over the archived normalised text, on both databases."""
import pytest

from extractors.run import process_path
from pipeline.storage.errors import InvalidInput
from pipeline.storage.search import fts5_query, search
from storage_fixtures import db_url, repository, storage_env  # noqa: F401 - fixtures

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
    return [hit.doc_id for hit in search(repo.db, query)]


def test_all_words_must_appear_anywhere_in_any_case(archive):
    assert doc_ids(archive, "HỘI TRƯỜNG kiên lương") == ["kien_luong"]
    assert doc_ids(archive, "hội trường Châu Thành") == []
    assert sorted(doc_ids(archive, "thi đua")) == ["chau_thanh", "kien_luong"]


def test_quoted_words_must_appear_together(archive):
    assert doc_ids(archive, '"giao ước thi đua"') == ["chau_thanh"]
    assert doc_ids(archive, '"thi đua giao ước"') == []


def test_diacritics_distinguish_vietnamese_words(archive):
    assert doc_ids(archive, "chợ") == ["chau_thanh"]
    assert doc_ids(archive, "cho") == []


def test_hits_show_the_matched_words_in_context(archive):
    (hit,) = search(archive.db, "Kiên Lương")
    assert "[Kiên]" in hit.snippet and "[Lương]" in hit.snippet
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


def test_fts5_syntax_in_user_text_is_taken_literally():
    assert fts5_query('489/QĐ-UBND OR NEAR "a b"') == '"489/QĐ-UBND" "OR" "NEAR" "a b"'
