"""Bad inputs that cost work, not bytes, made by the tests themselves (issue 14): a .docx zip bomb,
a PDF of too many pages, a text too long, HTML nested thousands of levels deep."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
                 'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/></Types>')


def zip_bomb_docx(target: Path, unpacked_mb: int = 1024) -> Path:
    """A real .docx (python-docx's template, one paragraph) of about 1 MB whose document.xml unpacks
    to `unpacked_mb` MB (spaces inside the paragraph: valid XML all the way), written in chunks so
    making it costs no memory."""
    import docx

    source = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Báo cáo tổng kết công tác thi đua, khen thưởng")
    document.save(source)
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for item in zin.infolist():
            if item.filename != "word/document.xml":
                z.writestr(item.filename, zin.read(item.filename))
                continue
            head, tail = zin.read(item.filename).split(b"</w:t>", 1)
            with z.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(head)
                for _ in range(unpacked_mb):
                    part.write(chunk)
                part.write(b"</w:t>" + tail)
    return target


def many_parts_docx(target: Path, parts: int) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        for number in range(parts):
            z.writestr(f"word/media/p{number}.xml", "<x/>")
    return target


def long_pdf(target: Path, pages: int, lines: int = 1,
             line: str = "Báo cáo tổng kết công tác thi đua, khen thưởng") -> Path:
    """A PDF of `pages` pages with `lines` lines of text each (reportlab; Helvetica has no Vietnamese
    glyphs, which does not matter: it must fail on its page count before any text is read)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(target))
    for number in range(1, pages + 1):
        for row in range(lines):
            pdf.drawString(72, 760 - 20 * row, f"{line} - trang {number}, dòng {row + 1}")
        pdf.showPage()
    pdf.save()
    return target


def long_text(target: Path, report: str, chars: int) -> Path:
    """A plausible report repeated to at least `chars` characters."""
    target.write_text(report * (chars // len(report) + 1), encoding="utf-8")
    return target


def nested_html(target: Path, report: str, depth: int, tag: str = "font") -> Path:
    """The report as an old CMS page: its first line, then `depth` unclosed <font> (or <span>)
    tags, then the rest of the report, every paragraph inside them."""
    first, rest = report.split("\n", 1)
    paragraphs = "".join(f"<p>{p}</p>" for p in rest.split("\n") if p.strip())
    opened = f'<{tag} face="Times New Roman">' * depth
    target.write_text(f"<html><head><meta charset='utf-8'><title>{first}</title></head><body><p>{first}</p>"
                      f"{opened}{paragraphs}</body></html>", encoding="utf-8")
    return target
