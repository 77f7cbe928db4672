"""Ranks of units in the cluster: "X đứng thứ 2", "xếp thứ nhất", "Nhất cụm: X", "X dẫn đầu
... với 89 điểm", rows of a ranking table ("1 | UBND huyện A | 96,5 | Nhất"). Rankings of other
things ("xếp thứ 48/63 tỉnh", revenue, PCI) are not emulation ranks."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import unit_lists, units, vocab
from extractors.context import Context
from pipeline.record import Rank

_NUMBER = r"(?P<num>\d{1,2})(?![\d/])"
_GIVEN_TO = re.compile(r"[^.;]{0,60}?\b(?:cho|là|thuộc về)\s+(?:\d+\s+(?:tập thể|đơn vị)\s*)?\(?\s*(?:đơn vị\s+)?")
_RANK_HEADER = re.compile(r"(?i)\b(xếp hạng|thứ hạng|hạng|xếp thứ|thứ tự xếp)\b")
_NAMED_AFTER = re.compile(r"\s+(?:là|thuộc về)\s+")
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}[.)]\s*|[-+•]\s*)?")
_PROPOSED_OR_GIVEN = re.compile(r"\bcho\s*$|\bđề nghị\b[^.]*$")
_AFTER_UNIT_VERB = re.compile(r"(?:đứng|xếp|vị trí|hạng)\s*$", re.IGNORECASE)
_FLAG = re.compile(r"\btặng\s+(?:bức\s+)?cờ\b", re.IGNORECASE)  # "tặng cờ thi đua dẫn đầu cụm cho X": X leads
_SCORE = re.compile(r"(?P<score>\d{1,4}(?:[.,]\d{1,2})?)(?:\s*/\s*[\d.,]+)?\s*điểm")


def _ordinals() -> dict[str, int]:
    return {e["pattern"]: e["rank"] for e in vocab.entries("ranks") if e["label"] == "ordinal"}


def _rank_value(token: str) -> int | None:
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return _ordinals().get(token)


def _score_near(text: str, start: int, end: int) -> float | None:
    m = _SCORE.search(text, start, end)
    return float(m.group("score").replace(",", ".")) if m else None


@lru_cache(maxsize=1)
def _ordinal_words() -> str:
    return vocab.alternation(list(_ordinals()))


@lru_cache(maxsize=1)
def _after_pattern() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('ranks', 'after_unit'))})\s+"
                      rf"(?:{_NUMBER}|(?P<word>{_ordinal_words()})\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _before_pattern() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('ranks', 'before_unit'))})(?:\s*:|\s+là\b)?\s*",
                      re.IGNORECASE)


class _Found:
    """Ranks found so far in one document; a unit is ranked once per rank."""

    def __init__(self, ctx: Context):
        self.ctx, self.out = ctx, []

    def add(self, span, rank, score, ev_start, ev_end, confidence) -> None:
        if span is None or rank is None:
            return
        unit = self.ctx.text[span[0]:span[1]]
        if units.is_generic(unit) or any(r.rank == rank and units.same(r.unit, unit) for r in self.out):
            return
        evidence = self.ctx.evidence(min(span[0], ev_start), max(span[1], ev_end))
        self.out.append(Rank(unit=unit, rank=rank, score=score, evidence=evidence, confidence=confidence))


def find(ctx: Context) -> list[Rank]:
    found = _Found(ctx)
    for sentence in ctx.sentences:
        if " | " in sentence.text:
            continue
        _after_unit(ctx.text, sentence.start, sentence.end, found)
        _before_unit(ctx.text, sentence.start, sentence.end, found)
        _unit_is_ordinal(ctx.text, sentence.start, sentence.end, found)
        _leaders(ctx.text, sentence.start, sentence.end, found)
    out = found.out
    out.extend(r for r in table_ranks(ctx) if not any(units.same(r.unit, o.unit) and r.rank == o.rank for o in out))
    return out


def _after_unit(text: str, s: int, e: int, found: _Found) -> None:
    """"X đứng thứ 2", "xếp thứ hai là Công an tỉnh Bắc Ninh", "UBND xã A: 95,5 điểm (Xếp thứ Nhất)"."""
    not_emulation = vocab.compiled("ranks", "not_emulation")
    for m in _after_pattern().finditer(text, s, e):
        tail = text[m.end():min(e, m.end() + 30)]
        if re.match(r"\s*/\s*\d", tail) or not_emulation.search(text[max(s, m.start() - 60):min(e, m.end() + 40)]):
            continue
        rank = _rank_value(m.group("num") or m.group("word"))
        named_after = _NAMED_AFTER.match(text, m.end())
        if named_after:  # "xếp thứ hai là Công an tỉnh Bắc Ninh"
            for span in unit_lists.unit_list_after(text, named_after.end(), e) or []:
                if _ranked_itself(text, span):
                    break  # "thứ hai là A và B đứng thứ ba": B has a rank of its own, read at its cue
                found.add(span, rank, _score_near(text, span[1], min(e, span[1] + 40)), m.start(), m.end(), 0.85)
            continue
        span = units.unit_before(text, m.start(), s)
        if span is None and text[max(s, m.start() - 1):m.start()] == "(" and _item_head(text, s, m, rank, found):
            continue
        score = _score_near(text, m.end(), min(e, m.end() + 40))
        if span is None:
            # "Huyện đoàn Vũng Liêm đạt 95 điểm, đứng thứ 1"
            clause = max(s, max(text.rfind(c, s, m.start()) for c in ";:") + 1)
            subject = _subject_before(text, m.start(), clause, across_commas=True)
            span = subject[0] if subject else None
            if span is not None:
                score = _score_near(text, span[1], m.start())
        found.add(span, rank, score, m.start(), m.end(), 0.8)


def _item_head(text: str, s: int, m: re.Match, rank: int | None, found: _Found) -> bool:
    """"1. UBND xã Minh Đức: 95,5 điểm (Xếp thứ Nhất)": the unit opens the item."""
    item = max(s, max(text.rfind(c, s, m.start()) for c in ";\n") + 1)
    numbered = _ITEM_NUMBER.match(text, item)
    head = units.unit_after(text, numbered.end(), m.start())
    if head is None:
        return False
    found.add(head, rank, _score_near(text, head[1], m.start()), m.start(), m.end(), 0.85)
    return True


def _ranked_itself(text: str, span: tuple[int, int]) -> bool:
    """A listed unit that carries its own rank cue ("... và B đứng thứ ba"), inside its span or right after it."""
    return bool(_after_pattern().search(text, span[0], span[1]) or _after_pattern().match(
        text, span[1] + len(text[span[1]:span[1] + 3]) - len(text[span[1]:span[1] + 3].lstrip())))


def _before_unit(text: str, s: int, e: int, found: _Found) -> None:
    """"Nhất cụm: X", "thứ nhì xã A", "Đơn vị dẫn đầu khối: X", "dẫn đầu là A, B"."""
    for m in _before_pattern().finditer(text, s, e):
        if _AFTER_UNIT_VERB.search(text, max(s, m.start() - 12), m.start()):
            continue  # "X đứng thứ ba": read above, the unit comes first
        word = re.search(rf"({_ordinal_words()}|đầu)", m.group(0), re.IGNORECASE)
        rank = 1 if word is None or word.group(1).lower() == "đầu" else _rank_value(word.group(1))
        spans = unit_lists.unit_list_after(text, m.end(), e) if re.search(r"\slà\s*$", m.group(0)) else []
        for span in [sp for sp in spans if not _ranked_itself(text, sp)] or [units.unit_after(text, m.end(), e)]:
            found.add(span, rank, _score_near(text, span[1] if span else m.end(), min(e, m.end() + 80)),
                      m.start(), m.end(), 0.85)


def _unit_is_ordinal(text: str, s: int, e: int, found: _Found) -> None:
    """"xã A được công nhận là đơn vị nhất cụm, xã B là đơn vị nhì cụm"."""
    for m in vocab.compiled("ranks", "unit_is_ordinal").finditer(text, s, e):
        word = re.search(rf"\b({_ordinal_words()})\s+(?:cụm|khối)", m.group(0), re.IGNORECASE)
        clause = max(s, max(text.rfind(c, s, m.start()) for c in ",;:") + 1)
        for span in _subject_before(text, m.end(), clause):
            found.add(span, _rank_value(word.group(1)), _score_near(text, m.end(), min(e, m.end() + 60)),
                      m.start(), m.end(), 0.8)


def _leaders(text: str, s: int, e: int, found: _Found) -> None:
    """"X dẫn đầu cụm", "tặng cờ thi đua dẫn đầu cụm cho X" (not a proposal for something else)."""
    not_emulation = vocab.compiled("ranks", "not_emulation")
    for m in vocab.compiled("ranks", "leader").finditer(text, s, e):
        near = text[max(s, m.start() - 40):m.start()]
        if not_emulation.search(text[max(s, m.start() - 80):min(e, m.end() + 80)]) or \
                (_PROPOSED_OR_GIVEN.search(near) and not _FLAG.search(near)):
            continue
        score = _score_near(text, m.end(), min(e, m.end() + 80))
        # "UBND tỉnh tặng cờ thi đua dẫn đầu cho X": X leads, not the giver
        spans = _after_leader(text, m.end(), e) if _FLAG.search(near) else []
        spans = spans or [units.unit_before(text, m.start(), s)]
        if spans[0] is None or units.is_generic(text[spans[0][0]:spans[0][1]]):
            spans = (_subject_before(text, m.start(), s) or _after_leader(text, m.end(), e)
                     or _subject_before(text, m.start(), s, across_commas=True))
        for span in spans:
            # "X đạt 985/1.000 điểm, đứng đầu cụm": the score may come before the cue
            before_score = _score_near(text, span[1], m.start()) if span and span[1] < m.start() else None
            found.add(span, 1, score if score is not None else before_score, m.start(), m.end(), 0.7)


def _subject_before(text: str, pos: int, floor: int, across_commas: bool = False) -> list:
    """"Thaco là doanh nghiệp đạt thành tích tốt nhất", "suy tôn đơn vị X đạt danh hiệu Lá cờ đầu",
    "Công an tỉnh Thái Nguyên được các đơn vị ... suy tôn là đơn vị dẫn đầu"."""
    stops = ";" if across_commas else ",;"
    clause_start = max(floor, max(text.rfind(c, floor, pos) for c in stops) + 1, pos - 160)
    verbs = list(re.finditer(r"\s(?:là|đạt|được)\b", text[clause_start:pos]))
    for v in reversed(verbs):
        span = units.unit_before(text, clause_start + v.start(), clause_start)
        if span and not units.is_generic(text[span[0]:span[1]]):
            return [span]
    return []


def _after_leader(text: str, pos: int, end: int) -> list:
    """"tặng Cờ “Đơn vị dẫn đầu phong trào thi đua” cho 02 tập thể (Sở A, Sở B)", "dẫn đầu là X"."""
    m = _GIVEN_TO.match(text, pos, end)
    return unit_lists.recipients_after(text, m.end(), end) if m else []


def table_ranks(ctx: Context) -> list[Rank]:
    """Rows of a ranking table, as readers write them: cells joined by ' | '. A number in the
    last column is a rank only under a rank header ("Xếp hạng"); words (Nhất, Nhì) always are."""
    out = []
    rank_header = any(" | " in line.text and _RANK_HEADER.search(line.text) for line in ctx.lines)
    for line in ctx.lines:
        cells = [c.strip() for c in line.text.split(" | ")]
        if len(cells) < 3:
            continue
        rank = unit = score = None
        for c in cells[1:]:
            low = c.lower().removeprefix("hạng ").removeprefix("thứ ")
            if rank is None and (_rank_value(low) is not None) and cells.index(c) == len(cells) - 1 \
                    and (rank_header or not low.isdigit()):
                rank = _rank_value(low)
            elif score is None and re.fullmatch(r"\d{1,4}(?:[.,]\d{1,2})?", c) and unit:
                score = float(c.replace(",", "."))
            elif unit is None and re.search(r"[^\W\d_]{2,}", c):
                unit = c
        if rank is None and score is not None and cells[0].isdigit():
            continue  # a numbered list of scores without a stated rank
        if unit and rank:
            out.append(Rank(unit=unit, rank=rank, score=score, evidence=ctx.evidence(line.start, line.end),
                            confidence=0.9))
    return out
