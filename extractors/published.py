"""Publication date: a date on a line of its own near the top ("Ngày đăng: 04/07/2017",
"(14:26 | 31/01/2018)", "Cập nhật: 22-01-2010", "Thứ Hai, 28/01/2019, 22:58 [GMT+7]"). "Near the top"
counts from the headline when there is one, since a page may open with a menu of short lines."""
from __future__ import annotations

import datetime as dt
import re

from extractors import vocab
from extractors.context import Context
from extractors.datetext import find_dates
from pipeline.record import Value

TOP_LINES = 8
_PLACE_DATE = re.compile(r"[^\W\d_][\w .'-]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2}\.?",
                         re.IGNORECASE)
# what may surround the date on a publication line besides a cue: times, weekdays, separators
_FILLER = re.compile(r"(view count|lượt xem|số lần đọc|lượt đọc)\s*:?\s*\d*|\bin bài viết\b"
                     r"|\d{1,2}:\d{2}(:\d{2})?|\[?gmt\s*\+?\d*\]?|[|()\[\],\-–:/ .]|\b(am|pm)\b", re.IGNORECASE)


def find(ctx: Context) -> Value[dt.date] | None:
    strong = vocab.compiled("dates", "published_strong")
    cue = vocab.compiled("dates", "published")
    weekday = vocab.compiled("dates", "weekday")
    title = ctx.title_span
    first = next((i for i, line in enumerate(ctx.lines) if title and line.end > title.start), 0)
    for line in ctx.lines[:max(TOP_LINES, first + TOP_LINES)]:
        lead_cue = strong.match(line.text.lstrip())
        if title and line.end <= title.start and _banner(line.text, weekday, strong):
            continue
        if len(line.text) > 90 and not lead_cue:
            continue
        # an administrative document's own place-and-date line: "Nam Đàn, ngày 14 tháng 12 năm 2023"
        if _PLACE_DATE.fullmatch(line.text.strip()):
            d = find_dates(ctx.text, line.start, line.end)
            if d and d[0].year and (value := d[0].to_date()):
                return Value[dt.date](value=value, evidence=ctx.evidence(line.start, line.end), confidence=0.9)
        dates = [d for d in find_dates(ctx.text, line.start, line.end) if d.year]
        if not dates:
            continue
        d = dates[0]
        lead = ctx.text[line.start:d.start]
        # "Ngày đăng: 04/07/2017 ..." / " date 2025-11-26 Chiều ...": the cue vouches for the date
        if (m := strong.search(lead)) and not lead[m.end():].strip(" :|-") and (value := d.to_date()):
            return Value[dt.date](value=value, evidence=ctx.evidence(line.start + m.start(), d.end),
                                  confidence=0.95)
        rest = ctx.text[line.start:d.start] + " " + ctx.text[d.end:line.end]
        rest = weekday.sub(" ", rest)
        has_cue = bool(strong.search(rest) or cue.search(rest))
        rest = cue.sub(" ", strong.sub(" ", rest))
        leftover = _FILLER.sub("", rest).strip()
        if leftover:
            continue
        value = d.to_date()
        if value:
            return Value[dt.date](value=value, evidence=ctx.evidence(line.start, line.end),
                                  confidence=0.95 if has_cue else 0.85)
    return _listing_date(ctx)


_BRACKETED_END = re.compile(r"\(\s*([^()]{6,12})\s*\)\s*$")


def _listing_date(ctx: Context) -> Value[dt.date] | None:
    """A headline closed by a full date in brackets, as listing pages print it ("... năm 2023 (16/12/2023)")."""
    title = ctx.title_span
    m = _BRACKETED_END.search(ctx.text, title.start, title.end) if title else None
    dates = find_dates(ctx.text, m.start(1), m.end(1)) if m else []
    whole = len(dates) == 1 and dates[0].year and (dates[0].start, dates[0].end) == m.span(1)
    value = dates[0].to_date() if whole else None
    return Value[dt.date](value=value, evidence=ctx.evidence(m.start(), m.end()), confidence=0.8) if value else None


_TIME = re.compile(r"\b\d{1,2}\s*[:hg]\s*\d{2}\b")


def _banner(line: str, weekday: re.Pattern, strong: re.Pattern) -> bool:
    """A site banner above the headline gives today's date ("Thứ sáu, 08/11/2024"), not the article's:
    a weekday and a date, with no time of publication and no publication cue."""
    return bool(weekday.search(line)) and not _TIME.search(line) and not strong.search(line)
