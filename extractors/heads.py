"""Heads and deputies of the cluster (cụm/khối trưởng, cụm/khối phó) with the year they hold
the role: the year under review, or the next year when elected or handed over.

Readings, most specific first: "X (Cụm trưởng)"; a person who is or represents the head
("Giám đốc Sở Tư pháp (đơn vị khối trưởng)"); "Khối trưởng (Bộ Công an)"; "X làm/là/- Cụm
trưởng"; "Cụm trưởng ... là/cho X" (with "từ Y" naming the outgoing head).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import unit_lists, units, vocab
from extractors.context import Context
from extractors.head_years import ELECTING, Mention, carried, mention, role_pattern, roles
from pipeline.normalise.text import fold
from pipeline.record import Head

_CLUSTER_WORD = re.compile(r"^(cụm|khối|thi đua)\b", re.IGNORECASE)
_BETWEEN_PERSON_AND_ROLE = re.compile(r"[\s,(\-]*(?:kiêm|đại diện|là)?\s*(?:cho\s+)?(?:đơn vị)?\s*")
_ON_BEHALF = re.compile(r"đại diện\s+(?:đơn vị\s+)?$", re.IGNORECASE)
_ELECTED_AS = re.compile(r"được\s+(?:bầu\s+)?làm\s*$")
_BRACKETS = re.compile(r"\s*\(([^()]{2,60})\)")
_FROM = re.compile(r"[^;]{0,70}?\s(?:từ|thay cho|thay thế cho|thay thế)\s+")  # the outgoing head
_HANDING_OVER = re.compile(r"\s(?:đã\s+)?(?:bàn giao|chuyển giao|trao)\b[^;,]{0,40}$")
_UNIT_WORD_BEFORE = re.compile(r"đơn vị\s*$")
_NAMED_AFTER = re.compile(r"[^,;]{0,60}?\s(?:là|cho|do|thuộc về)\s")  # "đơn vị Cụm phó là X": X is named after
_OPENING = re.compile(r"(?:^\W*|[.…!?]\s*)(?:(?:với|trên|trong)\s+(?:vai trò|cương vị)(?:\s+là)?|là)(?:\s+đơn vị)?\s+$",
                      re.IGNORECASE)
_SPEAKING_FOR = re.compile(r"[^,;.]{0,60}?,\s*(?:(?:thay mặt|đại diện)(?:\s+(?:cho|lãnh đạo|tập thể))*\s+)?")
_COUNTED_ROLE = re.compile(r"\b(?:\d{1,2}|hai|ba)\s+$", re.IGNORECASE)
_TERM = re.compile(r"(?:\s+năm\s+(?:19|20)\d{2})?")
_THEN_PERSON = re.compile(r"(?:\s+(?:cụm|khối)\s+thi đua(?:\s+số)?\s+[0-9IVXLC]{1,5})?(?:\s+năm\s+(?:19|20)\d{2})?"
                          r"\s*,\s*(?:(?:đồng chí|đ/c|ông|bà)\s+)?", re.IGNORECASE)
_REMARK = re.compile(r"\s*\([^()]{1,40}\)")
_APPOSITION = re.compile(r"(?:(?:,|\()\s*(?:là\s+)?|(?<=[^\W\d_])\s+)đơn vị\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _joined_pattern() -> re.Pattern:
    # "A đã nhận nhiệm vụ Cụm trưởng", "A cũng được bầu làm": auxiliaries between the unit and the joiner
    return re.compile(rf"\s(?:(?:{vocab.alternation(vocab.phrases('heads', 'auxiliary'))})\s+){{0,3}}"
                      rf"(?:{vocab.alternation(vocab.phrases('heads', 'unit_then_role'))})"
                      rf"(?:\s+(?:nhiệm vụ|vị trí|trách nhiệm|vai trò|chức))?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _assigned_by() -> re.Pattern:
    """"được <agent> <verb>" ending where the role is joined: a passive whose subject holds the role."""
    verbs = vocab.alternation(vocab.phrases("heads", "assigned_by"))
    return re.compile(rf"\s+(?:đã\s+|cũng\s+)*được\s+(?:[^,;.()]{{1,50}}?\s+)?(?:{verbs})\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_then_unit() -> re.Pattern:
    # "Cụm trưởng năm 2025 là A", "... cho A"; "Cụm trưởng: A; Cụm phó: B", "Cụm trưởng năm 2025: A"
    joiners = vocab.alternation(vocab.phrases("heads", "role_then_unit"))
    return re.compile(rf"(?:[^;]{{0,70}}?\s(?:{joiners})|(?:\s+năm\s+(?:19|20)\d{{2}})?\s*:)\s+(?!biết)")


class _Found:
    """Heads found so far in one document; a unit holds a role once per year."""

    def __init__(self, ctx: Context):
        self.ctx, self.out = ctx, []
        self.mention: Mention | None = None  # the role mention being read

    def confidence(self, confidence: float, year: int | None) -> float:
        """Below the review threshold (0.5) when the year is a guess, so that the head goes to the review queue."""
        x = self.mention
        return confidence if x is None or x.sure or year != x.year else min(confidence, 0.45)

    def add(self, span_or_unit, role, year, ev_start, ev_end, confidence) -> None:
        text = self.ctx.text
        unit = text[span_or_unit[0]:span_or_unit[1]] if isinstance(span_or_unit, tuple) else span_or_unit
        if unit and _PERSON_CUE.match(unit) or _person_named(self.ctx, unit or ""):
            person = _person_named(self.ctx, unit)
            unit = person.organization if person else None  # "đồng chí A - Cụm trưởng": A's organisation
        role_inside = role_pattern().search(unit) if unit else None
        if role_inside:  # "Huyện ủy A - Cụm trưởng" (a person's organisation as written): the unit ends before
            unit = unit[:role_inside.start()].rstrip(" -–,(")
        if not unit or units.is_generic(unit) or _CLUSTER_WORD.match(unit) or not _looks_like_unit(unit):
            return
        if any(h.role == role and h.year == year and units.same(h.unit, unit) for h in self.out):
            return
        ev_start, ev_end = min(ev_start, ev_end), max(ev_start, ev_end)  # the unit may come after the role
        self.out.append(Head(unit=unit, role=role, year=year, evidence=self.ctx.evidence(ev_start, ev_end),
                             confidence=self.confidence(confidence, year)))


_PERSON_CUE = re.compile(r"(?:đ/c|đồng chí|ông|bà)\s+", re.IGNORECASE)


def _person_named(ctx: Context, phrase: str):
    """The participant this phrase names ("Đồng chí Nguyễn Văn A", "đ/c Trần B - Giám đốc ..."), if any."""
    cue = _PERSON_CUE.match(phrase)
    rest = fold(phrase[cue.end():] if cue else phrase)
    return next((p for p in ctx.participants if p.name and rest.startswith(fold(p.name))), None)


def _looks_like_unit(unit: str) -> bool:
    """Not a clause opener read as a name at the start of a sentence ("Sau khi nhận nhiệm vụ Khối trưởng")."""
    return unit.split()[0].lower() not in vocab.phrases("units", "not_unit_start")


def find(ctx: Context) -> list[Head]:
    found, announced = _Found(ctx), None
    for sentence in ctx.sentences:
        before, announced = announced, None
        for m in roles(ctx, sentence.start, sentence.end):  # the span layer's role words
            x = found.mention = carried(ctx, mention(ctx, m, sentence.start, sentence.end), before)
            heads_before = len(found.out)
            any(read(ctx, x, found) for read in _READINGS)  # the first reading that applies
            if x.elected and len(found.out) == heads_before:
                announced = x.next_year  # "Hội nghị bầu Cụm trưởng năm 2025." names no unit: the next sentence may
    return found.out


def _bracket_end(text: str, x: Mention) -> int:
    """Where the mention's reading must stop: its closing bracket when it sits in one ("A (đơn vị Khối trưởng
    năm 2024) trao cờ cho B": B is not named by it), else its sentence's end."""
    opened = text.rfind("(", x.s, x.m.start())
    if opened < 0 or text.rfind(")", opened, x.m.start()) >= 0:
        return x.e
    closing = text.find(")", x.m.end(), x.e)
    return closing if closing >= 0 else x.e


