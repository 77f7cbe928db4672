"""Heads and deputies of the cluster (cụm/khối trưởng, cụm/khối phó) with the year they hold
the role: the year under review, or the next year when elected or handed over.

Readings, most specific first: "X (Cụm trưởng)"; a person who is or represents the head
("Giám đốc Sở Tư pháp (đơn vị khối trưởng)"); "Khối trưởng (Bộ Công an)"; "X làm/là/- Cụm
trưởng"; "Cụm trưởng ... là/cho X" (with "từ Y" naming the outgoing head).
"""
from __future__ import annotations

import re

from extractors import units, vocab
from extractors.context import Context
from pipeline.record import Head

_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_CLUSTER_WORD = re.compile(r"^(cụm|khối|thi đua)\b", re.IGNORECASE)
_NAMED_AFTER = re.compile(r"[^,;]{0,60}?\s(?:là|cho|do|thuộc về)\s")  # "đơn vị Cụm phó là X": X is named after
_APPOSITION = re.compile(r"(?:,|\()\s*(?:là\s+)?đơn vị\s*$", re.IGNORECASE)


def _role_pattern() -> re.Pattern:
    return re.compile(rf"(?<![^\W_])(?:{vocab.alternation(vocab.phrases('heads', 'truong') + vocab.phrases('heads', 'pho'))})(?![^\W_])", re.IGNORECASE)


def _role_of(mention: str) -> str:
    return vocab.labels("heads")[" ".join(mention.lower().split())]


def find(ctx: Context) -> list[Head]:
    text = ctx.text
    period = ctx.period
    participants = ctx.participants
    handover = vocab.compiled("heads", "handover")
    out: list[Head] = []

    def add(span_or_unit, role, year, ev_start, ev_end, confidence):
        unit = text[span_or_unit[0]:span_or_unit[1]] if isinstance(span_or_unit, tuple) else span_or_unit
        if not unit or units.is_generic(unit) or _CLUSTER_WORD.match(unit):
            return
        for h in out:
            if h.role == role and h.year == year and units.same(h.unit, unit):
                return
        ev_start, ev_end = min(ev_start, ev_end), max(ev_start, ev_end)  # the unit may come after the role
        out.append(Head(unit=unit, role=role, year=year, evidence=ctx.evidence(ev_start, ev_end), confidence=confidence))

    for sentence in ctx.sentences:
        s, e = sentence.start, sentence.end
        for m in _role_pattern().finditer(text, s, e):
            role = _role_of(m.group(0))
            elected = bool(handover.search(text, s, m.start())) or bool(re.search(r"được\s+(?:bầu\s+)?(?:làm|giữ)", text[max(s, m.start() - 30):m.start()]))
            year = _year_near(text, m, s, e)
            current = year or period
            # elected at a review for the coming year; at a launch or handover, for this year
            reviewing = bool(ctx.kind_values & {"tong_ket", "so_ket", "cham_diem"})
            next_year = year or (period + 1 if period and reviewing else period)
            # 0. "Hội CCB tỉnh, đơn vị Trưởng Khối ...", "Sở Tài chính (đơn vị Trưởng khối)"
            appos = _APPOSITION.search(text, max(s, m.start() - 16), m.start())
            if appos and not _NAMED_AFTER.match(text, m.end(), e) and (span := units.unit_before(text, appos.start(), s)):
                add(span, role, current, span[0], m.end(), 0.8)
                continue
            # 1. "Châu Thành (Cụm trưởng)"
            if text[max(s, m.start() - 1):m.start()] == "(":
                add(units.unit_before(text, m.start() - 1, s), role, current, m.start() - 1, m.end(), 0.85)
                continue
            # 2. "Khối trưởng (Bộ Công an)"
            paren = re.compile(r"\s*\(([^()]{2,60})\)").match(text, m.end())
            if paren and units.unit_after(text, paren.start(1), paren.end(1)):
                add(units.unit_after(text, paren.start(1), paren.end(1)), role, current, m.start(), paren.end(), 0.8)
                continue
            # 3. a person who is, or represents, the head
            person = _person_at(participants, m.start(), m.end(), text, s)
            if person is not None:
                add(person.organization, role, current, person.evidence.start, m.end(), 0.75)
                continue
            # 4. "X làm Cụm trưởng", "Hội CCB tỉnh - Trưởng Khối", "X nhận bàn giao Trưởng Khối"
            joined = re.compile(rf"\s(?:{vocab.alternation(vocab.phrases('heads', 'unit_then_role'))})"
                                rf"(?:\s+(?:nhiệm vụ|vị trí|trách nhiệm|vai trò|chức))?\s*$").search(text, max(s, m.start() - 34), m.start())
            span = units.unit_before(text, joined.start(), s) if joined else None
            if span and not _CLUSTER_WORD.match(text[span[0]:span[1]]):
                is_elected = elected or bool(re.search(r"bầu|đề cử|nhận bàn giao|đảm nhận", text[max(s, span[0] - 40):m.start()]))
                add(span, role, next_year if is_elected else current, span[0], m.end(), 0.8)
                continue
            if re.search(r"được\s+(?:bầu\s+)?làm\s*$", text[max(s, m.start() - 20):m.start()]):
                subject = (ctx.ranks or [None])[0]
                if subject is not None and s <= subject.evidence.start < e:
                    add(subject.unit, role, next_year, s, m.end(), 0.6)
                    continue
            # 5. "Cụm trưởng ... năm 2026 cho (lãnh đạo) Công an tỉnh Lào Cai" / "... là X"
            after = re.compile(rf"[^;]{{0,70}}?\s(?:{vocab.alternation(vocab.phrases('heads', 'role_then_unit'))})\s+(?!biết)").match(text, m.end(), e)
            if after and not _role_pattern().search(text, m.end(), after.end() - 1):
                span = units.unit_after(text, after.end(), e)
                if span:
                    taker_year = next_year if elected else current
                    add(span, role, taker_year, m.start(), span[1], 0.8)
                    # the outgoing head: "từ A cho B", or the subject of "A bàn giao ... cho B"
                    giver_year = taker_year - 1 if taker_year else period
                    giver = re.compile(r"[^;]{0,70}?\stừ\s+").match(text, m.end(), after.end())
                    if giver:
                        add(units.unit_after(text, giver.end(), after.end()), role, giver_year, m.start(), after.end(), 0.7)
                    else:
                        verb = re.compile(r"\s(?:đã\s+)?(?:bàn giao|chuyển giao|trao)\b[^;,]{0,40}$").search(text, max(s, m.start() - 50), m.start())
                        subject = _giver(text, verb.start(), s, participants) if verb else None
                        if subject:
                            giver_start = verb.start() if isinstance(subject, str) else subject[0]
                            add(subject, role, giver_year, giver_start, m.end(), 0.65)
                    continue
            # 6. "đơn vị cụm trưởng Công an tỉnh BR-VT"
            span = units.unit_after(text, m.end() + 1, e) if text[m.end():m.end() + 1] == " " else None
            if span and not _CLUSTER_WORD.match(text[span[0]:span[1]]) and re.search(r"đơn vị\s*$", text[max(s, m.start() - 12):m.start()]):
                add(span, role, current, m.start(), span[1], 0.65)
    return out


