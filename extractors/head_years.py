"""Role mentions of heads ("Cụm trưởng", "phó khối") and the year rule, written once: the year a role is held
is the one named with it ("năm 2025", a school year's last year), else the period under review for a head serving
now, or the coming year for one elected, handed the role or newly in it ("tân Cụm trưởng")."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import vocab
from extractors.context import Context

# a term: its first year; a school year ("năm học 2023-2024"): the year it ends
_YEAR = re.compile(r"\b(?:năm|giai đoạn|nhiệm kỳ|năm học\s+(?:19|20)\d{2}\s*[-–]\s*)\s*((?:19|20)\d{2})\b",
                   re.IGNORECASE)
_YEAR_CLAUSE = re.compile(r"(?:^|[,:;]\s*)(?:trong\s+|sang\s+|đến\s+)?năm\s+((?:19|20)\d{2})\s*,", re.IGNORECASE)
_NEW_HOLDER = re.compile(r"(?:^|\s)[Tt]ân\s+$")  # "chúc mừng tân Cụm trưởng": the one just elected
_ELECTED = re.compile(r"được\s+(?:bầu\s+)?(?:làm|giữ)")
ELECTING = re.compile(r"bầu|đề cử|nhận bàn giao|đảm nhận")


@lru_cache(maxsize=1)
def role_pattern() -> re.Pattern:
    roles = vocab.phrases("heads", "truong") + vocab.phrases("heads", "pho")
    return re.compile(rf"(?<![^\W_])(?:{vocab.alternation(roles)})(?![^\W_])", re.IGNORECASE)


def role_of(mention: str) -> str:
    return vocab.labels("heads")[" ".join(mention.lower().split())]


@dataclass
class Mention:
    """One role mention ("Cụm trưởng") in its sentence, with the years it may be held."""

    m: re.Match
    s: int
    e: int
    role: str
    current: int | None  # the role held now (the year named, or the period under review)
    next_year: int | None  # the role taken on at this meeting
    elected: bool
    named: int | None = None  # the year written with the role, if any
    sure: bool = True  # False: the year is a guess (no year written, nothing says which meeting this is)

    @property
    def year(self) -> int | None:
        """The year the role applies to: the coming one for a unit elected or handed the role, else the current."""
        return self.next_year if self.elected else self.current


class RoleMatch:
    """A role mention of the span layer (doc.spans["role_mentions"]) with the face of a `re.Match`, for the readings."""

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start:self._end]


def roles(ctx: Context, start: int, end: int):
    """The role mentions in [start, end): the span layer's, or read from the text outside a pipeline run."""
    doc = ctx.doc
    if doc is None or "role_mentions" not in doc.spans:
        yield from role_pattern().finditer(ctx.text, start, end)
        return
    for span in doc.spans["role_mentions"]:
        if start <= span.start_char and span.end_char <= end:
            yield RoleMatch(ctx.text, span.start_char, span.end_char)


def mention(ctx: Context, m: re.Match, s: int, e: int) -> Mention:
    text, period = ctx.text, ctx.period
    elected = bool(vocab.compiled("heads", "handover").search(text, s, m.start())) or \
        bool(_ELECTED.search(text[max(s, m.start() - 30):m.start()])) or bool(_NEW_HOLDER.search(text, s, m.start()))
    year = _year_near(text, m, s, e)
    # elected at a review for the coming year; at a launch or handover, for this year - unless the report
    # came out after the year under review ended: then the coming year has begun
    reviewing = bool(ctx.kind_values & {"tong_ket", "so_ket", "cham_diem"})
    after_period = bool(period and ctx.published_year and ctx.published_year > period)
    next_year = year or (period + 1 if period and (reviewing or after_period) else period)
    # the year is a guess when none is written and nothing says whether this meeting reviews a year or opens one
    opening = bool(ctx.kind_values & {"trien_khai", "ky_ket_giao_uoc"})
    sure = year is not None or (period is not None and (not elected or reviewing or after_period or opening))
    return Mention(m, s, e, role_of(m.group(0)), year or period, next_year, elected, year, sure)


def carried(ctx: Context, x: Mention, announced: int | None) -> Mention:
    """"Hội nghị đã bầu Cụm trưởng, Cụm phó năm 2025. Theo đó, A làm Cụm trưởng ...": a sentence opening on a result
    gives the heads the sentence before announced, for the term it named."""
    if announced is None or x.elected or x.named is not None or \
            not vocab.compiled("heads", "result_opener").match(ctx.text, x.s):
        return x
    return dataclasses.replace(x, current=announced, next_year=announced, elected=True, sure=True)


def _year_near(text: str, m: re.Match, s: int, e: int) -> int | None:
    """An explicit "năm YYYY" tied to this role: just after it, or opening its sentence."""
    after = _YEAR.search(text, m.end(), min(e, m.end() + 110))
    if after and ";" not in text[m.end():after.start()] and (
            not role_pattern().search(text, m.end(), after.start()) or not _YEAR.search(text, s, m.start())):
        # "A làm Cụm trưởng, B làm Cụm phó năm 2024": the year closes both
        return int(after.group(1))
    clauses = list(_YEAR_CLAUSE.finditer(text, s, m.start()))
    before = _YEAR.search(text, s, min(m.start(), s + 12)) or (clauses[-1] if clauses else None)
    if before:  # "Năm 2025, A làm Cụm trưởng", "Theo đó, năm 2025, A là đơn vị Trưởng khối"
        return int(before.group(1))
    # "Cụm trưởng năm 2024 do A đảm nhận, Cụm phó là B": a year set for the other role
    role = role_of(m.group(0))
    earlier = [y for y in _YEAR.finditer(text, s, m.start())
               if any(role_of(r.group(0)) != role
                      for r in role_pattern().finditer(text, max(s, y.start() - 40), y.start()))]
    return int(earlier[-1].group(1)) if earlier else None

