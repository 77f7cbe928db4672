"""PDF text layer via pdfplumber, pages in order, separated by form feeds."""
from __future__ import annotations

import io

from pipeline.document import NeedsOCR, ReadError

MIN_CHARS_PER_PAGE = 20


def read(data: bytes) -> dict:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a PDF (no %PDF header)", "the file is damaged or has the wrong extension")
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text(x_tolerance=1.5, y_tolerance=3) or "")
    except Exception as exc:  # pdfminer raises many types on damaged files
        # pdfplumber wraps pdfminer's errors in PdfminerException(original)
        if exc.args and isinstance(exc.args[0], Exception):
            exc = exc.args[0]
        if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)) or \
                "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ReadError("encrypted PDF", "remove the password and try again") from None
        raise ReadError(f"damaged PDF ({type(exc).__name__})", "re-export the PDF from its source") from None
    if not pages:
        raise ReadError("PDF has no pages", "re-export the PDF from its source")
    if sum(len(p.strip()) for p in pages) < MIN_CHARS_PER_PAGE * len(pages):
        raise NeedsOCR("needs OCR: the PDF has no text layer (scanned image)", "OCR support comes later")
    return {"text": "\n\f\n".join(pages), "pages": len(pages)}