def _year_near(text: str, m: re.Match, s: int, e: int) -> int | None:
    """An explicit "năm YYYY" tied to this role: just after it, or opening its sentence."""
    after = _YEAR.search(text, m.end(), min(e, m.end() + 110))
    if after and ";" not in text[m.end():after.start()] and (
            not _role_pattern().search(text, m.end(), after.start()) or not _YEAR.search(text, s, m.start())):
        # "A làm Cụm trưởng, B làm Cụm phó năm 2024": the year closes both
        return int(after.group(1))
    before = _YEAR.search(text, s, min(m.start(), s + 12))
    if before:
        return int(before.group(1))
    # "Cụm trưởng năm 2024 do A đảm nhận, Cụm phó là B": a year set for the other role
    role = _role_of(m.group(0))
    earlier = [y for y in _YEAR.finditer(text, s, m.start())
               if any(_role_of(r.group(0)) != role for r in _role_pattern().finditer(text, max(s, y.start() - 40), y.start()))]
    return int(earlier[-1].group(1)) if earlier else None


def _person_at(participants, start: int, end: int, text: str, floor: int):
    """The participant whose title or "đại diện đơn vị ..." descriptor holds this role mention."""
    for p in participants:
        if p.evidence is None or not p.organization:
            continue
        ev_s, ev_e = p.evidence.start, p.evidence.end
        if ev_s <= start < ev_e:
            return p
        between = text[ev_e:start]
        if 0 <= start - ev_e <= 40 and re.fullmatch(r"[\s,(\-]*(?:kiêm|đại diện|là)?\s*(?:cho\s+)?(?:đơn vị)?\s*", between):
            return p
        # "Đồng chí Khối trưởng Nguyễn Thị Kim Chi": the role right before the name
        if 0 <= ev_s - end <= 3:
            return p
        # "đại diện đơn vị Cụm trưởng Cụm thi đua số 1 ... đồng chí Vũ Thị Thành - ..."
        if 0 <= ev_s - end <= 120 and re.search(r"đại diện\s+(?:đơn vị\s+)?$", text[max(floor, start - 20):start], re.IGNORECASE):
            return p
    return None


def _giver(text: str, pos: int, floor: int, participants):
    """The subject handing the role over, ending at `pos`: a unit, or a person speaking for their organisation
    ("Chủ tịch UBND huyện A Nguyễn Văn B trao cờ ...")."""
    for p in participants:
        if p.evidence is not None and p.organization and floor <= p.evidence.start and \
                text[p.evidence.start:pos].strip() and text.find(p.name, p.evidence.start) + len(p.name) == pos:
            return p.organization
    return units.unit_before(text, pos, floor)
