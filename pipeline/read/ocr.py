"""OCR of scanned pages with Tesseract's Vietnamese model (Debian: tesseract-ocr-vie).

One Tesseract thread per page (OMP_THREAD_LIMIT=1): the extraction pool already runs one
process per core, and Tesseract's own threads only fight over the same cores (measured: ~16 s a
page with default threading on 2 cores, ~2 s with one thread per process at 200 dpi). Every
page has a time limit. Words keep their confidence, so values read from shaky words can be
trusted less (`lower_confidence`).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.read.document import NeedsOCR, ReadError
from pipeline.record import Found, Record
from pipeline.settings import get_settings

INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"


@dataclass
class OcrText:
    """Text read from one or more pages, with each word's span and confidence (0-1)."""

    text: str = ""
    words: list[tuple[int, int, float]] = field(default_factory=list)

    @property
    def mean_confidence(self) -> float | None:
        return sum(c for _, _, c in self.words) / len(self.words) if self.words else None


@lru_cache(maxsize=1)
def problem() -> str | None:
    """Why OCR cannot run here (None when it can)."""
    if shutil.which("tesseract") is None:
        return "tesseract is not installed"
    try:
        import pytesseract

        if get_settings().ocr_language not in pytesseract.get_languages(config=""):
            return f"Tesseract's '{get_settings().ocr_language}' language model is not installed"
    except Exception as exc:  # noqa: BLE001 - a broken install is reported, not raised
        return f"tesseract does not run ({exc})"
    return None


def require(what: str) -> None:
    """Raise NeedsOCR (a per-file failure that says what to install) when OCR cannot run."""
    reason = problem()
    if reason:
        raise NeedsOCR(f"needs OCR ({what}): {reason}; install tesseract-ocr-vie", INSTALL)


def read_image(image, page: int = 1) -> OcrText:
    """OCR one page image (PIL). Raises ReadError when the page takes longer than allowed."""
    import pytesseract
    from PIL import ImageFilter

    settings = get_settings()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # inherited by the tesseract process
    # A 3x3 median removes scanner specks without thinning 200 dpi strokes: on the speckled test
    # scans it cut misread words from 23 to 4 (4 pages) and made Tesseract faster. Binarising
    # and deskewing are left to Tesseract (Otsu, line finding), which did as well here.
    image = image.convert("L").filter(ImageFilter.MedianFilter(3))
    try:
        data = pytesseract.image_to_data(image, lang=settings.ocr_language, config="--psm 3",
                                         output_type=pytesseract.Output.DICT, timeout=settings.ocr_page_timeout_s)
    except RuntimeError as exc:  # pytesseract's timeout
        if "timeout" in str(exc).lower():
            raise ReadError(f"OCR took longer than {settings.ocr_page_timeout_s:g} s on page {page}",
                            "raise THIDUA_OCR_PAGE_TIMEOUT_S, or split the file") from None
        raise
    except pytesseract.TesseractError as exc:
        raise ReadError(f"OCR failed on page {page} ({exc.message.strip()[:120]})", "is the image damaged?") from None
    return _layout(data)


def _layout(data: dict) -> OcrText:
    """Words of a line joined by spaces; lines joined into paragraphs as the PDF reader does: a
    wider gap than a line's height allows, or a line ending well short of the margin, ends one."""
    lines = _lines(data)
    widest = max((line["right"] - line["left"] for line in lines), default=0)
    out = OcrText()
    parts: list[str] = []
    length = 0
    for i, line in enumerate(lines):
        if i:
            before = lines[i - 1]
            height = max(before["bottom"] - before["top"], 1)
            joined = line["top"] - before["bottom"] < 0.6 * height and before["right"] - before["left"] > 0.8 * widest
            parts.append(" " if joined else "\n")
            length += 1
        for j, (word, confidence) in enumerate(line["words"]):
            if j:
                parts.append(" ")
                length += 1
            out.words.append((length, length + len(word), confidence))
            parts.append(word)
            length += len(word)
    out.text = "".join(parts)
    return out


def _lines(data: dict) -> list[dict]:
    """Tesseract's lines in reading order: their words (with confidence 0-1) and bounding box."""
    lines: dict[tuple, dict] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top = data["left"][i], data["top"][i]
        right, bottom = left + data["width"][i], top + data["height"][i]
        line = lines.setdefault(key, {"words": [], "left": left, "top": top, "right": right, "bottom": bottom})
        line["words"].append((word, max(0.0, float(data["conf"][i])) / 100))
        line.update(left=min(line["left"], left), top=min(line["top"], top), right=max(line["right"], right),
                    bottom=max(line["bottom"], bottom))
    return list(lines.values())


def join_pages(pages: list[str | OcrText], separator: str = "\n\f\n") -> OcrText:
    """Pages in order (text layers as str, OCR pages with their words), word spans moved to
    where each page lands in the joined text."""
    out = OcrText()
    pieces: list[str] = []
    offset = 0
    for i, page in enumerate(pages):
        if i:
            pieces.append(separator)
            offset += len(separator)
        text = page.text if isinstance(page, OcrText) else page
        if isinstance(page, OcrText):
            out.words.extend((s + offset, e + offset, c) for s, e, c in page.words)
        pieces.append(text)
        offset += len(text)
    out.text = "".join(pieces)
    return out


def lower_confidence(record: Record, words: list[tuple[int, int, float]], to_original) -> Record:
    """Scale each value's confidence by the OCR confidence of the words its evidence covers
    (the mean over the document for a value without evidence). `to_original(start, end)` maps
    evidence offsets in the normalised text to the reader's text, where the words are."""
    if not words:
        return record
    mean = sum(c for _, _, c in words) / len(words)
    starts = [s for s, _, _ in words]
    for found in _found_values(record):
        if found.evidence is None:
            factor = mean
        else:
            start, end = to_original(found.evidence.start, found.evidence.end)
            factor = _span_confidence(words, starts, start, end, mean)
        found.confidence = round(found.confidence * factor, 4)
    return record


def _span_confidence(words, starts, start: int, end: int, default: float) -> float:
    import bisect

    i = max(0, bisect.bisect_right(starts, start) - 1)
    covered = []
    while i < len(words) and words[i][0] < end:
        if words[i][1] > start:
            covered.append(words[i][2])
        i += 1
    return min(covered) if covered else default


def _found_values(record: Record):
    """Every value in the record that carries a confidence."""
    for value in (record.title, record.published, record.author, record.cluster, record.meeting.date,
                  record.meeting.period, record.meeting.venue, *record.meeting.kinds, *record.members,
                  *record.participants, *record.ranks, *record.heads, *record.legal_refs):
        if isinstance(value, Found):
            yield value


@lru_cache(maxsize=1)
def version() -> str | None:
    if problem() is not None and shutil.which("tesseract") is None:
        return None
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except Exception:  # noqa: BLE001
        return None
