"""CSV and XLSX exports of effective records: Vietnamese intact, round-trip to GOLD_FORMAT, atomic."""
import csv
import json

import pytest
from openpyxl import load_workbook

from pipeline.storage.errors import StorageError
from pipeline.storage.export import CSV_COLUMNS, LIST_FIELDS, write_csv, write_xlsx

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


def from_csv_row(row: dict) -> dict:
    """What a script reading the CSV does to get GOLD_FORMAT back."""
    def scalar(name, kind=str):
        return None if row[name] == "" else kind(row[name])

    cluster = None if row["cluster.name"] == "" else {
        "name": row["cluster.name"], "kind": row["cluster.kind"], "number": scalar("cluster.number", int)}
    return {"doc_id": row["doc_id"], "title": scalar("title"), "published": scalar("published"),
            "author": scalar("author"),
            "meeting": {"date": scalar("meeting.date"), "kinds": json.loads(row["meeting.kinds"]),
                        "period": scalar("meeting.period", int), "venue": scalar("meeting.venue")},
            "cluster": cluster, **{name: json.loads(row[name]) for name in LIST_FIELDS if "." not in name}}


def test_csv_is_one_row_per_document_and_round_trips(tmp_path):
    out = tmp_path / "records.csv"
    assert write_csv(iter(RECORDS), out) == 2
    assert out.read_bytes().startswith("\ufeff".encode("utf-8"))  # Excel reads it as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [from_csv_row(r) for r in rows] == RECORDS


def test_xlsx_has_one_sheet_per_list_field_with_vietnamese_intact(tmp_path):
    out = tmp_path / "records.xlsx"
    assert write_xlsx(iter(RECORDS), out) == 2
    book = load_workbook(out)
    assert book.sheetnames == ["records", *LIST_FIELDS]
    main = list(book["records"].values)
    assert main[1][:2] == ("cum2_2023", "=Tổng kết thi đua năm 2023")  # text, not a formula
    assert book["records"]["B2"].data_type == "s"
    assert main[1][6] == "Hội trường Liên đoàn Lao động huyện Kiên Lương"
    assert list(book["participants"].values) == [
        ("doc_id", "index", "name", "title", "organization"),
        ("cum2_2023", 0, "Hà Văn Chiến", "Phó Giám đốc Sở Nội vụ", "Sở Nội vụ")]
    assert [r[2] for r in list(book["legal_refs"].values)[1:]] == ["489/QĐ-UBND", "584/QĐ-UBND"]
    assert list(book["ranks"].values)[1] == ("cum2_2023", 0, "Liên đoàn Lao động", 1, 98.5)


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
