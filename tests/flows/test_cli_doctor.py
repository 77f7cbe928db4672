"""`thidua doctor`: the optional tools, their versions and what each enables; a missing one is
named with the command that installs it (and a scan then fails alone, with that command)."""
import os
import subprocess
import sys
from pathlib import Path


def _thidua() -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]


def _run(*args: str, path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    if path is not None:
        env["PATH"] = path
    return subprocess.run([*_thidua(), *args], capture_output=True, text=True, env=env, timeout=120)


def test_doctor_lists_tools_with_versions(tesseract, libreoffice):
    done = _run("doctor")

    assert done.returncode == 0, done.stderr
    assert "tesseract + Vietnamese model" in done.stdout and "LibreOffice Writer" in done.stdout
    assert "OCR of scanned PDF pages" in done.stdout and ".doc, .rtf and .odt" in done.stdout
    assert "5." in done.stdout  # tesseract 5.x (Debian 12)


def test_doctor_names_what_is_missing_and_how_to_install_it(tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()  # a PATH with neither tesseract nor soffice

    done = _run("doctor", path=str(bare))

    assert done.returncode == 1
    assert done.stdout.count("missing") == 2
    assert "apt-get install -y tesseract-ocr tesseract-ocr-vie" in done.stderr
    assert "apt-get install -y libreoffice-writer-nogui" in done.stderr


def test_without_the_tools_scans_and_doc_files_fail_alone(tmp_path, write_txt, report_text):
    folder = tmp_path / "lo"
    folder.mkdir()
    write_txt("bao_cao.txt", report_text, folder=folder)
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (folder / "cu.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100)
    bare = tmp_path / "bin"
    bare.mkdir()

    done = _run("extract", str(folder), path=str(bare))

    assert done.returncode == 1
    assert done.stdout.count("\n") == 1  # the text report's record
    assert "needs OCR" in done.stderr and "tesseract-ocr-vie" in done.stderr
    assert "needs LibreOffice" in done.stderr
    assert "Traceback" not in done.stderr
