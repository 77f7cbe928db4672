"""Scanned pages as images (.png, .jpg, .tif; every frame of a multi-page TIFF), read by OCR."""
from __future__ import annotations

import io

from pipeline.read import ocr
from pipeline.read.document import Origin, ReadError, ReadResult


def read(data: bytes) -> ReadResult:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    ocr.require("scanned image")
    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except Image.DecompressionBombError:
        raise ReadError("image too large to read safely", "scan at 200-300 dpi") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ReadError(f"not a readable image ({type(exc).__name__})", "the file is damaged or mislabelled") from None
    pages = [ocr.read_image(frame, number) for number, frame in enumerate(frames, start=1)]
    joined = ocr.join_pages(pages)
    if not any(ch.isalnum() for ch in joined.text):
        raise ReadError("OCR found no text in the image (blank or unreadable?)", "check the scan; re-scan at 300 dpi")
    return ReadResult(text=joined.text, origin=Origin.OCR, pages=len(pages), ocr_pages=len(pages),
                      ocr_confidence=joined.mean_confidence, word_confidence=joined.words)
