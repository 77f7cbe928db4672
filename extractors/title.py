"""Title: the first line near the top that is about emulation work and is not a dateline or lead.

"Near the top" is before the lead, within the first MAX_LINES lines: a page may open with a menu of
short lines (site sections, tools) before its headline."""
from __future__ import annotations

import re

from extractors import vocab
from extractors.context import Context
from extractors.datetext import find_dates
from pipeline.record import Value

MAX_LINES = 25
_LEAD = re.compile(r"^\W*(\(\w+(\.\w+)*\)\s*-\s*)?(sáng|chiều|tối|trưa|ngày|hôm|vừa qua|trong|năm)\b", re.IGNORECASE)


def find(ctx: Context) -> Value[str] | None:
    topic = vocab.compiled("domain", "topic")
    for line in ctx.lines[:MAX_LINES]:
        text = line.text.strip()
        words = text.split()
        if _LEAD.match(text) and len(words) > 12:
            break  # the lead: the headline, if any, was above it
        if len(words) < 4 or len(text) > 300 or _LEAD.match(text):
            continue
        if find_dates(text) and len(words) < 8:
            continue
        if not topic.search(text):
            continue
        end = line.end - (len(line.text) - len(line.text.rstrip(" .")))
        return Value[str](value=ctx.text[line.start:end], evidence=ctx.evidence(line.start, end), confidence=0.8)
    return None
