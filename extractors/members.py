"""Units belonging to the cluster: enumerations ("gồm: Thành phố Rạch Giá và các huyện Châu
Thành (Cụm trưởng), Hòn Đất (Cụm phó), ..."), counted groups ("06 quận (Đống Đa, Ba Đình)",
"Công an các tỉnh: A, B"), and units ranked, elected or awarded at the cluster's own meeting
(their membership is implied). Units written as the text writes them, each listed once."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import names, unit_lists, units, vocab
from extractors.context import Context
from pipeline.normalise.text import fold
from pipeline.record import Head, Member, Participant, Rank

MIN_ITEMS = 2
_MEMBERS_COMPARED = re.compile(r"\bcác\s+(?:huyện|xã|tỉnh|quận|phường|thị xã|thành phố|đơn vị)\s+(?:trong|thuộc|của)\s+"
                               r"(?:cụm|khối)\b", re.IGNORECASE)
_FIGURE_AFTER = re.compile(r"\s+(?:đạt\s+|là\s+)?\d+(?:[,.]\d+)?\s*%")
_GIVEN_TO = re.compile(r"[^;.]{0,60}?\bcho\s+(?=\S)")
_MEMBERS_IN_BRACKETS = re.compile(r"\bthành viên\s+(?:trong|của|thuộc)\s+(?:cụm|khối)[^.;:()]{0,40}\(\s*",
                                  re.IGNORECASE)


@lru_cache(maxsize=1)
def _award_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(an award given: "tặng Cờ thi đua", a unit receiving one: "A được tặng", "A nhận Bằng khen", a further award
    of the same sentence), the award nouns from patterns/members.jsonl (label "award")."""
    award = vocab.alternation(vocab.phrases("members", "award"))
    given = re.compile(rf"\btặng\s+(?:bức\s+)?(?:{award})(?![^\W_])", re.IGNORECASE)
    # "nhận Bằng khen", not "công nhận danh hiệu" or "tiếp nhận"
    receives = re.compile(rf"\s(?:được|đã được)\s+(?:đề nghị\s+|đề xuất\s+)?(?:tặng|nhận)(?![^\W_])"
                          rf"|(?<!công)(?<!tiếp)\s(?:đã\s+)?(?:vinh dự\s+)?(?:nhận|được phong tặng|phong tặng)"
                          rf"\s+(?:{award})(?![^\W_])", re.IGNORECASE)
    # a further award in the same sentence: "... cho A và Bằng khen cho B" ("tặng" is not repeated)
    further = re.compile(rf"(?:\s(?:và|,)\s*|;\s*)(?:tặng\s+)?(?:bức\s+)?(?:{award})(?![^\W_])"
                         rf"(?=[^;.]{{0,60}}?\bcho\s)", re.IGNORECASE)
    return given, receives, further


def _group() -> str:
    """A group noun, or several joined by commas ("các tỉnh, thành, đơn vị", "các huyện, thị xã")."""
    one = vocab.alternation(vocab.phrases("members", "group"))
    return rf"(?:{one})(?:\s*,\s*(?:{one}|thành)(?![^\W_]))*"


