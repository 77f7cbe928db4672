"""The archived record says how its text was obtained: `records show` and the CSV export name
the reader, the legacy encoding converted, the OCR confidence and the plausibility score."""
import csv
import json

from legacy_inputs import TXT_SAMPLES, sample_text, tcvn3_bytes
from scan_inputs import render_pages
from storage_fixtures import stem
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def test_records_show_and_export_say_how_the_text_was_obtained(storage_env, tmp_path, tesseract):
    folder = tmp_path / "lo"
    folder.mkdir()
    (folder / "bao_cao_tcvn3.txt").write_bytes(tcvn3_bytes(sample_text(TXT_SAMPLES[1])))
    lines = [line for line in sample_text(TXT_SAMPLES[0]).splitlines() if line.strip()]
    render_pages(lines)[0].save(folder / "ban_scan.png")

    ingest = runner.invoke(app, ["ingest", str(folder)])
    assert ingest.exit_code == 0, ingest.output

    legacy = json.loads(runner.invoke(app, ["records", "show", "bao_cao_tcvn3"]).stdout)
    assert "encoding tcvn3" in legacy["text_origin"] and "converted from TCVN3" in legacy["text_origin"]
    source = legacy["sources"][0]["text_origin"]
    assert source["conversion"] == "tcvn3" and source["plausibility"] > 0.9

    scan = json.loads(runner.invoke(app, ["records", "show", "ban_scan"]).stdout)
    assert "OCR of 1 page(s) (mean confidence 0." in scan["text_origin"]
    assert scan["sources"][0]["text_origin"]["ocr_pages"] == 1

    out = tmp_path / "r.csv"
    assert runner.invoke(app, ["export", "-f", "csv", "-o", str(out)]).exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = {stem(row["Mã văn bản"]): row for row in csv.DictReader(fh)}  # the clerk's CSV (issue 13)
    assert rows["ban_scan"]["Cách lấy văn bản"].startswith("image, OCR of 1 page(s)")
    assert "converted from TCVN3" in rows["bao_cao_tcvn3"]["Cách lấy văn bản"]
