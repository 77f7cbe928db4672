"""The one typed record shared by extractors, storage, export and the review page.

Every extracted value carries `evidence` (offsets into the normalised text) and a `confidence`
in [0, 1]; `Record.to_export()` gives exactly the GOLD_FORMAT JSON object. A value's text is one
line with single spaces, whoever made it (an extractor, a person, an archive read back): the text
of a value can span a line break ("Liên\nđoàn"), a form's input cannot (`clean_text`).
"""
from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field, field_validator

T = TypeVar("T")

MeetingKind = Literal["cham_diem", "ky_ket_giao_uoc", "so_ket", "tong_ket", "trien_khai", "khac"]
KINDS: tuple[str, ...] = ("cham_diem", "ky_ket_giao_uoc", "so_ket", "tong_ket", "trien_khai", "khac")


def clean_text(text: str) -> str:
    """Whitespace-normalised text: runs of spaces, tabs and line breaks become one space, none at the ends."""
    return " ".join(text.split())


class Evidence(BaseModel):
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        return cls(start=start, end=end, text=text[start:end])


class Found(BaseModel):
    """Why we believe a value: where it was read and how sure the rule is."""

    evidence: Evidence | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @field_validator("*", mode="after")
    @classmethod
    def _one_line(cls, value):
        """Every text a value holds (its `value`, a name, a unit, a title...), in every subclass."""
        return clean_text(value) if isinstance(value, str) else value


class Value(Found, Generic[T]):
    value: T


class Participant(Found):
    name: str
    title: str | None = None
    organization: str | None = None


class Member(Found):
    unit: str
    canonical: str | None = None  # registry name, when the unit is known there


class Rank(Found):
    unit: str
    rank: int
    score: float | None = None


class Head(Found):
    unit: str
    role: Literal["truong", "pho"]
    year: int | None = None


class LegalRef(Found):
    symbol: str


class Cluster(Found):
    name: str
    kind: Literal["cum", "khoi"]
    number: int | None = None


class TextOrigin(BaseModel):
    """How the record's text was obtained from its file: which reader, through which converter,
    from which legacy encoding, by OCR with what confidence, and how Vietnamese it reads."""

    reader: str  # txt | html | docx | pdf | image | doc | rtf | odt
    converter: str | None = None  # e.g. "libreoffice 7.4.7.2" (.doc -> .docx)
    encoding: str | None = None  # a text file's encoding: utf-8, cp1258, tcvn3, vni, viqr
    conversion: str | None = None  # legacy encoding converted to Unicode: tcvn3, vni, viqr
    plausibility: float | None = None  # share of words that are valid Vietnamese syllables
    ocr_pages: int | None = None
    ocr_confidence: float | None = None  # mean OCR word confidence, 0-1

    def describe(self) -> str:
        """One line for people: 'pdf, OCR of 2 page(s) (mean confidence 0.93), 98% Vietnamese'."""
        parts = [self.reader + (f" via {self.converter}" if self.converter else "")]
        if self.encoding and self.encoding not in ("utf-8", "unknown"):
            parts.append(f"encoding {self.encoding}")
        if self.conversion:
            parts.append(f"converted from {self.conversion.upper()}")
        if self.ocr_pages:
            confidence = f" (mean confidence {self.ocr_confidence:.2f})" if self.ocr_confidence is not None else ""
            parts.append(f"OCR of {self.ocr_pages} page(s){confidence}")
        if self.plausibility is not None:
            parts.append(f"{self.plausibility:.0%} Vietnamese syllables")
        return ", ".join(parts)


class Meeting(BaseModel):
    date: Value[dt.date] | None = None
    kinds: list[Value[MeetingKind]] = Field(default_factory=list)
    period: Value[int] | None = None
    venue: Value[str] | None = None


class Problem(BaseModel):
    """Something lost on the way to this record, the rest of which stands: an extractor that failed
    (its field is left empty), or part of the text the reader could not read (field "text")."""

    field: str  # the record field the extractor fills ("ranks", "meeting.venue"); "text" for the reader's warnings
    error: str  # "ValueError: ..." (an extractor's bug, for the report to the developers) or the reader's warning


