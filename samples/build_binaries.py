"""Build the samples that are not plain UTF-8 text (other encodings, DOCX, PDF) from their sources.

The texts and gold records are committed files; only these conversions need code. Each such sample
has its UTF-8 text in `sources/<stem>.txt.in` and its layout in `sources/manifest.toml`:

    .venv/bin/python samples/build_binaries.py              # rewrite them in samples/
    .venv/bin/python samples/build_binaries.py --out DIR    # or write them to DIR

The output is deterministic (fixed DOCX core properties and zip timestamps, reportlab `invariant=1`),
so a re-run with the pinned libraries rewrites identical files. tests/pipeline/test_sample_binaries.py
checks that the committed files are up to date.
"""
from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tomllib
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FIXED_TIME = datetime(2024, 1, 1, 8, 0, 0)
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
SUFFIX = {"txt": ".txt", "docx-minutes": ".docx", "docx-report": ".docx", "pdf": ".pdf"}


def manifest() -> dict[str, dict]:
    """stem -> options, each with its source `text` and its `gold` record added."""
    entries = tomllib.loads((SOURCES / "manifest.toml").read_text(encoding="utf-8"))
    for stem, entry in entries.items():
        entry["text"] = (SOURCES / f"{stem}.txt.in").read_text(encoding="utf-8").strip("\n")
        entry["gold"] = json.loads((HERE / f"{stem}.json").read_text(encoding="utf-8"))
    return entries


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 stores most tone marks as combining characters after a base letter."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        # base letter (with its vowel marks, e.g. "ê" out of "ệ") + combining tone mark
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def write_txt(s: dict, path: Path) -> None:
    text = (s["text"] + "\n").replace("\n", s.get("newline", "\n"))
    encoding = s["encoding"]
    path.write_bytes(encode_cp1258(text) if encoding == "cp1258" else text.encode(encoding))


def _set_cell(cell, text, bold=False, align=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    cell.text = ""
    p = cell.paragraphs[0]
    p.add_run(text).bold = bold
    p.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.CENTER


def _table(doc, rows, bold_rows=1, left_cols=(), grid=False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    if grid:
        table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            left = c in left_cols and r > 0
            _set_cell(table.cell(r, c), value, bold=r < bold_rows,
                      align=WD_ALIGN_PARAGRAPH.LEFT if left else None)


def _minutes_paragraph(doc, s: dict, p: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    if p.startswith(s.get("dateline", "Nam Đàn, ngày")):
        para = doc.add_paragraph()
        para.add_run(p).italic = True
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif p.startswith("BIÊN BẢN"):
        para = doc.add_paragraph()
        para.add_run(p).bold = True
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif p.startswith(s.get("subtitle", "Về việc")):
        para = doc.add_paragraph()
        para.add_run(p).italic = True
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif re.match(r"^[IVX]+\. ", p):
        doc.add_paragraph().add_run(p).bold = True
    else:
        doc.add_paragraph(p).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def write_docx(s: dict, path: Path) -> None:
    """Minutes: letterhead table, body (a "[TABLE]" paragraph marks the table), signature table.
    Report: heading, italic date line, body, bold byline."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    section = doc.sections[0]
    for part, text in ((section.header, s["header"]), (section.footer, s["footer"])):
        part.paragraphs[0].text = text
        part.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    paras = paragraphs(s["text"])
    minutes = s["format"] == "docx-minutes"
    if minutes:
        _table(doc, s["letterhead"], bold_rows=len(s["letterhead"]))
        for p in paras:
            if p == "[TABLE]":
                _table(doc, s["table"], left_cols=s.get("left_cols", [1]), grid=True)
            else:
                _minutes_paragraph(doc, s, p)
        doc.add_paragraph("")
        _table(doc, s["signatures"])
    else:
        doc.add_heading(paras[0], level=1)
        doc.add_paragraph().add_run(paras[1]).italic = True
        for p in paras[2:-1]:
            doc.add_paragraph(p).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        byline = doc.add_paragraph()
        byline.add_run(paras[-1]).bold = True
        byline.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    props = doc.core_properties
    props.author = s.get("docx_author") or ("Cụm thi đua" if minutes else "Sở Công Thương Quảng Ngãi")
    props.last_modified_by = props.author
    props.title = s["gold"]["title"]
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = ""
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_fixed_zip_times(buf.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """python-docx stamps zip members with the current time; rewrite them with a fixed one."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return buf.getvalue()


def write_pdf(s: dict, path: Path) -> None:
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    for name, file in (("DejaVuSans", FONT), ("DejaVuSans-Bold", FONT_BOLD)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))
    big = s.get("page_numbers", False)
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=12 if big else 10.5,
                          leading=19 if big else 15, alignment=TA_LEFT, spaceAfter=8)
    title = ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold", fontSize=15, leading=20,
                           spaceAfter=6)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor="#555555")
    byline = ParagraphStyle("byline", parent=body, fontName="DejaVuSans-Bold", alignment=TA_RIGHT)

    paras = paragraphs(s["text"])
    story = [Paragraph(s["site"], small), Spacer(1, 4), Paragraph(paras[0], title), Paragraph(paras[1], small)]
    story += [Paragraph(p.replace("&", "&amp;").replace("<", "&lt;"), body) for p in paras[2:-1]]
    story.append(Paragraph(paras[-1], byline))

    def footer(canvas, doc):
        if big:
            canvas.saveState()
            canvas.setFont("DejaVuSans", 9)
            canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Trang {doc.page}")
            canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, leftMargin=2.5 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm, title=s["gold"]["title"],
                            author=s["gold"]["author"] or "", creator="thidua samples", subject="")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


WRITERS = {"txt": write_txt, "docx-minutes": write_docx, "docx-report": write_docx, "pdf": write_pdf}


def build(out: Path) -> list[Path]:
    """Write every binary sample into `out`; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, entry in manifest().items():
        path = out / (stem + SUFFIX[entry["format"]])
        WRITERS[entry["format"]](entry, path)
        written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: samples/)")
    for path in build(parser.parse_args().out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
