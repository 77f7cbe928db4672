"""One bad file costs one failed line, in every command: file names that are not UTF-8, NULs in
the text, FIFOs, links out of the folder, a reader's surprise. The good files beside it are done."""
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.store import open_repository
from storage_fixtures import assert_consistent, stems

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOOD = "hatinh_cum4_tongket_2022.txt"
OTHER = "bacninh_cum6_congan_tongket_2024.txt"
HOUR_AGO = time.time() - 3600
runner = CliRunner()


def thidua(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]
    return [*command, *args]


def bad_name(folder: Path) -> Path:
    return Path(os.fsdecode(bytes(folder) + b"/bad\xff\xfename.txt"))


def broken_header_docx(source: Path, target: Path) -> Path:
    """A .docx whose section points at a header part the package lacks (python-docx: KeyError)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb"<Relationship [^>]*/header[^>]*/>", b"", data)
            if not item.filename.startswith("word/header"):
                zout.writestr(item, data)
    return target


def nul_after_4kb(target: Path) -> Path:
    """A report with a NUL character past its first 4 KB (no UTF-16 sniffing catches it)."""
    body = (SAMPLES / GOOD).read_bytes()
    body += "\nHội nghị thống nhất nội dung công tác thi đua, khen thưởng của cụm trong năm tới.".encode() * 60
    target.write_bytes(body[:5000] + b"\x00" + body[5000:])
    return target


@pytest.fixture
def poisoned(tmp_path, docx_report) -> Path:
    """A folder of good reports with a poison file of every kind beside them, all an hour old."""
    folder = tmp_path / "lo"
    folder.mkdir()
    shutil.copyfile(SAMPLES / GOOD, folder / GOOD)
    shutil.copyfile(SAMPLES / OTHER, bad_name(folder))
    nul_after_4kb(folder / "co_nul.txt")
    broken_header_docx(docx_report.path, folder / "mat_header.docx")
    os.mkfifo(folder / "ong.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    for entry in folder.iterdir():
        os.utime(entry, (HOUR_AGO, HOUR_AGO), follow_symlinks=False)
    return folder


def failed_lines(output: str) -> dict[str, str]:
    lines = [line for line in output.splitlines() if line.startswith("failed: ")]
    return dict(line.removeprefix("failed: ").split(": ", 1) for line in lines)


def test_extract_does_every_good_file_and_names_each_poison_file_once(poisoned, tmp_path):
    out = tmp_path / "ra.jsonl"
    done = subprocess.run(thidua("extract", str(poisoned), str(poisoned / "ong.txt"), "--out", str(out)),
                          capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "300"})
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert failed_lines(done.stderr) == {
        f"{poisoned}/ong.txt": "not a regular file (a FIFO, device or socket)",
        f"{poisoned}/passwd.txt": "symbolic link to outside the folder (not followed)"}
    records = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert records == {Path(GOOD).stem, "bad\\xff\\xfename", "co_nul", "mat_header"}
    assert "\\u0000" not in out.read_text(encoding="utf-8")


def test_extract_fails_one_file_on_a_reader_bug_and_writes_the_others(tmp_path, write_txt, report_text,
                                                                        html_report, monkeypatch):
    from pipeline import read as readers

    def broken(data):
        raise KeyError("rId9")

    monkeypatch.setitem(readers.READERS, ".html", ("html", broken))
    good = write_txt("mot.txt", report_text)
    result = runner.invoke(app, ["extract", str(good), str(html_report.path)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert len(result.stdout.splitlines()) == 1
    assert failed_lines(result.stderr) == {str(html_report.path): "damaged or unusual .html file (KeyError: 'rId9') "
                                                                  "(open it and save it again)"}


@pytest.mark.slow
def test_ingest_stores_the_good_files_and_fails_each_poison_file_with_one_line(storage_env, poisoned):
    done = subprocess.run(thidua("ingest", str(poisoned), str(poisoned / "ong.txt")), capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "300"})
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert failed_lines(done.stderr) == {
        f"{poisoned}/ong.txt": "not a regular file (a FIFO, device or socket)",
        f"{poisoned}/passwd.txt": "symbolic link to outside the folder (not followed)"}
    assert re.search(r"^6 file\(s\) in .*: 4 stored, 0 skipped, 2 failed;", done.stderr, re.M), done.stderr
    with open_repository() as repo:
        assert stems(repo.doc_ids()) == sorted([Path(GOOD).stem, "bad_name", "co_nul", "mat_header"])
        assert "bad\\xff\\xfename.txt" in repo.get("bad_name").sources[0].source_path
        assert "\x00" not in repo.get("co_nul", with_text=True).normalized_text  # PostgreSQL takes it
        assert_consistent(repo)
        originals = [p for p in repo.archive.root.rglob("*") if p.is_file()]
        assert len(originals) == 4  # no orphan, never /etc/passwd
        assert not any(p.read_bytes() == Path("/etc/passwd").read_bytes() for p in originals)
    found = subprocess.run(thidua("search", "root", "--json"), capture_output=True, text=True, timeout=120)
    assert found.returncode == 0 and found.stdout == ""


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_nightly_run_quarantines_every_poison_file_and_files_the_good_ones_away(storage_env, poisoned):
    from flows.nightly import nightly

    report = nightly(poisoned, return_state=True).result()
    archived = sorted(p.name for p in (poisoned / "archive").iterdir())
    quarantined = sorted(p.name for p in (poisoned / "quarantine").iterdir() if not p.name.endswith(".reason.txt"))
    assert archived == sorted([GOOD, "co_nul.txt", "mat_header.docx", bad_name(poisoned).name])
    assert quarantined == sorted(["ong.txt", "passwd.txt"])
    assert os.readlink(poisoned / "quarantine" / "passwd.txt") == "/etc/passwd"
    for name, reason in (("ong.txt", "not a regular file"), ("passwd.txt", "symbolic link to outside the folder")):
        assert (poisoned / "quarantine" / f"{name}.reason.txt").read_text(encoding="utf-8").startswith(reason)
    assert [p.name for p in poisoned.iterdir()] == [] or sorted(p.name for p in poisoned.iterdir()) == [
        "archive", "quarantine"]
    assert report.exit_code == 1 and len(report.failed) == 2
    assert "bad\\xff\\xfename.txt" not in report.markdown()  # stored and filed away, not failed
    with open_repository() as repo:
        assert len(repo.doc_ids()) == 4
    again = nightly(poisoned, return_state=True).result()  # the next night: nothing left to crash on
    assert again.results == [] and again.exit_code == 0


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_served_schedule_survives_a_poisoned_inbox_and_stops_on_the_first_ctrl_c(storage_env, poisoned,
                                                                                     tmp_path):
    import signal

    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.exceptions import ObjectNotFound
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    log = (tmp_path / "schedule.log").open("w+")
    proc = subprocess.Popen(thidua("schedule", "--inbox", str(poisoned), "--name", "poison"), env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        with get_client(sync_client=True) as client:
            while True:
                assert proc.poll() is None, Path(log.name).read_text()
                try:
                    client.read_deployment_by_name("thidua-nightly/poison")
                    break
                except ObjectNotFound:
                    assert time.monotonic() < deadline, Path(log.name).read_text()
                    time.sleep(0.2)
        run = run_deployment("thidua-nightly/poison", timeout=240)
        assert run.state.is_completed() or run.state.is_failed(), run.state  # failed files: not a crash
        assert not run.state.is_crashed()
        assert (poisoned / "quarantine" / "passwd.txt.reason.txt").exists()
        time.sleep(1)
        proc.send_signal(signal.SIGINT)  # once
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    output = Path(log.name).read_text()
    assert proc.returncode == 0, output
    assert "stopped serving" in output.splitlines()[-1]
    for noise in ("Traceback", "was never awaited", "Still processing items", "leaked semaphore"):
        assert noise not in output, output
