"""Fixtures that build real input documents in tmp_path: one per format, and every bad input.

Only document builders live here (storage tests keep their own fixtures).
"""
from __future__ import annotations

import os
import random
import unicodedata
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

# The storage fixtures (db_url, storage_env, repository, reports) and the web app's (archive,
# make_browser), available to every test module without importing them by name.
pytest_plugins = ["storage_fixtures", "web_fixtures"]

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def require_tool(problem: str | None, install: str) -> None:
    """Skip a test whose tool is missing, with the command that installs it; with CI set, fail
    (CI installs everything, so a skip there would hide a broken set-up)."""
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem} (CI is set, so this test must run; {install})")
        pytest.skip(f"{problem}; install it with: {install}")


@pytest.fixture
def tesseract():
    """Tesseract with its Vietnamese model (OCR tests)."""
    from pipeline.read import ocr

    require_tool(ocr.problem(), ocr.INSTALL)


@pytest.fixture
def libreoffice():
    """LibreOffice Writer (.doc/.rtf/.odt tests)."""
    from pipeline.read import office

    require_tool(None if office.soffice() else "LibreOffice is not installed", office.INSTALL)
    return office.soffice()


@pytest.fixture
def soffice_convert(tmp_path, libreoffice):
    """soffice_convert(path, 'doc:MS Word 97') -> the converted file beside it (own profile)."""
    import subprocess

    def _convert(path: Path, target: str) -> Path:
        profile = (tmp_path / "lo-profile").as_uri()
        subprocess.run([libreoffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                        "--outdir", str(path.parent), str(path)], check=True, capture_output=True, timeout=180)
        return path.with_suffix("." + target.split(":")[0])

    return _convert

# A short report in NFC, with the letters legacy code pages and tone placement get wrong.
REPORT_LINES = [
    "Hội nghị tổng kết công tác thi đua Cụm thi đua số 2 năm 2023",
    "Sáng ngày 15/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết tại huyện Kiên Lương.",
    "Đồng chí Nguyễn Thị Thúy, Phó Chủ tịch Ủy ban nhân dân huyện chủ trì hội nghị.",
    "Ủy ban nhân dân huyện Châu Thành được suy tôn Cụm trưởng năm 2024; quý I đạt kết quả tốt.",
]

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tones as combining marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


@pytest.fixture
def report_text() -> str:
    return "\n".join(REPORT_LINES) + "\n"


