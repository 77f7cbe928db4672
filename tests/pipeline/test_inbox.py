"""The nightly inbox's plain steps: what is ready, where files go, reasons beside them."""
import datetime as dt
import os
import time
from pathlib import Path

import pytest

from pipeline.read.document import DocumentResult, Status
from pipeline.read.inbox import file_away, free_name, scan_inbox

NOW = time.time()


def write(path: Path, text: str = "Hội nghị", age_s: float = 3600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (NOW - age_s, NOW - age_s))
    return path


def test_a_scan_takes_reports_left_alone_for_a_minute_and_skips_the_rest(tmp_path):
    old = write(tmp_path / "a.txt")
    nested = write(tmp_path / "thang_11" / "b.docx")
    fresh = write(tmp_path / "c.pdf", age_s=10)
    write(tmp_path / "~$b.docx")  # Word's lock file
    write(tmp_path / "ghi_chu.md")  # not a report
    write(tmp_path / ".an" / "d.txt")  # hidden folder
    write(tmp_path / "archive" / "e.txt")  # where processed files go
    write(tmp_path / "cu.doc")  # not supported: taken, so that it is quarantined with the reason
    scan = scan_inbox(tmp_path, exclude=[tmp_path / "archive"], min_age_s=60, now=NOW)
    assert scan.paths == [old, tmp_path / "cu.doc", nested]
    assert scan.too_new == [fresh]


def test_a_missing_inbox_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="inbox folder not found"):
        scan_inbox(tmp_path / "khong_co")


def test_files_are_filed_away_by_outcome_keeping_their_place_and_reason(tmp_path):
    inbox = tmp_path / "inbox"
    good, bad, gone = write(inbox / "x" / "a.txt"), write(inbox / "b.txt"), write(inbox / "c.txt")
    scan = scan_inbox(inbox, min_age_s=60, now=NOW)
    gone.unlink()  # moved by an earlier attempt
    results = [DocumentResult(path=str(good), doc_id="a", status=Status.OK),
               DocumentResult(path=str(bad), doc_id="b", status=Status.FAILED, reason="empty file"),
               DocumentResult(path=str(gone), doc_id="c", status=Status.OK)]
    when = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    moves = file_away(scan, results, tmp_path / "archive", tmp_path / "quarantine", when)
    assert moves.archived == [tmp_path / "archive" / "x" / "a.txt"]
    assert moves.quarantined == [tmp_path / "quarantine" / "b.txt"]
    reason = (tmp_path / "quarantine" / "b.txt.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("empty file\n") and "2024-01-02T03:04:05+00:00" in reason
    assert not good.exists() and not bad.exists()


def test_a_file_that_changed_during_the_run_stays_in_the_inbox(tmp_path):
    inbox = tmp_path / "inbox"
    path = write(inbox / "a.txt")
    scan = scan_inbox(inbox, min_age_s=60, now=NOW)
    path.write_text("Hội nghị, bản đầy đủ", encoding="utf-8")  # someone writes to it again
    moves = file_away(scan, [DocumentResult(path=str(path), doc_id="a", status=Status.OK)],
                      tmp_path / "archive", tmp_path / "quarantine")
    assert moves.left == [path] and path.exists() and not (tmp_path / "archive").exists()


def test_names_in_use_get_a_number(tmp_path):
    write(tmp_path / "a.txt")
    write(tmp_path / "a (2).txt.reason.txt")
    assert free_name(tmp_path / "a.txt") == tmp_path / "a (3).txt"
    assert free_name(tmp_path / "b.txt") == tmp_path / "b.txt"


def test_links_out_of_the_inbox_and_fifos_are_refused_then_quarantined_as_they_are(tmp_path):
    inbox = tmp_path / "inbox"
    good = write(inbox / "a.txt")
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(inbox / "ong.txt")
    bad_name = write(Path(os.fsdecode(bytes(inbox) + b"/bad\xff\xfename.txt")))
    scan = scan_inbox(inbox, min_age_s=60, now=NOW + 3600)
    assert scan.paths == [good, bad_name]
    assert scan.refused == {inbox / "ong.txt": "not a regular file (a FIFO, device or socket)",
                            inbox / "passwd.txt": "symbolic link to outside the folder (not followed)"}
    results = [*scan.refused_results(), DocumentResult(path=str(good), doc_id="a", status=Status.OK),
               DocumentResult.failed(bad_name, "the file name is not valid UTF-8")]
    moves = file_away(scan, results, tmp_path / "archive", tmp_path / "quarantine")
    quarantine = tmp_path / "quarantine"
    assert sorted(p.name for p in moves.quarantined) == sorted(["ong.txt", "passwd.txt", bad_name.name])
    assert os.readlink(quarantine / "passwd.txt") == "/etc/passwd"  # the link itself, never what it points to
    reason = (quarantine / "passwd.txt.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("symbolic link to outside the folder") and "root:" not in reason
    bad_reason = Path(os.fsdecode(bytes(quarantine) + b"/bad\xff\xfename.txt.reason.txt")).read_text(encoding="utf-8")
    assert "file: " + str(inbox) + "/bad\\xff\\xfename.txt" in bad_reason
    assert moves.archived == [tmp_path / "archive" / "a.txt"] and not list(inbox.iterdir())
