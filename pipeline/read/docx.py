"""Word .docx: paragraphs and tables in reading order (headers and footers are not the report).

Runs typed in pre-Unicode fonts (.VnTime, .VnTimeH, VNI-Times) are converted to Unicode by
their font name, run by run, so one document may mix Unicode and TCVN3 paragraphs.
"""
from __future__ import annotations

import io
import re
import zipfile

from pipeline.read import legacy, limits
from pipeline.read.document import Origin, ReadError, ReadResult

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FONT_ATTRS = re.compile(rb'w:(?:ascii|hAnsi)="([^"]+)"')
# what a run's inner elements stand for (python-docx's Run.text drops w:softHyphen, which is
# the letter ư in a .VnTime run)
_PIECES = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-", W + "softHyphen": "\xad",
           W + "ptab": "\t"}


def read(data: bytes) -> ReadResult:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        hint = ("it may be a legacy .doc or encrypted; save it as .docx again" if data[:4] == b"\xd0\xcf\x11\xe0"
                else "the file is damaged or not a Word document")
        raise ReadError("not a valid .docx (not a zip archive)", hint)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            limits.check_package(package)  # before python-docx unpacks anything
    except zipfile.BadZipFile as exc:
        raise ReadError(f"damaged .docx ({exc})", "open and re-save it in Word") from None
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise ReadError(f"damaged .docx ({type(exc).__name__})", "open and re-save it in Word") from None
    fonts = _Fonts(document, data) if _legacy_fonts(data) else None
    lines: list[str] = []
    tables = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            if next(child.iter(W + "r"), None) is None:  # no runs, no text: thousands of these cost nothing
                lines.append("")
            else:
                lines.append(fonts.text(child) if fonts else Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(_table_rows(Table(child, document), fonts))
            lines.append("")
            tables += 1
    return ReadResult(text="\n".join(lines), origin=Origin.TEXT_LAYER, tables=tables,
                      fonts=sorted(fonts.names) if fonts else [],
                      conversion="+".join(sorted(fonts.used)) if fonts and fonts.used else None)


def _table_rows(table, fonts: _Fonts | None) -> list[str]:
    """One line per row, cells joined by ' | ' (merged cells counted once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is not previous:  # a merged cell repeats the same <w:tc>; equal texts are not merged cells
                text = "\n".join(fonts.text(p) for p in cell._tc.iter(W + "p")) if fonts else cell.text
                cells.append(" ".join(text.split()))
            previous = cell._tc
        rows.append(" | ".join(cells))
    return rows


def _legacy_fonts(data: bytes) -> bool:
    """Does any run or style name a legacy font? (Most files do not: they take the fast path.)"""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
        return any(legacy.font_encoding(m.decode("utf-8", "replace"))
                   for n in names for m in set(_FONT_ATTRS.findall(z.read(n))))


class _Fonts:
    """The font of each run: its own, else its character style's, its paragraph style's (with
    their base styles), else the document default."""

    def __init__(self, document, data: bytes):
        self.styles: dict[str, str | None] = {}
        bases: dict[str, str | None] = {}
        for style in document.styles:
            self.styles[style.style_id] = _rfonts(style.element.find(W + "rPr"))
            bases[style.style_id] = style.element.find(W + "basedOn").get(W + "val") \
                if style.element.find(W + "basedOn") is not None else None
        self.bases = bases
        defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default = _rfonts(defaults) or self._style_font(self._default_paragraph_style(document))
        self.used: set[str] = set()  # legacy encodings converted
        self.names: set[str] = set()  # the fonts they were set in

    @staticmethod
    def _default_paragraph_style(document) -> str | None:
        from docx.enum.style import WD_STYLE_TYPE

        style = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        return style.style_id if style is not None else None

    def _style_font(self, style_id: str | None) -> str | None:
        for _ in range(20):  # base-style chains are short; a loop in a broken file must end
            if style_id is None:
                return None
            if self.styles.get(style_id):
                return self.styles[style_id]
            style_id = self.bases.get(style_id)
        return None

    def text(self, paragraph) -> str:
        p_style = _val(paragraph.find(f"{W}pPr/{W}pStyle"))
        parts = []
        for run in paragraph.iter(W + "r"):
            rpr = run.find(W + "rPr")
            font = _rfonts(rpr) or self._style_font(_val(rpr.find(W + "rStyle")) if rpr is not None else None) \
                or self._style_font(p_style) or self.default
            encoding = legacy.font_encoding(font)
            text = "".join(c.text or "" if c.tag == W + "t" else _PIECES.get(c.tag, "") for c in run)
            if encoding and text.strip():
                self.used.add(legacy.TCVN3 if encoding == legacy.TCVN3_CAPS else encoding)
                self.names.add(font)
            parts.append(legacy.convert_run(text, encoding))
        return "".join(parts).replace("\xad", "")  # a soft hyphen left in a Unicode run is not text


def _rfonts(rpr) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(W + "hAnsi") or fonts.get(W + "ascii")


def _val(el) -> str | None:
    return el.get(W + "val") if el is not None else None
