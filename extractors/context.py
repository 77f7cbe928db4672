"""What every extractor reads: the normalised text, its lines and sentences, shared results."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.document import Document
from pipeline.normalize import NormalizedText, normalize
from pipeline.record import Evidence

# A sentence ends at . ! ? ; or a line break, but not inside numbers (07.3.2017), after single-letter
# initials or common abbreviations (TP. Hồ Chí Minh, Đ/c.).
_SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\b[A-ZĐ])(?<!\d)[.!?…]+(?=\s|$)|\n+")

_YEAR_AHEAD = re.compile(r"(?:19|20)\d{2}\b(?!\s*[|/])")


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Context:
    document: Document
    norm: NormalizedText
    shared: dict = field(default_factory=dict)  # results later extractors build on

    @classmethod
    def of(cls, document: Document) -> "Context":
        return cls(document=document, norm=normalize(document.text))

    @classmethod
    def from_text(cls, text: str, doc_id: str = "inline") -> "Context":
        """For tests and quick experiments: a context over an inline string."""
        doc = Document(id=doc_id, path=f"{doc_id}.txt", sha256="", format="txt", text=text)
        return cls.of(doc)

    @property
    def text(self) -> str:
        return self.norm.text

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
        return text[start - 1].isalnum() and (text[end].islower() or _YEAR_AHEAD.match(text, end) is not None)

    def _add_sentence(self, out: list[Span], start: int, end: int) -> None:
        chunk = self.text[start:end]
        stripped = chunk.strip()
        if stripped:
            s = start + (len(chunk) - len(chunk.lstrip()))
            out.append(Span(s, s + len(stripped), stripped))

    def sentence_at(self, offset: int) -> Span | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
