"""Files that cost work, not bytes (issue 14): each fails alone, fast and in bounded memory, with one
`failed:` line naming the limit; the good report beside it is extracted; no traceback. Nested HTML is
read whole. Memory is the peak of the `thidua` process, measured with `resource` in a wrapper."""
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storage_fixtures import assert_consistent, stems

from benchmarks.bad_inputs import long_pdf, long_text, many_parts_docx, nested_html, zip_bomb_docx
from pipeline.pool import run_in_pool
from pipeline.read.document import DocumentResult, Status
from pipeline.read import read_document
from pipeline.store import open_repository

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOOD = "hatinh_cum4_tongket_2022.txt"
MEMORY_MB = 600  # a good report alone peaks at ~120 MB; the zip bomb took 2.1 GB before the bounds
MEASURE = ("import json, resource, subprocess, sys, time\n"
           "t = time.monotonic()\n"
           "done = subprocess.run(sys.argv[2:])\n"
           "json.dump({'rc': done.returncode, 'seconds': time.monotonic() - t,\n"
           "           'max_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024},\n"
           "          open(sys.argv[1], 'w'))\n")


def thidua(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    return [*command, *args]


def extract(folder: Path, tmp_path: Path, **env: str):
    """`thidua extract folder --out out.jsonl` in a wrapper that measures it; (done, figures, records)."""
    out, figures = tmp_path / "out.jsonl", tmp_path / "figures.json"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    environment.update(COLUMNS="400", THIDUA_OUTPUT_DIR=str(tmp_path / "home"), **env)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(figures), *thidua("extract", str(folder), "--out",
                                                                                 str(out))],
                          capture_output=True, text=True, timeout=600, env=environment)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return done, json.loads(figures.read_text()), records


def failed_lines(stderr: str) -> list[tuple[str, str]]:
    return [tuple(line.removeprefix("failed: ").split(": ", 1)) for line in stderr.splitlines()
            if line.startswith("failed: ")]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder with a good report in it; each test adds one bad file."""
    lot = tmp_path / "lo"
    lot.mkdir()
    shutil.copyfile(SAMPLES / GOOD, lot / GOOD)
    return lot


@pytest.fixture
def report() -> str:
    return (SAMPLES / GOOD).read_text(encoding="utf-8")


def assert_fails_alone(tmp_path, folder, bad: Path, reason: str, seconds: float = 60, **env: str) -> dict:
    done, figures, records = extract(folder, tmp_path, **env)
    assert figures["rc"] == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr + done.stdout
    (line,) = failed_lines(done.stderr)
    assert line[0] == str(bad) and reason in line[1], line
    assert [r["doc_id"] for r in records] == [Path(GOOD).stem]
    assert figures["max_rss_mb"] < MEMORY_MB, figures
    assert figures["seconds"] < seconds, figures
    return figures


def test_a_docx_zip_bomb_fails_fast_in_bounded_memory(tmp_path, folder):
    bomb = zip_bomb_docx(folder / "bom.docx", unpacked_mb=1024)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert_fails_alone(tmp_path, folder, bomb, ".docx unpacks too large (1025 MB > 100 MB limit)")


def test_a_docx_of_too_many_parts_fails(tmp_path, folder):
    parts = many_parts_docx(folder / "nhieu_phan.docx", 60)
    assert_fails_alone(tmp_path, folder, parts, ".docx holds too many parts (61 > 50 limit)",
                       THIDUA_MAX_DOCX_PARTS="50")


def test_a_pdf_of_too_many_pages_fails_before_its_pages_are_read(tmp_path, folder):
    pdf = long_pdf(folder / "dai.pdf", 2000)
    assert pdf.stat().st_size < 2 * 1024 * 1024
    figures = assert_fails_alone(tmp_path, folder, pdf, "PDF has too many pages (2000 > 500 limit)")
    assert figures["seconds"] < 30  # 98 s and 2.96 GB before the bound


def test_a_text_over_the_character_limit_fails_before_it_is_normalised(tmp_path, folder, report):
    text = long_text(folder / "dai.txt", report, 2_100_000)
    assert_fails_alone(tmp_path, folder, text, "text too long (", seconds=30)
    assert "> 2,000,000 limit" in extract(folder, tmp_path)[0].stderr


def test_a_text_of_20_mb_fails_before_it_is_decoded(tmp_path, folder, report):
    text = long_text(folder / "rat_dai.txt", report, 12_000_000)
    assert 15 * 1024 * 1024 < text.stat().st_size < 20 * 1024 * 1024
    assert_fails_alone(tmp_path, folder, text, "text too long (at least 3,", seconds=30)


def test_the_character_limit_is_a_setting(tmp_path, folder, report):
    text = long_text(folder / "dai.txt", report, 30_000)
    assert_fails_alone(tmp_path, folder, text, "> 20,000 limit) (split it, or raise THIDUA_MAX_TEXT_CHARS)",
                       THIDUA_MAX_TEXT_CHARS="20000")


def test_a_file_over_the_time_limit_fails_and_the_batch_goes_on(tmp_path, folder, report):
    slow = long_text(folder / "cham.txt", report, 1_500_000)  # under every size limit; minutes to normalise
    figures = assert_fails_alone(tmp_path, folder, slow, "took longer than 3 s to read and extract (time limit) "
                                 "(is the file pathological? or raise THIDUA_FILE_TIMEOUT_S)", seconds=60,
                                 THIDUA_FILE_TIMEOUT_S="3")
    assert figures["seconds"] < 30


@pytest.mark.parametrize("depth", [255, 300, 10_000])
@pytest.mark.parametrize("tag", ["font", "span"])
def test_html_nested_deep_is_read_whole(tmp_path, folder, report, depth, tag):
    page = nested_html(folder / "sau.html", report, depth, tag)
    document = read_document(page)
    last = [line for line in report.splitlines() if line.strip()][-1]
    assert " ".join(last.split()) in document.text  # after the 255th level, nothing lost
    if depth == 10_000 and tag == "font":
        done, figures, records = extract(folder, tmp_path)
        assert figures["rc"] == 0, done.stderr[-3000:]
        assert "Traceback" not in done.stderr and failed_lines(done.stderr) == []
        assert sorted(r["doc_id"] for r in records) == sorted([Path(GOOD).stem, "sau"])
        assert figures["max_rss_mb"] < MEMORY_MB, figures


def test_html_nested_too_deep_in_blocks_fails_with_a_reason(tmp_path, folder, report):
    first, rest = report.split("\n", 1)
    page = folder / "khoi.html"
    page.write_text(f"<html><body><p>{first}</p>{'<div>' * 3000}<p>{rest}</p></body></html>", encoding="utf-8")
    assert_fails_alone(tmp_path, folder, page, "HTML nested too deep to read whole")


@pytest.mark.parametrize("name, value, message", [
    ("THIDUA_MAX_FILE_MB", "nan", "must be a finite number"),
    ("THIDUA_MAX_FILE_MB", "inf", "must be a finite number"),
    ("THIDUA_MAX_DOCX_MB", "-1", "should be greater than 0"),
    ("THIDUA_MAX_DOCX_PARTS", "0", "should be greater than 0"),
    ("THIDUA_MAX_PDF_PAGES", "nan", "should be a valid integer"),
    ("THIDUA_MAX_TEXT_CHARS", "hai triệu", "should be a valid integer"),
    ("THIDUA_FILE_TIMEOUT_S", "nan", "must be a finite number"),
    ("THIDUA_FILE_TIMEOUT_S", "-3", "should be greater than 0"),
])
def test_a_bad_limit_is_one_line_and_exit_2(tmp_path, folder, name, value, message):
    done = subprocess.run(thidua("extract", str(folder)), capture_output=True, text=True, timeout=120,
                          env={**os.environ, name: value, "THIDUA_OUTPUT_DIR": str(tmp_path / "home")})
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {name}={value} is not valid: ") and message in line, line


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_stores_the_good_file_and_fails_the_slow_one_on_time(storage_env, tmp_path, folder, report,  # noqa: F811
                                                                    workers):
    """In the extraction processes (2 workers) and in the flow's own thread (1): the same limit."""
    slow = long_text(folder / "cham.txt", report, 1_500_000)
    figures = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(figures), *thidua("ingest", str(folder))],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "400", "THIDUA_WORKERS": workers, "THIDUA_FILE_TIMEOUT_S": "3"})
    measured = json.loads(figures.read_text())
    assert measured["rc"] == 1 and "Traceback" not in done.stderr, done.stderr[-3000:]
    (line,) = failed_lines(done.stderr)
    assert line[0] == str(slow) and "took longer than 3 s to read and extract (time limit)" in line[1]
    assert "2 file(s) in" in done.stderr and "1 stored, 0 skipped, 1 failed" in done.stderr
    assert measured["max_rss_mb"] < MEMORY_MB, measured
    with open_repository() as repo:
        assert stems(repo.doc_ids()) == [Path(GOOD).stem]
        assert_consistent(repo)