def _apposition(ctx: Context, x: Mention, found: _Found) -> bool:
    """"Hội CCB tỉnh, đơn vị Trưởng Khối ...", "Sở Tài chính (đơn vị Trưởng khối)"."""
    text, m = ctx.text, x.m
    appos = _APPOSITION.search(text, max(x.s, m.start() - 16), m.start())
    if not appos or _NAMED_AFTER.match(text, m.end(), _bracket_end(text, x)):
        return False
    span = units.unit_before(text, appos.start(), x.s)
    if span and appos.group(0).lstrip()[:1] not in ",(" and not units.head_at(text, span[0]):
        return False  # "Ban Công đoàn đơn vị Cụm trưởng" names a body; "lãnh đạo đơn vị Cụm trưởng" does not
    for one in _sharing_the_bracket(text, span, x.s) if span else []:
        found.add(one, x.role, x.current, one[0], m.end(), 0.8)
    return bool(span)


def _in_brackets_after_unit(ctx: Context, x: Mention, found: _Found) -> bool:
    """"Châu Thành (Cụm trưởng)"."""
    if ctx.text[max(x.s, x.m.start() - 1):x.m.start()] != "(":
        return False
    span = units.unit_before(ctx.text, x.m.start() - 1, x.s)
    for one in _sharing_the_bracket(ctx.text, span, x.s) if span else [span]:
        found.add(one, x.role, x.current, x.m.start() - 1, x.m.end(), 0.85)
    return True


