"""What people type is bounded and stored alike on both databases; concurrent corrections obey
one rule on both (SQLite and PostgreSQL)."""
import threading
import time

import pytest

from extractors.run import process_path
from pipeline.store import open_repository
from pipeline.store.errors import ConflictError, InvalidCorrection, InvalidInput
from pipeline.store.overlay import get_value, parse_path
from pipeline.store.search import MAX_TERMS, SearchTooLong, search
from storage_fixtures import assert_consistent


def store(repo, path):
    result = process_path(path)
    return repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                 result.record).doc_id


@pytest.fixture
def doc(repository, reports):
    return store(repository, reports(1)[0])


BAD_VALUES = {
    "integer over 2^63": 2 ** 63 + 5,
    "integer over 32 bits": 2 ** 40,
    "a NUL character": "a\x00b",
    "a lone surrogate": "Hội \ud800 nghị",
    "NaN": float("nan"),
    "infinity": float("inf"),
    "JSON 40 levels deep": ([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]),
    "a key with NUL": {"name\x00": "x"},
}


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_values_one_database_cannot_store_are_refused_alike_on_both(repository, doc, case):
    field = "cluster" if isinstance(BAD_VALUES[case], dict) else "meeting.period" if isinstance(
        BAD_VALUES[case], (int, float)) else "title"
    before = repository.get(doc).version
    with pytest.raises(InvalidCorrection) as refused:
        repository.correct(doc, field, BAD_VALUES[case], user="Lan")
    assert "\n" not in str(refused.value) and len(str(refused.value)) < 200
    assert repository.get(doc).version == before  # nothing written
    assert_consistent(repository)


def test_a_value_over_the_size_limit_is_refused_and_a_big_one_is_not_copied_without_bound(
        repository, doc, monkeypatch):
    from pipeline.settings import get_settings

    monkeypatch.setenv("THIDUA_MAX_VALUE_KB", "20")
    get_settings.cache_clear()
    with pytest.raises(InvalidCorrection, match="at most 20 KB"):
        repository.correct(doc, "title", "x" * 25_000, user="Lan")
    for i in range(9):  # records grow by appends: the record as a whole is bounded too
        repository.correct(doc, f"legal_refs[{i}]", f"{i}/" + "y" * 19_000, user="Lan")
    with pytest.raises(InvalidCorrection, match="record would be .* KB"):
        for i in range(9, 20):
            repository.correct(doc, f"legal_refs[{i}]", f"{i}/" + "y" * 19_000, user="Lan")
    get_settings.cache_clear()
    assert_consistent(repository)


def test_user_names_and_reasons_are_checked_too(repository, doc):
    with pytest.raises(InvalidCorrection, match="NUL"):
        repository.correct(doc, "title", "Tiêu đề", user="Lan\x00")
    with pytest.raises(InvalidCorrection, match="longer than 200"):
        repository.correct(doc, "title", "Tiêu đề", user="L" * 201)
    with pytest.raises(InvalidCorrection, match="surrogate"):
        repository.correct(doc, "title", "Tiêu đề", user="Lan", reason="vì \udcff")


@pytest.mark.parametrize("cluster", ["99999999999999999999999", "²", "١٢"])
def test_a_cluster_filter_that_is_no_number_is_one_line(repository, doc, cluster):
    with pytest.raises(InvalidInput, match="not a cluster number"):
        repository.list(cluster=cluster)
    assert [r.doc_id for r in repository.list(cluster="1")] == [doc]


def test_a_word_repeated_400_times_is_searched_once(repository, reports):
    for path in reports(3):
        store(repository, path)
    started = time.perf_counter()
    found = search(repository.db, " ".join(["hội"] * 400))
    seconds = time.perf_counter() - started
    assert found.total == 3 and found.note and "1,000 characters" in found.note
    assert seconds < 2, f"{seconds:.1f} s"
    many = search(repository.db, " ".join(f"từ{i}" for i in range(50)) + " hội")
    assert many.total == 0 and f"first {MAX_TERMS} of 51 different words" in many.note
    assert search(repository.db, "hội nghị").note is None


def test_a_search_past_its_time_limit_is_stopped_by_the_database(repository, reports, monkeypatch):
    from pipeline.settings import get_settings
    from pipeline.store import search as search_module

    for path in reports(2):
        store(repository, path)
    monkeypatch.setenv("THIDUA_SEARCH_TIMEOUT_S", "0.2")
    get_settings.cache_clear()
    slow = ("SELECT pg_sleep(5)" if repository.db.dialect == "postgresql" else
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")
    from sqlalchemy import text

    monkeypatch.setattr(search_module, "_SQLITE_HITS", text(slow))
    monkeypatch.setattr(search_module, "_POSTGRES_HITS", text(slow))
    started = time.perf_counter()
    with pytest.raises(SearchTooLong, match="longer than 0.2 s"):
        search(repository.db, "hội nghị")
    assert time.perf_counter() - started < 4
    get_settings.cache_clear()


FIELDS_20 = {
    "title": "Tiêu đề đã sửa", "author": "Văn phòng", "published": "2020-01-02", "meeting.date": "2020-01-03",
    "meeting.period": 2019, "meeting.venue": "Hội trường A", "meeting.kinds": ["tong_ket"],
    "cluster.name": "Cụm thi đua số 9", "legal_refs": ["01/KH-X"],
    "participants[0].title": "Chủ tịch", "participants[0].organization": "UBND huyện A",
    "participants[1].title": "Phó Chủ tịch", "participants[1].organization": "UBND huyện B",
    "members[0]": "Đơn vị 0", "members[1]": "Đơn vị 1", "members[2]": "Đơn vị 2", "members[3]": "Đơn vị 3",
    "ranks[0].score": 91.5, "ranks[1].score": 92.5, "heads[0].year": 2021,
}


def _concurrently(doc: str, expected_version: int | None) -> tuple[list[str], list[BaseException]]:
    """20 people, each with their own connection, correct one field each at the same moment."""
    start = threading.Barrier(len(FIELDS_20))
    accepted: list[str] = []
    errors: list[BaseException] = []

    def one(field, value):
        repo = open_repository()
        try:
            start.wait()
            repo.correct(doc, field, value, user=f"user-{field}", expected_version=expected_version)
            accepted.append(field)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            repo.close()

    threads = [threading.Thread(target=one, args=item) for item in FIELDS_20.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return accepted, errors


def test_twenty_concurrent_corrections_without_expected_version_are_all_kept(repository, doc):
    accepted, errors = _concurrently(doc, None)
    assert not errors, [str(e) for e in errors]
    assert sorted(accepted) == sorted(FIELDS_20)
    stored = repository.get(doc)
    assert stored.version == 1 + len(FIELDS_20)
    export = stored.record.to_export()
    for field, value in FIELDS_20.items():
        assert get_value(export, parse_path(field)) == value, field
    assert sorted(e.field for e in repository.history(doc) if e.action == "correct") == sorted(FIELDS_20)
    assert_consistent(repository)


def test_twenty_concurrent_corrections_expecting_one_version_keep_exactly_one(repository, doc):
    accepted, errors = _concurrently(doc, 1)
    assert len(accepted) == 1 and len(errors) == 19
    assert all(isinstance(e, ConflictError) for e in errors), [repr(e) for e in errors]
    assert repository.get(doc).version == 2
    assert_consistent(repository)
