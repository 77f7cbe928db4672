"""One reader per input format, all returning a `Document`.

`read_document` does the checks every format shares (exists, not empty, not too large, known
extension) and turns every expected problem into a `ReadError` with a one-line reason.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from pipeline.document import Document, ReadError
from pipeline.readers import docx, html, pdf, txt
from pipeline.settings import get_settings

# extension -> (format name, reader taking bytes and returning (text, extras))
READERS: dict[str, tuple[str, Callable[[bytes], dict]]] = {
    ".txt": ("txt", txt.read),
    ".html": ("html", html.read),
    ".htm": ("html", html.read),
    ".docx": ("docx", docx.read),
    ".pdf": ("pdf", pdf.read),
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_document(path: Path, max_mb: float | None = None) -> Document:
    path = Path(path)
    limit = get_settings().max_file_mb if max_mb is None else max_mb
    if not path.is_file():
        raise ReadError("file not found", "check the path")
    fmt = READERS.get(path.suffix.lower())
    if fmt is None:
        from pipeline.discover import NOT_YET_SUPPORTED

        if path.suffix.lower() in NOT_YET_SUPPORTED:
            raise ReadError(f"unsupported file type '{path.suffix}'", NOT_YET_SUPPORTED[path.suffix.lower()])
        known = ", ".join(sorted(READERS))
        raise ReadError(f"unsupported file type '{path.suffix or '(none)'}'", f"supported: {known}")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("empty file (0 bytes)", "re-export or re-download the report")
    if size > limit * 1024 * 1024:
        raise ReadError(f"file too large ({size / 1024 / 1024:.1f} MB > {limit:g} MB limit)",
                        "split it, or raise THIDUA_MAX_FILE_MB")
    data = path.read_bytes()
    name, reader = fmt
    extras = reader(data)
    text = extras.pop("text")
    if not any(ch.isalnum() for ch in text):  # blank, or only zero-width spaces and punctuation
        raise ReadError("no text found in the file", "check that it is a report and not an empty template")
    return Document(id=path.stem, path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                    format=name, text=text, **extras)