_LIST_BACK = re.compile(r"(?:,|\svà)\s*$")


def _sharing_the_bracket(text: str, span: tuple[int, int], floor: int) -> list[tuple[int, int]]:
    """"A (Cụm trưởng) và B, C (Cụm phó)": the units listed since the previous bracket share this one."""
    spans, pos = [span], span[0]
    while m := _LIST_BACK.search(text, max(floor, pos - 5), pos):
        if m.group(0).strip() == "và":
            return spans if text[max(floor, m.start() - 1):m.start()] == ")" else [span]
        prev = units.unit_before(text, m.start(), floor)
        if not prev:
            break
        spans.insert(0, prev)
        pos = prev[0]
    return [span]


def _unit_in_brackets(ctx: Context, x: Mention, found: _Found) -> bool:
    """"Khối trưởng (Bộ Công an)", "Cụm trưởng năm 2024 (UBND huyện A)"."""
    paren = _BRACKETS.match(ctx.text, _TERM.match(ctx.text, x.m.end()).end())
    span = units.unit_after(ctx.text, paren.start(1), paren.end(1)) if paren else None
    if span:
        found.add(span, x.role, x.current, x.m.start(), paren.end(), 0.8)
    return bool(span)


def _person(ctx: Context, x: Mention, found: _Found) -> bool:
    """A person who is, or represents, the head."""
    person = _person_at(ctx.participants, x.m.start(), x.m.end(), ctx.text, x.s)
    if person is not None:
        found.add(person.organization, x.role, x.current, person.evidence.start, x.m.end(), 0.75)
    return person is not None


def _unit_then_role(ctx: Context, x: Mention, found: _Found) -> bool:
    """"X làm Cụm trưởng", "Hội CCB tỉnh - Trưởng Khối", "X nhận bàn giao Trưởng Khối"; "... được bầu làm"
    after a ranked unit."""
    text, m = ctx.text, x.m
    joined = _joined_pattern().search(text, max(x.s, m.start() - 50), m.start())
    passive = _assigned_by().search(text, max(x.s, joined.start() - 70), joined.start()) if joined else None
    # "A được Bộ Công an phân công là đơn vị Cụm trưởng": the unit is the subject, before "được"
    span = units.unit_before(text, passive.start() if passive else joined.start(), x.s) if joined else None
    if span and not _CLUSTER_WORD.match(text[span[0]:span[1]]):
        is_elected = x.elected or bool(ELECTING.search(text[max(x.s, span[0] - 40):m.start()]))
        year = x.next_year if is_elected else x.current
        found.add(span, x.role, year, span[0], m.end(), 0.8)
        giver = _FROM.match(text, m.end(), x.e)
        given_by = units.unit_after(text, giver.end(), x.e) if giver else None
        if given_by and units.head_at(text, given_by[0]):  # "B nhận nhiệm vụ Cụm trưởng năm 2025 từ A"
            found.add(given_by, x.role, year - 1 if year else None, m.start(), given_by[1], 0.65)
        return True
    if _ELECTED_AS.search(text[max(x.s, m.start() - 20):m.start()]):
        subject = (ctx.ranks or [None])[0]
        if subject is not None and x.s <= subject.evidence.start < x.e:
            found.add(subject.unit, x.role, x.next_year, x.s, m.end(), 0.6)
            return True
    return False


