"""Normalise reader text into the one string every evidence span points into.

Unicode NFC, one tone-mark placement (hoà → hòa, thuý → thúy), unified dashes and spaces,
hyphens between a name and a title spread out ("Liên-Phó Trưởng" → "Liên - Phó Trưởng"), and
web furniture lines set aside. `NormalizedText.to_original` maps every offset back to the
reader's text, so evidence can always be shown in the source.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent

SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " ")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
DROPPED = ZERO_WIDTH | {"\x00"}  # NUL: meaningless in a report, and PostgreSQL cannot store it
QUOTES = {ord("\u201c"): '"', ord("\u201d"): '"', ord("\u2018"): "'", ord("\u2019"): "'"}
_ONE_TO_ONE = {**SPACES, **DASHES, **QUOTES}
_ODD_CHARACTER = re.compile("[" + re.escape("".join(map(chr, _ONE_TO_ONE))) + "]")
_ZERO_WIDTH_RE = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")

# oa/oe/uy at the end of a syllable: the tone goes on the first vowel (hòa, khỏe, thúy).
# The vowel must carry only the tone (no circumflex/breve after it: "thuận", "hoặc" stay as they are).
_TONE_SHIFT = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0309\u0303\u0323])(?![^\W\d_]|[\u0300-\u036f])")


@dataclass
class NormalizedText:
    text: str
    to_original: list[int]  # len(text) + 1 entries: offset in the reader's text
    set_aside: list[tuple[int, int, str]] = field(default_factory=list)  # boilerplate lines

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original[start], self.to_original[end]


@lru_cache(maxsize=1)
def boilerplate_patterns() -> list[re.Pattern]:
    lines = (_DATA / "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    return [re.compile(rf"(?:{p})", re.IGNORECASE) for p in lines if p.strip() and not p.startswith("#")]


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    """All of boilerplate.txt as one expression: a line is tried once, not once per pattern."""
    return re.compile("|".join(p.pattern for p in boilerplate_patterns()), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    if _ODD_CHARACTER.search(line):
        # spaces and dashes as normalising leaves them, so that normalising twice removes nothing more
        line = line.translate(SPACES).translate(DASHES)
    stripped = line.strip(" \t|•·-–—:")
    return bool(stripped) and _boilerplate().fullmatch(stripped) is not None


class _Builder:
    """A string under construction, each character remembering its original offset."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: list[int] = []

    def add(self, text: str, origin: int) -> None:
        for ch in text:
            self.chars.append(ch)
            self.origin.append(origin)


def _sub(chars: list[str], origin: list[int], pattern: re.Pattern, repl: str):
    """re.sub over a character list that keeps each output character's origin."""
    text = "".join(chars)
    if not pattern.search(text):
        return chars, origin
    out_c: list[str] = []
    out_o: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out_c.extend(chars[pos:m.start()])
        out_o.extend(origin[pos:m.start()])
        new = m.expand(repl)
        # A character kept from the match keeps its origin; an inserted space takes the origin
        # of the next unconsumed character (or of the one after the match). So " - " for "-"
        # maps its dash onto the dash and no character maps to an empty original span.
        matched = text[m.start():m.end()]
        k = 0
        for ch in new:
            idx = k if ch == " " and matched[k:k + 1] == " " else (-1 if ch == " " else matched.find(ch, k))
            if idx >= 0:
                k = idx + 1
                out_o.append(origin[m.start() + idx])
            else:
                out_o.append(origin[m.start() + k] if m.start() + k < len(origin) else origin[-1])
        out_c.extend(new)
        pos = m.end()
    out_c.extend(chars[pos:])
    out_o.extend(origin[pos:])
    return out_c, out_o



_LINE_RULES = [
    # "Liên-Phó Trưởng", "Tiến- Giám đốc", "Tiến -Giám": a separator between name and title.
    (re.compile(r"(?<=[a-zà-ỹđ])\s*-\s*(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])"), " - "),
    (re.compile(r"(?<=\w)[ ]+-(?=\w)|(?<=\w)-[ ]+(?=\w)"), " - "),
    (re.compile(r" {2,}"), " "),
]


def normalize(source: str) -> NormalizedText:
    """Normalise reader text; offsets in the result are the reference for all evidence."""
    out = _Builder()
    set_aside: list[tuple[int, int, str]] = []
    blank_run = 0
    pos = 0
    for raw_line in source.splitlines(keepends=True):
        line_start = pos
        pos += len(raw_line)
        body = raw_line.rstrip("\r\n\x0b\x1c\x1d\x1e\x85\u2028\u2029")  # every line boundary splitlines knows but \f
        page_break = body.endswith("\f")  # "\f" ends a line too: the text before it is a line of its own
        body = body[:-1] if page_break else body
        if body.strip() or not page_break:
            blank_run = _add_line(out, body, line_start, set_aside, blank_run)
        if page_break:
            # always followed by one blank line (as a PDF's "\n\f\n" gives): normalising again
            # then finds the same text
            out.add("\f\n\n", line_start + len(body))
            blank_run = 1
    end = len(source)
    while out.chars and out.chars[-1] in "\n ":
        out.chars.pop()
        end = out.origin.pop()  # the end of the last kept line, not of trailing furniture
    text = "".join(out.chars)
    return NormalizedText(text=text, to_original=out.origin + [end], set_aside=set_aside)


