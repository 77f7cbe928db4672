"""Where the meeting was held: "tại Hội trường Liên đoàn Lao động huyện ..." in the dateline."""
from __future__ import annotations

import re

from extractors.context import Context
from pipeline.record import Value

_TAI = re.compile(r"\btại\s+", re.IGNORECASE)
_END = re.compile(r"\s*(?:[,.;:(]|\s-\s|$|\s(?:đã|đơn vị|tổ chức|diễn ra|Cụm|Khối|cụm thi đua|khối thi đua|"
                  r"Ban Thường trực|các đơn vị|nhận bàn giao|bàn giao)\b)")


def find(ctx: Context) -> Value[str] | None:
    anchor = ctx.meeting_date_span
    if anchor is None:
        return None
    sentence = ctx.sentence_at(anchor.start)
    if sentence is None:
        return None
    m = _TAI.search(ctx.text, anchor.end, sentence.end)
    if not m:
        return None
    end_m = _END.search(ctx.text, m.end() + 1, sentence.end + 1)
    end = end_m.start() if end_m else sentence.end
    venue = ctx.text[m.end():end].strip()
    if not venue or len(venue.split()) > 14:
        return None
    return Value[str](value=venue, evidence=ctx.evidence(m.end(), m.end() + len(venue)), confidence=0.75)
