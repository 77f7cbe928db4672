"""The outside programs some formats need, for `thidua doctor`: installed or not, which
version, what each one makes possible, and the command that installs it."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata


@dataclass
class Tool:
    name: str
    enables: str
    version: str | None  # None: missing
    problem: str | None = None
    install: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def check_tools() -> list[Tool]:
    from pipeline.read import ocr
    from pipeline.read import office

    ocr.problem.cache_clear()
    tesseract = ocr.problem()
    tools = [
        Tool("tesseract + Vietnamese model", "OCR of scanned PDF pages and .png/.jpg/.tif images",
             ocr.version() if tesseract is None else None, tesseract, ocr.INSTALL),
        Tool("LibreOffice Writer", "Word 97-2003 .doc, .rtf and .odt (converted to .docx)",
             office.version(), None if office.soffice() else "LibreOffice is not installed", office.INSTALL),
    ]
    for package, enables in (("pdfplumber", "PDF text layers"), ("python-docx", ".docx"),
                             ("pytesseract", "talking to Tesseract"), ("pypdfium2", "rendering PDF pages for OCR"),
                             ("pillow", "images")):
        try:
            tools.append(Tool(package, enables, metadata.version(package)))
        except metadata.PackageNotFoundError:
            tools.append(Tool(package, enables, None, "Python package missing",
                              'pip install -c constraints.txt -e ".[dev]"'))
    return tools
