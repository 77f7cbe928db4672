"""Reading and normalising stay near linear in the size of the input, so that a pathological file
fails or finishes in seconds instead of holding a run until the time limit: a .docx of a million
empty paragraphs (was minutes), a 10 MB page nested thousands of levels deep (51 s), a PDF of three
million characters (100 s). The bounds leave room for a loaded 2-core machine; each input took
several times its bound before the fix."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.read.document import ReadError
from pipeline.normalise.text import normalize
from pipeline.read import read_document

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINE = "Cụm thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2023 tại hội trường UBND tỉnh. "
BOUND_S = 30


def _read_and_normalise(path: Path) -> tuple[float, str | None]:
    """(seconds, the reason when the file was refused)."""
    started = time.perf_counter()
    try:
        normalize(read_document(path).text)
        reason = None
    except ReadError as exc:
        reason = str(exc)
    return time.perf_counter() - started, reason


def test_a_docx_of_a_million_empty_paragraphs_is_read_in_seconds(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("BÁO CÁO tổng kết công tác thi đua, khen thưởng năm 2023 của Cụm thi đua số 4")
    document.add_paragraph("Cụm thi đua số 4 tổng kết phong trào thi đua năm 2023 tại hội trường UBND tỉnh.")
    made = io.BytesIO()
    document.save(made)
    path = tmp_path / "trong.docx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":  # a million empty paragraphs before the last one
                at = data.rindex(b"<w:p>")
                data = data[:at] + b"<w:p/>" * 1_000_000 + data[at:]
            target.writestr(item, data)
    seconds, reason = _read_and_normalise(path)
    assert reason is None
    assert seconds < BOUND_S, f"{seconds:.1f} s"


def test_a_10_mb_page_nested_thousands_deep_is_read_or_refused_in_seconds(tmp_path):
    parts, depth, size = ["<html><body>"], 0, 0
    while size < 10_000_000:
        parts.append(f"<div class='c{depth % 7}'><p>{LINE}<span>{LINE}</span></p>")
        size += len(parts[-1])
        depth += 1
        if depth % 1500 == 0:  # under libxml2's nesting limit, then deep again
            parts.append("</div>" * 1500)
    path = tmp_path / "long.html"
    path.write_text("".join(parts) + "</div>" * (depth % 1500) + "</body></html>", encoding="utf-8")
    seconds, reason = _read_and_normalise(path)
    assert reason is None or "text too long" in reason, reason
    assert seconds < BOUND_S, f"{seconds:.1f} s"


def test_a_pdf_of_three_million_characters_is_refused_in_seconds(tmp_path):
    if not DEJAVU.is_file():
        pytest.skip(f"{DEJAVU} not found (apt-get install fonts-dejavu-core)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    path = tmp_path / "dai.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    written = 0
    while written < 3_000_000:
        pdf.setFont("DejaVu", 5)
        for row in range(120):
            pdf.drawString(10, 830 - 7 * row, LINE)
        written += 120 * len(LINE)
        pdf.showPage()
    pdf.save()
    seconds, reason = _read_and_normalise(path)
    assert reason and "text too long" in reason and "THIDUA_MAX_TEXT_CHARS" in reason, reason
    assert seconds < BOUND_S, f"{seconds:.1f} s"
