"""Date expressions as Vietnamese reports write them: 23/3/2018, 25.03.2018, 22-01-2010,
03/ 02 /2017, 08 tháng 01 năm 2016, 16 tháng 12, 2023, 2025-11-26, 14, 15/9/2023 (two days), or a day
and month with no year (15/4, 25-2)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DATE = re.compile(
    r"(?P<iso>(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))"
    r"|(?P<rd>\d{1,2})\s*(?:,|và)\s*\d{1,2}\s*/\s*(?P<rm>\d{1,2})(?:\s*/\s*(?P<ry>(?:19|20)\d{2}))?(?![\d/])"
    r"|(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2}|\d{2}(?!\d)))?(?![\d/])"
    r"|(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:(?:\s+năm\s+|,\s*)(?P<wy>(?:19|20)\d{2})(?!\d))?",
    re.IGNORECASE,
)

_TIME_OF_DAY = re.compile(r"\b(?:sáng|chiều|tối|trưa|ngày)(?:\s+(?:nay|qua))?\s+$", re.IGNORECASE)


@dataclass
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None

    def to_date(self, year: int | None = None) -> dt.date | None:
        try:
            return dt.date(self.year or year, self.month, self.day) if (self.year or year) else None
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    out = []
    for m in DATE.finditer(text, start, len(text) if end is None else end):
        if m.group("iso"):
            d, mo, y = int(m.group("id")), int(m.group("im")), int(m.group("iy"))
        elif m.group("rd"):  # "ngày 14, 15/9/2023": a meeting over two days starts on the first
            d, mo, y = int(m.group("rd")), int(m.group("rm")), int(m.group("ry")) if m.group("ry") else None
        elif m.group("d"):
            d, mo = int(m.group("d")), int(m.group("m"))
            y = m.group("y")
            y = None if y is None else (int(y) + 2000 if len(y) == 2 else int(y))
            if m.group("sep") == "." and y is None and not _TIME_OF_DAY.search(text, max(0, m.start() - 12), m.start()):
                continue  # 3.5 is a number, not a date; "Chiều 7.1" is a date
        else:
            d, mo = int(m.group("wd")), int(m.group("wm"))
            y = int(m.group("wy")) if m.group("wy") else None
        if 1 <= d <= 31 and 1 <= mo <= 12:
            out.append(DateMention(m.start(), m.end(), d, mo, y))
    return out
