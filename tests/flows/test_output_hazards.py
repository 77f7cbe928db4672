"""`extract --out` and `export --out`: refused for anything but a regular file, in a folder that
exists, before any work; Word lock files in a folder are not reports."""
import os

import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def errors(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error:")]


@pytest.fixture
def victim(tmp_path):
    path = tmp_path / "victim.txt"
    path.write_text("keep me", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["extract", "export"])
@pytest.mark.parametrize("kind", ["symlink", "fifo", "proc"])
def test_out_that_is_not_a_regular_file_is_one_line_and_exit_2(command, kind, tmp_path, victim, write_txt,
                                                                report_text, monkeypatch):
    monkeypatch.setenv("THIDUA_OUTPUT_DIR", str(tmp_path / "outputs"))
    out = {"symlink": tmp_path / "link.jsonl", "fifo": tmp_path / "ong.jsonl", "proc": "/proc/self/fd/1"}[kind]
    if kind == "symlink":
        out.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(out)  # writing into it would block until a reader comes
    args = ["extract", str(write_txt("mot.txt", report_text))] if command == "extract" else ["export", "-f", "jsonl"]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 2, result.output
    (line,) = errors(result)
    assert line.startswith(f"error: cannot write {out}: not a regular file")
    assert victim.read_text(encoding="utf-8") == "keep me" and "Traceback" not in result.output
    if kind == "symlink":
        assert out.is_symlink()


@pytest.mark.parametrize("command", ["extract", "export"])
def test_a_missing_output_folder_is_one_line_and_exit_2_not_created(command, tmp_path, write_txt, report_text,
                                                                    monkeypatch):
    monkeypatch.setenv("THIDUA_OUTPUT_DIR", str(tmp_path / "outputs"))
    out = tmp_path / "khong_co" / "ra.jsonl"
    args = ["extract", str(write_txt("mot.txt", report_text))] if command == "extract" else ["export", "-f", "csv"]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert errors(result) == [f"error: cannot write {out}: folder not found: {out.parent} (create it first)"]
    assert not out.parent.exists()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_export_writes_a_regular_file_beside_a_planted_temporary_name(storage_env, reports, tmp_path, victim):
    assert runner.invoke(app, ["ingest", str(reports(2)[0].parent)]).exit_code == 0
    out = tmp_path / "ra.jsonl"
    (tmp_path / "ra.jsonl.tmp").symlink_to(victim)
    result = runner.invoke(app, ["export", "-f", "jsonl", "--out", str(out)])
    assert result.exit_code == 0 and f"wrote 2 records to {out}" in result.output
    assert victim.read_text(encoding="utf-8") == "keep me" and len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_word_lock_files_in_a_folder_are_ignored(tmp_path, docx_report):
    folder = tmp_path / "lo"
    folder.mkdir()
    (folder / "bien_ban.docx").write_bytes(docx_report.path.read_bytes())
    (folder / "~$bien_ban.docx").write_bytes(b"\x05Lan  " + b"\x00" * 150)  # what Word leaves while it is open
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    assert "~$" not in result.output and len(result.stdout.splitlines()) == 1
