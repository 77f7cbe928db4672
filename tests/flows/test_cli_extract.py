"""`thidua extract` and `thidua eval`: records for good files, one line per bad file, exit codes."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.report.scoring import load_gold, score
from shared_data import need_shared

GOLD_KEYS = {"doc_id", "title", "published", "author", "meeting", "cluster", "members", "participants",
             "ranks", "heads", "legal_refs"}
MEETING_KEYS = {"date", "kinds", "period", "venue"}

runner = CliRunner()




def _thidua() -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def good_reports(tmp_path, write_txt, report_text, html_report, docx_report, pdf_report):
    """A folder with one good report per format (and a gold file that is not a report)."""
    folder = tmp_path / "lo"
    folder.mkdir()
    paths = [write_txt("bao_cao_utf8.txt", report_text, folder=folder),
             write_txt("con/bao_cao_cp1258.txt", report_text, "cp1258", folder=folder)]
    for source in (html_report.path, docx_report.path, pdf_report.path):
        target = folder / source.name
        target.write_bytes(source.read_bytes())
        paths.append(target)
    (folder / "bao_cao_utf8.json").write_text("{}", encoding="utf-8")
    return folder, paths


@pytest.mark.slow
def test_folder_of_good_and_bad_files(tmp_path, good_reports, make_bad_inputs):
    folder, good = good_reports
    bad = make_bad_inputs(folder / "hong")
    unknown = bad.pop("unknown extension")[0]  # folders skip unknown types; name it explicitly
    legacy = folder / "cu.doc"
    legacy.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 512)
    bad["not yet supported"] = (legacy, "save it as .docx")
    out = tmp_path / "ra" / "records.jsonl"
    out.parent.mkdir()  # an output folder is never created silently

    proc = subprocess.run([*_thidua(), "extract", str(folder), str(unknown), "--out", str(out)],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "400", "THIDUA_MAX_FILE_MB": "20", "PYTHONIOENCODING": "utf-8"})

    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    records = _records(out)
    assert sorted(r["doc_id"] for r in records) == sorted(p.stem for p in good)
    for record in records:
        assert set(record) >= GOLD_KEYS
    for case, (path, reason) in [*bad.items(), ("unknown extension", (unknown, "unsupported file type"))]:
        rows = [line for line in proc.stderr.splitlines() if str(path) in line]  # the failed-files table
        assert len(rows) == 1 and reason in rows[0], case
    assert f"wrote {len(good)} records" in proc.stderr
    counts = re.search(r"[│|]\s*(\d+)\s*[│|]\s*(\d+)\s*[│|]\s*(\d+)\s*[│|]\s*(\d+)\s*[│|]", proc.stderr)
    assert counts, proc.stderr
    read, ok, skipped, failed = map(int, counts.groups())
    assert (read, ok, skipped, failed) == (len(good) + len(bad) + 1, len(good), 0, len(bad) + 1)


def test_all_good_exits_0_and_writes_one_line_per_document(tmp_path, good_reports):
    folder, good = good_reports
    out = tmp_path / "records.jsonl"

    result = runner.invoke(app, ["extract", str(folder), "--out", str(out)])

    assert result.exit_code == 0, result.output
    records = _records(out)
    assert len(records) == len(good)
    for record in records:
        assert set(record) >= GOLD_KEYS
        assert set(record["meeting"]) >= MEETING_KEYS
    assert not list(tmp_path.glob("*.tmp"))


def test_without_out_records_go_to_stdout_and_the_summary_to_stderr(good_reports):
    folder, good = good_reports

    result = runner.invoke(app, ["extract", str(folder)])

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert sorted(json.loads(line)["doc_id"] for line in lines) == sorted(p.stem for p in good)
    assert "Summary" in result.stderr


def test_evidence_flag_adds_evidence_to_records(tmp_path, write_txt, report_text):
    path = write_txt("mot.txt", report_text)

    result = runner.invoke(app, ["extract", str(path), "--evidence"])

    assert result.exit_code == 0
    assert "evidence" in result.stdout


def test_missing_path_is_a_failed_file_not_a_crash(tmp_path, write_txt, report_text):
    good = write_txt("mot.txt", report_text)

    result = runner.invoke(app, ["extract", str(good), str(tmp_path / "khong_co.txt")])

    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "file or folder not found" in result.stderr


@pytest.mark.parametrize("args", [[], ["extract"], ["extract", "--khong-co", "x.txt"], ["--khong-co"],
                                  ["lenh-la"], ["eval"], ["eval", "gold_only"]])
def test_usage_errors_exit_2(args):
    result = runner.invoke(app, args)

    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_out_that_is_a_folder_is_a_usage_error(tmp_path, write_txt, report_text):
    path = write_txt("mot.txt", report_text)

    result = runner.invoke(app, ["extract", str(path), "--out", str(tmp_path)])

    assert result.exit_code == 2
    assert "Invalid value for '--out'" in result.output
    assert not isinstance(result.exception, OSError)


def test_out_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path, write_txt, report_text):
    path = write_txt("mot.txt", report_text)
    blocker = tmp_path / "tep"
    blocker.write_text("a file where a folder should be", encoding="utf-8")

    result = runner.invoke(app, ["extract", str(path), "--out", str(blocker / "ra.jsonl")])

    assert result.exit_code == 2
    assert not isinstance(result.exception, OSError)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(blocker / "ra.jsonl") in errors[0]


def test_eval_with_missing_gold_folder_exits_2(tmp_path, write_txt, report_text):
    path = write_txt("mot.txt", report_text)

    result = runner.invoke(app, ["eval", str(tmp_path / "khong_co"), str(path)])

    assert result.exit_code == 2
    assert f"error: gold folder not found: {tmp_path / 'khong_co'}" in result.stderr.splitlines()


def test_eval_headline_is_the_score_of_what_extract_writes(tmp_path, good_reports):
    folder, good = good_reports
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for i, path in enumerate(good[:3]):  # hand-made gold for three of the documents
        gold = {"doc_id": path.stem, "published": None, "author": None,
                "meeting": {"date": "2023-12-15", "kinds": ["tong_ket"], "period": 2023},
                "cluster": {"name": "Cụm thi đua số 2", "kind": "cum", "number": 2},
                "members": ["huyện Kiên Lương"] if i else [], "participants": [], "ranks": [],
                "heads": [{"unit": "huyện Châu Thành", "role": "truong", "year": 2024}], "legal_refs": []}
        (gold_dir / f"{path.stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "records.jsonl"
    assert runner.invoke(app, ["extract", str(folder), "--out", str(out)]).exit_code == 0

    result = runner.invoke(app, ["eval", str(gold_dir), str(folder)])

    assert result.exit_code == 0
    last = result.stdout.strip().splitlines()[-1]
    golds = load_gold(gold_dir)
    preds = {r["doc_id"]: r for r in _records(out) if r["doc_id"] in golds}
    assert last == score(golds, preds).headline()
    assert "documents: 3 gold, 3 predicted" in result.stdout


@pytest.mark.slow
def test_seeds_give_five_gold_format_lines(tmp_path):
    seeds = need_shared("seeds")
    out = tmp_path / "x.jsonl"

    proc = subprocess.run([*_thidua(), "extract", str(seeds), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)

    assert proc.returncode == 0, proc.stderr
    records = _records(out)
    assert len(records) == 5
    assert sorted(r["doc_id"] for r in records) == sorted(p.stem for p in seeds.iterdir() if p.is_file())
    for record in records:
        assert set(record) >= GOLD_KEYS
        assert set(record["meeting"]) >= MEETING_KEYS
        assert record["cluster"] is None or {"name", "kind", "number"} <= set(record["cluster"])
