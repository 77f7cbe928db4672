"""CSV and XLSX exports for a clerk: Vietnamese headers and labels, lists as rows (XLSX) or joined
with "; " (CSV, never JSON), real dates, corrected and review markers, atomic writes."""
import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from pipeline.store.errors import StorageError
from pipeline.store.export import DOC_HEADERS, ITEM_SHEETS, ExportedRecord, write_csv, write_xlsx

RECORDS = [
    {"doc_id": "cum2_2023", "title": "=Tổng kết thi đua năm 2023", "published": "2024-01-15", "author": "Thanh Tuấn",
     "meeting": {"date": "2024-01-12", "kinds": ["tong_ket", "cham_diem"], "period": 2023,
                 "venue": "Hội trường Liên đoàn Lao động huyện Kiên Lương"},
     "cluster": {"name": "Cụm thi đua số 2", "kind": "cum", "number": 2},
     "members": ["Thành phố Rạch Giá", "huyện Châu Thành"],
     "participants": [{"name": "Hà Văn Chiến", "title": "Phó Giám đốc Sở Nội vụ", "organization": "Sở Nội vụ"}],
     "ranks": [{"unit": "Liên đoàn Lao động", "rank": 1, "score": 98.5}],
     "heads": [{"unit": "huyện Châu Thành", "role": "truong", "year": 2024}],
     "legal_refs": ["489/QĐ-UBND", "584/QĐ-UBND"]},
    {"doc_id": "khoi_empty", "title": None, "published": None, "author": None,
     "meeting": {"date": None, "kinds": [], "period": None, "venue": None}, "cluster": None,
     "members": [], "participants": [], "ranks": [], "heads": [], "legal_refs": []},
]
ITEMS = [ExportedRecord(RECORDS[0], needs_review=True, corrected=frozenset({"ranks", "title"})),
         ExportedRecord(RECORDS[1])]


def test_csv_is_one_row_per_document_with_vietnamese_headers_and_joined_lists(tmp_path):
    out = tmp_path / "records.csv"
    assert write_csv(iter(ITEMS), out) == 2
    assert out.read_bytes().startswith("\ufeff".encode("utf-8"))  # Excel reads it as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == DOC_HEADERS
    first = rows[0]
    assert first["Mã văn bản"] == "cum2_2023" and first["Ngày họp"] == "12/01/2024"
    assert first["Loại hội nghị"] == "Tổng kết; Chấm điểm" and first["Loại"] == "Cụm"
    assert first["Thành viên"] == "Thành phố Rạch Giá; huyện Châu Thành"
    assert first["Xếp hạng"] == "1. Liên đoàn Lao động (98,5 điểm)"
    assert first["Trưởng, phó cụm/khối"] == "Cụm trưởng 2024: huyện Châu Thành"
    assert first["Người tham dự"] == "Hà Văn Chiến, Phó Giám đốc Sở Nội vụ, Sở Nội vụ"
    assert first["Đã sửa"] == "có (Tiêu đề, Xếp hạng)" and first["Cần xem lại"] == "có"
    assert rows[1]["Đã sửa"] == "" and rows[1]["Cụm/Khối"] == ""
    text = out.read_text(encoding="utf-8-sig")
    assert "[" not in text and "{" not in text and "tong_ket" not in text and "truong" not in text


def test_xlsx_has_a_sheet_per_list_with_one_row_per_item_and_real_dates(tmp_path):
    out = tmp_path / "records.xlsx"
    assert write_xlsx(iter(ITEMS), out) == 2
    book = load_workbook(out)
    assert book.sheetnames == ["Văn bản", *(title for title, _, _ in ITEM_SHEETS)]
    docs = book["Văn bản"]
    assert tuple(c.value for c in docs[1]) == DOC_HEADERS
    assert docs["A1"].font.bold and docs.freeze_panes == "A2" and docs.auto_filter.ref == "A1:S3"
    assert docs["B2"].value == "=Tổng kết thi đua năm 2023" and docs["B2"].data_type == "s"  # text, not a formula
    assert docs["E2"].value == dt.datetime(2024, 1, 12) and docs["E2"].is_date
    assert docs["E2"].number_format == "DD/MM/YYYY"
    assert docs.column_dimensions["H"].width > 40  # the venue fits
    ranks = list(book["Xếp hạng"].values)
    assert ranks[0] == ("Mã văn bản", "Tiêu đề", "Ngày họp", "Cụm/Khối", "Hạng", "Đơn vị", "Điểm",
                        "Thứ tự (để sửa)", "Đã sửa", "Cần xem lại")
    assert ranks[1][4:] == (1, "Liên đoàn Lao động", 98.5, 0, "có (Xếp hạng)", "có")
    heads = list(book["Trưởng, phó cụm"].values)
    assert heads[1][4:7] == ("Cụm trưởng", 2024, "huyện Châu Thành") and heads[1][8] is None  # heads not corrected
    assert [r[4] for r in list(book["Văn bản viện dẫn"].values)[1:]] == ["489/QĐ-UBND", "584/QĐ-UBND"]
    assert [r[4] for r in list(book["Thành viên"].values)[1:]] == ["Thành phố Rạch Giá", "huyện Châu Thành"]
    assert list(book["Người tham dự"].values)[1][4:7] == ("Hà Văn Chiến", "Phó Giám đốc Sở Nội vụ", "Sở Nội vụ")


def test_plain_gold_format_dicts_are_accepted(tmp_path):
    assert write_xlsx(iter(RECORDS), tmp_path / "r.xlsx") == 2
    assert list(load_workbook(tmp_path / "r.xlsx")["Văn bản"].values)[1][-2:] == (None, None)


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_a_failure_while_exporting_leaves_the_previous_file_and_no_temporary(tmp_path, writer):
    out = tmp_path / "records.out"
    out.write_text("previous export")

    def broken():
        yield RECORDS[0]
        raise StorageError("cannot connect to database")

    with pytest.raises(StorageError):
        writer(broken(), out)
    assert out.read_text() == "previous export"
    assert list(tmp_path.iterdir()) == [out]
