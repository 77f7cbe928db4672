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

LEAD_SENTENCES = 1
# later sentences that report what the meeting itself did ("Tại hội nghị, các đơn vị đã ký kết ...")
_ANCHOR = re.compile(r"^(?:\W*)(?:tại|cuối|kết thúc|trong khuôn khổ|trong chương trình)\s+(?:hội nghị|buổi|cuộc họp)|"
                     r"^(?:\W*)(?:hội nghị|buổi lễ|cuộc họp)\s+(?:cũng\s+)?(?:đã|thống nhất|tiến hành)|"
                     r"^(?:\W*)(?:dịp này|đồng thời|sau đó|cũng tại hội nghị)\b|"
                     r"\b(?:các đơn vị|đại diện|lãnh đạo)[^.;]{0,60}\b(?:đã\s+)?(?:cùng\s+)?(?:ký kết|ký giao ước)", re.IGNORECASE)
_BACKGROUND = re.compile(r"^\W*(?:năm\s+(?:19|20)\d{2}|trong năm|năm qua|thời gian qua|trước đó|"
                         r"(?:ngay\s+)?từ đầu năm|đầu năm|thời gian tới|năm tới)\b", re.IGNORECASE)
# kinds that later sentences may add; reviews and launches must be named in the title or lead
LATE_KINDS = {"ky_ket_giao_uoc", "cham_diem"}
_NOT_MEETING = re.compile(r"(tiêu chí|thang|cách|bảng|quy chế[^.;]{0,30})\s*$", re.IGNORECASE)


def key_sentences(ctx: Context) -> list[tuple[Span, float]]:
    """Sentences that say what the meeting was, with how much they say it: the title, the lead
    (first sentence with a meeting verb), then sentences anchored to the meeting."""
    title = ctx.shared.get("title_span")
    out: list[tuple[Span, float]] = []
    lead = 0
    verbs = vocab.compiled("domain", "meeting_verb")
    for s in ctx.sentences:
        if title and s.start < title.end and s.end > title.start:
            out.append((s, 0.9))
        elif lead < LEAD_SENTENCES and verbs.search(s.text) and not _BACKGROUND.search(s.text):
            out.append((s, 0.85))
            lead += 1
        elif _ANCHOR.search(s.text) and not _BACKGROUND.search(s.text):
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
            if weight < 0.8 and kind not in LATE_KINDS:
                continue
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
