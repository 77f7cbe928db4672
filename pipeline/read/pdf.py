"""PDF text layer via pdfplumber, pages in order, separated by form feeds.

Text set in a pre-Unicode font (.VnTime, VNI-Times) is converted by each character's font name.
Pages without a text layer (scans) are read by OCR, page by page, so a PDF mixing typed and
scanned pages keeps the typed text as it is.
"""
from __future__ import annotations

import io

from pipeline.read import legacy, limits, ocr
from pipeline.read.document import Origin, ReadError, ReadResult
from pipeline.settings import get_settings

MIN_CHARS_PER_PAGE = 20


def read(data: bytes) -> ReadResult:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a PDF (no %PDF header)", "the file is damaged or has the wrong extension")
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[str | ocr.OcrText] = []
    used: set[str] = set()  # legacy encodings converted
    fonts: set[str] = set()  # the fonts they were set in
    limits.check_text_length(_text_layer_chars(data))  # before pdfplumber, which costs ~0.1 ms a character
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            limits.check_pages(_page_count(pdf))
            for number, page in enumerate(pdf.pages, start=1):
                limits.check_pages(number)  # the page tree's count may lie
                text = _paragraphs(page, used, fonts)
                pages.append(_scanned(page, number, text) if len(text.strip()) < MIN_CHARS_PER_PAGE else text)
                page.close()  # pdfplumber keeps each page's objects until closed: ~1.5 MB a page
    except ReadError:
        raise
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
    joined = ocr.join_pages(pages)
    scanned = sum(isinstance(p, ocr.OcrText) for p in pages)
    if scanned and not any(ch.isalnum() for ch in joined.text):
        raise ReadError("no text layer, and OCR found no text (a blank or unreadable scan?)",
                        "check the scan; re-scan at 300 dpi")
    origin = Origin.TEXT_LAYER if not scanned else Origin.OCR if scanned == len(pages) else Origin.TEXT_LAYER_AND_OCR
    read = ReadResult(text=joined.text, origin=origin, pages=len(pages), conversion="+".join(sorted(used)) or None,
                      fonts=sorted(fonts))
    if scanned:
        read.ocr_pages, read.ocr_confidence, read.word_confidence = scanned, joined.mean_confidence, joined.words
    return read


def _text_layer_chars(data: bytes) -> int:
    """The characters of the text layer, counted by PDFium in C in a fraction of a second, so that
    a PDF of millions of characters fails at once instead of after minutes; 0 when PDFium cannot
    read the file (pdfplumber then says what is wrong with it)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # noqa: BLE001 - damaged or encrypted: reported by the reading below
        return 0
    try:
        total = 0
        for index in range(min(len(document), get_settings().max_pdf_pages + 1)):
            page = document[index]
            textpage = page.get_textpage()
            total += max(textpage.count_chars(), 0)
            textpage.close()
            page.close()
        return total
    except Exception:  # noqa: BLE001
        return 0
    finally:
        document.close()


def _page_count(pdf) -> int:
    """The page count the page tree declares, read without building every page."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"]).get("Count"))
        return int(count) if isinstance(count, int) else 0
    except Exception:  # noqa: BLE001 - a damaged tree: the pages are counted as they are read
        return 0


def _scanned(page, number: int, text: str) -> ocr.OcrText | str:
    """OCR of a page with (almost) no text layer and a picture (or only drawings) on it; a page
    with a few words and no picture keeps them, an empty page stays empty."""
    if not page.images and (page.chars or not (page.rects or page.curves)):
        return text
    ocr.require(f"no text layer on page {number}")
    image = page.to_image(resolution=get_settings().ocr_dpi).original
    return ocr.read_image(image, number)


def _paragraphs(page, used: set[str], fonts: set[str]) -> str:
    """A PDF's text layer breaks lines where the page was full, not where sentences end. Lines
    set close together in the same font size are one paragraph; a wider gap or a change of size
    (a heading, a date line) starts a new one."""
    lines = page.extract_text_lines(x_tolerance=1.5, y_tolerance=3, return_chars=True)
    out: list[str] = []
    prev = None
    for line in lines:
        size = max((c.get("size", 0) for c in line.get("chars", [])), default=0)
        height = line["bottom"] - line["top"]
        if prev is not None:
            gap = line["top"] - prev["bottom"]
            same_paragraph = gap < 0.6 * max(height, 1) and abs(size - prev["size"]) < 0.6
            out.append(" " if same_paragraph else "\n")
        out.append(_unicode_line(line, used, fonts).strip())
        prev = {"bottom": line["bottom"], "size": size}
    return "".join(out)


def _unicode_line(line: dict, used: set[str], fonts: set[str]) -> str:
    """The line's text with each stretch set in a legacy font converted by that font's table.
    pdfplumber's line text is its characters in order plus the spaces it inserted at gaps."""
    chars = line.get("chars", [])
    encodings = [legacy.font_encoding(c.get("fontname")) for c in chars]
    if not any(encodings):
        return line["text"]
    text, pieces, j, current = line["text"], [], 0, None
    i = 0
    while i < len(text):
        glyph = chars[j]["text"] if j < len(chars) else None
        if glyph and text.startswith(glyph, i):
            current = encodings[j]
            j += 1
            step = len(glyph)
        else:
            step = 1  # a space pdfplumber inserted: it belongs to the run it sits in
        if pieces and pieces[-1][0] == current:
            pieces[-1][1] += text[i:i + step]
        else:
            pieces.append([current, text[i:i + step]])
        i += step
    used.update(legacy.TCVN3 if e == legacy.TCVN3_CAPS else e for e, _ in pieces if e)
    fonts.update(str(c.get("fontname")).split("+", 1)[-1] for c, e in zip(chars, encodings, strict=False) if e)
    return "".join(legacy.convert_run(piece, encoding) for encoding, piece in pieces)
