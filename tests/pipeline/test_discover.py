"""File discovery: what a folder contributes, what a named file contributes, what is missing."""
from pathlib import Path

from pipeline.read.discover import NOT_YET_SUPPORTED, discover
from pipeline.read import READERS


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Hội nghị", encoding="utf-8")


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    _touch(tmp_path, "b.txt", "a.html", "2023/quy4/c.pdf", "2023/d.docx", "2024/e.HTM")

    files, missing = discover([tmp_path])

    assert files == sorted(files)
    assert {f.relative_to(tmp_path).as_posix() for f in files} == {"b.txt", "a.html", "2023/quy4/c.pdf",
                                                                   "2023/d.docx", "2024/e.HTM"}
    assert missing == []


def test_folders_skip_files_that_are_not_reports(tmp_path):
    _touch(tmp_path, "a.txt", "a.json", "README.md", "script.py", "bang.xlsx", "Makefile")

    files, _ = discover([tmp_path])

    assert [f.name for f in files] == ["a.txt"]


def test_folders_include_scans_and_legacy_office_files(tmp_path):
    _touch(tmp_path, "cu.doc", "anh.JPG", "a.txt", "b.rtf", "c.odt", "d.tif")

    files, _ = discover([tmp_path])

    assert sorted(f.name for f in files) == ["a.txt", "anh.JPG", "b.rtf", "c.odt", "cu.doc", "d.tif"]
    assert not set(NOT_YET_SUPPORTED) & set(READERS)


def test_hidden_files_and_folders_are_skipped(tmp_path):
    _touch(tmp_path, "a.txt", ".nhap.txt", ".git/x.txt", "sub/.cache/y.html")

    files, _ = discover([tmp_path])

    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt"]


def test_a_hidden_folder_given_by_name_is_walked(tmp_path):
    _touch(tmp_path, ".luu/a.txt")

    files, _ = discover([tmp_path / ".luu"])

    assert [f.name for f in files] == ["a.txt"]


def test_a_file_named_explicitly_is_taken_whatever_its_extension(tmp_path):
    _touch(tmp_path, "bao_cao.xyz", "ghi_chu.json")

    files, _ = discover([tmp_path / "bao_cao.xyz", tmp_path / "ghi_chu.json"])

    assert [f.name for f in files] == ["bao_cao.xyz", "ghi_chu.json"]  # read_document then says why it fails


def test_missing_paths_are_returned_not_raised(tmp_path):
    _touch(tmp_path, "a.txt")

    files, missing = discover([tmp_path / "a.txt", tmp_path / "khong_co", tmp_path / "khong_co.txt"])

    assert files == [tmp_path / "a.txt"]
    assert missing == [tmp_path / "khong_co", tmp_path / "khong_co.txt"]


def test_a_file_reached_twice_is_listed_once(tmp_path):
    _touch(tmp_path, "a.txt", "b.txt")

    files, _ = discover([tmp_path, tmp_path / "a.txt", tmp_path, str(tmp_path / "b.txt")])

    assert files == [tmp_path / "a.txt", tmp_path / "b.txt"]


def test_empty_folder_gives_nothing(tmp_path):
    assert discover([tmp_path]) == ([], [])


def test_symbolic_links_out_of_the_folder_are_refused_and_never_followed(tmp_path):
    import os

    from pipeline.read.discover import find_reports

    _touch(tmp_path, "lo/a.txt", "lo/con/b.txt", "ngoai/c.txt")
    (tmp_path / "lo" / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "lo" / "ngoai").symlink_to(tmp_path / "ngoai")  # a folder outside
    (tmp_path / "lo" / "ban_sao.txt").symlink_to(tmp_path / "lo" / "con" / "b.txt")  # inside: fine
    os.mkfifo(tmp_path / "lo" / "ong.txt")

    found = find_reports([tmp_path / "lo"])

    assert [f.relative_to(tmp_path / "lo").as_posix() for f in found.files] == ["a.txt", "ban_sao.txt", "con/b.txt"]
    assert found.refused == {tmp_path / "lo" / "ngoai": "symbolic link to outside the folder (not followed)",
                             tmp_path / "lo" / "ong.txt": "not a regular file (a FIFO, device or socket)",
                             tmp_path / "lo" / "passwd.txt": "symbolic link to outside the folder (not followed)"}
    assert discover([tmp_path / "lo"])[0] == found.files


def test_word_lock_files_are_not_reports(tmp_path):
    from pipeline.read.discover import find_reports

    _touch(tmp_path, "bien_ban.docx", "~$bien_ban.docx", "~$bao_cao.doc")

    found = find_reports([tmp_path])

    assert [f.name for f in found.files] == ["bien_ban.docx"] and not found.refused


def test_folders_without_reports_are_named(tmp_path):
    from pipeline.read.discover import find_reports, holds_reports

    _touch(tmp_path, "trong/README.md", "co/a.txt")
    (tmp_path / "rong").mkdir()

    found = find_reports([tmp_path / "trong", tmp_path / "rong", tmp_path / "co"])

    assert found.empty == [tmp_path / "trong", tmp_path / "rong"]
    assert not holds_reports(tmp_path / "trong") and holds_reports(tmp_path / "co") and holds_reports(tmp_path)
