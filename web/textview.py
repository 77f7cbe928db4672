"""The document text cut into segments for the page: plain runs and evidence highlights.

Each segment knows its start offset in the normalised text (so a selection maps back to
offsets) and the fields whose evidence covers it (so a click on a highlight finds its field).
Overlapping evidence is split at every boundary; no markup is built here (the template escapes).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from jinja2 import Template
from markupsafe import Markup

from pipeline.record import Record

MAX_CHARS = 400_000  # a longer text is shown cut, with a note (the download has all of it)


@dataclass
class Segment:
    start: int
    text: str
    fields: list[str]  # ids of the form fields whose evidence covers this run
    low: bool = False  # some of them have low confidence


def evidence_spans(record: Record) -> list[tuple[int, int, str, float]]:
    """(start, end, field id, confidence) for every value that has evidence."""
    spans = []
    singles = {"title": record.title, "published": record.published, "author": record.author,
               "meeting.date": record.meeting.date, "meeting.period": record.meeting.period,
               "meeting.venue": record.meeting.venue, "cluster": record.cluster}
    for name, found in singles.items():
        if found is not None and found.evidence is not None:
            spans.append((found.evidence.start, found.evidence.end, name, found.confidence))
    lists = {"meeting.kinds": record.meeting.kinds, "members": record.members, "participants": record.participants,
             "ranks": record.ranks, "heads": record.heads, "legal_refs": record.legal_refs}
    for name, items in lists.items():
        for i, item in enumerate(items):
            if item.evidence is not None:
                spans.append((item.evidence.start, item.evidence.end, f"{name}-{i}", item.confidence))
    return spans


def segments(text: str, record: Record, low_confidence: float) -> list[Segment]:
    return _segments(text[:MAX_CHARS], _spans(text[:MAX_CHARS], record), low_confidence)


def _spans(text: str, record: Record) -> tuple[tuple[int, int, str, float], ...]:
    return tuple((s, min(e, len(text)), f, c) for s, e, f, c in evidence_spans(record) if 0 <= s < e and s < len(text))


def _segments(text: str, spans: tuple, low_confidence: float) -> list[Segment]:
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        covering = [(f, c) for s, e, f, c in spans if s <= start and end <= e]
        out.append(Segment(start, text[start:end], [f for f, _ in covering],
                           any(c < low_confidence for _, c in covering)))
    return out


class TextPane:
    """The text as the page shows it, rendered by `template` (which escapes it), kept for the
    last few texts: the HTML depends only on the text and its evidence spans, which change far
    less often than the record is opened (a correction usually changes neither)."""

    def __init__(self, template: Template, low_confidence: float, size: int = 32):
        self.template, self.low_confidence = template, low_confidence
        self._render = lru_cache(maxsize=size)(self._html)

    def html(self, text: str, record: Record) -> Markup:
        text = text[:MAX_CHARS]
        return self._render(text, _spans(text, record))

    def _html(self, text: str, spans: tuple) -> Markup:
        return Markup(self.template.render(segments=_segments(text, spans, self.low_confidence)))
