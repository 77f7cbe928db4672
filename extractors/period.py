"""The year the emulation work covers: "tổng kết ... năm 2017", "ký kết giao ước thi đua năm 2018"."""
from __future__ import annotations

import re

from extractors import vocab
from extractors.context import Context
from extractors.kinds import key_sentences
from pipeline.record import Value

# "năm 2017" (group 1, also "đợt 2-2024": the second round of 2024; "năm học 2012 - 2013": the school year
# ending in 2013), or a bare year (group 2)
_YEAR = re.compile(r"\b(?:năm|đợt\s+\d{1,2}\s*[-/]|năm\s+học\s+(?:19|20)\d{2}\s*[-–]\s*)\s*((?:19|20)\d{2})\b"
                   r"|(?<![\d/.\-])((?:19|20)\d{2})(?![\d/.\-])",
                   re.IGNORECASE)


_REVIEW_CUES = ("tong_ket", "so_ket", "cham_diem")
_OPENING_CUES = ("ky_ket_giao_uoc", "trien_khai")
# a sentence opening on the year it reviews: "Năm 2023, các đơn vị trong cụm đã ..."
_YEAR_OPENING = re.compile(r"^\W*(?:trong\s+)?năm\s+((?:19|20)\d{2})\s*,", re.IGNORECASE)


def find(ctx: Context) -> Value[int] | None:
    found = _named(ctx)
    reviewing = bool(ctx.kind_values & {"tong_ket", "so_ket"})
    if found is None or found.confidence >= 0.9 or _said_with_review_cue(ctx, found):
        return found
    # not a review: only a year said as the one ahead, in a report that opens none (a launch's plan is its year)
    if not reviewing and (ctx.kind_values & {"trien_khai", "ky_ket_giao_uoc"} or not _said_ahead(ctx, found)):
        return found
    # the year named is the one ahead (signing, launch, handover) and the report reviews the one before
    for sentence in ctx.sentences:
        m = _YEAR_OPENING.match(sentence.text)
        if m and int(m.group(1)) == found.value - 1:
            start = sentence.start + m.start(1)
            return Value[int](value=found.value - 1, evidence=ctx.evidence(start, start + 4), confidence=0.6)
    return found


# a cue for the year ahead right before the year: "ký kết giao ước thi đua năm 2019", "nhiệm vụ trọng tâm năm 2024"
_AHEAD_GAP = re.compile(r"[^.;:!?]{0,40}$")


def _said_ahead(ctx: Context, found: Value[int]) -> bool:
    """The year found is one ahead: a plan, tasks, the role of a head handed over for it (not a signing: a
    report of a signing with a word on the year before covers the year signed for)."""
    if found.evidence is None:
        return False
    start = found.evidence.start
    window = ctx.text[max(0, start - 60):start]
    return any(_AHEAD_GAP.fullmatch(window, m.end()) for m in vocab.compiled("dates", "year_ahead").finditer(window))


def _said_with_review_cue(ctx: Context, found: Value[int]) -> bool:
    """The nearest kind cue before the year is a review's ("tổng kết năm 2017"), not a signing's or a launch's
    ("bình xét ... và ký kết giao ước thi đua năm 2018")."""
    sentence = ctx.sentence_at(found.evidence.start) if found.evidence else None
    cues = ctx.cues(sentence.start, found.evidence.start, {*_REVIEW_CUES, *_OPENING_CUES}) if sentence else []
    return bool(cues) and max(cues, key=lambda c: c.start).text in _REVIEW_CUES


def _named(ctx: Context) -> Value[int] | None:
    cues = vocab.compiled("kinds")
    for sentence, weight in sorted(key_sentences(ctx), key=lambda sw: -sw[1]):  # title, lead, then the rest
        cue = cues.search(sentence.text)
        if not cue:
            continue
        for m in _YEAR.finditer(sentence.text, cue.start()):
            if m.group(1) or _after_cue(sentence.text, cue.end(), m.start()):
                start = sentence.start + m.start()
                return Value[int](value=int(m.group(1) or m.group(2)),
                                  evidence=ctx.evidence(start, sentence.start + m.end()),
                                  confidence=min(weight, 0.85))
    # A title or lead that names a year without a kind cue ("nhận bàn giao ... năm 2018")
    for sentence, _weight in key_sentences(ctx)[:2]:
        m = _YEAR.search(sentence.text)
        if m and m.group(1):
            start = sentence.start + m.start()
            return Value[int](value=int(m.group(1)), evidence=ctx.evidence(start, sentence.start + m.end()),
                              confidence=0.6)
    # An excerpt with no title or lead: the first "năm YYYY" said of the emulation work
    for sentence in ctx.sentences[:8]:
        if "thi đua" in sentence.text.lower() or _YEAR_OPENING.match(sentence.text):
            m = _YEAR.search(sentence.text)
            if m and m.group(1):
                start = sentence.start + m.start()
                return Value[int](value=int(m.group(1)), evidence=ctx.evidence(start, sentence.start + m.end()),
                                  confidence=0.5)
    return None


def _after_cue(text: str, cue_end: int, year_start: int) -> bool:
    return year_start - cue_end < 40


def from_meeting_date(ctx: Context, meeting_date) -> Value[int] | None:
    """Failing an explicit year, a review held from January to April covers the year before."""
    if meeting_date is None:
        return None
    d = meeting_date.value
    kinds = ctx.kind_values
    year = d.year - 1 if d.month <= 4 and kinds & {"tong_ket", "cham_diem"} else d.year
    return Value[int](value=year, evidence=meeting_date.evidence, confidence=0.5)