@lru_cache(maxsize=1)
def _list_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(people group before the list, headed group, counted group, count prefix), built once."""
    people = re.compile(rf"(?:{vocab.alternation(vocab.phrases('members', 'people_group'))})\s*:?\s*$", re.IGNORECASE)
    headed = re.compile(rf"\b(?:các|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
                        rf"(?:{vocab.alternation(vocab.phrases('members', 'headed_group'))})\s*:?\s*$", re.IGNORECASE)
    # the group's descriptor may hold a comma before lower-case words ("14 tỉnh Trung du, miền núi phía Bắc: A, B")
    counted = re.compile(rf"(?:\b(?:các|\d+)\s+(?:{_group()})(?:(?:,\s+(?=[a-zà-ỹđ])|\s+)[^\s,;:()]+){{0,12}}?)"
                         rf"\s*(?::\s*|\(\s*|,?\s+là\s+)", re.IGNORECASE)
    prefix = re.compile(rf"\s*(?:[A-ZĐ]\w*(?:\s+\w+)?\s+)?(?:các|\d+)\s+(?:{_group()})\s*[:(]?\s*")
    return people, headed, counted, prefix


# "Cụm thi đua 1 (Hội Chữ thập đỏ Phường 1, 2, 3)": the members in brackets after the cluster's name
_MEMBERS_AFTER_NAME = re.compile(r"\b(?:[Cc]ụm|[Kk]hối)(?:\s+thi\s+đua)?(?:\s+số)?\s+\d{1,2}\s*\(\s*(?=[A-ZĐ])")
_NUMBERED_GROUP = re.compile(r"\b(quận|phường|Quận|Phường)\s*:\s*$")
_COLON_SOON = re.compile(r"[^.;:()]{0,45}?:\s*")
_REPRESENTATIVES = re.compile(r"\bđại diện\s+(?:lãnh đạo\s+)?(?:các\s+)?")


def list_starts(ctx: Context) -> list[tuple[int, int, bool, float]]:
    """(start of the list, end of its sentence, items share a head word, confidence)."""
    out = []
    for sentence in ctx.sentences:
        out.extend((start, sentence.end, headed, conf) for start, headed, conf in _starts_in(ctx.text, sentence))
    return out


def _starts_in(text: str, sentence) -> list[tuple[int, bool, float]]:
    s, e = sentence.start, sentence.end
    people, headed_words, counted, prefix_pattern = _list_patterns()
    hits = []
    for m in vocab.compiled("members", "list_cue").finditer(text, s, e):
        rest = text[m.end():e]
        colon = _COLON_SOON.match(rest)
        start = m.end() + (colon.end() if colon else len(rest) - len(rest.lstrip()))
        prefix = prefix_pattern.match(rest)
        if not colon and prefix:
            start = m.end() + prefix.end()
        if not people.search(text[s:start]):
            hits.append((start, bool(headed_words.search(text[max(s, start - 30):start])), 0.85))
    for m in counted.finditer(text, s, e):
        before = text[s:m.end()].rstrip(":( ")
        if not people.search(before):
            hits.append((m.end(), bool(headed_words.search(before)), 0.8))
    # "các đơn vị thành viên trong cụm thi đua số 04 (A, B, C)"
    hits.extend((m.end(), False, 0.8) for m in _MEMBERS_IN_BRACKETS.finditer(text, s, e))
    hits.extend((m.end(), False, 0.75) for m in _MEMBERS_AFTER_NAME.finditer(text, s, e))
    hits.extend((m.end(), False, 0.6) for m in _REPRESENTATIVES.finditer(text, s, e))
    return hits


_NOT_NAME_WORDS = {"ủy", "ban", "nhân", "dân", "hội", "đồng"}
_CLUSTER_START = re.compile(r"(?i)(cụm|khối)\b")


class _Members:
    """Members found so far: a unit once, never a person's name, a bare place word or the cluster itself."""

    def __init__(self, ctx: Context, participants: list[Participant]):
        self.ctx, self.found, self.origins = ctx, [], []
        self.people = {fold(p.name) for p in participants or []}

    def add(self, unit: str, start: int | None, end: int | None, confidence: float, origin: int | None = None) -> None:
        """`origin` is where the unit's list starts: two names of one list are two units ("Đại học Phú Lâm,
        Đại học Quốc tế Phú Lâm") unless they spell out the same name ("LĐLĐ huyện A, Liên đoàn Lao động huyện A")."""
        unit = unit.strip(" ,;:-")
        if not unit or units.is_generic(unit) or fold(unit) in self.people or _CLUSTER_START.match(unit):
            return
        if end is not None and not self.ctx.text[end:].strip():
            return  # the excerpt stops inside this name ("... cho Công an tỉ"): it is cut off
        if all(w.lower() in units.place_words() | _NOT_NAME_WORDS for w in unit.split()):
            return
        if any(units.same(m.unit, unit) and (origin is None or o != origin or m.canonical == units.canonical(unit))
               for m, o in zip(self.found, self.origins, strict=True)):
            return
        ev = self.ctx.evidence(start, end) if start is not None else None
        self.found.append(Member(unit=unit, canonical=units.canonical(unit), evidence=ev, confidence=confidence))
        self.origins.append(origin)

    def add_found(self, value, confidence: float) -> None:
        """A unit another component found (head, ranked unit), with its evidence."""
        ev = value.evidence
        self.add(value.unit, ev.start if ev else None, ev.end if ev else None, confidence)