@pytest.fixture
def write_txt(tmp_path):
    """write_txt(name, text, encoding) -> Path; encoding 'cp1258' writes decomposed tones."""

    def _write(name: str, text: str, encoding: str = "utf-8", folder: Path | None = None) -> Path:
        path = (folder or tmp_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(cp1258_bytes(text) if encoding == "cp1258" else text.encode(encoding))
        return path

    return _write


# ---------------------------------------------------------------- HTML

HTML_ARTICLE = [
    "Cụm thi đua số 3 tổng kết năm 2023",
    "Sáng ngày 10/01/2024, Cụm thi đua số 3 tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.",
    "Dự hội nghị có đồng chí Trần Văn Hùng - Phó Giám đốc Sở Nội vụ.",
]
HTML_FURNITURE = [  # removed by the reader
    "Giới thiệu chung", "Văn bản chỉ đạo", "Thi đua khen thưởng", "Cải cách hành chính",
    "Bài viết khác về thi đua ở tỉnh khác", "Bản quyền thuộc Sở Nội vụ tỉnh Kiên Giang",
    "var tracking", "color: red",
]
HTML_BOILERPLATE = ["Xem với cỡ chữ", "Số lần đọc: 233"]  # single lines, set aside by normalisation


def html_page(article: list[str] = HTML_ARTICLE) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{article[0]} | Cổng thông tin Sở Nội vụ</title>
<style>.x {{ color: red }}</style><script>var tracking = 1;</script></head>
<body>
<div id="topbar"><a href="/">Trang chủ</a> <a href="/gt">Giới thiệu chung</a></div>
<nav><ul><li><a href="/vb">Văn bản chỉ đạo</a></li><li><a href="/tdkt">Tin tức</a></li></ul></nav>
<div class="main-menu"><ul><li><a href="/c">Thi đua khen thưởng</a></li>\
<li><a href="/d">Cải cách hành chính</a></li></ul></div>
<div class="content">
  <div class="tools">Xem với cỡ chữ <a href="#">A</a> <a href="#">A+</a></div>
  <h1>{article[0]}</h1>
  <p>{article[1]}</p>
  <p>{article[2]}</p>
  <table><tr><td>1</td><td>UBND huyện A</td><td>96,5</td><td>Nhất</td></tr>
         <tr><td>2</td><td>UBND huyện B</td><td>95</td><td>Nhì</td></tr></table>
  <p>Số lần đọc: 233</p>
</div>
<div class="sidebar"><h3>Tin đọc nhiều</h3><ul><li><a href="/x">Bài viết khác về thi đua ở tỉnh khác</a></li></ul></div>
<div id="footer">Bản quyền thuộc Sở Nội vụ tỉnh Kiên Giang</div>
</body></html>"""


@pytest.fixture
def html_report(tmp_path) -> SimpleNamespace:
    path = tmp_path / "trang_tin.html"
    path.write_text(html_page(), encoding="utf-8")
    return SimpleNamespace(path=path, article=HTML_ARTICLE, furniture=HTML_FURNITURE,
                           boilerplate=HTML_BOILERPLATE,
                           rows=["1 | UBND huyện A | 96,5 | Nhất", "2 | UBND huyện B | 95 | Nhì"])


# ---------------------------------------------------------------- DOCX

@pytest.fixture
def docx_report(tmp_path) -> SimpleNamespace:
    """Paragraph, ranking table, paragraph; a header and a footer."""
    import docx

    before = ["Hội nghị chấm điểm thi đua Cụm thi đua số 2 năm 2023", "Kết quả xếp hạng như sau:"]
    after = ["Hội nghị kết thúc lúc 11 giờ cùng ngày."]
    table = [("STT", "Đơn vị", "Điểm", "Xếp hạng"), ("1", "UBND huyện A", "96,5", "Nhất"),
             ("2", "UBND huyện B", "95", "Nhì")]
    header, footer = "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG", "Văn phòng Sở Nội vụ - trang 1"
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    for text in before:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    for text in after:
        document.add_paragraph(text)
    path = tmp_path / "bien_ban.docx"
    document.save(path)
    return SimpleNamespace(path=path, before=before, after=after, header=header, footer=footer,
                           rows=[" | ".join(row) for row in table])


# ---------------------------------------------------------------- PDF

@pytest.fixture
def make_pdf():
    """make_pdf(path, pages, encrypt=None): one list of lines per page, drawn in DejaVu Sans.

    Odd lines are drawn glyph by glyph with no space characters, only gaps (as many PDF
    producers position text), so the reader has to find word breaks from the gaps; even lines
    are ordinary text runs.
    """
    if not DEJAVU.is_file():
        pytest.skip(f"font {DEJAVU} not installed")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))

    def _make(path: Path, pages: list[list[str]], encrypt=None) -> Path:
        c = canvas.Canvas(str(path), encrypt=encrypt)
        for lines in pages:
            c.setFont("DejaVuSans", 11)
            y = 780
            for i, line in enumerate(lines):
                if i % 2:
                    x = 60
                    for ch in line:
                        if ch != " ":
                            c.drawString(x, y, ch)
                        x += pdfmetrics.stringWidth(ch, "DejaVuSans", 11)
                else:
                    c.drawString(60, y, line)
                y -= 20
            c.showPage()
        c.save()
        return path

    return _make


PDF_PAGES = [
    ["Hội nghị tổng kết công tác thi đua Cụm thi đua số 2 năm 2023",
     "Đồng chí Nguyễn Thị Thúy phát biểu chỉ đạo hội nghị",
     "Trang một kết thúc tại đây."],
    ["Ủy ban nhân dân huyện Kiên Lương xếp hạng Nhất",
     "Hội nghị bế mạc lúc 11 giờ cùng ngày",
     "Trang hai kết thúc tại đây."],
]


@pytest.fixture
def pdf_report(tmp_path, make_pdf) -> SimpleNamespace:
    path = make_pdf(tmp_path / "bao_cao.pdf", PDF_PAGES)
    return SimpleNamespace(path=path, pages=PDF_PAGES)


# ---------------------------------------------------------------- bad inputs

@pytest.fixture
def make_bad_inputs(make_pdf):
    """make_bad_inputs(folder) -> {case: (path, words the one-line reason must contain)}."""

    def _make(folder: Path) -> dict[str, tuple[Path, str]]:
        from reportlab.lib.pdfencrypt import StandardEncryption
        from reportlab.pdfgen import canvas

        folder.mkdir(parents=True, exist_ok=True)
        cases: dict[str, tuple[Path, str]] = {}

        empty = folder / "rong.txt"
        empty.write_bytes(b"")
        cases["empty file"] = (empty, "empty file")

        unknown = folder / "bao_cao.xyz"
        unknown.write_text("Hội nghị tổng kết", encoding="utf-8")
        cases["unknown extension"] = (unknown, "unsupported file type '.xyz'")

        scanned = folder / "ban_scan.pdf"
        c = canvas.Canvas(str(scanned))
        c.rect(100, 100, 300, 400, fill=1)  # a page with a drawing and no text
        c.showPage()
        c.save()
        cases["PDF without text layer"] = (scanned, "no text layer")  # NeedsOCR, or OCR found nothing

        encrypted = make_pdf(folder / "mat_khau.pdf", [[PDF_PAGES[0][0]]],
                             encrypt=StandardEncryption("mat-khau", ownerPassword="chu-so-huu"))
        cases["encrypted PDF"] = (encrypted, "encrypted PDF")

        good = make_pdf(folder / "tmp_good.pdf", PDF_PAGES).read_bytes()
        (folder / "tmp_good.pdf").unlink()
        truncated = folder / "cat_cut.pdf"
        truncated.write_bytes(good[: len(good) // 3])
        cases["truncated PDF"] = (truncated, "damaged PDF")

        garbage_pdf = folder / "rac.pdf"
        garbage_pdf.write_bytes(b"%PDF-1.4\n" + random.Random(1).randbytes(4000))
        cases["garbage after %PDF header"] = (garbage_pdf, "damaged PDF")

        not_zip = folder / "khong_phai_zip.docx"
        not_zip.write_bytes("Đây không phải tệp Word, chỉ là văn bản.".encode() * 20)
        cases["docx that is not a zip"] = (not_zip, "not a valid .docx (not a zip archive)")

        zip_not_docx = folder / "zip_la.docx"
        with zipfile.ZipFile(zip_not_docx, "w") as z:
            z.writestr("ghi_chu.txt", "không phải Word")
        cases["zip that is not a docx"] = (zip_not_docx, "damaged .docx")

        binary = folder / "nhi_phan.txt"
        noise = bytearray(random.Random(2).randbytes(6000))
        noise[::50] = b"\x00" * len(noise[::50])  # random bytes with NULs throughout
        binary.write_bytes(bytes(noise))
        cases["binary garbage named .txt"] = (binary, "binary data, not text")

        huge = folder / "qua_lon.txt"
        with huge.open("wb") as fh:  # sparse: 50 MB on paper, instant to create
            fh.truncate(50 * 1024 * 1024)
        cases["50 MB text"] = (huge, "file too large")

        return cases

    return _make


def pytest_sessionfinish(session):
    """The session's shared Prefect server (tests/prefect_server.py) ends with the session: stopped
    by the controlling process once every xdist worker is done (or by the only process)."""
    if hasattr(session.config, "workerinput"):  # an xdist worker: the controller stops it
        return
    from prefect_server import stop_shared_server

    stop_shared_server(session.config._tmp_path_factory.getbasetemp())


def pytest_collection_modifyitems(items):
    """The longest tests first (the journeys, then those marked slow: real processes and servers,
    tens of seconds each), so that with `-n auto` (pytest-xdist) no worker starts a minute-long test
    while the others have run out of work; the order within each group is kept."""
    def rank(item) -> int:
        if "journeys" in item.path.parts:
            return 0
        return 1 if item.get_closest_marker("slow") else 2

    items.sort(key=rank)