def hang(path: str) -> DocumentResult:
    """A file on which a library's C code never returns to Python (no signal handler can run)."""
    from pipeline.read import limits

    if path.endswith("hang"):
        limits.end_process_when_hung(grace=1)
        with limits.time_limit(1):
            sum(range(10 ** 12))  # one C call: hours
    return DocumentResult(path=path, doc_id=Path(path).stem, status=Status.OK)


def test_a_worker_stuck_past_the_time_limit_ends_and_fails_that_file_only():
    paths = ["/in/a.txt", "/in/b.hang", "/in/c.txt"]
    started = time.monotonic()
    results = run_in_pool(hang, [(p,) for p in paths], [Path(p) for p in paths], workers=2)
    assert time.monotonic() - started < 60
    assert [r.status for r in results] == [Status.OK, Status.FAILED, Status.OK]
    assert "hung past the time limit THIDUA_FILE_TIMEOUT_S" in results[1].reason


def stuck(path: str) -> DocumentResult:
    """A job that never returns and is under no limit of its own inside the worker."""
    if path.endswith("stuck"):
        sum(range(10 ** 12))
    return DocumentResult(path=path, doc_id=Path(path).stem, status=Status.OK)


def test_the_pool_ends_a_job_past_its_time_limit_from_outside_and_goes_on(monkeypatch):
    import pipeline.pool
    from pipeline.settings import get_settings

    monkeypatch.setenv("THIDUA_FILE_TIMEOUT_S", "1")
    monkeypatch.setattr(pipeline.pool, "GRACE_S", 0.5)
    get_settings.cache_clear()
    try:
        paths = ["/in/a.txt", "/in/b.stuck", "/in/c.txt", "/in/d.txt"]
        started = time.monotonic()
        results = run_in_pool(stuck, [(p,) for p in paths], [Path(p) for p in paths], workers=2)
    finally:
        get_settings.cache_clear()
    assert time.monotonic() - started < 30
    assert [r.status for r in results] == [Status.OK, Status.FAILED, Status.OK, Status.OK]
    assert "hung past the time limit THIDUA_FILE_TIMEOUT_S" in results[1].reason