def _role_then_unit_reading(ctx: Context, x: Mention, found: _Found) -> bool:
    """"Cụm trưởng ... năm 2026 cho (lãnh đạo) Công an tỉnh Lào Cai" / "... là X", with the outgoing head."""
    text, m = ctx.text, x.m
    after = _role_then_unit().match(text, m.end(), _bracket_end(text, x))
    if not after or role_pattern().search(text, m.end(), after.end() - 1):
        return False
    taker_year = x.next_year if x.elected else x.current
    if _COUNTED_ROLE.search(text, max(x.s, m.start() - 8), m.start()):
        # "bầu 02 phó khối là trung tâm GDTX A và B": one role, several units
        spans = unit_lists.unit_list_after(text, after.end(), x.e)
        for span in spans:
            found.add(span, x.role, taker_year, m.start(), span[1], 0.75)
        return bool(spans)
    span = units.unit_after(text, after.end(), x.e)
    person = None if span else _person_named(ctx, text[after.end():x.e])
    if person and person.organization:  # "trao cờ Khối trưởng năm 2025 cho đ/c A - Giám đốc Sở B"
        span = after.end(), after.end() + len(text[after.end():x.e].split(" - ")[0])
        found.add(person.organization, x.role, taker_year, m.start(), span[1], 0.7)
        return True
    if not span:
        return False
    found.add(span, x.role, taker_year, m.start(), span[1], 0.8)
    _outgoing(ctx, x, after.end(), taker_year - 1 if taker_year else ctx.period, found)
    return True


def _outgoing(ctx: Context, x: Mention, after_end: int, giver_year: int | None, found: _Found) -> None:
    """The outgoing head: "từ A cho B", or the subject of "A bàn giao ... cho B"."""
    text, m = ctx.text, x.m
    giver = _FROM.match(text, m.end(), after_end)
    if giver:
        found.add(units.unit_after(text, giver.end(), after_end), x.role, giver_year, m.start(), after_end, 0.7)
        return
    verb = _HANDING_OVER.search(text, max(x.s, m.start() - 50), m.start())
    subject = _giver(text, verb.start(), x.s, ctx.participants) if verb else None
    if subject:
        giver_start = verb.start() if isinstance(subject, str) else subject[0]
        found.add(subject, x.role, giver_year, giver_start, m.end(), 0.65)


def _unit_after_role(ctx: Context, x: Mention, found: _Found) -> bool:
    """"đơn vị cụm trưởng Công an tỉnh BR-VT"."""
    text, m = ctx.text, x.m
    span = units.unit_after(text, m.end() + 1, x.e) if text[m.end():m.end() + 1] == " " else None
    if span and not _CLUSTER_WORD.match(text[span[0]:span[1]]) and _UNIT_WORD_BEFORE.search(
            text[max(x.s, m.start() - 12):m.start()]):
        found.add(span, x.role, x.current, m.start(), span[1], 0.65)
        return True
    return False


def _role_opens_sentence(ctx: Context, x: Mention, found: _Found) -> bool:
    """"Với vai trò Cụm trưởng năm 2024, thay mặt Hội Nông dân tỉnh A, ...", "Là đơn vị Trưởng cụm ..., đại diện
    lãnh đạo UBND huyện B ...": the role opens the sentence and the unit speaking follows its first comma."""
    text, m = ctx.text, x.m
    if not _OPENING.search(text[x.s:m.start()]):
        return False
    after = _SPEAKING_FOR.match(text, m.end(), x.e)
    span = units.unit_after(text, after.end(), x.e) if after else None
    if not span or not (units.head_at(text, span[0]) or text[span[0]:span[1]].split()[0] in units.place_words()):
        return False
    found.add(span, x.role, x.current, m.start(), span[1], 0.7)
    return True


_CLUSTER_NAME_DASH = re.compile(r"(?:\s+(?:cụm|khối))?(?:\s+thi đua)?(?:\s+số)?\s*[0-9IVXLC]{1,5}\s*[-–—]\s*",
                                re.IGNORECASE)


