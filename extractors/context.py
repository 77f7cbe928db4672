"""What every component reads: the normalised text, its lines and sentences, and (typed, read from
the spaCy Doc's extensions) what earlier components found."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from pipeline.normalise.text import NormalizedText, normalize
from pipeline.read.document import Document
from pipeline.record import Evidence, Participant, Rank, Value

# A sentence ends at . ! ? ; or a line break, but not inside numbers (07.3.2017), after single-letter
# initials or common abbreviations (TP. Hồ Chí Minh, Đ/c.).
_SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\b[A-ZĐ])(?<!\d)[.!?…]+(?=\s|$)|\n+")

_OPEN_END = re.compile(r"(?:,|\s(?:và|của|các|cho|với|gồm))$")
_YEAR_AHEAD = re.compile(r"(?:19|20)\d{2}\b(?!\s*[|/])")


@dataclass
class Span:
    start: int
    end: int
    text: str


class LayeredText(str):
    """The normalised text (equal to it, character for character) carrying the span layer's UNIT index
    (`extractors.span_layer.UnitIndex`), so that the unit readers every relation step calls with the text
    read the units the layer marked on the Doc instead of parsing them again."""

    units = None


@dataclass
class Context:
    document: Document
    norm: NormalizedText
    doc: Doc | None = field(default=None, repr=False)  # the spaCy Doc over `text`, once the pipeline runs
    _layered: LayeredText | None = field(default=None, repr=False)

    @classmethod
    def of(cls, document: Document) -> Context:
        return cls(document=document, norm=normalize(document.text))

    @classmethod
    def from_text(cls, text: str, doc_id: str = "inline") -> Context:
        """For tests and quick experiments: a context over an inline string."""
        doc = Document(id=doc_id, path=f"{doc_id}.txt", sha256="", format="txt", text=text)
        return cls.of(doc)

    @property
    def text(self) -> str:
        return self._layered if self._layered is not None else self.norm.text

    @property
    def units(self):
        """The span layer's UNIT index (None before the layer ran)."""
        return self._layered.units if self._layered is not None else None

    @units.setter
    def units(self, index) -> None:
        self._layered = LayeredText(self.norm.text)
        self._layered.units = index

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence.of(self.text, start, end)

    @cached_property
    def lines(self) -> list[Span]:
        out, pos = [], 0
        for line in self.text.split("\n"):
            if line.strip() and line.strip() != "\f":
                out.append(Span(pos, pos + len(line), line))
            pos += len(line) + 1
        return out

    @cached_property
    def sentences(self) -> list[Span]:
        out, pos = [], 0
        for m in _SENTENCE_END.finditer(self.text):
            if self._wrapped(m.start(), m.end()):
                continue
            self._add_sentence(out, pos, m.end())
            pos = m.end()
        self._add_sentence(out, pos, len(self.text))
        return out

    def _wrapped(self, start: int, end: int) -> bool:
        """A single line break inside a running sentence (hard-wrapped text: the line ends in a word and the
        next goes on in lower case or with a number) does not end it."""
        text = self.text
        if text[start:end] != "\n" or start == 0 or end >= len(text):
            return False
        if _OPEN_END.search(text, max(0, start - 6), start):
            return True  # "... Hội Nông dân tỉnh và\nHội Liên hiệp phụ nữ tỉnh": a line cannot end on "và" or a comma
        return text[start - 1].isalnum() and (text[end].islower() or _YEAR_AHEAD.match(text, end) is not None)

    def _add_sentence(self, out: list[Span], start: int, end: int) -> None:
        chunk = self.text[start:end]
        stripped = chunk.strip()
        if stripped:
            s = start + (len(chunk) - len(chunk.lstrip()))
            out.append(Span(s, s + len(stripped), stripped))

    # What earlier components found (None or empty before they ran, or outside a pipeline run).
    def _found(self, name: str):
        return getattr(self.doc._, name) if self.doc is not None else None

    @property
    def title_span(self) -> Span | None:
        return _span(self._found("title"))

    @property
    def published_span(self) -> Span | None:
        return _span(self._found("published"))

    @property
    def meeting_date_span(self) -> Span | None:
        return _span(self._found("meeting_date"))

    @property
    def author_value(self) -> str | None:
        author = self._found("author")
        return author.value if author else None

    @property
    def ranks(self) -> list[Rank]:
        return self._found("ranks") or []

    @property
    def kinds(self) -> list[Value[str]]:
        return self._found("kinds") or []

    @property
    def kind_values(self) -> set[str]:
        return {k.value for k in self.kinds}

    @property
    def period(self) -> int | None:
        period = self._found("period")
        return period.value if period else None

    @property
    def published_year(self) -> int | None:
        published = self._found("published")
        return getattr(published.value, "year", None) if published else None

    @property
    def participants(self) -> list[Participant]:
        return self._found("participants") or []

    def cues(self, start: int, end: int, labels: frozenset[str] | set[str]) -> list[Span]:
        """Cue spans the "cues" component (a SpanRuler) found in [start, end), text = the label."""
        if self.doc is None or "cues" not in self.doc.spans:
            return []
        return [Span(s.start_char, s.end_char, s.label_) for s in self.doc.spans["cues"]
                if start <= s.start_char and s.end_char <= end and s.label_ in labels]

    def sentence_at(self, offset: int) -> Span | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


def _span(value) -> Span | None:
    if value is None or value.evidence is None:
        return None
    return Span(value.evidence.start, value.evidence.end, value.evidence.text)
