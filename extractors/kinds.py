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

# later sentences that report what the meeting itself did ("Tại hội nghị, các đơn vị đã ký kết ...")
_ANCHOR = re.compile(r"^(?:\W*)(?:tại|cuối|kết thúc|trong khuôn khổ|trong chương trình)\s+(?:hội nghị|buổi|cuộc họp)|"
                     r"^(?:\W*)(?:hội nghị|buổi lễ|cuộc họp)\s+(?:cũng\s+|còn\s+)?(?:đã|thống nhất|tiến hành)|"
                     r"^(?:\W*)(?:dịp này|đồng thời|sau đó|cũng tại hội nghị|tại đây)\b|"
                     r"\b(?:các đơn vị|đại diện|lãnh đạo)[^.;]{0,60}\b(?:đã\s+)?(?:cùng\s+)?(?:ký kết|ký giao ước)|"
                     r"\bcác thành viên[^.;]{0,60}\bcùng\s+(?:ký kết|ký giao ước)", re.IGNORECASE)
# a lead usually opens on the meeting's date ("Ngày 12/1/2025, ...", "Sáng 8/1, ...", "Chiều nay 12/3 ...")
_DATED = re.compile(r"^\W*(?:(?:sáng|chiều|tối|trưa)(?:\s+(?:nay|qua|ngày))?|ngày|hôm nay|vào ngày)"
                    r"\s+\d{1,2}\s*[/.\-]\s*\d{1,2}", re.IGNORECASE)
# a working group announcing its scores reports what the meeting did ("Tổ công tác đã ... cho điểm")
_WORKING_GROUP = re.compile(r"^\W*(?:tổ|đoàn|hội đồng)\s+(?:công tác|thẩm định|kiểm tra|chấm điểm|thi đua)\b",
                            re.IGNORECASE)
# a review of the whole year's results, when nothing names the meeting ("trong năm 2024, cả 7 đơn vị ... hoàn thành")
_YEAR_RESULTS = re.compile(r"\b(?:trong|cả)\s+năm\s+(?:19|20)\d{2}\b[^.;]{0,120}\b(?:hoàn thành|đạt|vượt)\b",
                           re.IGNORECASE)
_REPORT = re.compile(r"\bbáo cáo\s+(tổng kết|sơ kết)\b", re.IGNORECASE)
_PRESENTED = re.compile(r"\b(?:trình bày|thông qua|nghe)\b", re.IGNORECASE)
_BRIEFING = re.compile(r"\bhội nghị giao ban\b[^.;]{0,60}?\bnăm\s+(?:19|20)\d{2}\b", re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"\b(?:quý|tháng|đợt|lần)\b", re.IGNORECASE)
_TITLE_ONLY = {"ký kết"}
_KINDS = frozenset(e["label"] for e in vocab.entries("kinds"))
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_BACKGROUND = re.compile(r"^\W*(?:năm\s+(?:19|20)\d{2}|trong năm|năm qua|thời gian qua|trước đó|"
                         r"(?:ngay\s+)?từ đầu năm|đầu năm|thời gian tới|năm tới)\b", re.IGNORECASE)
# kinds that later sentences may add; reviews and launches must be named in the title or lead, except a
# launch ("phát động") done at the meeting, and a review when neither title nor lead names any kind
LATE_KINDS = {"ky_ket_giao_uoc", "cham_diem"}
LATE_LAUNCH = re.compile(r"phát động|kế hoạch triển khai", re.IGNORECASE)
_NOT_MEETING = re.compile(r"(tiêu chí|thang|cách|bảng|quy chế[^.;]{0,30})\s*$", re.IGNORECASE)


def _lead_index(ctx: Context, candidates: list[Span]) -> int | None:
    """The lead: the first dated sentence naming a meeting or a kind, else the first with a meeting verb."""
    for i, s in enumerate(candidates):
        if _DATED.search(s.text) and ctx.cues(s.start, s.end, _KINDS | {"meeting_verb"}):
            return i
    return next((i for i, s in enumerate(candidates) if ctx.cues(s.start, s.end, {"meeting_verb"})), None)