def _role_of_named_cluster(ctx: Context, x: Mention, found: _Found) -> bool:
    """"do Trưởng Cụm thi đua 6 - Trường THCS A tổ chức": the role, the cluster's name, a dash, the unit."""
    text, m = ctx.text, x.m
    dash = _CLUSTER_NAME_DASH.match(text, m.end(), x.e)
    span = units.unit_after(text, dash.end(), x.e) if dash else None
    if not span or not units.head_at(text, span[0]) or _CLUSTER_WORD.match(text[span[0]:span[1]]):
        return False
    found.add(span, x.role, x.current, m.start(), span[1], 0.7)
    return True


@lru_cache(maxsize=1)
def _cluster_then_position() -> re.Pattern:
    """", Chi cục trưởng " after the role (and the cluster's name): the position of the person holding it."""
    positions = vocab.alternation(vocab.phrases("titles", "position"))
    return re.compile(rf"(?:\s+(?:cụm|khối)\s+thi đua(?:\s+số)?\s+[0-9IVXLC]{{1,5}})?\s*,\s*(?:{positions})\s+",
                      re.IGNORECASE)


def _role_then_position(ctx: Context, x: Mention, found: _Found) -> bool:
    """"tặng hoa tân Cụm trưởng Cụm thi đua số 3, Chi cục trưởng Chi cục B, ông A": the unit the holder heads."""
    text, m = ctx.text, x.m
    position = _cluster_then_position().match(text, m.end(), x.e)
    span = units.unit_after(text, position.end(), x.e) if position else None
    if not span or not units.head_at(text, span[0]) or _CLUSTER_WORD.match(text[span[0]:span[1]]):
        return False
    found.add(span, x.role, x.next_year if x.elected else x.current, m.start(), span[1], 0.65)
    return True


_COMMA_BEFORE = re.compile(r"\s*,\s*$")


def _unit_comma_role(ctx: Context, x: Mention, found: _Found) -> bool:
    """"... bàn giao cờ cho huyện B, Cụm trưởng năm 2025": a unit in apposition to the role after its comma."""
    text, m = ctx.text, x.m
    comma = _COMMA_BEFORE.search(text, max(x.s, m.start() - 3), m.start())
    span = units.unit_before(text, comma.start(), x.s) if comma else None
    if not span or _CLUSTER_WORD.match(text[span[0]:span[1]]) or _role_then_unit().match(text, m.end(), x.e):
        return False
    first = text[span[0]:span[1]].split()[0]
    if not (units.head_at(text, span[0]) or first.lower() in units.place_words()) or \
            _LIST_BACK.search(text, max(x.s, span[0] - 5), span[0]):
        return False  # a list's last item ("A, B, Cụm trưởng ...") is no apposition
    found.add(span, x.role, x.next_year if x.elected else x.current, span[0], m.end(), 0.6)
    return True


# Readings of a role mention, most specific first.
_READINGS = (_apposition, _in_brackets_after_unit, _unit_in_brackets, _person, _unit_then_role,
             _role_opens_sentence, _role_of_named_cluster, _role_then_unit_reading, _role_then_position,
             _unit_after_role, _unit_comma_role)


def _person_at(participants, start: int, end: int, text: str, floor: int):
    """The participant whose title or "đại diện đơn vị ..." descriptor holds this role mention."""
    for p in participants:
        if p.evidence is None or not p.organization:
            continue
        ev_s, ev_e = p.evidence.start, p.evidence.end
        if ev_s <= start < ev_e:
            return p
        between = text[ev_e:start]
        if "(" in between:
            between = _REMARK.sub("", between)  # "Ông A - GĐ Công ty B (thứ nhất từ trái sang) đại diện"
        if 0 <= start - ev_e <= 40 and _BETWEEN_PERSON_AND_ROLE.fullmatch(between):
            return p
        # "Đồng chí Khối trưởng Nguyễn Thị Kim Chi": the role right before the name; "Cụm trưởng Cụm thi đua số 4,
        # đồng chí A - Chủ tịch UBND huyện B", "Thay mặt đơn vị Cụm trưởng, đồng chí A, ..."
        if 0 <= ev_s - end <= 3 or (0 <= ev_s - end <= 50 and _THEN_PERSON.fullmatch(text, end, ev_s)):
            return p
        # "đại diện đơn vị Cụm trưởng Cụm thi đua số 1 ... đồng chí Vũ Thị Thành - ..."
        if 0 <= ev_s - end <= 120 and _ON_BEHALF.search(text[max(floor, start - 20):start]):
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
