"""One reader per input format, each returning a `ReadResult` that `read_document` makes a `Document`.

`read_document` does the checks every format shares (exists, a regular file - checked without
opening it, not empty, not too large, known extension) and turns every expected problem, and any
surprise of a reader's library on a damaged file, into a `ReadError` with a one-line reason.
"""
from __future__ import annotations

import hashlib
import logging
import os
import stat
from pathlib import Path
from collections.abc import Callable

from pipeline.read import legacy, limits
from pipeline.read.document import Document, ReadError, ReadResult, shown_path
from pipeline.read import docx, html, image, office, pdf, txt
from pipeline.settings import get_settings
from pipeline.normalise.vietnamese import Plausibility

log = logging.getLogger(__name__)
NOT_REGULAR = "not a regular file (a FIFO, device or socket)"
# In folders, these are reports we cannot read yet: listed as failed so nothing goes unnoticed
# (extension -> what to do). Anything else in a folder (gold .json, README.md) is not a report.
NOT_YET_SUPPORTED: dict[str, str] = {}  # every report format found so far is read (scans by OCR)

# extension -> (format name, reader taking the file's bytes)
READERS: dict[str, tuple[str, Callable[[bytes], ReadResult]]] = {
    ".txt": ("txt", txt.read),
    ".html": ("html", html.read),
    ".htm": ("html", html.read),
    ".docx": ("docx", docx.read),
    ".pdf": ("pdf", pdf.read),
    ".png": ("image", image.read),
    ".jpg": ("image", image.read),
    ".jpeg": ("image", image.read),
    ".tif": ("image", image.read),
    ".tiff": ("image", image.read),
    ".doc": ("doc", office.read_doc),
    ".rtf": ("rtf", office.read_rtf),
    ".odt": ("odt", office.read_odt),
}


def read_document(path: Path, max_mb: float | None = None) -> Document:
    path = Path(path)
    limit = get_settings().max_file_mb if max_mb is None else max_mb
    size = _regular_file_size(path)
    fmt = READERS.get(path.suffix.lower())
    if fmt is None:
        if path.suffix.lower() in NOT_YET_SUPPORTED:
            raise ReadError(f"unsupported file type '{path.suffix}'", NOT_YET_SUPPORTED[path.suffix.lower()])
        known = ", ".join(sorted(READERS))
        raise ReadError(f"unsupported file type '{shown_path(path.suffix) or '(none)'}'", f"supported: {known}")
    if size == 0:
        raise ReadError("empty file (0 bytes)", "re-export or re-download the report")
    if size > limit * 1024 * 1024:
        raise ReadError(f"file too large ({size / 1024 / 1024:.1f} MB > {limit:g} MB limit)",
                        "split it, or raise THIDUA_MAX_FILE_MB")
    data = path.read_bytes()
    name, reader = fmt
    try:
        read = reader(data)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a library's surprise on a damaged file costs that file only
        log.debug("unexpected %s reader error on %s", name, shown_path(path), exc_info=True)
        raise ReadError(f"damaged or unusual .{name} file ({type(exc).__name__}: {exc})",
                        "open it and save it again") from None
    # NUL characters (a damaged export, a text layer with unmapped glyphs) mean nothing in a report,
    # and PostgreSQL cannot store them.
    read.text = read.text.replace("\x00", "")
    # before judging, normalising and extracting, which cost time per character
    limits.check_text_length(len(read.text))
    if not any(ch.isalnum() for ch in read.text):  # blank, or only zero-width spaces and punctuation
        raise ReadError("no text found in the file", "check that it is a report and not an empty template")
    judge(read)
    for warning in read.warnings:
        log.info("%s: %s", shown_path(path), warning)
    return Document(id=shown_path(path.stem), path=shown_path(path), sha256=hashlib.sha256(data).hexdigest(),
                    format=name, text=read.text, read_from=read.origin, encoding=read.encoding, pages=read.pages,
                    tables=read.tables, fonts=read.fonts, warnings=read.warnings, conversion=read.conversion,
                    converter=read.converter, plausibility=read.plausibility, ocr_pages=read.ocr_pages,
                    ocr_confidence=read.ocr_confidence, word_confidence=read.word_confidence)


def _regular_file_size(path: Path) -> int:
    """The size of `path`, checked without opening it: a FIFO would block the reader forever, a
    device could be endless."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ReadError("file not found", "check the path") from None
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("file not found (this is a folder)", "check the path")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(NOT_REGULAR)
    return info.st_size


def judge(read: ReadResult) -> None:
    """Accept only text that reads as Vietnamese: converted from a legacy encoding when that
    reads better (no font names to go by), otherwise a failure that says what the text looks like."""
    trial = legacy.best_reading(read.text)  # returns at once for text that reads well
    score = trial.score
    if trial.encoding:
        read.text = trial.text
        read.conversion = "+".join(filter(None, (read.conversion, trial.encoding)))
    read.plausibility = round(score.score, 3)
    if not score.plausible:
        raise ReadError(*_implausible(read.text, score, read))


def _implausible(text: str, score: Plausibility, read: ReadResult) -> tuple[str, str]:
    looks = legacy.looks_legacy(text)
    if looks:
        return (f"text looks like legacy-font {looks.upper()} that could not be converted ({score.describe()})",
                "open it in Word with the .Vn/VNI fonts installed and save it as Unicode .docx")
    if read.ocr_pages:
        return (f"no readable text: OCR found no Vietnamese ({score.describe()})",
                "is the scan legible and the right way up? re-scan at 300 dpi")
    return (f"text is not plausible Vietnamese ({score.describe()})",
            "is it a Vietnamese report, in an encoding thidua knows (Unicode, Windows-1258, TCVN3, VNI, VIQR)?")
