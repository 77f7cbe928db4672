"""`thidua ingest` with a Prefect API configured: the no-change check (before Prefect starts) and
the flow's own planning share one walk of the folders and one hash per file."""
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from pipeline.read.document import Status

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NAMES = ["hatinh_cum4_tongket_2022.txt", "bacninh_cum6_congan_tongket_2024.txt", "kontum_cum3_giaoduc_tongket_2023.txt"]


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_with_a_prefect_api_each_file_is_found_and_hashed_once(storage_env, tmp_path, monkeypatch):
    import pipeline.ingest
    from prefect.settings import PREFECT_API_URL

    from flows.extraction import EXTRACTOR
    from pipeline import batches
    from pipeline.store import open_repository

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in NAMES:
        shutil.copyfile(SAMPLES / name, folder / name)
    with open_repository() as repo:
        (first,) = batches.ingest(repo, [folder / NAMES[0]], extractor=EXTRACTOR)  # one of three archived already
    assert first.status == Status.OK

    hashed, walked = [], []
    real_hash, real_find = pipeline.ingest.sha256_file, pipeline.ingest.find_reports
    monkeypatch.setattr(pipeline.ingest, "sha256_file", lambda path: hashed.append(Path(path)) or real_hash(path))
    monkeypatch.setattr(pipeline.ingest, "find_reports", lambda paths: walked.append(paths) or real_find(paths))
    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())  # the session's server: the flow runs there
    result = CliRunner().invoke(app, ["ingest", str(folder), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "3 file(s)" in result.output and "2 stored, 1 skipped" in result.output, result.output
    assert sorted(p.name for p in hashed) == sorted(NAMES) and len(walked) == 1, (hashed, walked)
