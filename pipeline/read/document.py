"""The document every reader returns and the result every processed file becomes.

Modelled on docling's ConversionResult: a bad file is a result with a status and a reason,
never an exception that stops a batch.
"""
from __future__ import annotations

import enum
import os
from pathlib import Path

from typing import Any

from pydantic import BaseModel, Field

from pipeline.record import TextOrigin


def shown_path(path: Path | str) -> str:
    """A path as text that can always be printed, logged and stored: bytes of a file name that
    are not UTF-8 (a zip from Windows, an old Mac disk) are shown escaped, b'bad\\xff.txt' as
    'bad\\\\xff.txt'; every other name is unchanged."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    # control characters (a newline in a name) escaped too: a name must not forge a second line
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


class ReadError(Exception):
    """An expected problem with an input file; the message is shown to the user as is."""

    def __init__(self, reason: str, hint: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.reason} ({self.hint})" if self.hint else self.reason


class NeedsOCR(ReadError):
    """A PDF (or image) without a text layer."""


class Origin(enum.StrEnum):
    """Where a reader found the text. A legacy-font conversion (`conversion`, `fonts`) can come on
    top of any of them, so it is not one of these."""

    TEXT = "text"  # a plain text file, decoded
    MARKUP = "markup"  # an HTML page's article, with the site furniture dropped
    TEXT_LAYER = "text layer"  # the text stored in a .docx or PDF
    OCR = "ocr"  # every page read by OCR (a scan, an image)
    TEXT_LAYER_AND_OCR = "text layer + ocr"  # a PDF with typed and scanned pages
    LIBREOFFICE = "libreoffice"  # a .doc/.rtf/.odt converted to .docx by LibreOffice, then read


class ReadResult(BaseModel):
    """What one reader got out of a file's bytes, before the checks every format shares
    (`pipeline.read.read_document` turns it into a `Document`)."""

    text: str
    origin: Origin
    pages: int | None = None
    tables: int = 0  # tables read into the text, one line per row, cells joined by " | "
    fonts: list[str] = Field(default_factory=list)  # pre-Unicode fonts converted (.VnTime, VNI-Times)
    encoding: str | None = None  # of a text file: utf-8, cp1258, tcvn3, vni, viqr...
    conversion: str | None = None  # legacy encoding converted to Unicode: tcvn3, vni, viqr
    converter: str | None = None  # e.g. "libreoffice 7.4.7.2" for a .doc
    plausibility: float | None = None
    ocr_pages: int | None = None
    ocr_confidence: float | None = None
    word_confidence: list[tuple[int, int, float]] = Field(default_factory=list, repr=False)
    warnings: list[str] = Field(default_factory=list)  # what was lost on the way (the file is still read)


class Document(BaseModel):
    """Text of one source file, with page/paragraph breaks kept as blank lines and form feeds."""

    id: str
    path: str
    sha256: str
    format: str  # txt | html | docx | pdf | image | doc | rtf | odt
    text: str
    read_from: Origin = Origin.TEXT  # where the reader found the text (text layer, OCR, LibreOffice...)
    encoding: str | None = None  # of a text file: utf-8, cp1258, tcvn3, vni, viqr...
    pages: int | None = None
    tables: int = 0
    fonts: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)  # the reader's, e.g. bytes it could not decode
    # How the text was obtained (shown on the archived record, pipeline.record.TextOrigin)
    conversion: str | None = None  # legacy encoding converted to Unicode: tcvn3, vni, viqr
    converter: str | None = None  # e.g. "libreoffice 7.4.7.2" for a .doc
    plausibility: float | None = None  # share of words that are Vietnamese syllables
    ocr_pages: int | None = None  # pages read by OCR
    ocr_confidence: float | None = None  # mean word confidence of the OCR, 0-1
    # OCR words as (start, end, confidence 0-1) in `text`, to lower the values read from them
    word_confidence: list[tuple[int, int, float]] = Field(default_factory=list, repr=False)

    def origin(self) -> TextOrigin:
        return TextOrigin(reader=self.format, converter=self.converter, encoding=self.encoding,
                          conversion=self.conversion,
                          plausibility=None if self.plausibility is None else round(self.plausibility, 3),
                          ocr_pages=self.ocr_pages,
                          ocr_confidence=None if self.ocr_confidence is None else round(self.ocr_confidence, 3))


class Status(str, enum.Enum):  # noqa: UP042 - StrEnum would change str(Status.OK) from "Status.OK"
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"


class DocumentResult(BaseModel):
    path: str
    doc_id: str
    status: Status
    reason: str | None = None
    document: Document | None = Field(default=None, exclude=True)
    normalized_text: str | None = Field(default=None, exclude=True)
    record: object | None = Field(default=None, exclude=True)  # pipeline.record.Record

    @property
    def problems(self) -> list:
        """What an ok file lost on the way (pipeline.record.Problem): a failed extractor's field, unreadable text."""
        return list(getattr(self.record, "problems", None) or [])

    @classmethod
    def failed(cls, path: Path, reason: str) -> DocumentResult:
        path = Path(path)
        return cls(path=shown_path(path), doc_id=shown_path(path.stem), status=Status.FAILED, reason=reason)

    def __reduce__(self):
        """Pickle (process pools, Dask workers) with the record as its JSON dump: the record's
        generic `Value[str]` classes cannot be found by name, so pickle cannot save them."""
        fields = {name: getattr(self, name) for name in ("path", "doc_id", "status", "reason", "document",
                                                           "normalized_text")}
        if isinstance(self.record, BaseModel):
            return _unpickle_result, (fields, type(self.record), self.record.model_dump(mode="json"))
        return _unpickle_result, (fields, None, self.record)


def _unpickle_result(fields: dict[str, Any], record_type: type[BaseModel] | None, record: Any) -> DocumentResult:
    if record_type is not None:
        record = record_type.model_validate(record)
    return DocumentResult(**fields, record=record)
