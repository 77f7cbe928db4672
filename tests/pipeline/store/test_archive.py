"""The originals archive: content-addressed, whole files only, never modified."""
import errno
import hashlib
import os
import stat
import time

import pytest

from pipeline.store.archive import PARTIAL_SUFFIX, FileChanged, OriginalsArchive
from pipeline.store.errors import StorageFull

REPORT = "Cụm thi đua số 2 tổng kết năm 2023\n".encode()


@pytest.fixture
def original(tmp_path):
    path = tmp_path / "in" / "Bao_Cao.TXT"
    path.parent.mkdir()
    path.write_bytes(REPORT)
    return path


def test_originals_sit_at_ab_cd_sha256_ext_byte_for_byte_and_read_only(tmp_path, original):
    sha = hashlib.sha256(REPORT).hexdigest()
    archive = OriginalsArchive(tmp_path / "archive")
    stored = archive.put(original, sha)
    assert stored == tmp_path / "archive" / sha[:2] / sha[2:4] / f"{sha}.txt"
    assert stored.read_bytes() == REPORT
    assert not stat.S_IMODE(stored.stat().st_mode) & 0o222


def test_archiving_the_same_bytes_again_is_a_no_op(tmp_path, original):
    sha = hashlib.sha256(REPORT).hexdigest()
    archive = OriginalsArchive(tmp_path / "archive")
    first = archive.put(original, sha)
    mtime = first.stat().st_mtime_ns
    assert archive.put(original, sha) == first and first.stat().st_mtime_ns == mtime


def test_a_file_that_changed_since_hashing_is_refused_and_nothing_is_kept(tmp_path, original):
    archive = OriginalsArchive(tmp_path / "archive")
    with pytest.raises(FileChanged):
        archive.put(original, hashlib.sha256(b"other bytes").hexdigest())
    assert [p for p in (tmp_path / "archive").rglob("*") if p.is_file()] == []


def test_disk_full_leaves_no_file_behind(tmp_path, original, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    archive = OriginalsArchive(tmp_path / "archive")
    with pytest.raises(StorageFull, match="disk full"):
        archive.put(original, hashlib.sha256(REPORT).hexdigest())
    assert [p for p in (tmp_path / "archive").rglob("*") if p.is_file()] == []


def test_partial_files_of_a_killed_run_are_swept_once_stale(tmp_path):
    archive = OriginalsArchive(tmp_path / "archive")
    folder = tmp_path / "archive" / "ab" / "cd"
    folder.mkdir(parents=True)
    stale, fresh = folder / ".abcd.txt.1.x.partial", folder / ".abce.txt.2.y.partial"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    assert archive.sweep_partials() == 1
    assert not stale.exists() and fresh.exists()


def test_the_file_being_written_is_a_partial_that_the_sweep_finds(tmp_path, original, monkeypatch):
    written, real_fsync = [], os.fsync

    def look(fd):
        written.extend(p.name for p in (tmp_path / "archive").rglob(f".*{PARTIAL_SUFFIX}"))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", look)
    stored = OriginalsArchive(tmp_path / "archive").put(original, hashlib.sha256(REPORT).hexdigest())
    assert written and all(name.startswith(f".{stored.name}.") for name in written)
    assert [p.name for p in stored.parent.iterdir()] == [stored.name]
