"""Word .docx: paragraphs and tables in reading order, headers and footers kept apart."""
from __future__ import annotations

import io
import logging
import zipfile

from pipeline.document import ReadError

log = logging.getLogger(__name__)


def read(data: bytes) -> dict:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        hint = "it may be a legacy .doc or encrypted; save it as .docx again" if data[:4] == b"\xd0\xcf\x11\xe0" else "the file is damaged or not a Word document"
        raise ReadError("not a valid .docx (not a zip archive)", hint)
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise ReadError(f"damaged .docx ({type(exc).__name__})", "open and re-save it in Word") from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(_table_rows(Table(child, document)))
            lines.append("")
    return {"text": "\n".join(lines), "header_footer": "\n".join(dict.fromkeys(_headers_and_footers(document)))}


def _headers_and_footers(document) -> list[str]:
    """Header and footer lines of every section. A section that points at a header part the
    package does not hold (python-docx: KeyError) loses that header only; the body is still read."""
    lines: list[str] = []
    for section in document.sections:
        for name in ("header", "footer"):
            try:
                paragraphs = getattr(section, name).paragraphs
            except (KeyError, ValueError):  # the relationship names a part that is missing or broken
                log.info("a section's %s part is missing; the %s is skipped", name, name)
                continue
            lines.extend(p.text for p in paragraphs if p.text.strip())
    return lines


def _table_rows(table) -> list[str]:
    """One line per row, cells joined by ' | ' (merged cells counted once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is not previous:  # a merged cell repeats the same <w:tc>; equal texts are not merged cells
                cells.append(" ".join(cell.text.split()))
            previous = cell._tc
        rows.append(" | ".join(cells))
    return rows
