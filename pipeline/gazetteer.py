"""Vietnam's administrative units before the 2025 reform (63 provinces, 696 districts, ~10,000
communes), for recognising place names in unit names, resolving which province a list of units is
in, and catching OCR misspellings of known names.

The list is pipeline/data/gazetteer.tsv, built by pipeline/data/build_gazetteer.py from the
`vietnamadminunits` package (MIT); the words (type words, abbreviations, spelling variants) are in
pipeline/data/gazetteer_words.json. Both are read once, on first use (~20 ms); nothing is downloaded.

    lookup("huyện Hòn Đất")            -> [Place(huyện Hòn Đất, Kiên Giang)]
    lookup("Châu Thành")               -> every district of that name (An Giang, Bến Tre, ...)
    near("huyện Bác Sơn")              -> [Place(huyện Bắc Sơn, Lạng Sơn)]  (not a known name; close to one)
    mentions("UBND huyện Hòn Đất")     -> [Mention("huyện", "Hòn Đất", places=[...])]
    province_of(["Rạch Giá", "Hòn Đất", "Giồng Riềng"]) -> Resolution("Kiên Giang", support=3, ...)
    misspellings(["huyện Bác Sơn", ...], province="Lạng Sơn") -> [Spelling("huyện Bác Sơn", "huyện Bắc Sơn", ...)]
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.normalise.text import unaccent  # without marks: what an OCR that lost them leaves
from pipeline.units import NEW_TONES

_DATA = Path(__file__).parent / "data"
LEVELS = {"p": "province", "d": "district", "w": "commune"}


@dataclass(frozen=True)
class Place:
    name: str  # without the type word: "Hòn Đất"
    type: str  # "huyện", "thành phố", "xã", ...
    level: str  # province | district | commune
    province: str  # the project's spelling (pipeline/store/registry/names.PROVINCES)
    district: str | None = None  # a commune's district, with its type word: "huyện Hòn Đất"
    code: str = ""  # the statistics office's code

    @property
    def full(self) -> str:
        """'huyện Hòn Đất', 'xã Bình Sơn'."""
        return f"{self.type} {self.name}"


@dataclass(frozen=True)
class Mention:
    """A place named inside a unit name: the type word as written (None when bare), the name, and
    the places it can be."""

    type: str | None
    name: str
    level: str | None  # what the type word says; None when bare (looked up among districts)
    places: tuple[Place, ...]
    start: int = 0  # offsets into the (NFC) unit name
    end: int = 0

    @property
    def written(self) -> str:
        return f"{self.type} {self.name}" if self.type else self.name


@dataclass(frozen=True)
class Resolution:
    province: str | None
    support: int  # units pointing to this province
    informative: int  # units that name a place at all
    votes: dict = field(default_factory=dict)  # province -> units pointing to it

    @property
    def confidence(self) -> float:
        if self.province is None:
            return 0.0
        return min(1.0, 0.55 + 0.15 * self.support) if self.support >= 2 else 0.6


@dataclass(frozen=True)
class Spelling:
    """A typed place name that is not a known unit but is one letter or accent away from one."""

    written: str  # as the report has it: "huyện Bác Sơn"
    proposed: str  # the known name: "huyện Bắc Sơn"
    province: str
    unit: str = ""  # the unit name it was found in ("UBND huyện Bác Sơn")


# --- the data ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads((_DATA / "gazetteer_words.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _type_words() -> dict[str, tuple[str, str]]:
    """Written type word (lower case, abbreviations too) -> (type, level)."""
    found = {}
    for kind, about in _words()["types"].items():
        found[kind] = (kind, about["level"])
        for abbreviation in about["abbreviations"]:
            found[abbreviation] = (kind, about["level"])
    return found


_OLD_TONES = re.compile("(?:" + "|".join(NEW_TONES) + r")(?![^\W\d_])")
# 'Mỹ' and 'Mĩ', 'Kỳ' and 'Kì' are one name: a syllable-final y after a consonant is compared as i.
_Y_AFTER_CONSONANT = re.compile(r"(?<=[bcdđghklmnpqrstvx])([yýỳỷỹỵ])(?![^\W\d_])")
_Y_AS_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def key(name: str | None) -> str:
    """How two written place names are compared: NFC, lower case, modern tone placement, y/i alike,
    no apostrophes or hyphens, the spelling variants and other spellings of whole names of
    gazetteer_words.json ('Mù Cang Chải', officially, is the list's 'Mù Căng Chải')."""
    s = unicodedata.normalize("NFC", str(name or "")).lower()
    s = _OLD_TONES.sub(lambda m: NEW_TONES[m.group(0)], s)
    s = _Y_AFTER_CONSONANT.sub(lambda m: m.group(1).translate(_Y_AS_I), s)
    s = re.sub(r"[\u2019'`\-\u2010-\u2015.,()]", " ", s)
    variants = _words()["variants"]
    s = " ".join(variants.get(w, w) for w in s.split())
    return _words()["names"].get(s, s)


@dataclass
class _Index:
    places: list[Place]
    keys: list[str]  # key(place.name), in the same order
    by_key: dict[str, list[Place]]


@lru_cache(maxsize=1)
def _index() -> _Index:
    """The list, read once (~30 ms): the comparison key of a name is stored in the file where it is
    not simply the name in lower case (build_gazetteer.py writes it; a test checks it is key(name))."""
    rows = [line.split("\t") for line in (_DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    provinces = {row[1]: row[4] for row in rows if row[0] == "p"}
    districts = {row[1]: (row[2], f"{row[3]} {row[4]}") for row in rows if row[0] == "d"}
    index = _Index([], [], {})
    for row in rows:
        level, code, parent, kind, name = row[:5]
        if level == "p":
            place = Place(name, kind, "province", name, None, code)
        elif level == "d":
            place = Place(name, kind, "district", provinces[parent], None, code)
        else:
            province_code, district = districts[parent]
            place = Place(name, kind, "commune", provinces[province_code], district, code)
        k = row[5] if len(row) > 5 else name.lower()
        index.places.append(place)
        index.keys.append(k)
        index.by_key.setdefault(k, []).append(place)
    return index


@lru_cache(maxsize=1)
def _by_fold() -> dict[str, list[Place]]:
    """Places by their key without accents: only near() needs it, so it is built on the first doubt."""
    found: dict[str, list[Place]] = {}
    index = _index()
    for place, k in zip(index.places, index.keys, strict=True):
        found.setdefault(unaccent(k), []).append(place)
    return found


@lru_cache(maxsize=1)
def _by_province() -> dict[str, list[tuple[Place, str]]]:
    """(place, folded key) by province, for the one-letter-off search inside a province."""
    found: dict[str, list[tuple[Place, str]]] = {}
    index = _index()
    for place, k in zip(index.places, index.keys, strict=True):
        found.setdefault(place.province, []).append((place, unaccent(k)))
    return found


def _split_type(name: str) -> tuple[str | None, str | None, str]:
    """'huyện Hòn Đất' -> ('huyện', 'district', 'Hòn Đất'); 'Hòn Đất' -> (None, None, 'Hòn Đất')."""
    s = " ".join(unicodedata.normalize("NFC", name).split())
    lower = s.lower()
    for written in sorted(_type_words(), key=len, reverse=True):
        if lower.startswith(written + " "):
            kind, level = _type_words()[written]
            return kind, level, s[len(written) + 1:].strip()
    return None, None, s


def _fits(place: Place, level: str | None, province: str | None) -> bool:
    return (level is None or place.level == level) and (province is None or place.province == province)


# --- looking names up -------------------------------------------------------------------------------

def lookup(name: str, *, level: str | None = None, province: str | None = None) -> list[Place]:
    """The places this name is ('huyện Hòn Đất', 'Hòn Đất', 'TP. Rạch Giá'): a type word in front
    decides the level (huyện, quận, thị xã and thành phố are all districts: towns become cities);
    `level` ('province', 'district', 'commune') and `province` narrow it down. Exact names only
    (tone placement, y/i and apostrophes aside); see near() for misspellings."""
    kind, typed_level, bare = _split_type(name)
    level = level or typed_level
    found = [p for p in _index().by_key.get(key(bare), []) if _fits(p, level, province)]
    if not found and kind == "thành phố":  # 'thành phố Hà Nội', 'thành phố Cần Thơ': centrally run cities
        found = [p for p in _index().by_key.get(key(bare), []) if _fits(p, "province", province)]
    if kind is not None and typed_level != "province":  # the exact type first ('thị xã X' beside 'xã X')
        found.sort(key=lambda p: p.type != kind)
    return found


def near(name: str, *, level: str | None = None, province: str | None = None) -> list[Place]:
    """Known places this name may be a misspelling of, when it is no known name itself: the same
    letters with other accents ('Bác Sơn' -> 'Bắc Sơn'), or, inside a province, one letter off
    ('Hòn Đát', 'Giồng Riểng'). Empty when the name is known, or nothing is close."""
    kind, typed_level, bare = _split_type(name)
    level = level or typed_level
    if lookup(name, level=level, province=province) or len(unaccent(key(bare)).replace(" ", "")) < 4:
        return []
    folded = unaccent(key(bare))
    found = [p for p in _by_fold().get(folded, []) if _fits(p, level, province)]
    if not found and province is not None:
        found = [p for p, other in _by_province().get(province, [])
                 if _fits(p, level, province) and _one_edit(folded, other)]
    if kind is not None:
        found.sort(key=lambda p: p.type != kind)
    return found


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one substitution, insertion or deletion (not counting equality)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i:] == b[i + 1:]


# --- places inside unit names ---------------------------------------------------------------------

_WORD = re.compile(r"[^\s,;:()\"“”]+")


@lru_cache(maxsize=8192)
def unit_mentions(unit: str) -> tuple[Mention, ...]:
    """`mentions(unit)`, remembered: a report's units are asked about by province_of and by
    misspellings, and the same names recur from report to report (a third of the extractor's time)."""
    return tuple(mentions(unit))


def _proper(word: str) -> bool:
    return word[:1].isupper() or word.isdigit()


def mentions(unit: str, *, bare: bool = True) -> list[Mention]:
    """The places a unit name names: after a type word ('UBND huyện Hòn Đất', 'xã Quảng Tiến',
    'quận 7'), or, with no type word, its closing capitalised words when they are a district's
    name ('Trung tâm Chính trị Định Hóa', 'Hòn Đất'). A typed mention may match nothing (an old
    or misspelt name: see near()). `bare=False`: typed mentions only (for running text)."""
    text = unicodedata.normalize("NFC", unit or "")
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    types = _type_words()
    found: list[Mention] = []
    used_until = -1
    i = 0
    while i < len(words):
        for n in (2, 1):
            written = " ".join(w for w, _, _ in words[i:i + n]).lower()
            if len(words[i:i + n]) == n and written in types:
                kind, level = types[written]
                name_words = []
                for w, _, end in words[i + n:i + n + 5]:
                    if not _proper(w) or w.lower() in types:
                        break
                    name_words.append((w, end))
                if name_words:
                    name = " ".join(w for w, _ in name_words)
                    places = tuple(lookup(f"{kind} {name}"))
                    found.append(Mention(kind, name, level, places, words[i][1], name_words[-1][1]))
                    used_until = name_words[-1][1]
                    i += n + len(name_words) - 1
                break
        i += 1
    if not found and bare:
        found.extend(_bare(words, used_until))
    return found


def _bare(words: list[tuple[str, int, int]], after: int) -> list[Mention]:
    """The closing capitalised words of a unit name, when (a suffix of at least bare_min_words of)
    them is a district's name."""
    run = []
    for w, start, end in reversed(words):
        if start < after or not w[:1].isupper() or w.isupper() and len(w) > 1 and not w.isdigit():
            break
        run.insert(0, (w, start, end))
    least = _words()["bare_min_words"]
    for size in range(min(len(run), 4), least - 1, -1):
        part = run[len(run) - size:]
        name = " ".join(w for w, _, _ in part)
        places = tuple(lookup(name, level="district"))
        if places:
            return [Mention(None, name, None, places, part[0][1], part[-1][2])]
    return []


# --- what a list of units says ------------------------------------------------------------------

def provinces_named(unit: str) -> set[str]:
    """The provinces the places in one unit name can be in ({} when it names none; several when
    its place name is common: 'huyện Châu Thành')."""
    return {p.province for m in unit_mentions(unit) for p in m.places}


def provinces_in_text(text: str | None, *, provinces: bool = False) -> Counter:
    """How often running text names a district or commune (with its type word) of each province,
    counting only the names that are in one province ('huyện Hòn Đất', not 'huyện Châu Thành');
    with `provinces`, also the provinces it names with their type word ('tỉnh Lạng Sơn')."""
    found: Counter = Counter()
    for m in mentions(text or "", bare=False):
        named = {p.province for p in m.places}
        is_province = all(p.level == "province" for p in m.places)
        if len(named) == 1 and (provinces or not is_province):
            found[named.pop()] += 1
    return found


def province_of(units: Iterable[str], *, most: int = 3) -> Resolution:
    """The province a list of units is in, by the places they name: each unit whose places lie in
    at most `most` provinces votes for each of them; the winner needs two votes and twice the
    runner-up's, or is the only province any unit points to."""
    votes: Counter = Counter()
    informative = 0
    for unit in dict.fromkeys(units):
        named = provinces_named(unit)
        if named:
            informative += 1
        if 0 < len(named) <= most:
            votes.update(named)
    if not votes:
        return Resolution(None, 0, informative, {})
    (best, n), *rest = votes.most_common()
    runner_up = rest[0][1] if rest else 0
    if (n >= 2 and n >= 2 * runner_up) or (not rest and n >= 1):
        return Resolution(best, n, informative, dict(votes))
    return Resolution(None, 0, informative, dict(votes))


def misspellings(units: Iterable[str], province: str | None = None) -> list[Spelling]:
    """Typed place names in these units that are no known unit but close to one: in `province`
    when it is known (one accent or letter off), else anywhere when only one place is that close
    by accents alone."""
    found: list[Spelling] = []
    for unit in dict.fromkeys(units):
        for m in unit_mentions(unit):
            if m.type is None or m.places or m.level == "province":
                continue
            close = near(m.written, province=province)
            if province is None and len({(p.province, p.name) for p in close}) != 1:
                continue
            if close:
                best = close[0]
                found.append(Spelling(m.written, f"{m.type} {best.name}", best.province, unit))
    return found
