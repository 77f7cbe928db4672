"""Report files as a clerk opens them: XLSX sheets per cluster with Vietnamese headers, real dates,
frozen bold headers and the chart inside; CSV; and a PNG chart whose drawn lines are the ranks."""
import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from PIL import Image

from report_corpus import bare
from pipeline.store.registry import Registry
from pipeline.report import checks, heads, load_facts, rank_series, rankings, tie_reader, unit_history
from pipeline.report.chart import rank_chart
from pipeline.report.output import (
    CHECK_HEADERS,
    HEAD_HEADERS,
    RANK_HEADERS,
    charts_for,
    write_checks,
    write_heads,
    write_rankings,
    write_unit,
)
from pipeline.store.errors import InvalidInput

KG = "kien-giang/chinh-quyen/cum-2"


@pytest.fixture(scope="module")
def facts(archive):
    return load_facts(archive.db)


@pytest.fixture(scope="module")
def tables(facts):
    return {c: rankings(facts, c) for c in facts.find_clusters(None)}


def test_rankings_workbook_has_a_sheet_per_cluster_with_its_chart(tables, tmp_path):
    charts = charts_for(tables, tmp_path / "charts")
    out = tmp_path / "xep_hang.xlsx"
    assert write_rankings(tables, out, charts) == 31
    book = load_workbook(out)
    assert book.sheetnames == ["Cụm 1 An Giang", "Cụm 2 Hà Nội", "Cụm 2 Kiên Giang", "Văn bản nguồn"]
    kg = book["Cụm 2 Kiên Giang"]
    assert tuple(c.value for c in kg[1]) == RANK_HEADERS and all(c.font.bold for c in kg[1])
    assert kg.freeze_panes == "A2" and kg.auto_filter.ref == "A1:I16"
    rows = list(kg.values)[1:]
    assert [(r[1], r[2], r[3]) for r in rows[:3]] == [(2019, 1, "UBND huyện Giồng Riềng"),
                                                      (2019, 2, "Ủy ban nhân dân huyện Châu Thành"),
                                                      (2019, 3, "UBND huyện An Biên")]
    assert rows[0][0] == "Cụm thi đua số 2 · Kiên Giang · Chính quyền" and bare(rows[0][7]) == "kg_2019"
    assert [r[5] for r in rows if r[1] == 2022] == [None, "có", "có"]  # the shared 2nd place
    assert len(kg._images) == 1  # the chart sits beside the table
    assert kg.column_dimensions["D"].width >= len("Ủy ban nhân dân huyện Châu Thành")
    sources = book["Văn bản nguồn"]
    first = next(r for r in sources.iter_rows(min_row=2) if bare(r[1].value) == "kg_2019")
    assert first[3].is_date and first[3].value == dt.datetime(2019, 12, 22) and first[3].number_format == "DD/MM/YYYY"
    assert first[5].value == "Tổng kết; Chấm điểm"


def test_rank_chart_png_draws_each_units_ranks(tables, facts, tmp_path):
    kg = facts.cluster(KG)
    series = rank_series(tables[kg])
    assert series["UBND huyện Gò Quao"] == [(2020, 2), (2021, 1), (2022, 2), (2023, 3)]
    chart = rank_chart(f"Xếp hạng {kg.label}", series, tmp_path / "kg.png")
    assert chart.plotted == series  # what was drawn is the data, unit by unit
    with Image.open(chart.path) as png:
        assert png.size == (chart.width, chart.height) == (900, 500)
        colours = png.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is not None and len(colours) > 50  # lines, markers, text: not a blank image
    assert chart.path.stat().st_size > 15_000
    empty = rank_chart("Chưa có", {}, tmp_path / "empty.png")
    assert empty.plotted == {} and empty.path.stat().st_size < chart.path.stat().st_size


def test_rankings_csv_is_one_flat_table(tables, tmp_path):
    out = tmp_path / "xep_hang.csv"
    assert write_rankings(tables, out) == 31
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == RANK_HEADERS
    assert ["Cụm thi đua số 1 · An Giang · Công đoàn", "2022", "1", "LĐLĐ huyện Châu Phú", "", "",
            "LĐLĐ huyện Châu Phú", "ag_2022", ""] in bare(rows)


def test_heads_checks_and_unit_files(facts, archive, tmp_path):
    reports = [heads(facts, c) for c in facts.find_clusters(None)]
    write_heads(reports, tmp_path / "heads.xlsx")
    sheet = load_workbook(tmp_path / "heads.xlsx")["Cụm 2 Kiên Giang"]
    rows = list(sheet.values)
    assert rows[0] == HEAD_HEADERS
    assert rows[1][1:4] == (2019, "Cụm trưởng", "Ủy ban nhân dân huyện Châu Thành")
    assert rows[-1][1:4] == (2024, "Dự kiến cụm trưởng", "UBND huyện Gò Quao")
    write_checks(checks(facts, tie_reader(archive.db)), tmp_path / "checks.csv")
    with (tmp_path / "checks.csv").open(encoding="utf-8-sig", newline="") as fh:
        found = list(csv.reader(fh))
    assert tuple(found[0]) == CHECK_HEADERS and len(found) == 7
    assert ["Hai đơn vị cùng làm trưởng", "Cụm thi đua số 2 · Kiên Giang · Chính quyền", "2022"] in [
        r[:3] for r in found]
    info = Registry(archive.db).unit("LĐLĐ huyện Châu Thành")
    write_unit(unit_history(facts, info.id, info.aliases), tmp_path / "unit.xlsx")
    book = load_workbook(tmp_path / "unit.xlsx")
    assert book.sheetnames == ["Cụm, khối", "Xếp hạng", "Nhiệm kỳ trưởng, phó"]
    assert [r[1:4] for r in list(book["Xếp hạng"].values)[1:]] == [
        (2022, "Cụm thi đua số 1 · An Giang · Công đoàn", 2), (2023, "Cụm thi đua số 1 · An Giang · Công đoàn", 1)]
    with pytest.raises(InvalidInput, match=".csv or .xlsx"):
        write_checks([], tmp_path / "checks.pdf")
