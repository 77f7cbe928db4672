"""Finding Vietnamese personal names: runs of capitalised syllables that start with a family
name or follow a cue ("đồng chí", "ông", "bà", a police/military rank)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors import vocab

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass
class Word:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return _capitalised(self.text)


def _capitalised(t: str) -> bool:
    return t[0].isupper() and (len(t) == 1 or t[1:].islower() or "'" in t or "’" in t)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, end)]


MIDDLE_NAMES = frozenset({"Thị", "Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Thanh", "Ngọc", "Xuân", "Kim"})


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(vocab.phrases("surnames"))


@cache
def title_start() -> re.Pattern:
    """A position, party membership or rank beginning here; positions of two words or more also in
    lower case ("phó chủ tịch UBND xã", "cụm trưởng"), as some reports write them."""
    phrases = vocab.phrases("titles")
    lower = [p.lower() for p in vocab.phrases("titles", "position") if len(p.split()) >= 2]
    # "Phó chỉ huy trưởng": the first syllable capitalised, the rest in lower case
    lower += [f"{p.split(' ', 1)[0]} {p.split(' ', 1)[1].lower()}" for p in phrases if len(p.split()) >= 2]
    return re.compile(rf"(?:{vocab.alternation(phrases + lower)})(?![^\W_])")


@cache
def unit_start() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('units', 'head'))})\b")


def capitalised_runs(text: str, start: int, end: int) -> list[list[Word]]:
    """Consecutive capitalised words separated by single spaces (only those words become `Word`s:
    this runs on every sentence)."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for m in _WORD.finditer(text, start, end):
        if not m.group(0)[0].isupper() or not _capitalised(m.group(0)):
            if current:
                runs.append(current)
                current = []
            continue
        if current and text[current[-1].end:m.start()] == " ":
            current.append(Word(m.start(), m.end(), m.group(0)))
            continue
        if current:
            runs.append(current)
        current = [Word(m.start(), m.end(), m.group(0))]
    if current:
        runs.append(current)
    return runs


def names_in_run(text: str, run: list[Word], cued: bool) -> list[list[Word]]:
    """Split a capitalised run into person names: a name starts at a family name (or right after
    a cue) and stops where a title or unit word begins."""
    out: list[list[Word]] = []
    i = 0
    while i < len(run):
        starts_name = run[i].text in surnames() or (cued and i == 0)
        # "Đoàn Thị Mai Hương": a family name that is also a unit word is a name after a cue or
        # before a middle name
        sure = run[i].text in surnames() and (
            (cued and i == 0) or (i + 1 < len(run) and run[i + 1].text in MIDDLE_NAMES))
        looks_like_title = title_start().match(text, run[i].start) or unit_start().match(text, run[i].start)
        if not starts_name or (not sure and looks_like_title):
            i += 1
            continue
        j = i + 1
        while j < len(run) and j - i < 5:
            # a title or unit word needs words after it: "Vũ Văn Phòng, ..." ends on a given name
            if (title_start().match(text, run[j].start) or unit_start().match(text, run[j].start)) \
                    and j + 1 < len(run):
                break
            j += 1
        if j - i >= 2:
            out.append(run[i:j])
        i = j
    return out
