"""Unit names as reports write them ("Ban Dân vận Huyện ủy", "tỉnh Hậu Giang", "VKSND tối cao")
and the registry that resolves abbreviations ("LĐLĐ huyện" = "Liên đoàn Lao động huyện").

A unit phrase is read word by word: capitalised syllables, the lower-case second syllable of a
capitalised word ("Tư pháp", "Nội vụ"), administrative words (tỉnh, huyện, xã) and a few joiners.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import span_layer, vocab
from extractors.names import Word, words
from extractors.unit_names import abbreviations, canonical, head_type, name_words, same  # noqa: F401  (callers)

JOINERS = {"các", "tối", "cao", "&", "nhân", "dân", "kiểm", "tra", "ủy", "uỷ"}
_BREAK = re.compile(r"[,;:.()\[\]\n\"“”!?]|\s-\s(?=đơn vị|đại diện)")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return frozenset(w.lower() for p in vocab.phrases("units", "place") for w in p.split())


def _is_unit_word(w: Word, prev: Word | None, text: str = "", run_caps: int = 0) -> bool:
    """Capitalised syllables, administrative words, joiners, and the lower-case second syllable
    of a capitalised word ("Tư pháp", "Nội vụ") - but not after a place name written in full
    capitals ("Gia Lộc tiếp tục ..."), and never a word that starts a verb phrase."""
    t = w.text
    if t[0].isupper() or t.isupper():
        return True
    low = t.lower()
    if text and _stop_pattern().match(" " + text[w.start:w.start + 40]):
        return False
    if low in place_words() or low in JOINERS:
        return True
    return prev is not None and prev.text[0].isupper() and not (prev.text.isupper() and len(prev.text) > 1) \
        and run_caps < 2


def _caps_before(text: str, ws: list[Word], i: int) -> int:
    """How many capitalised syllables that are not unit-type words come just before ws[i]:
    two or more make a proper name ("Gia Lộc"), after which a lower-case word is not part of it."""
    n = 0
    j = i - 1
    while j >= 0 and ws[j].text[:1].isupper() and not head_at(text, ws[j].start):
        if len(ws[j].text) > 1 and ws[j].text.isupper():
            break  # an abbreviation ("CP", "TNHH") is a legal form, not a syllable of the name
        if j < i - 1 and text[ws[j].end:ws[j + 1].start] != " ":
            break
        n += 1
        j -= 1
    return n


def _gap_ok(text: str, a: Word, b: Word) -> bool:
    gap = text[a.end:b.start]
    if gap == "\n":
        return b.text[:1].islower()  # a hard-wrapped line goes on in lower case: "Liên\nđoàn lao động tỉnh"
    return gap in (" ", " - ", "-", " & ", "&", "'", "’", ". ") and not _BREAK.search(gap.replace(" - ", " "))


def unit_before(text: str, pos: int, floor: int = 0) -> tuple[int, int] | None:
    """The unit phrase ending just before `pos` (e.g. before "đứng thứ 1"): the span layer's UNIT there
    when the text carries the layer (extractors.context.LayeredText), else read from the string."""
    if getattr(text, "units", None) is not None:
        found = span_layer.unit_ending(text, pos, floor)
        return found if found is not None else span_layer.clipped(text, _read_before(text, pos, floor))
    return _read_before(text, pos, floor)


def _read_before(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    special = _comma_name_before(text, pos, floor) or _lower_name_before(text, pos, floor) or \
        _numbered_before(text, pos, floor)
    if special is not None:
        return special
    stripped = text[:pos].rstrip()
    if stripped.endswith(")"):
        # "Công ty Điện lực Vĩnh Long (PC Vĩnh Long) đạt ...": skip the short form in brackets
        opening = text.rfind("(", max(floor, len(stripped) - 40), len(stripped))
        if opening > floor:
            pos = opening
    ws = [w for w in words(text, max(floor, pos - 160), pos) if w.end <= pos]
    if not ws or _BREAK.search(text[ws[-1].end:pos]):
        return None
    span = _trim(_unit_words_back(text, ws))
    if span is not None and text[span[0] - 1:span[0]] == "(" and text[span[1]:span[1] + 1] == ")":
        # "Công ty Điện lực Bình Thuận (PC Bình Thuận)": the name before its short form
        full = _read_before(text, span[0] - 1, floor)
        if full is not None:
            return full
    if span is None:
        span = _back_to_head(text, pos, floor)
    elif not head_at(text, span[0]):
        span = _back_to_head(text, span[1], floor) or span
    return _extend_over_and(text, span, floor) if span is not None else None


def _unit_words_back(text: str, ws: list[Word]) -> list[Word]:
    """The words of a unit phrase read backwards from the last of `ws`."""
    chosen: list[Word] = []
    for i in range(len(ws) - 1, -1, -1):
        w = ws[i]
        if chosen and not _gap_ok(text, w, chosen[0]):
            break
        if not _is_unit_word(w, ws[i - 1] if i > 0 else None, text, _caps_before(text, ws, i)):
            break
        chosen.insert(0, w)
    return chosen


_LOWER_TAIL_STOP = re.compile(r"\b(?:các|và|đã|được|là|làm|cùng|đồng thời|với|tại|trong|của|cho|từ)\b")


@lru_cache(maxsize=1)
def _comma_name_pattern() -> re.Pattern:
    heads = vocab.alternation(vocab.phrases("units", "head"))
    return re.compile(rf"(?<![^\W_])(?:{heads})\s+[A-ZĐ][^\s,;.()]*(?:\s+[^\s,;.()]+){{0,4}},"
                      rf"\s+[a-zà-ỹđ][^\d,;.()\n]{{2,60}}?\s*$")


def _comma_name_before(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """"Trung tâm Bảo trợ, chăm sóc người có công tỉnh": a headed name whose second part, after a
    comma, goes on in lower case (no verb, no joiner) up to `pos`."""
    m = _comma_name_pattern().search(text, max(floor, pos - 120), pos)
    if not m:
        return None
    tail = text[text.index(",", m.start()) + 1:pos]
    if _LOWER_TAIL_STOP.search(tail) or len(tail.split()) > 8 or tail.split()[-1] not in place_words():
        return None
    return m.start(), m.start() + len(text[m.start():pos].rstrip())


@lru_cache(maxsize=1)
def _lower_head_pattern() -> re.Pattern:
    """Multi-word head words written in lower case ("tập đoàn dệt may phú an", "công ty cổ phần ...")."""
    heads = [h.lower() for h in vocab.phrases("units", "head") if len(h.split()) >= 2]
    return re.compile(rf"(?<![^\W_])(?:{vocab.alternation(heads)})(?:\s+[a-zà-ỹđ]+){{1,8}}\s*$")


def _lower_name_before(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    m = _lower_head_pattern().search(text, max(floor, pos - 80), pos)
    if not m or _LOWER_TAIL_STOP.search(text, m.start(), pos) or _stop_pattern().search(text, m.start(), pos):
        return None
    return m.start(), m.start() + len(text[m.start():pos].rstrip())


def head_at(text: str, pos: int) -> bool:
    """A head word at `pos`, not an event named like one ("Hội nghị", "Hội thảo": patterns/units.jsonl "event")."""
    return bool(_head_word().match(text, pos)) and not _event().match(text, pos)


@lru_cache(maxsize=1)
def _event() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('units', 'event'))})(?![^\W_])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _head_word() -> re.Pattern:
    """A head word as written, its later syllables in any case ("Liên đoàn lao động", "Hội Liên hiệp phụ nữ")."""
    heads = sorted(vocab.phrases("units", "head"), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(_first_syllable_exact(h) for h in heads)})\b")


def _first_syllable_exact(head: str) -> str:
    first, _, rest = head.partition(" ")
    tail = rf"\s+(?i:{vocab.alternation([rest])})" if rest else ""
    return rf"{re.escape(first)}{tail}"


def _back_to_head(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """"Sở Giao thông vận tải được bầu": walk back through lower-case words to a head word."""
    ws = [w for w in words(text, max(floor, pos - 90), pos) if w.end <= pos]
    if not ws or _BREAK.search(text[ws[-1].end:pos]):
        return None
    for i in range(len(ws) - 1, max(-1, len(ws) - 9), -1):
        gap = text[ws[i].end:ws[i + 1].start] if i < len(ws) - 1 else ""
        if _BREAK.search(gap) and not (gap == "\n" and ws[i + 1].text[:1].islower()):
            return None
        if _stop_pattern().match(" " + text[ws[i].start:pos]) or ws[i].text in ("và", "các"):
            return None  # "UBND tỉnh tặng cờ ...": a verb; "A và các huyện B": two units
        if head_at(text, ws[i].start):
            return ws[i].start, ws[-1].end
    return None


def _extend_over_and(text: str, span: tuple[int, int], floor: int) -> tuple[int, int]:
    """"Sở Lao động - Thương binh và Xã hội": a phrase that stopped at "và" inside a headed name,
    or at the comma of "Sở Văn hóa, Thể thao và Du lịch"."""
    for m in vocab.compiled("units", "comma_name").finditer(text, max(floor, span[0] - 60), span[1]):
        if m.start() < span[0] <= m.end():
            head = _head_then_space().search(text, max(floor, m.start() - 12), m.start())
            if head:
                return head.start(), span[1]
    m = re.compile(r"\s+và\s+$").search(text, max(floor, span[0] - 6), span[0])
    if m and not _starts_unit(text, span[0], _heads_or_places()):
        before = unit_before(text, m.start(), floor)
        if before and head_at(text, before[0]):
            return before[0], span[1]
    return span


@lru_cache(maxsize=1)
def _head_then_space() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('units', 'head'))})\s+$")


@lru_cache(maxsize=1)
def _heads_or_places() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('units', 'head') + vocab.phrases('units', 'place'))})\b")


def unit_after(text: str, pos: int, ceiling: int | None = None) -> tuple[int, int] | None:
    """The unit phrase starting at or just after `pos` (e.g. after "bầu" or "cho"): the span layer's UNIT
    there when the text carries the layer, else read from the string."""
    ceiling = len(text) if ceiling is None else ceiling
    if getattr(text, "units", None) is not None:
        found = span_layer.unit_starting(text, pos, ceiling)
        return found if found is not None else span_layer.clipped(text, _read_after(text, pos, ceiling))
    return _read_after(text, pos, ceiling)


def _read_after(text: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    ws = words(text, pos, min(ceiling, pos + 200))
    if not ws or _BREAK.search(text[pos:ws[0].start]):
        return None
    chosen: list[Word] = []
    head = _head_word().match(text, ws[0].start)
    for i, w in enumerate(ws):
        prev = chosen[-1] if chosen else None
        if prev and not _gap_ok(text, prev, w):
            break
        if not (head and w.end <= head.end()) and not _is_unit_word(w, prev, text, _caps_before(text, ws, i)):
            break
        chosen.append(w)
    span = with_number(text, _over_and(text, _trim(chosen), ceiling))
    last = text[span[0]:span[1]].split()[-1] if span else ""
    if span is not None and head_at(text, span[0]) and last.islower() and last not in place_words():
        span = _lower_tail(text, span, ceiling)
    return span


@lru_cache(maxsize=1)
def _number_name() -> re.Pattern:
    """A number naming a unit, not a count: not before a unit of measure or a group ("Công an 3 tỉnh: A, B")."""
    groups = vocab.alternation(vocab.phrases("members", "group"))
    return re.compile(rf"\s\d{{1,4}}(?![\d/.,:-]*\d)(?!\s*(?:%|điểm|tỷ|triệu|người|lượt|năm|(?:{groups})(?![^\W_])))",
                      re.IGNORECASE)


def with_number(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A head word named by a number ("Lữ đoàn 962", "Hải đoàn 38"): the number is the name."""
    if span is None:
        return None
    head = _head_word().fullmatch(text, span[0], span[1])
    number = _number_name().match(text, span[1]) if head else None
    return (span[0], number.end()) if number else span


