"""Scans: a PDF rendered from a sample report (turned slightly, with specks) and the same page
as an image extract within 0.05 micro-F1 of the text version; mixed PDFs are read page by page;
values read by OCR are trusted less; a missing Tesseract or a slow page fails that file only."""
import json

import pytest
from legacy_inputs import SAMPLES, TXT_SAMPLES, sample_text
from scan_inputs import DEJAVU, render_pages, save_pdf

from extractors.run import process_path
from pipeline.read.document import ReadError, Status
from pipeline.read import read_document
from pipeline.report.scoring import score

NAME = TXT_SAMPLES[0]  # one page
STEM = NAME.rsplit(".", 1)[0]


@pytest.fixture(scope="module")
def page_lines() -> list[str]:
    return [line for line in sample_text(NAME).splitlines() if line.strip()]


def _micro_f1(result) -> float:
    gold = json.loads((SAMPLES / f"{STEM}.json").read_text(encoding="utf-8"))
    return score({STEM: gold}, {STEM: result.record.to_export()}).micro_f1


def test_scanned_pdf_scores_within_005_of_the_text(tmp_path, tesseract, page_lines):
    text_version = tmp_path / "text" / NAME
    text_version.parent.mkdir()
    text_version.write_text("\n".join(page_lines), encoding="utf-8")
    pages = render_pages(page_lines, angle=0.7, noise=0.02)
    assert len(pages) == 1
    scan = save_pdf(pages, tmp_path / f"{STEM}.pdf")

    typed, scanned = process_path(text_version), process_path(scan)

    assert scanned.status == Status.OK, scanned.reason
    assert _micro_f1(scanned) >= _micro_f1(typed) - 0.05
    origin = scanned.record.origin
    assert origin.reader == "pdf" and origin.ocr_pages == 1 and 0.5 < origin.ocr_confidence <= 1
    assert origin.plausibility > 0.8
    # values read by OCR are trusted less than the same values typed
    assert scanned.record.title.confidence < typed.record.title.confidence


def test_scanned_image_is_read_by_ocr(tmp_path, tesseract, page_lines):
    image = tmp_path / f"{STEM}.png"
    render_pages(page_lines, angle=-0.5, noise=0.01, seed=3)[0].save(image, dpi=(200, 200))

    result = process_path(image)

    assert result.status == Status.OK, result.reason
    assert result.record.origin.reader == "image" and result.record.origin.ocr_pages == 1
    assert result.document.read_from == "ocr"
    assert "Cụm thi đua số 4" in result.normalized_text


@pytest.mark.skipif(not DEJAVU.is_file(), reason=f"font {DEJAVU} not installed")
def test_mixed_pdf_is_read_page_by_page(tmp_path, tesseract, page_lines):
    """Page 1 typed (kept as its text layer), page 2 a scan (OCR)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    mixed = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(mixed), pagesize=A4)
    c.setFont("DejaVuSans", 10)
    for i, line in enumerate(page_lines[:6]):
        c.drawString(40, 800 - 16 * i, line[:90])
    c.showPage()
    c.drawImage(ImageReader(render_pages(page_lines[6:])[0]), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()

    document = read_document(mixed)

    assert document.pages == 2 and document.ocr_pages == 1 and document.read_from == "text layer + ocr"
    first, second = document.text.split("\f")
    assert page_lines[0] in first
    assert "Cụm thi đua số 4" in second and all(s >= len(first) for s, _, _ in document.word_confidence)


def test_without_tesseract_a_scan_fails_with_the_install_command(tmp_path, monkeypatch, page_lines):
    from pipeline.read import ocr

    monkeypatch.setattr(ocr, "problem", lambda: "tesseract is not installed")
    scan = save_pdf(render_pages(page_lines[:3], noise=0), tmp_path / "scan.pdf")

    result = process_path(scan)

    assert result.status == Status.FAILED
    assert result.reason.startswith("needs OCR")
    assert "apt-get install -y tesseract-ocr tesseract-ocr-vie" in result.reason


def test_a_page_over_the_time_limit_fails_the_file(tmp_path, tesseract, monkeypatch, page_lines):
    from pipeline.settings import get_settings

    monkeypatch.setattr(get_settings(), "ocr_page_timeout_s", 0.3)
    image = tmp_path / "cham.png"
    render_pages(page_lines)[0].save(image)

    with pytest.raises(ReadError) as err:
        read_document(image)

    assert "OCR took longer than 0.3 s on page 1" in str(err.value)
