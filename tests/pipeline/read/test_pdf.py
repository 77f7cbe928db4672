"""PDF reader: text layer in page order, words joined; scans, locks and damage reported."""
import random
import re

import pytest

from pipeline.read.document import ReadError
from pipeline.normalise.text import normalize
from pipeline.read import read_document


def test_pages_come_in_order_separated_by_a_form_feed(pdf_report):
    doc = read_document(pdf_report.path)

    pages = doc.text.split("\f")
    assert doc.pages == len(pdf_report.pages) == len(pages) == 2
    for page_text, lines in zip(pages, pdf_report.pages, strict=True):  # every word, in order, on its own page
        assert normalize(page_text).text.split() == " ".join(lines).split()


def test_words_drawn_glyph_by_glyph_are_joined_with_single_spaces(pdf_report):
    import pdfplumber

    with pdfplumber.open(pdf_report.path) as pdf:  # the case under test: word breaks are only gaps
        glyphs = "".join(ch["text"] for ch in pdf.pages[0].chars)
    assert "ĐồngchíNguyễnThịThúy" in glyphs

    text = normalize(read_document(pdf_report.path).text).text

    assert re.search(r"(^|\s)Đồng chí Nguyễn Thị Thúy phát biểu chỉ đạo hội nghị(\s|$)", text)


def test_page_without_text_layer_needs_ocr(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(72, 72, 400, 600, fill=1)
    c.showPage()
    c.save()

    with pytest.raises(ReadError) as err:  # NeedsOCR without Tesseract; with it, OCR finds nothing
        read_document(path)

    assert "no text layer" in str(err.value)


def test_image_only_pdf_needs_ocr(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = tmp_path / "trang.png"
    Image.new("RGB", (300, 400), "white").save(image)
    path = tmp_path / "anh.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(str(image), 72, 72)
    c.showPage()
    c.save()

    with pytest.raises(ReadError) as err:  # a blank scan: NeedsOCR, or OCR finds no text
        read_document(path)

    assert "no text layer" in str(err.value)


def test_encrypted_pdf_is_reported_as_encrypted(tmp_path, make_pdf):
    path = make_pdf(tmp_path / "khoa.pdf", [["Hội nghị tổng kết Cụm thi đua số 2 năm 2023"]], encrypt="mat-khau")

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert str(err.value).startswith("encrypted PDF")


def test_pdf_with_only_an_owner_password_is_read(tmp_path, make_pdf):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = make_pdf(tmp_path / "chi_in.pdf", [["Hội nghị tổng kết Cụm thi đua số 2 năm 2023"]],
                    encrypt=StandardEncryption("", ownerPassword="chu", canPrint=0))

    assert "Cụm thi đua số 2" in read_document(path).text


@pytest.mark.parametrize("damage", ["truncated", "garbage after header", "header only"])
def test_damaged_pdf_is_reported_as_damaged(tmp_path, pdf_report, damage):
    good = pdf_report.path.read_bytes()
    data = {"truncated": good[: len(good) // 3],
            "garbage after header": b"%PDF-1.4\n" + random.Random(3).randbytes(3000),
            "header only": b"%PDF-1.7\n"}[damage]
    path = tmp_path / "hong.pdf"
    path.write_bytes(data)

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert str(err.value).startswith("damaged PDF")
    assert "\n" not in str(err.value)


def test_file_without_pdf_header_is_not_a_pdf(tmp_path):
    path = tmp_path / "doi_ten.pdf"
    path.write_text("Biên bản họp, chỉ là văn bản thường", encoding="utf-8")

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert str(err.value).startswith("not a PDF")