class Record(BaseModel):
    doc_id: str
    sha256: str | None = None
    source_path: str | None = None
    title: Value[str] | None = None
    published: Value[dt.date] | None = None
    author: Value[str] | None = None
    meeting: Meeting = Field(default_factory=Meeting)
    cluster: Cluster | None = None
    members: list[Member] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    ranks: list[Rank] = Field(default_factory=list)
    heads: list[Head] = Field(default_factory=list)
    legal_refs: list[LegalRef] = Field(default_factory=list)
    origin: TextOrigin | None = None  # how the text was obtained (not part of GOLD_FORMAT)
    problems: list[Problem] = Field(default_factory=list)  # what was lost on the way (not part of GOLD_FORMAT)

    def to_export(self) -> dict:
        """The GOLD_FORMAT object: plain values, no evidence."""

        def val(v):
            if v is None:
                return None
            return v.value.isoformat() if isinstance(v.value, dt.date) else v.value

        return {
            "doc_id": self.doc_id,
            "title": val(self.title),
            "published": val(self.published),
            "author": val(self.author),
            "meeting": {
                "date": val(self.meeting.date),
                "kinds": [k.value for k in self.meeting.kinds],
                "period": val(self.meeting.period),
                "venue": val(self.meeting.venue),
            },
            "cluster": None if self.cluster is None else
            {"name": self.cluster.name, "kind": self.cluster.kind, "number": self.cluster.number},
            "members": [m.unit for m in self.members],
            "participants": [{"name": p.name, "title": p.title, "organization": p.organization}
                             for p in self.participants],
            "ranks": [{"unit": r.unit, "rank": r.rank, "score": r.score} for r in self.ranks],
            "heads": [{"unit": h.unit, "role": h.role, "year": h.year} for h in self.heads],
            "legal_refs": [r.symbol for r in self.legal_refs],
        }

    def confidences(self) -> list[tuple[str, float]]:
        """(field, confidence) of every value, lowest first."""
        pairs = []
        for path in FIELDS:
            value = self._at(path)
            if isinstance(value, list):
                pairs += [(f"{path}[{i}]", item.confidence) for i, item in enumerate(value)]
            elif value is not None:
                pairs.append((path, value.confidence))
        return sorted(pairs, key=lambda p: p[1])

    def _at(self, path: str):
        """The model value at a GOLD_FORMAT path ("title", "meeting.kinds")."""
        node = self
        for part in path.split("."):
            node = getattr(node, part)
        return node

    def lowest_confidence(self) -> float | None:
        """The review queue sorts by this: the least certain value in the record (None: no values)."""
        return min((confidence for _, confidence in self.confidences()), default=None)


# Review: a value less certain than this is marked on the record page and puts the record in the
# review queue (one threshold for both, so what the page marks is what the queue holds).
LOW_CONFIDENCE = 0.5


def _gold_fields() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], dict[str, tuple[str, ...]]]:
    """GOLD_FORMAT's field paths derived from the models, so they are written once: every field, the
    scalars (a `Value`), the lists, and the attributes of object-valued fields and list items."""
    own = set(Found.model_fields)
    fields, scalars, lists, attrs = [], [], [], {}
    paths = [(name, Record.model_fields[name]) for name in ("title", "published", "author")]
    paths += [(f"meeting.{name}", info) for name, info in Meeting.model_fields.items()]
    paths += [(name, Record.model_fields[name]) for name in ("cluster", "members", "participants", "ranks",
                                                            "heads", "legal_refs")]
    for path, info in paths:
        fields.append(path)
        kind = info.annotation
        item = getattr(kind, "__args__", (kind,))[0]
        if getattr(kind, "__origin__", None) is list:
            lists.append(path)
        elif isinstance(item, type) and issubclass(item, Value):
            scalars.append(path)
        if isinstance(item, type) and issubclass(item, Found) and not issubclass(item, Value):
            attrs[path] = tuple(n for n in item.model_fields if n not in own and n != "canonical")
    return tuple(fields), tuple(scalars), tuple(lists), attrs


FIELDS, SCALARS, LISTS, ITEM_ATTRS = _gold_fields()
