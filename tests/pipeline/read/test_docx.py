"""Word reader: paragraphs and tables in reading order, headers and footers kept apart."""
import re
import zipfile

import pytest

from pipeline.read.document import ReadError
from pipeline.read import read_document


def test_paragraphs_and_table_rows_come_in_reading_order(docx_report):
    lines = [line for line in read_document(docx_report.path).text.splitlines() if line.strip()]

    assert lines == docx_report.before + docx_report.rows + docx_report.after


def test_ranking_row_is_one_line_of_cells(docx_report):
    document = read_document(docx_report.path)

    assert "1 | UBND huyện A | 96,5 | Nhất" in document.text.splitlines()
    assert (document.tables, document.read_from) == (1, "text layer")


def test_header_and_footer_are_not_part_of_the_body(docx_report):
    doc = read_document(docx_report.path)

    assert docx_report.header not in doc.text
    assert docx_report.footer not in doc.text
    assert doc.format == "docx"


def test_merged_cells_are_counted_once_but_equal_neighbours_are_not_merged(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "BẢNG XẾP HẠNG CỤM THI ĐUA SỐ 2"
    for c, value in enumerate(["1", "1", "UBND huyện A", "Nhất"]):  # STT 1, hạng 1
        table.cell(1, c).text = value
    path = tmp_path / "gop_o.docx"
    document.save(path)

    lines = read_document(path).text.splitlines()

    assert lines[:2] == ["BẢNG XẾP HẠNG CỤM THI ĐUA SỐ 2", "1 | 1 | UBND huyện A | Nhất"]


def test_docx_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "gia.docx"
    path.write_text("Biên bản họp Cụm thi đua số 2", encoding="utf-8")

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert str(err.value).startswith("not a valid .docx (not a zip archive)")


def test_legacy_doc_renamed_docx_gets_a_hint(tmp_path):
    path = tmp_path / "cu.docx"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 1024)  # OLE2 header of a .doc

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert "legacy .doc" in str(err.value)


def test_zip_that_is_not_a_word_document_is_damaged(tmp_path):
    import zipfile

    path = tmp_path / "nen.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "không phải Word")

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert str(err.value).startswith("damaged .docx")
    assert "\n" not in str(err.value)


def test_a_section_whose_header_part_is_missing_still_gives_the_body(tmp_path, docx_report):
    """python-docx raises KeyError on such a package (a file saved by a broken converter)."""
    broken = tmp_path / "mat_header.docx"
    with zipfile.ZipFile(docx_report.path) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb"<Relationship [^>]*/header[^>]*/>", b"", data)
            if not item.filename.startswith("word/header"):
                zout.writestr(item, data)
    document = read_document(broken)
    assert all(line in document.text for line in docx_report.before + docx_report.after)
