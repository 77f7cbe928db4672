"""Unit names as reports write them ("Ban Dân vận Huyện ủy", "tỉnh Hậu Giang", "VKSND tối cao")
and the registry that resolves abbreviations ("LĐLĐ huyện" = "Liên đoàn Lao động huyện").

A unit phrase is read word by word: capitalised syllables, the lower-case second syllable of a
capitalised word ("Tư pháp", "Nội vụ"), administrative words (tỉnh, huyện, xã) and a few joiners.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import vocab
from extractors.names import Word, words
from pipeline.units import same_unit

JOINERS = {"các", "tối", "cao", "&", "nhân", "dân", "kiểm", "tra", "ủy", "uỷ", "trực", "thuộc"}
_BREAK = re.compile(r"[,;:.()\[\]\n\"“”!?]|\s-\s(?=đơn vị|đại diện)")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return frozenset(w.lower() for p in vocab.phrases("units", "place") for w in p.split())


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return {e["pattern"]: e["expansion"] for e in vocab.entries("units") if e["label"] == "abbr"}


def _is_unit_word(w: Word, prev: Word | None) -> bool:
    t = w.text
    if t[0].isupper() or t.isupper():
        return True
    low = t.lower()
    if low in place_words() or low in JOINERS:
        return True
    return prev is not None and prev.text[0].isupper() and not prev.text.isupper()


def _gap_ok(text: str, a: Word, b: Word) -> bool:
    gap = text[a.end:b.start]
    return gap in (" ", " - ", "-", " & ", "&", "'", "’", ". ") and not _BREAK.search(gap.replace(" - ", " "))


def unit_before(text: str, pos: int, floor: int = 0) -> tuple[int, int] | None:
    """The unit phrase ending just before `pos` (e.g. before "đứng thứ 1")."""
    ws = [w for w in words(text, max(floor, pos - 160), pos) if w.end <= pos]
    if not ws or _BREAK.search(text[ws[-1].end:pos]):
        return None
    chosen: list[Word] = []
    for i in range(len(ws) - 1, -1, -1):
        w = ws[i]
        prev = ws[i - 1] if i > 0 else None
        if chosen and not _gap_ok(text, w, chosen[0]):
            break
        if not _is_unit_word(w, prev):
            break
        chosen.insert(0, w)
    return _trim(text, chosen)


def unit_after(text: str, pos: int, ceiling: int | None = None) -> tuple[int, int] | None:
    """The unit phrase starting at or just after `pos` (e.g. after "bầu" or "cho")."""
    ceiling = len(text) if ceiling is None else ceiling
    ws = words(text, pos, min(ceiling, pos + 200))
    if not ws or _BREAK.search(text[pos:ws[0].start]):
        return None
    chosen: list[Word] = []
    for i, w in enumerate(ws):
        prev = chosen[-1] if chosen else None
        if prev and not _gap_ok(text, prev, w):
            break
        if not _is_unit_word(w, prev):
            break
        chosen.append(w)
    return _trim(text, chosen)


def _trim(text: str, chosen: list[Word]) -> tuple[int, int] | None:
    while chosen and chosen[0].text.lower() in JOINERS - {"ủy", "uỷ"}:
        chosen.pop(0)
    while chosen and (chosen[-1].text.lower() in JOINERS - {"ủy", "uỷ", "cao", "tra", "dân"}):
        chosen.pop()
    if not chosen or not (chosen[0].text[0].isupper() or chosen[0].text.lower() in place_words()):
        return None
    if all(w.text.lower() in place_words() for w in chosen):
        return None
    return chosen[0].start, chosen[-1].end


def canonical(unit: str) -> str:
    """The unit with abbreviations written out, for the registry key and the export's extra key."""
    out = unit
    for abbr, full in sorted(abbreviations().items(), key=lambda kv: -len(kv[0])):
        out = re.sub(rf"(?<![\w&-]){re.escape(abbr)}(?![\w&-])", full, out)
    return " ".join(out.split())


def same(a: str, b: str) -> bool:
    return same_unit(canonical(a), canonical(b))


_LIST_SEP = re.compile(r"\s*(?:,|;)\s*(?:và\s+)?|\s+và\s+")


def unit_list_after(text: str, pos: int, end: int, headed: bool = False) -> list[tuple[int, int]]:
    """Units enumerated from `pos`: "A, B (Cụm phó), C và D". Stops at the first item that is
    not a unit. "và" joins two units unless it sits inside one name ("Sở Kế hoạch và Đầu tư");
    `headed` says the list's items share an implied head ("các sở: Giáo dục và Đào tạo, ...")."""
    heads = re.compile(rf"(?:{vocab.alternation(vocab.phrases('units', 'head') + vocab.phrases('units', 'place'))})\b")
    items: list[tuple[int, int]] = []
    cursor = pos
    after_semicolon = False
    while cursor < end:
        span = unit_after(text, cursor, end)
        if span is None:
            break
        start, stop = span
        # "Sở Kế hoạch và Đầu tư": the phrase reader stops at "và"; glue it back when the part
        # after "và" does not start a new unit.
        while True:
            m = re.compile(r"\s+và\s+").match(text, stop)
            if not m:
                break
            first_is_headed = headed or bool(re.match(rf"(?:{vocab.alternation(vocab.phrases('units', 'head'))})\b", text[start:stop]))
            if not first_is_headed or _starts_unit(text, m.end(), heads):
                break
            nxt = unit_after(text, m.end(), end)
            if nxt is None:
                break
            stop = nxt[1]
        # skip a parenthesised remark "(Cụm trưởng)" and the separator
        rest = re.compile(r"\s*\([^()]{0,40}\)?").match(text, stop)
        cursor = rest.end() if rest else stop
        sep = _LIST_SEP.match(text, cursor)
        if after_semicolon and not sep and not re.match(r"\s*(?:[.)]|$)", text[cursor:end]):
            break  # "...; UBND tỉnh tặng bằng khen": a new clause, not the next item
        items.append((start, stop))
        if not sep or sep.end() >= end:
            break
        after_semicolon = ";" in sep.group(0)
        cursor = sep.end()
    return items


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