def listed_units(ctx: Context) -> list[tuple[int, int, float, str | None, int]]:
    """(start, end, confidence, what a bare-number item leaves out, start of the list) of every unit in a member
    list, in text order."""
    text, listed = ctx.text, []
    for start, end, headed, conf in list_starts(ctx):
        numbered = _NUMBERED_GROUP.search(text, max(0, start - 12), start)
        items = unit_lists.unit_list_after(text, start, end, headed=headed, numbered=bool(numbered))
        if conf < 0.7 and (len(items) < 3 or not all(units.head_at(text, a) and units.name_words(text[a:b])
                                                     for a, b in items)):
            continue  # attendees' units count only as a list of three or more named units ("Đảng ủy, UBND" name none)
        # one unit after a colon is a list; one in brackets glosses the group ("các trường đại học (ĐH)",
        # "các đơn vị cấp cơ sở (Sư đoàn 7)")
        if len(items) >= MIN_ITEMS or (items and text[start - 1:start] == ":") or _one_of_them(ctx, start, items):
            listed.extend((a, b, conf, _named_like(text, items, i, numbered), start) for i, (a, b) in enumerate(items))
    return sorted(listed)


_AMONG_THEM = re.compile(r"\btrong đó\s+$", re.IGNORECASE)


def _one_of_them(ctx: Context, start: int, items: list[tuple[int, int]]) -> bool:
    """"các đơn vị trong cụm đăng ký 11 mô hình, trong đó huyện A đăng ký 2": one named unit among the members."""
    sentence = ctx.sentence_at(start)
    if len(items) != 1 or sentence is None or not _AMONG_THEM.search(ctx.text, max(sentence.start, start - 10), start):
        return False
    return bool(_MEMBERS_COMPARED.search(ctx.text, sentence.start, start)) and _exemplar_unit(ctx.text, items[0])


_TRAILING_NUMBER = re.compile(r"\s+\d{1,4}$")


def _named_like(text: str, items: list[tuple[int, int]], i: int, numbered: re.Match | None) -> str | None:
    """The words a bare-number item drops: the group ("các quận: 7, 12": quận 7), or the name of the numbered
    item before it ("Công ty 78 và 732": Công ty 732)."""
    if numbered:
        return numbered.group(1).lower()
    for a, b in reversed(items[:i]):
        if not text[a:b].isdigit():
            prefix = _TRAILING_NUMBER.split(text[a:b])[0]
            return prefix if prefix != text[a:b] else None
    return None


def find(ctx: Context, heads: list[Head], ranks: list[Rank], participants: list[Participant]) -> list[Member]:
    text = ctx.text
    members = _Members(ctx, participants)
    for a, b, conf, group, origin in listed_units(ctx):
        unit = text[a:b]
        members.add(f"{group} {unit}" if group and unit.isdigit() else unit, a, b, conf, origin)
    implied = award_recipients(ctx) + statistics_members(ctx) + co_organisers(ctx) + place_group_lists(ctx)
    for a, b in implied + exemplars(ctx):
        members.add(text[a:b], a, b, 0.6)
    for head in heads or []:
        members.add_found(head, 0.7)
    for rank in ranks or []:
        members.add_found(rank, 0.75)
    return members.found


