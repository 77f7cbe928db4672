"""An archive people can trust (issue 8): document identity that survives real collections, a
review queue that means something, search as Vietnamese users type, an archive that does not
depend on the current folder. Each test is a problem a new user met, tried the way they met it."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from flows.cli import app
from flows.extraction import EXTRACTOR
from pipeline import batches
from pipeline.read.document import Status
from pipeline.store import open_repository

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
A = SAMPLES / "hatinh_cum4_tongket_2022.txt"  # Cụm thi đua số 4, Hà Tĩnh
B = SAMPLES / "kontum_cum3_giaoduc_tongket_2023.txt"  # Cụm thi đua số 3, Kon Tum
runner = CliRunner()


def ingest(repo, paths, **options):
    return batches.ingest(repo, paths, extractor=EXTRACTOR, **options)


def thidua(*args: str):
    result = runner.invoke(app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def same_names(tmp_path):
    """Two different reports both called baocao.txt, in two folders."""
    for folder, sample in (("a", A), ("b", B)):
        (tmp_path / folder).mkdir()
        shutil.copyfile(sample, tmp_path / folder / "baocao.txt")
    return tmp_path / "a" / "baocao.txt", tmp_path / "b" / "baocao.txt"


def test_two_reports_with_the_same_file_name_stay_two_documents(storage_env, same_names, tmp_path):
    result = thidua("ingest", str(tmp_path / "a"), str(tmp_path / "b"))
    assert result.exit_code == 0, result.output
    listed = jsonl(thidua("records", "list", "--json").output)
    ids = sorted(r["doc_id"] for r in listed)
    assert len(ids) == 2 and all(i.startswith("baocao-") for i in ids), ids
    assert {r["cluster"] for r in listed} == {"Cụm thi đua số 4", "Cụm thi đua số 3"}
    hatinh = next(r["doc_id"] for r in listed if r["cluster"] == "Cụm thi đua số 4")
    kontum = next(r["doc_id"] for r in listed if r["cluster"] == "Cụm thi đua số 3")
    # A correction on one is not carried onto the other.
    assert thidua("records", "set", hatinh, "meeting.venue", '"Hội trường tỉnh"', "--user", "Lan").exit_code == 0
    assert thidua("records", "show", kontum).output.count("Hội trường tỉnh") == 0
    out = tmp_path / "out.jsonl"
    assert thidua("export", "--format", "jsonl", "--out", str(out)).exit_code == 0
    exported = {r["doc_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert sorted(exported) == ids and exported[hatinh]["meeting"]["venue"] == "Hội trường tỉnh"
    # Search finds each under its own id; the bare name is refused as ambiguous, the full id works.
    assert [h["doc_id"] for h in jsonl(thidua("search", "Kon Tum", "--json").output)][:1] == [kontum]
    ambiguous = thidua("records", "show", "baocao")
    assert ambiguous.exit_code == 2 and "is the name of 2 documents" in ambiguous.output


def test_a_docx_and_a_pdf_of_the_same_name_are_two_documents(repository, tmp_path):
    shutil.copyfile(SAMPLES / "quangngai_khoi4_tongket_2021.docx", tmp_path / "h003.docx")
    shutil.copyfile(SAMPLES / "langson_cum3_ccb_kyket_2020.pdf", tmp_path / "h003.pdf")
    results = ingest(repository, [tmp_path / "h003.docx", tmp_path / "h003.pdf"])
    assert [r.status for r in results] == [Status.OK, Status.OK]
    assert len(set(repository.doc_ids())) == 2 and all(i.startswith("h003-") for i in repository.doc_ids())


def test_a_changed_file_at_the_same_path_is_a_new_version_and_a_copy_is_one_original(repository, tmp_path):
    path = tmp_path / "inbox" / "baocao.txt"
    path.parent.mkdir()
    path.write_bytes(A.read_bytes())
    (first,) = ingest(repository, [path])
    path.write_text(A.read_text(encoding="utf-8").replace("Cụm thi đua số 4", "Cụm thi đua số 9"), encoding="utf-8")
    (second,) = ingest(repository, [path])
    assert second.doc_id == first.doc_id and second.reason.startswith("new version 2 of")
    copy = tmp_path / "elsewhere" / "ban_sao.txt"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    (third,) = ingest(repository, [copy])
    assert third.status == Status.SKIPPED and third.reason == f"already archived as {first.doc_id}"
    stored = repository.get(first.doc_id)
    assert [s.revision for s in stored.sources] == [1, 2]
    assert stored.sources[1].names == [str(path), str(copy)]
    assert repository.doc_ids() == [first.doc_id]


def test_as_version_of_makes_a_file_from_anywhere_a_new_version(repository, tmp_path):
    (first,) = ingest(repository, [A])
    renamed = tmp_path / "ban_moi.txt"
    renamed.write_text(A.read_text(encoding="utf-8") + "\nBổ sung.\n", encoding="utf-8")
    (result,) = ingest(repository, [renamed], as_version_of=first.doc_id)
    assert result.doc_id == first.doc_id and result.reason.startswith("new version 2")


def test_document_ids_are_nfc_and_printable_whatever_the_file_name(repository, tmp_path):
    nfd = tmp_path / "Ho\u0300a_Bi\u0300nh.txt"  # how macOS and some zips store "Hòa_Bình"
    nfd.write_bytes(A.read_bytes())
    bad = tmp_path / os.fsdecode(b"bad\xff\xfename.txt")
    bad.write_bytes(B.read_bytes())
    results = ingest(repository, [nfd, bad])
    assert [r.status for r in results] == [Status.OK, Status.OK]
    ids = sorted(r.doc_id for r in results)
    assert ids[0].startswith("Hòa_Bình-") and ids[1].startswith("bad_name-") or \
        ids[1].startswith("Hòa_Bình-") and ids[0].startswith("bad_name-")
    assert repository.get("Hòa_Bình").doc_id.startswith("Hòa_Bình-")  # typed on a keyboard (NFC)
    assert "\\xff\\xfe" in repository.get("bad_name").sources[0].source_path


def test_the_review_queue_holds_empty_and_doubtful_records_most_urgent_first(repository, tmp_path):
    empty = tmp_path / "thong_bao.txt"
    empty.write_text("Thông báo nghỉ lễ\n\nCơ quan nghỉ lễ từ ngày 30/4 đến hết ngày 3/5, "
                     "đề nghị các phòng bố trí trực.\n", encoding="utf-8")
    results = ingest(repository, [A, empty])
    assert "needs review: nothing extracted" in results[1].reason
    queue = repository.list(needs_review=True)
    assert queue[0].doc_id == results[1].doc_id
    assert queue[0].review_reasons[0].startswith("nothing extracted")
    # A conflict with a correction goes before an empty record.
    repository.correct(results[0].doc_id, "meeting.venue", "Hội trường A", user="Lan")
    reextract_with(repository, results[0].doc_id, {"meeting.venue": "Nhà văn hóa"})
    assert [r.doc_id for r in repository.list(needs_review=True)][:2] == [results[0].doc_id, results[1].doc_id]
    listed = jsonl(thidua("records", "list", "--needs-review", "--json").output)
    assert [r["doc_id"] for r in listed][:2] == [results[0].doc_id, results[1].doc_id]
    assert listed[1]["review_reasons"][0].startswith("nothing extracted")


def reextract_with(repo, doc_id, changes: dict):
    """Store a re-extraction whose machine values differ as given (an 'upgraded extractor')."""
    from extractors.run import process_path
    from pipeline.store.overlay import parse_path, set_value, validate

    stored = repo.get(doc_id, with_text=True)
    source = stored.sources[-1]
    dump = process_path(source.archive_path).record.model_copy(update={"doc_id": doc_id}).model_dump(mode="json")
    for field, value in changes.items():
        set_value(dump, parse_path(field), value)
    return repo.store_reextraction(doc_id, source.sha256, stored.normalized_text, validate(dump))


def test_search_and_filters_match_what_vietnamese_users_type(repository):
    ingest(repository, [A, B])
    from pipeline.store.search import search

    assert search(repository.db, "cum thi dua").total == 2
    assert search(repository.db, "Hoà").total == search(repository.db, "Hòa").total == search(
        repository.db, "hoa").total
    assert {r.cluster for r in repository.list(cluster="cum thi dua so 4")} == {"Cụm thi đua số 4"}
    found = search(repository.db, "thi đua", limit=1)
    assert len(found.hits) == 1 and found.total == 2
    result = thidua("search", "cum thi dua", "--limit", "1")
    assert "1 of 2 document(s)" in result.output


def test_read_only_commands_never_create_an_archive(tmp_path, monkeypatch):
    from pipeline.settings import get_settings

    for name in ("THIDUA_DATABASE_URL", "THIDUA_OUTPUT_DIR", "THIDUA_ARCHIVE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    try:
        for args in (["records", "list"], ["search", "thi đua"], ["records", "show", "x"], ["status"],
                     ["export", "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")]):
            result = thidua(*args)
            assert result.exit_code == 2, (args, result.output)
            assert "no archive at" in result.output and "run `thidua ingest` first" in result.output
        assert not (tmp_path / "data").exists() and not (tmp_path / "outputs").exists()
        assert get_settings().output_dir == tmp_path / "data" / "thidua"
    finally:
        get_settings.cache_clear()


@pytest.mark.slow
def test_the_archive_is_the_same_from_any_folder(tmp_path, same_names):
    """What a cron job or a new terminal sees: the per-user archive, not ./outputs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    thidua_cmd = [str(Path(sys.executable).with_name("thidua"))]
    first = tmp_path / "first"
    other = tmp_path / "other"
    first.mkdir()
    other.mkdir()
    done = subprocess.run([*thidua_cmd, "ingest", str(tmp_path / "a")], cwd=first, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run([*thidua_cmd, "records", "list", "--json"], cwd=other, env=env, capture_output=True,
                            text=True, timeout=120)
    assert listed.returncode == 0 and len(jsonl(listed.stdout)) == 1, listed.stderr
    assert (tmp_path / "data" / "thidua" / "thidua.db").is_file() and not (first / "outputs").exists()


def test_an_archive_from_before_document_ids_keeps_its_ids(tmp_path, monkeypatch):
    """The 0002 migration: old documents keep their stems as ids and become searchable unaccented."""
    from alembic import command

    from pipeline.settings import get_settings
    from pipeline.store.db import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_archive")
        conn.execute(text("INSERT INTO documents (id, doc_id, version, source_revision, effective, needs_review, "
                          "review_reasons, cluster_name, cluster_key, created_at, updated_at) VALUES (1, 'baocao', "
                          "1, 1, '{}', 0, '[]', 'Cụm thi đua số 2', 'cụm thi đua số 2', CURRENT_TIMESTAMP, "
                          "CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO sources (id, document_id, revision, sha256, ext, format, size, source_path, "
                          "normalized_text, ingested_at) VALUES (1, 1, 1, 'ab', 'txt', 'txt', 3, 'baocao.txt', "
                          "'Cụm thi đua số 2 họp', CURRENT_TIMESTAMP)"))
    engine.dispose()
    monkeypatch.setenv("THIDUA_DATABASE_URL", url)
    monkeypatch.setenv("THIDUA_OUTPUT_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        from pipeline.store.search import search

        with open_repository() as repo:
            assert repo.doc_ids() == ["baocao"]
            assert [h.doc_id for h in search(repo.db, "cum thi dua").hits] == ["baocao"]
            assert [r.doc_id for r in repo.list(cluster="cum thi dua so 2")] == ["baocao"]
    finally:
        get_settings.cache_clear()
