"""Output files: written through a fresh temporary file, never through a planted name or into
something that is not a regular file, never into a folder created on the quiet."""
import os

import pytest

from pipeline.atomic import UnsafeOutput, atomic_write, write_jsonl
from pipeline.record import Record
from pipeline.store.export import ExportedRecord, write_csv


def test_a_file_planted_at_the_old_temporary_name_is_never_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "records.csv"
    (tmp_path / "records.csv.tmp").symlink_to(victim)  # the predictable name earlier versions used
    assert write_csv([ExportedRecord(Record(doc_id="a").to_export())], out) == 1
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert out.read_text(encoding="utf-8-sig").startswith("Mã văn bản,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.csv", "records.csv.tmp", "victim.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    out = tmp_path / "a.jsonl"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(out) as fh:
        fh.write("half")
        raise RuntimeError("disk went away")
    assert out.read_text(encoding="utf-8") == "old\n" and os.listdir(tmp_path) == ["a.jsonl"]


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder", "proc"])
def test_targets_that_are_not_regular_files_are_refused_untouched(tmp_path, kind):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = {"symlink": tmp_path / "link.jsonl", "fifo": tmp_path / "ong", "folder": tmp_path / "thu_muc",
           "proc": "/proc/self/fd/1"}[kind]
    if kind == "symlink":
        out.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(out)
    elif kind == "folder":
        out.mkdir()
    with pytest.raises(UnsafeOutput, match="not a regular file"), atomic_write(out) as fh:
        fh.write("x")
    assert victim.read_text(encoding="utf-8") == "keep me"
    if kind == "symlink":
        assert os.readlink(out) == str(victim)


def test_a_missing_folder_is_an_error_not_created(tmp_path):
    with pytest.raises(UnsafeOutput, match="folder not found: .*khong_co \\(create it first\\)"), \
            atomic_write(tmp_path / "khong_co" / "a.jsonl") as fh:
        fh.write("x")
    assert not (tmp_path / "khong_co").exists()


def test_json_lines_keep_vietnamese_and_a_failure_keeps_the_old_file(tmp_path):
    out = tmp_path / "records.jsonl"
    assert write_jsonl([{"title": "Hội nghị"}, {"title": None}], out) == 2
    assert out.read_text(encoding="utf-8") == '{"title": "Hội nghị"}\n{"title": null}\n'

    def broken():
        yield {"title": "mới"}
        raise RuntimeError("extraction bug")

    with pytest.raises(RuntimeError):
        write_jsonl(broken(), out)
    assert out.read_text(encoding="utf-8").startswith('{"title": "Hội nghị"}') and len(os.listdir(tmp_path)) == 1
