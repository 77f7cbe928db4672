"""Ranks of units in the cluster: "X đứng thứ 2", "xếp thứ nhất", "Nhất cụm: X", "X dẫn đầu
... với 89 điểm", rows of a ranking table ("1 | UBND huyện A | 96,5 | Nhất"). Rankings of other
things ("xếp thứ 48/63 tỉnh", revenue, PCI) are not emulation ranks."""
from __future__ import annotations

import re

from extractors import units, vocab
from extractors.context import Context
from pipeline.record import Rank

_NUMBER = r"(?P<num>\d{1,2})(?![\d/])"
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


def find(ctx: Context) -> list[Rank]:
    text = ctx.text
    out: list[Rank] = []
    not_emulation = vocab.compiled("ranks", "not_emulation")
    ordinal_words = vocab.alternation(list(_ordinals()))

    def add(span, rank, score, ev_start, ev_end, confidence):
        if span is None or rank is None:
            return
        unit = text[span[0]:span[1]]
        if units.is_generic(unit):
            return
        for r in out:
            if r.rank == rank and units.same(r.unit, unit):
                return
        out.append(Rank(unit=unit, rank=rank, score=score, evidence=ctx.evidence(min(span[0], ev_start), max(span[1], ev_end)),
                        confidence=confidence))

    for sentence in ctx.sentences:
        s, e = sentence.start, sentence.end
        if " | " in sentence.text:
            continue
        after = re.compile(rf"(?:{vocab.alternation(vocab.phrases('ranks', 'after_unit'))})\s+(?:{_NUMBER}|(?P<word>{ordinal_words})\b)", re.IGNORECASE)
        for m in after.finditer(text, s, e):
            tail = text[m.end():min(e, m.end() + 30)]
            if re.match(r"\s*/\s*\d", tail) or not_emulation.search(text[max(s, m.start() - 60):min(e, m.end() + 40)]):
                continue
            rank = _rank_value(m.group("num") or m.group("word"))
            named_after = re.compile(r"\s+(?:là|thuộc về)\s+").match(text, m.end())
            if named_after:  # "xếp thứ hai là Công an tỉnh Bắc Ninh"
                for span in units.unit_list_after(text, named_after.end(), e) or []:
                    add(span, rank, _score_near(text, span[1], min(e, span[1] + 40)), m.start(), m.end(), 0.85)
                continue
            span = units.unit_before(text, m.start(), s)
            if span is None and text[max(s, m.start() - 1):m.start()] == "(":
                # "1. UBND xã Minh Đức: 95,5 điểm (Xếp thứ Nhất)": the unit opens the item
                item = max(s, max(text.rfind(c, s, m.start()) for c in ";\n") + 1)
                numbered = re.compile(r"\s*(?:\d{1,2}[.)]\s*|[-+•]\s*)?").match(text, item)
                head = units.unit_after(text, numbered.end(), m.start())
                if head is not None:
                    add(head, rank, _score_near(text, head[1], m.start()), m.start(), m.end(), 0.85)
                    continue
            score = _score_near(text, m.end(), min(e, m.end() + 40))
            if span is None:
                # "Huyện đoàn Vũng Liêm đạt 95 điểm, đứng thứ 1"
                clause = max(s, max(text.rfind(c, s, m.start()) for c in ";:") + 1)
                subject = _subject_before(text, m.start(), clause, across_commas=True)
                span = subject[0] if subject else None
                if span is not None:
                    score = _score_near(text, span[1], m.start())
            add(span, rank, score, m.start(), m.end(), 0.8)
        before = re.compile(rf"(?:{vocab.alternation(vocab.phrases('ranks', 'before_unit'))})(?:\s*:|\s+là\b)?\s*", re.IGNORECASE)
        for m in before.finditer(text, s, e):
            if _AFTER_UNIT_VERB.search(text, max(s, m.start() - 12), m.start()):
                continue  # "X đứng thứ ba": read above, the unit comes first
            word = re.search(rf"({ordinal_words}|đầu)", m.group(0), re.IGNORECASE)
            rank = 1 if word is None or word.group(1).lower() == "đầu" else _rank_value(word.group(1))
            found = units.unit_list_after(text, m.end(), e) if re.search(r"\slà\s*$", m.group(0)) else []
            for span in found or [units.unit_after(text, m.end(), e)]:
                add(span, rank, _score_near(text, span[1] if span else m.end(), min(e, m.end() + 80)),
                    m.start(), m.end(), 0.85)
        for m in vocab.compiled("ranks", "unit_is_ordinal").finditer(text, s, e):
            # "xã A được công nhận là đơn vị nhất cụm, xã B là đơn vị nhì cụm"
            rank = _rank_value(re.search(rf"\b({ordinal_words})\s+(?:cụm|khối)", m.group(0), re.IGNORECASE).group(1))
            clause = max(s, max(text.rfind(c, s, m.start()) for c in ",;:") + 1)
            for span in _subject_before(text, m.end(), clause):
                add(span, rank, _score_near(text, m.end(), min(e, m.end() + 60)), m.start(), m.end(), 0.8)
        leader = vocab.compiled("ranks", "leader")
        for m in leader.finditer(text, s, e):
            window = text[max(s, m.start() - 80):min(e, m.end() + 80)]
            near = text[max(s, m.start() - 40):m.start()]
            if not_emulation.search(window) or (re.search(r"\bcho\s*$|\bđề nghị\b[^.]*$", near) and not _FLAG.search(near)):
                continue
            score = _score_near(text, m.end(), min(e, m.end() + 80))
            spans = [units.unit_before(text, m.start(), s)]
            if spans[0] is None or units.is_generic(text[spans[0][0]:spans[0][1]]):
                spans = (_subject_before(text, m.start(), s) or _after_leader(text, m.end(), e)
                         or _subject_before(text, m.start(), s, across_commas=True))
            for span in spans:
                # "X đạt 985/1.000 điểm, đứng đầu cụm": the score may come before the cue
                before_score = _score_near(text, span[1], m.start()) if span and span[1] < m.start() else None
                add(span, 1, score if score is not None else before_score, m.start(), m.end(), 0.7)
    out.extend(r for r in table_ranks(ctx) if not any(units.same(r.unit, o.unit) and r.rank == o.rank for o in out))
    return out


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
    m = re.compile(r"[^.;]{0,60}?\b(?:cho|là|thuộc về)\s+(?:\d+\s+(?:tập thể|đơn vị)\s*)?\(?\s*(?:đơn vị\s+)?").match(text, pos, end)
    return units.unit_list_after(text, m.end(), end) if m else []


def table_ranks(ctx: Context) -> list[Rank]:
    """Rows of a ranking table, as readers write them: cells joined by ' | '. A number in the
    last column is a rank only under a rank header ("Xếp hạng"); words (Nhất, Nhì) always are."""
    out = []
    rank_header = any(" | " in line.text and re.search(r"(?i)\b(xếp hạng|thứ hạng|hạng|xếp thứ|thứ tự xếp)\b", line.text)
                      for line in ctx.lines)
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
            start = line.start + line.text.index(unit)
            out.append(Rank(unit=unit, rank=rank, score=score, evidence=ctx.evidence(line.start, line.end), confidence=0.9))
    return out