def award_recipients(ctx: Context) -> list[tuple[int, int]]:
    """Units proposed for an award at the cluster's meeting ("đề xuất tặng Cờ thi đua ... cho Hội Nông dân xã A;
    Hội Cựu chiến binh xã B được đề nghị tặng giấy khen"): their membership is implied."""
    text, out = ctx.text, []
    for sentence in ctx.sentences:
        s, e = sentence.start, sentence.end
        given, receives, further = _award_patterns()
        found = list(given.finditer(text, s, e))
        # "tặng Cờ ... cho A và B; tặng Bằng khen cho C; D và E": every unit of each list; "tặng Cờ thi đua cho A
        # và Bằng khen cho B, C": the next award named ends the list before it
        if found:
            found = sorted([*found, *further.finditer(text, found[0].end(), e)], key=lambda m: m.start())
        starts = [m for i, m in enumerate(found) if i == 0 or m.start() >= found[i - 1].end()]
        for i, m in enumerate(starts):
            bound = starts[i + 1].start() if i + 1 < len(starts) else e
            to = _GIVEN_TO.match(text, m.end(), bound)
            spans = unit_lists.recipients_after(text, to.end(), bound) if to else []
            out.extend(span for span in spans if _named_unit(text, span))
        for m in receives.finditer(text, s, e):
            clause = max(s, max(text.rfind(c, s, m.start()) for c in ";:") + 1)
            span = units.unit_before(text, m.start(), clause)
            if span and _named_unit(text, span):
                out.append(span)
    return out


def _named_unit(text: str, span: tuple[int, int]) -> bool:
    """A head word with a name ("Hội Nông dân xã A"), or a head that names one organisation by itself
    ("Hội Liên hiệp phụ nữ", "Liên đoàn Lao động tỉnh", "Tỉnh đoàn"), not a bare "Hội" or "Ủy ban"."""
    if not units.head_at(text, span[0]):
        return False
    unit = text[span[0]:span[1]]
    head = (units.head_type(unit) or "").split()
    if units.name_words(unit):
        return True
    legal_form = head[:2] == ["công", "ty"]  # "Công ty cổ phần" names no company
    rest = unit[len(" ".join(unit.split()[:len(head)])):].strip()
    within = bool(rest) and units.head_at(rest, 0)  # "Văn phòng UBND tỉnh": the office of a named body
    return (len(head) >= 3 and not legal_form) or (len(head) == 2 and head[0] in _LEVELS) or within


_LEVELS = {"tỉnh", "thành", "huyện", "thị", "quận"}  # "Tỉnh đoàn", "Huyện ủy": the body of that level


def statistics_members(ctx: Context) -> list[tuple[int, int]]:
    """Places compared in a sentence about "các huyện trong cụm" ("Phú An đạt 121% và Tân Lập 118%; ... ở Mỹ
    Xuân"): each is a member."""
    text, out = ctx.text, []
    for sentence in ctx.sentences:
        m = _MEMBERS_COMPARED.search(sentence.text)
        if not m:
            continue
        for run in names.capitalised_runs(text, sentence.start + m.end(), sentence.end):
            a, b = run[0].start, run[-1].end
            if len(run) <= 3 and (_FIGURE_AFTER.match(text, b) or re.search(r"\bở\s+$", text[max(0, a - 4):a])):
                out.append((a, b))
    return out


_CO_ORGANISE = re.compile(r"\s+phối hợp(?:\s+với)?\s+")
_HOLDS_MEETING = re.compile(r"[^.;]{0,60}?\btổ chức\s+(?:hội nghị|lễ|buổi)", re.IGNORECASE)


def co_organisers(ctx: Context) -> list[tuple[int, int]]:
    """Units holding the meeting together ("Lữ đoàn A phối hợp Lữ đoàn B (Quân khu 9) tổ chức hội nghị sơ kết"):
    both are members."""
    text, out = ctx.text, []
    for sentence in ctx.sentences:
        s, e = sentence.start, sentence.end
        for m in _CO_ORGANISE.finditer(text, s, e):
            first, second = units.unit_before(text, m.start(), s), units.unit_after(text, m.end(), e)
            if not (first and second and _HOLDS_MEETING.match(text, second[1], e)):
                continue
            out.extend(span for span in (first, second) if units.head_at(text, span[0]))
    return out