def _numbered_before(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """"Lữ đoàn 962" ending at `pos`."""
    m = re.search(r"\s(\d{1,4})\s*$", text[max(floor, pos - 8):pos])
    if not m:
        return None
    number_start = max(floor, pos - 8) + m.start(1)
    head = unit_before(text, number_start - 1, floor)
    return (head[0], number_start + len(m.group(1))) if head and with_number(text, head) != head else None


_AND = re.compile(r"\s+và\s+")
_CLUSTER_AHEAD = re.compile(r"(?i)(cụm|khối)\b")


def _over_and(text: str, span: tuple[int, int] | None, ceiling: int) -> tuple[int, int] | None:
    """"Sở Lao động - Thương binh và Xã hội": "và" inside a headed name, not a second unit."""
    while span is not None and head_at(text, span[0]):
        m = _AND.match(text, span[1])
        last_word = text[span[0]:span[1]].split()[-1]
        if not m or m.end() >= ceiling or _starts_unit(text, m.end(), _heads_or_places()) \
                or not last_word.islower() or _CLUSTER_AHEAD.match(text[m.end():m.end() + 5]):
            break  # after a proper name ("Thanh Miện và ...") "và" joins two units
        nxt = unit_after(text, m.end(), ceiling)
        if nxt is None or nxt[0] != m.end():
            break
        span = (span[0], nxt[1])
    return span


def _lower_tail(text: str, span: tuple[int, int], ceiling: int) -> tuple[int, int]:
    """The reader stopped inside a lower-case stretch of the name ("Hội Chữ thập | đỏ tỉnh"): keep the rest."""
    limit = min(ceiling, span[0] + 120)
    cut = _BREAK.search(text, span[1], limit)
    stop = _stop_pattern().search(text, span[1], cut.start() if cut else limit)
    end = stop.start() if stop else (cut.start() if cut else span[1])
    tail = text[span[1]:end]
    lower_tail = tail.strip() == tail.strip().lower() and not re.search(r"\d|\bvà\b", tail)
    if end > span[1] and len(tail.split()) <= 6 and lower_tail:
        next_word = span[1] + len(tail) - len(tail.lstrip()) + (4 if tail.lstrip().startswith("và ") else 0)
        if not _starts_unit(text, next_word, _heads_or_places()):
            return span[0], span[1] + len(tail.rstrip())
    return span


def _trim(chosen: list[Word]) -> tuple[int, int] | None:
    # a capitalised joiner opens a name ("Cao su Sa Thầy"), except "Các" opening a sentence
    while chosen and chosen[0].text.lower() in JOINERS - {"ủy", "uỷ"} and (
            not chosen[0].text[0].isupper() or chosen[0].text.lower() in ("các", "&")):
        chosen.pop(0)
    while chosen and (chosen[-1].text.lower() in JOINERS - {"ủy", "uỷ", "cao", "tra", "dân"}):
        chosen.pop()
    if not chosen or not (chosen[0].text[0].isupper() or chosen[0].text.lower() in place_words()):
        return None
    if all(w.text.lower() in place_words() for w in chosen):
        return None
    return chosen[0].start, chosen[-1].end


@lru_cache(maxsize=1)
def _stop_pattern() -> re.Pattern:
    """Where a unit phrase ends: a verb or preposition (patterns/units.jsonl, label "stop"), a figure, a bracket."""
    stops = vocab.alternation(vocab.phrases("units", "stop"))
    return re.compile(rf"\s(?:{stops})(?![^\W_])(?P<data>\s+\d)?|(?P<num>\s\d)"
                      r"|(?P<paren>\s*[(\[])|(?P<close>\s*[)\]])|\s-\s(?=[a-zà-ỹđ])"
                      r"|(?P<role>\s[-–]\s(?=(?i:cụm|khối|trưởng|phó)(?![^\W_])))")


def _starts_unit(text: str, pos: int, heads: re.Pattern) -> bool:
    """A head word ("Sở", "Ban") or a place word followed by a name ("xã Bình Thành", not "Xã hội")."""
    m = heads.match(text, pos)
    if not m:
        return False
    if m.group(0).lower() in place_words():
        nxt = re.compile(r"\s+(\w)").match(text, m.end())
        return bool(nxt and nxt.group(1).isupper())
    return True


GENERIC_UNITS = {"đơn vị", "tập thể", "cụm", "khối", "cơ quan", "ban", "hội", "sở", "tỉnh", "huyện"}


def is_generic(unit: str) -> bool:
    return unit.lower().strip() in GENERIC_UNITS
