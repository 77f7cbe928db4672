"""`thidua report ...` and `thidua units ...` end to end on the generated archive: tables, files,
charts, exit codes and one-line errors."""
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from flows.cli import app
from pipeline.store import open_repository
from report_corpus import ingest

runner = CliRunner()


def thidua(*args: str):
    result = runner.invoke(app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def archived(storage_env, tmp_path):
    repo = open_repository()
    try:
        ingest(repo, tmp_path / "reports")
    finally:
        repo.close()


def test_rankings_for_one_cluster_and_year_with_an_xlsx_and_its_chart(archived, tmp_path):
    out = tmp_path / "bao_cao" / "xep_hang.xlsx"
    result = thidua("report", "rankings", "--cluster", "cum 2 kien giang", "--year", "2022", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Kiên Giang" in result.stdout and "UBND huyện Giồng Riềng" in result.stdout and "kg_2022" in result.stdout
    chart = tmp_path / "bao_cao" / "xep_hang_charts" / "kien-giang-chinh-quyen-cum-2.png"
    assert chart.stat().st_size > 10_000 and f"chart: {chart}" in result.stderr.replace("\n", "")
    book = load_workbook(out)
    assert book.sheetnames == ["Cụm 2 Kiên Giang", "Văn bản nguồn"]
    assert [r[1:4] for r in list(book["Cụm 2 Kiên Giang"].values)[1:]] == [
        (2022, 1, "UBND huyện Giồng Riềng"), (2022, 2, "UBND huyện Gò Quao"),
        (2022, 2, "Ủy ban nhân dân huyện Châu Thành")]


def test_an_ambiguous_or_unknown_cluster_is_one_line_and_exit_2(archived):
    result = thidua("report", "rankings", "--cluster", "2")
    assert result.exit_code == 2
    assert "matches 2 clusters" in result.stderr and "ha-noi/mat-tran-to-quoc/cum-2" in result.stderr
    assert "Traceback" not in result.output
    assert thidua("report", "heads", "--cluster", "Cụm 9 Cà Mau").exit_code == 2


def test_heads_unit_checks_and_clusters(archived, tmp_path):
    result = thidua("report", "heads", "--cluster", "ha-noi/mat-tran-to-quoc/cum-2", "--out", str(tmp_path / "h.csv"))
    assert result.exit_code == 0 and "due next" in result.stdout
    assert "Ủy ban MTTQ Việt Nam quận Hoàn Kiếm" in (tmp_path / "h.csv").read_text(encoding="utf-8-sig")
    unit = thidua("report", "unit", "UBMTTQ quận Hoàn Kiếm")
    assert unit.exit_code == 0 and "Ủy ban MTTQ Việt Nam quận Hoàn Kiếm" in unit.stdout and "2021" in unit.stdout
    found = thidua("report", "checks", "--out", str(tmp_path / "checks.xlsx"))
    assert found.exit_code == 1 and "6 issue(s)" in found.stdout  # problems found: exit 1, like a linter
    assert len(list(load_workbook(tmp_path / "checks.xlsx")["Kiểm tra"].values)) == 7
    clean = thidua("report", "checks", "--cluster", "an giang")
    assert clean.exit_code == 0 and "0 issue(s)" in clean.stdout
    listed = thidua("report", "clusters")
    assert listed.exit_code == 0 and "3 cluster(s)" in listed.stdout
    assert thidua("report", "rankings", "--out", str(tmp_path / "r.pdf")).exit_code == 2


def test_units_list_merge_rename_split(archived):
    listed = thidua("units", "list", "tay ho")
    assert listed.exit_code == 0 and "quận Tây Hồ" in listed.stdout and "1 unit(s)" in listed.stdout
    assert thidua("units", "list", "--pending").stdout.count("0 name(s) waiting") == 1
    assert thidua("units", "split", "Tây Hồ", "quận Tây Hồ").exit_code == 2  # --user is required
    split = thidua("units", "split", "Tây Hồ", "quận Tây Hồ", "--user", "Lan")
    assert split.exit_code == 0 and "moved" in split.stderr
    merged = thidua("units", "merge", "quận Tây Hồ", "Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ", "-u", "Lan")
    assert merged.exit_code == 0 and "merged into" in merged.stderr
    renamed = thidua("units", "rename", "UBMTTQ quận Hoàn Kiếm", "MTTQ quận Hoàn Kiếm", "-u", "Lan")
    assert renamed.exit_code == 0
    assert "MTTQ quận Hoàn Kiếm" in thidua("report", "rankings", "-c", "ha noi", "-y", "2021").stdout
    missing = thidua("units", "merge", "Không có đơn vị này", "Tây Hồ", "-u", "Lan")
    assert missing.exit_code == 2 and "no unit named" in missing.stderr