@lru_cache(maxsize=1)
def _place_group() -> re.Pattern:
    """"6 tỉnh" / "các huyện" right before a capitalised name: a list of places without a colon."""
    places = [g for g in vocab.phrases("members", "group") if all(w in units.place_words() | {"thành"}
                                                                   for w in g.replace(",", " ").split())]
    # or a counted group whose descriptor ends in a place word ("7 trường chính trị tỉnh Bắc Giang, Bắc Kạn, ...")
    groups = vocab.alternation(vocab.phrases("members", "group"))
    level = vocab.alternation(sorted(units.place_words()))
    return re.compile(rf"(?<!số )\b(?:([Cc]ác|0?[2-9]|[1-9]\d)\s+(?:{vocab.alternation(places)})"
                      rf"|(0?[2-9]|[1-9]\d)\s+(?:{groups})(?:\s+[a-zà-ỹđ]+){{0,4}}?\s+(?:{level}))\s+(?=[A-ZĐ])")


def place_group_lists(ctx: Context) -> list[tuple[int, int]]:
    """"lãnh đạo Công an 6 tỉnh A, B, C, D, E, F", "Viện kiểm sát nhân dân các huyện A, B, C": bare place names
    after a place group with no colon, taken when the count matches (or, after "các", three or more)."""
    text, out = ctx.text, []
    for sentence in ctx.sentences:
        for m in _place_group().finditer(text, sentence.start, sentence.end):
            items = unit_lists.unit_list_after(text, m.end(), sentence.end)
            written = m.group(1) or m.group(2)
            count = int(written) if written.isdigit() else None
            if (len(items) == count if count else len(items) >= 3) and all(
                    _name_length(text[a:b]) <= 4 and not units.head_at(text, a) for a, b in items):
                out.extend(items)
    return out


def _name_length(unit: str) -> int:
    """Words of a place name, a dash not counted ("Bà Rịa - Vũng Tàu" has four)."""
    return len([w for w in unit.split() if w not in ("-", "–")])


_EXEMPLARS = re.compile(r"\b(?:điển hình|tiêu biểu)\s+(?:là|như)\s*:?\s*|\bnhư\s*:\s*"
                        r"|(?P<plain>\bnhư\s+)(?=(?-i:[A-ZĐ]))", re.IGNORECASE)
_MEMBERS_AT_WORK = re.compile(r"\b(?:các|từng|một số|nhiều)\s+"
                              r"(?:đơn vị|doanh nghiệp|thành viên|ngành|tỉnh|huyện|địa phương)\b",
                              re.IGNORECASE)
_ELLIPSIS = re.compile(r"…|\.\.\.")
_CLAUSE = re.compile(r"[;,]\s+(?:các cấp\s+)?|\bcủa\s+|\(\s*")


def exemplars(ctx: Context) -> list[tuple[int, int]]:
    """Units named as examples of what the cluster's units did ("các doanh nghiệp trong khối ... Điển hình như
    Công ty A nộp ngân sách 600 tỷ đồng, Công ty B ...; mô hình ... của Hội C"): each is a member."""
    text, out = ctx.text, []
    for sentence in ctx.sentences:
        for m in _EXEMPLARS.finditer(text, sentence.start, sentence.end):
            # a plain "như A, B" counts only in a sentence about the members ("Một số đơn vị trong khối ... như")
            reach = sentence.start if m.group("plain") else max(0, m.start() - 400)
            if not _MEMBERS_AT_WORK.search(text, reach, m.start()):
                continue
            stop = _ELLIPSIS.search(text, m.end(), sentence.end)  # the examples end at "…"
            end = stop.start() if stop else sentence.end
            starts = [m.end()] + [c.end() for c in _CLAUSE.finditer(text, m.end(), end)]
            spans = [units.unit_after(text, pos, end) for pos in starts]
            out.extend(span for span in spans if span and span[0] in starts and _exemplar_unit(text, span))
    return out


def _exemplar_unit(text: str, span: tuple[int, int]) -> bool:
    """A named unit, or a place named with its level ("(tỉnh Phú Lâm)" after the movement it launched)."""
    unit = text[span[0]:span[1]]
    return _named_unit(text, span) or (unit.split()[0] in units.place_words() and bool(units.name_words(unit)))