def _add_line(out: _Builder, body: str, line_start: int, set_aside: list, blank_run: int) -> int:
    """One line of text, cleaned, into `out`; furniture set aside, blank lines collapsed to one.
    Returns how many blank lines now precede the next line."""
    if not body:  # the common blank line, at once (a file of a million empty paragraphs)
        if blank_run == 0 and out.chars:
            out.add("\n", line_start)
        return blank_run + 1
    # furniture is judged on what is seen: a zero-width space before "Xem với cỡ chữ" hides nothing
    if is_boilerplate(_ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFC", body)).replace("\x00", "")):
        set_aside.append((line_start, line_start + len(body), body))
        return blank_run
    chars, origin = _clean_chars(body, line_start)
    chars, origin = _strip(chars, origin)
    if not chars:
        if blank_run == 0 and out.chars:
            out.add("\n", line_start)
        return blank_run + 1
    for rule, repl in _LINE_RULES:
        chars, origin = _sub(chars, origin, rule, repl)
    out.chars.extend(chars)
    out.origin.extend(origin)
    out.add("\n", line_start + len(body))
    return 0


def _clean_chars(body: str, offset: int) -> tuple[list[str], list[int]]:
    """NFC per base character with its combining marks, spaces/dashes/quotes unified, tones placed."""
    chars: list[str] = []
    origin: list[int] = []
    i, n = 0, len(body)
    if unicodedata.is_normalized("NFC", body) and not _ZERO_WIDTH_RE.search(body) and "\x00" not in body:
        # the common case, character for character: the same result as the loop below, much faster
        unified = body.translate(_ONE_TO_ONE) if _ODD_CHARACTER.search(body) else body  # translate is slow
        chars, origin, i = list(unified), list(range(offset, offset + n)), n
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(body[j]):
            j += 1
        cluster = body[i:j]
        if cluster in DROPPED:
            i = j
            continue
        cluster = unicodedata.normalize("NFC", cluster).translate(SPACES).translate(DASHES).translate(QUOTES)
        for ch in cluster:
            chars.append(ch)
            origin.append(offset + i)
        i = j
    # tone placement works on decomposed text; oa/oe/uy + tone keeps its length after recomposition
    text = "".join(chars)
    if _TONE_SHIFT.search(unicodedata.normalize("NFD", text)):
        placed = _place_tones(text)
        if len(placed) == len(chars) and unicodedata.is_normalized("NFC", placed):  # "OÝ̀": a mark freed
            chars = list(placed)
    return chars, origin


def _place_tones(text: str) -> str:
    def one_syllable(m: re.Match) -> str:
        decomposed = unicodedata.normalize("NFD", m.group(0))
        fixed = _TONE_SHIFT.sub(lambda t: t.group(1) + t.group(3) + t.group(2), decomposed)
        return unicodedata.normalize("NFC", fixed)

    return re.sub(r"[^\W\d_]+", one_syllable, text)


def _strip(chars: list[str], origin: list[int]):
    start, end = 0, len(chars)
    while start < end and chars[start] == " ":
        start += 1
    while end > start and chars[end - 1] == " ":
        end -= 1
    return chars[start:end], origin[start:end]


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """A comparison key: NFC, lower case, tones placed, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).translate(DASHES).lower()
    text = _place_tones(text)
    return re.sub(r"\s+", " ", text).strip()


def _unaccent_table() -> dict[int, str]:
    """Latin letters with marks -> the bare lower-case letter, one character for one."""
    table = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(code))[0].lower()
        if len(base) == 1 and base != chr(code):
            table[code] = base
    table.update({ord("đ"): "d", ord("Đ"): "d"})
    return table


_UNACCENT = _unaccent_table()


def unaccent(text: str) -> str:
    """What Vietnamese users often type: no tones, no marks, "đ" as "d", lower case ("Cụm thi
    đua" -> "cum thi dua"). One character for one on NFC text, so offsets into the result are
    offsets into the text: search finds words here and shows them from the original."""
    text = unicodedata.normalize("NFC", text).translate(_UNACCENT)
    low = text.lower()
    if len(low) == len(text):  # no character lowered into two (lowering never drops one): 1 for 1
        return low
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)