def key_sentences(ctx: Context) -> list[tuple[Span, float]]:
    """Sentences that say what the meeting was, with how much they say it: the title, the lead
    (see `_lead_index`; a repeated headline is not the lead), then sentences anchored to the meeting."""
    title = ctx.title_span
    out: list[tuple[Span, float]] = []
    body = []
    for s in ctx.sentences:
        if title and s.start < title.end and s.end > title.start:
            out.append((s, 0.9))
        elif not (title and s.text.strip() == title.text.strip()) and not _BACKGROUND.search(s.text):
            body.append(s)
    lead = _lead_index(ctx, body)
    for i, s in enumerate(body):
        if i == lead:
            out.append((s, 0.85))
        elif _ANCHOR.search(s.text) or _WORKING_GROUP.search(s.text):
            out.append((s, 0.6))
    return out


def _cue_matches(ctx: Context, sentence: Span) -> list[Span]:
    """Kind cues in the sentence, overlapping ones included ("ký kết và phát động thi đua" names two kinds);
    none inside quotes."""
    quoted = [(sentence.start + m.start(), sentence.start + m.end()) for m in _QUOTED.finditer(sentence.text)]
    return [c for c in ctx.cues(sentence.start, sentence.end, _KINDS) if not any(a <= c.start < b for a, b in quoted)]


def _allowed(kind: str, cue: str, weight: float, early: bool) -> bool:
    return weight >= 0.8 or kind in LATE_KINDS or (kind == "trien_khai" and bool(LATE_LAUNCH.search(cue))) or \
        (not early and kind in ("tong_ket", "so_ket"))


def find(ctx: Context) -> list[Value[str]]:
    best: dict[str, Value[str]] = {}
    sentences = key_sentences(ctx)
    early = any(w >= 0.8 and _cue_matches(ctx, s) for s, w in sentences)
    for sentence, weight in sentences:
        for cue in _cue_matches(ctx, sentence):
            kind = cue.text  # the label
            if _NOT_MEETING.search(ctx.text[sentence.start:cue.start]):
                continue
            if not _allowed(kind, ctx.text[cue.start:cue.end], weight, early):
                continue
            if weight < 0.9 and ctx.text[cue.start:cue.end].lower() in _TITLE_ONLY:
                continue  # a bare "ký kết" names the meeting only in the headline
            if kind not in best or best[kind].confidence < weight:
                best[kind] = Value[str](value=kind, evidence=ctx.evidence(cue.start, cue.end), confidence=weight)
    if "tong_ket" not in best and (briefing := _annual_briefing(ctx, sentences)):
        best["tong_ket"] = briefing
    if ctx.ranks and "cham_diem" not in best:
        r = ctx.ranks[0]
        best["cham_diem"] = Value[str](value="cham_diem", evidence=r.evidence, confidence=0.7)
    if not best:
        return [_year_review(ctx) or Value[str](value="khac", evidence=None, confidence=0.4)]
    order = ["tong_ket", "so_ket", "cham_diem", "trien_khai", "ky_ket_giao_uoc", "khac"]
    return sorted(best.values(), key=lambda v: order.index(v.value))


def _annual_briefing(ctx: Context, sentences: list[tuple[Span, float]]) -> Value[str] | None:
    """"Hội nghị giao ban Cụm thi đua số 3 năm 2024" in the title or lead: the year's review (not a quarter's)."""
    for sentence, weight in sentences:
        m = _BRIEFING.search(sentence.text)
        if weight >= 0.85 and m and not _PART_OF_YEAR.search(m.group(0)):
            start = sentence.start + m.start()
            return Value[str](value="tong_ket", evidence=ctx.evidence(start, sentence.start + m.end()), confidence=0.6)
    return None


def _year_review(ctx: Context) -> Value[str] | None:
    """A review named only by the report presented ("trình bày dự thảo báo cáo tổng kết ...", "Báo cáo sơ kết ... do
    X trình bày"), or by the whole year's results."""
    for s in ctx.sentences:
        if (m := _REPORT.search(s.text)) and _PRESENTED.search(s.text):
            kind = "so_ket" if m.group(1).lower() == "sơ kết" else "tong_ket"
            return Value[str](value=kind, evidence=ctx.evidence(s.start + m.start(), s.start + m.end()),
                              confidence=0.5)
    for s in ctx.sentences:
        if m := _YEAR_RESULTS.search(s.text):
            return Value[str](value="tong_ket", evidence=ctx.evidence(s.start + m.start(), s.start + m.end()),
                              confidence=0.5)
    return None
