"""Meeting kinds (chấm điểm, ký kết giao ước, sơ kết, tổng kết, triển khai, khác).

A cue counts when it describes the meeting itself: in the title, in the lead, or in a sentence
anchored to the meeting ("tại hội nghị", "các đơn vị đã ký kết"). Background mentions of last
year's signing do not.
"""
from __future__ import annotations

import re

from extractors import vocab
from extractors.context import Context, Span
from pipeline.record import Value

LEAD_SENTENCES = 3
_ANCHOR = re.compile(r"hội nghị|tại buổi|buổi (họp|làm việc|lễ)|tiến hành|cuối buổi|dịp này|đồng thời|cùng nhau|các đơn vị trong (cụm|khối)", re.IGNORECASE)
_NOT_MEETING = re.compile(r"(tiêu chí|thang|cách|bảng|quy chế[^.;]{0,30})\s*$", re.IGNORECASE)


def key_sentences(ctx: Context) -> list[tuple[Span, float]]:
    """Sentences that say what the meeting was, with how much they say it."""
    title = ctx.shared.get("title_span")
    out: list[tuple[Span, float]] = []
    lead = 0
    verbs = vocab.compiled("domain", "meeting_verb")
    for s in ctx.sentences:
        if title and s.start < title.end and s.end > title.start:
            out.append((s, 0.9))
        elif lead < LEAD_SENTENCES and verbs.search(s.text):
            out.append((s, 0.85))
            lead += 1
        elif _ANCHOR.search(s.text):
            out.append((s, 0.6))
    return out


def find(ctx: Context) -> list[Value[str]]:
    cues = vocab.compiled("kinds")
    label = vocab.labels("kinds")
    best: dict[str, Value[str]] = {}
    for sentence, weight in key_sentences(ctx):
        for m in cues.finditer(sentence.text):
            if _NOT_MEETING.search(sentence.text[:m.start()]):
                continue
            kind = label[" ".join(m.group(0).lower().split())]
            start = sentence.start + m.start()
            if kind not in best or best[kind].confidence < weight:
                best[kind] = Value[str](value=kind, evidence=ctx.evidence(start, start + len(m.group(0))),
                                        confidence=weight)
    if ctx.shared.get("ranks") and "cham_diem" not in best:
        r = ctx.shared["ranks"][0]
        best["cham_diem"] = Value[str](value="cham_diem", evidence=r.evidence, confidence=0.7)
    if not best:
        return [Value[str](value="khac", evidence=None, confidence=0.4)]
    order = ["tong_ket", "so_ket", "cham_diem", "trien_khai", "ky_ket_giao_uoc", "khac"]
    return sorted(best.values(), key=lambda v: order.index(v.value))
