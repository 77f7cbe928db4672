"""The day the meeting took place, with the year rule of GOLD_FORMAT.md when the text gives none."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from extractors import vocab
from extractors.context import Context
from extractors.datetext import DateMention, find_dates
from pipeline.record import Value

BODY_SENTENCES = 8
# a source line ("(Theo bản tin thời sự ngày 15/1/2025)", "Nguồn: ...") dates the source, not the meeting
_SOURCE = re.compile(r"^\W*(?:theo|nguồn)\b", re.IGNORECASE)
_TODAY = re.compile(r"(?:sáng|chiều|tối|trưa|hôm)\s+(?:nay|qua)\s*\(\s*$", re.IGNORECASE)
_CITED = re.compile(r"(số\s+)?\d+[\w\-]*/[\w\-/]+\s+(ngày\s+)?$|\(\s*$|[-–]\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _meeting_cue() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('dates', 'meeting'))})(?:\s+(?:nay|qua))?\s*\(?\s*$",
                      re.IGNORECASE)


def find(ctx: Context, published: Value[dt.date] | None, period: Value[int] | None,
         kinds: set[str]) -> Value[dt.date] | None:
    cue = _meeting_cue()
    today = _TODAY
    skip = ctx.published_span
    for sentence in ctx.sentences[:BODY_SENTENCES + 4]:
        if _SOURCE.search(sentence.text):
            continue
        for d in find_dates(ctx.text, sentence.start, sentence.end):
            if skip and skip.start <= d.start < skip.end:
                continue
            before = ctx.text[max(sentence.start, d.start - 30):d.start]
            if not today.search(before) and (_CITED.search(before) or not cue.search(before)):
                continue
            value, confidence = _resolve(d, published, period, kinds)
            if value:
                return Value[dt.date](value=value, evidence=ctx.evidence(d.start, d.end), confidence=confidence)
    return None


def _resolve(d: DateMention, published, period, kinds: set[str]) -> tuple[dt.date | None, float]:
    if d.year:
        return d.to_date(), 0.9
    if published:
        pub = published.value
        value = d.to_date(pub.year)
        if value and value > pub:  # "Ngày 26/12" published 03/02/2017 happened in 2016
            value = d.to_date(pub.year - 1)
        return value, 0.8
    if period:
        year = period.value
        review = bool(kinds & {"tong_ket", "so_ket", "cham_diem"})  # a review of N held Jan-May is in N+1
        if period.evidence and "năm học" in period.evidence.text.lower():
            year -= d.month >= 9  # school year N-1 - N (period N): September to December are in N-1
        elif review and d.month <= 5:
            year += 1
        return d.to_date(year), 0.6
    return None, 0.0
