"""The nightly flow on a real Prefect server: archive, quarantine with reasons, idempotent, patient."""
import os
import shutil
import time
from pathlib import Path

import pytest

from flows.backfill import backfill
from flows.nightly import nightly
from pipeline.read.document import Status
from pipeline.store import open_repository
from storage_fixtures import assert_consistent, stem, stems

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOOD = ["bacninh_cum6_congan_tongket_2024.txt", "angiang_khoi_vhxh_tongket_2018.pdf",
        "nghean_cum5_bienban_chamdiem_2023.docx"]
HOUR_AGO = time.time() - 3600


def age(path: Path, when: float = HOUR_AGO) -> Path:
    os.utime(path, (when, when))
    return path


@pytest.fixture
def inbox(tmp_path) -> Path:
    """Three reports (one in a sub-folder), an empty file and a .docx that is not a zip, all
    written an hour ago; and one report still being copied (written just now)."""
    folder = tmp_path / "inbox"
    (folder / "thang_11").mkdir(parents=True)
    for name, target in zip(GOOD, [folder / GOOD[0], folder / GOOD[1], folder / "thang_11" / GOOD[2]], strict=True):
        age(Path(shutil.copyfile(SAMPLES / name, target)))
    (folder / "rong.txt").write_bytes(b"")
    age(folder / "rong.txt")
    (folder / "hong.docx").write_bytes(b"not a zip at all " * 40)
    age(folder / "hong.docx")
    (folder / "README.md").write_text("not a report", encoding="utf-8")
    shutil.copyfile(SAMPLES / "hatinh_cum4_tongket_2022.txt", folder / "dang_chep.txt")  # mtime: now
    return folder


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_nightly_run_files_away_what_it_processed_and_leaves_what_is_still_arriving(storage_env, inbox):
    report = nightly(inbox, return_state=True).result()
    assert report.count(Status.OK) == 3 and report.count(Status.FAILED) == 2, report.results
    assert tree(inbox) == sorted([
        "README.md", "dang_chep.txt",
        f"archive/{GOOD[0]}", f"archive/{GOOD[1]}", f"archive/thang_11/{GOOD[2]}",
        "quarantine/hong.docx", "quarantine/hong.docx.reason.txt",
        "quarantine/rong.txt", "quarantine/rong.txt.reason.txt"])
    reason = (inbox / "quarantine" / "hong.docx.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("not a valid .docx (not a zip archive)") and "hong.docx" in reason
    assert "empty file" in (inbox / "quarantine" / "rong.txt.reason.txt").read_text(encoding="utf-8")
    assert (inbox / "archive" / GOOD[0]).read_bytes() == (SAMPLES / GOOD[0]).read_bytes()
    assert any("written to in the last 60 s" in note for note in report.notes)
    with open_repository() as repo:
        assert stems(repo.doc_ids()) == sorted(Path(n).stem for n in GOOD)
        assert_consistent(repo)

    from prefect.artifacts import Artifact

    artifact = Artifact.get("thidua-nightly").data
    assert "moved 3 file(s) to" in artifact and "moved 2 failed file(s)" in artifact


def test_running_it_twice_is_harmless_and_a_file_is_taken_once_it_is_complete(storage_env, inbox):
    nightly(inbox, return_state=True)
    second = nightly(inbox, return_state=True).result()
    assert second.results == [] and second.exit_code == 0  # nothing ready: the copy is still too new
    assert (inbox / "dang_chep.txt").exists()
    with open_repository() as repo:
        assert repo.counts()["documents"] == 3

    age(inbox / "dang_chep.txt")  # the copy has finished
    third = nightly(inbox, return_state=True).result()
    assert [(Path(r.path).name, r.status) for r in third.results] == [("dang_chep.txt", Status.OK)]
    assert (inbox / "archive" / "dang_chep.txt").exists() and not (inbox / "dang_chep.txt").exists()


def test_a_file_stored_by_a_run_cut_off_before_moving_is_filed_away_next_time(storage_env, inbox):
    backfill([inbox / GOOD[0]])  # stored, but never moved (as if the nightly run died there)
    report = nightly(inbox, return_state=True).result()
    results = {Path(r.path).name: r for r in report.results}
    assert (results[GOOD[0]].status == Status.SKIPPED
            and stem(results[GOOD[0]].reason) == f"already archived as {Path(GOOD[0]).stem}")
    assert (inbox / "archive" / GOOD[0]).exists() and not (inbox / GOOD[0]).exists()


def test_names_already_taken_in_the_archive_are_never_overwritten(storage_env, inbox, tmp_path):
    archive = tmp_path / "elsewhere"
    (archive / "thang_11").mkdir(parents=True)
    (archive / "thang_11" / GOOD[2]).write_bytes(b"an earlier file with that name")
    nightly(inbox, archive_to=archive, quarantine=tmp_path / "cach_ly", return_state=True)
    assert (archive / "thang_11" / GOOD[2]).read_bytes() == b"an earlier file with that name"
    stem, suffix = GOOD[2].rsplit(".", 1)
    assert (archive / "thang_11" / f"{stem} (2).{suffix}").read_bytes() == (SAMPLES / GOOD[2]).read_bytes()
    assert (tmp_path / "cach_ly" / "rong.txt.reason.txt").exists()
    assert not (inbox / "archive").exists()
