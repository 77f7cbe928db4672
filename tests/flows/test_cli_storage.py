"""The archive commands end to end: ingest, records, reextract, export, search, db; exit codes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from flows.cli import app
from pipeline.store import open_repository
from pipeline.store.overlay import from_export
from storage_fixtures import stem

GOLD_KEYS = {"doc_id", "title", "published", "author", "meeting", "cluster", "members", "participants",
             "ranks", "heads", "legal_refs"}
runner = CliRunner()


def thidua(*args: str):
    result = runner.invoke(app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def ingested(storage_env, reports):
    paths = reports(6)
    result = thidua("ingest", str(paths[0].parent))
    assert result.exit_code == 0, result.output
    return paths


def test_ingest_exit_codes_and_a_no_change_rerun(storage_env, reports, tmp_path):
    paths = reports(3)
    assert thidua("ingest", str(paths[0].parent)).exit_code == 0
    again = thidua("ingest", str(paths[0].parent))
    assert again.exit_code == 0 and "│    3 │  0 │       3 │      0 │" in again.output
    broken = tmp_path / "reports" / "hong.txt"
    broken.write_bytes(b"")
    failed = thidua("ingest", str(paths[0].parent))
    assert failed.exit_code == 1
    assert "empty file" in failed.output
    missing = thidua("ingest", str(paths[0].parent), str(tmp_path / "missing"))  # a usage error: nothing done
    assert missing.exit_code == 2
    assert f"error: not found: {tmp_path / 'missing'} (nothing was ingested)" in missing.output


def test_records_set_show_list_and_history(ingested):
    doc = ingested[1].stem
    assert thidua("records", "set", doc, "meeting.venue", "Hội trường A", "--user", "Lan",
                  "--reason", "theo biên bản").exit_code == 0  # a bare string
    assert thidua("records", "set", doc, "participants[0].title", '"Chủ tịch UBND huyện"',
                  "--user", "Minh").exit_code == 0
    assert thidua("records", "set", doc, "title", "2023", "--user", "Minh").exit_code == 0  # number → text field
    shown = json.loads(thidua("records", "show", doc).stdout)
    assert shown["version"] == 4
    assert shown["record"]["meeting"]["venue"] == "Hội trường A"
    assert shown["record"]["participants"][0]["title"] == "Chủ tịch UBND huyện"
    assert shown["record"]["title"] == "2023"
    assert [(c["field"], c["user"]) for c in shown["corrections"]] == [
        ("meeting.venue", "Lan"), ("participants[0].title", "Minh"), ("title", "Minh")]
    history = lines(thidua("records", "history", doc, "--field", "meeting.venue", "--json").stdout)
    assert [(h["actor"], h["action"], h["new_value"], h["reason"]) for h in history][1:] == [
        ("Lan", "correct", "Hội trường A", "theo biên bản")]
    listed = lines(thidua("records", "list", "--cluster", "2", "--json").stdout)
    assert [stem(r["doc_id"]) for r in listed] == [doc]
    first_version = json.loads(thidua("records", "show", doc, "--version", "1").stdout)
    assert first_version["record"]["meeting"]["venue"] != "Hội trường A"


def test_bad_corrections_are_one_line_errors(ingested):
    doc = ingested[0].stem
    for args, code, message in [
        (("records", "set", doc, "meeting.date", "hôm qua", "--user", "Lan"), 2, "invalid value for meeting.date"),
        (("records", "set", doc, "venue", "x", "--user", "Lan"), 2, "unknown field 'venue'"),
        (("records", "set", "khong_co", "title", "x", "--user", "Lan"), 2, "no document 'khong_co'"),
        (("records", "set", doc, "title", "x", "--user", "Lan", "--expect-version", "7"), 1, "changed by someone else"),
        (("records", "show", doc, "--version", "9"), 2, "has no version 9"),
        (("reextract",), 2, "give DOC_IDs or --all"),
        (("search", "..."), 2, "nothing to search for"),
    ]:
        result = thidua(*args)
        assert result.exit_code == code, (args, result.output)
        assert message in result.output and "Traceback" not in result.output


def test_reextract_keeps_corrections(ingested):
    doc = ingested[0].stem
    thidua("records", "set", doc, "meeting.venue", "Hội trường A", "--user", "Lan")
    result = thidua("reextract", "--all")
    assert result.exit_code == 0 and "0 updated, 6 unchanged" in result.output
    assert json.loads(thidua("records", "show", doc).stdout)["record"]["meeting"]["venue"] == "Hội trường A"


def test_jsonl_export_is_gold_format_of_the_effective_records(ingested, tmp_path):
    doc = ingested[2].stem
    thidua("records", "set", doc, "author", "Thanh Tuấn", "--user", "Lan")
    out = tmp_path / "export" / "records.jsonl"
    out.parent.mkdir()  # an output folder is never created silently
    result = thidua("export", "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 0 and f"wrote 6 records to {out}" in result.output
    exported = lines(out.read_text(encoding="utf-8"))
    assert [stem(e["doc_id"]) for e in exported] == sorted(p.stem for p in ingested)
    with open_repository() as repo:
        for export in exported:
            assert set(export) == GOLD_KEYS
            assert export == repo.get(export["doc_id"]).record.to_export()
            assert from_export(export).to_export() == export  # and back
    assert next(e for e in exported if stem(e["doc_id"]) == doc)["author"] == "Thanh Tuấn"
    assert "Thanh Tuấn" in out.read_text(encoding="utf-8")  # not \\u-escaped


def test_csv_and_xlsx_exports(ingested, tmp_path):
    assert thidua("export", "-f", "csv", "-o", str(tmp_path / "r.csv")).exit_code == 0
    assert "Cụm thi đua số" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert thidua("export", "-f", "xlsx", "-o", str(tmp_path / "r.xlsx"), "--year", "2016").exit_code == 0
    book = load_workbook(tmp_path / "r.xlsx")
    assert [stem(row[0]) for row in list(book["Văn bản"].values)[1:]] == [ingested[1].stem]
    assert "Thành viên" in book.sheetnames and "Người tham dự" in book.sheetnames
    assert {stem(row[0]) for row in list(book["Thành viên"].values)[1:]} == {ingested[1].stem}


def test_search_finds_archived_text(ingested):
    result = thidua("search", "Cụm thi đua số 3", "--json")
    assert result.exit_code == 0
    assert ingested[2].stem in [stem(h["doc_id"]) for h in lines(result.stdout)]


def test_db_upgrade_and_status(storage_env):
    first = thidua("db", "upgrade")
    assert first.exit_code == 0 and "upgraded from empty to revision" in first.output
    assert "already at revision" in thidua("db", "upgrade").output
    assert "documents" in thidua("db", "status").stdout


def test_an_unreachable_database_is_one_line_with_exit_2_and_no_traceback(tmp_path):
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    env = {**os.environ, "THIDUA_DATABASE_URL": "postgresql+psycopg://staff:s3cret@127.0.0.1:1/thidua",
           "THIDUA_OUTPUT_DIR": str(tmp_path)}
    (tmp_path / "a.txt").write_text("Cụm thi đua số 1 tổng kết năm 2023\n", encoding="utf-8")
    for args in (["ingest", str(tmp_path / "a.txt")], ["records", "list"], ["export", "-f", "jsonl", "-o", "x.jsonl"]):
        done = subprocess.run(command + args, env=env, capture_output=True, text=True, cwd=tmp_path, timeout=60)
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().splitlines()[-1].startswith(
            "error: cannot connect to database postgresql+psycopg://staff@127.0.0.1:1/thidua: ")
        assert "Traceback" not in done.stderr and "s3cret" not in done.stderr
    assert not (tmp_path / "x.jsonl").exists()
