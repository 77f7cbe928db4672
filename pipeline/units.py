"""Comparing unit names the way GOLD_FORMAT.md and ../shared/score_records.py do: abbreviations
expanded, old and new tone placement equal ("hoà" = "hòa"), generic words ("ủy ban", "huyện",
"công an") ignored when deciding two names are different units, and same-kind units in different
places ("... quận Ô Môn" / "... quận Ninh Kiều") told apart."""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.normalise.text import fold

# Old-style tone placement ("hoà", "thuý", "uỷ") and the modern one ("hòa", "thúy", "ủy") are the same word.
NEW_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
             "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
             "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONES = re.compile("(?:" + "|".join(NEW_TONES) + r")(?![^\W\d_])")
_DASHES = re.compile(r"[\u2010-\u2015\-]")
_MARKER = r"(?:huyện|quận|tỉnh|xã|phường|thị xã|thị trấn|thành phố|tp)"
# A place named after a marker word runs to punctuation, the end, or the next marker.
_PLACES = re.compile(rf"\b{_MARKER}\s+(?!ủy\b)(.+?)(?=\s*(?:[,;()]|$|\b{_MARKER}\s))")


@lru_cache(maxsize=1)
def _units() -> dict:
    return json.loads((Path(__file__).parent / "data" / "units.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_units()["generic"])


def canon(value) -> str:
    """NFC, lower case, modern tone placement, straight quotes, dashes as spaces, whitespace collapsed,
    abbreviations expanded, edges trimmed."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value)).lower().replace("\u2019", "'").replace("\u2018", "'")
    s = _DASHES.sub(" ", _OLD_TONES.sub(lambda m: NEW_TONES[m.group(0)], s))
    abbreviations = _units()["abbreviations"]
    s = " ".join(abbreviations.get(w, w) for w in s.split())
    return s.strip(" .,;:()\"'“”")


def places(name: str) -> set[str]:
    """The places a canonical unit name is located in ("quận ô môn" -> {"ô môn"})."""
    return {m.group(1).strip() for m in _PLACES.finditer(name)}


def _same_place(pa: set[str], pb: set[str]) -> bool:
    return any(x == y or x in y or y in x for x in pa for y in pb)


def same_unit(a, b) -> bool:
    """The scorer's rule (../shared/score_records.py), loose: "Liên đoàn Lao động" matches "Liên đoàn Lao
    động huyện Kiên Lương". For one document's own values `same_name` is the stricter rule."""
    a, b = canon(a), canon(b)
    if not a or not b:
        return False
    if a == b:
        return True
    pa, pb = places(a), places(b)
    if pa and pb and not _same_place(pa, pb):
        return False  # e.g. Liên đoàn Lao động quận Ô Môn vs ... quận Ninh Kiều
    generic = _generic()
    words_a, words_b = a.split(), b.split()
    set_a, set_b = set(words_a), set(words_b)
    dist_a, dist_b = set_a - generic, set_b - generic
    if dist_a and dist_b and not dist_a & dist_b:
        return False  # e.g. Công an tỉnh Bắc Giang vs Công an tỉnh Lạng Sơn
    shorter_distinct = dist_a if len(words_a) <= len(words_b) else dist_b
    if (a in b or b in a) and shorter_distinct:
        return True
    shared = len(set_a & set_b)
    if shared / min(len(set_a), len(set_b)) < 0.6 or shared / max(len(set_a), len(set_b)) < 0.5:
        return False
    return not (dist_a and dist_b) or len(dist_a & dist_b) / min(len(dist_a), len(dist_b)) >= 0.5


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key of name_words and head_type
class UnitKinds:
    """The words that say which kind of unit a name is, for `same_name`: `heads` matches the head words a name
    opens with ("hội cựu chiến binh", "trung tâm"), `types` head words or place words ("huyện"), both over
    folded canonical names; `canonical` writes abbreviations out. The extractor builds one from its pattern
    files (extractors/unit_names.py)."""

    heads: re.Pattern
    types: re.Pattern
    canonical: Callable[[str], str]


def same_name(a: str, b: str, kinds: UnitKinds) -> bool:
    """One unit written two ways in one document ("Cao Bằng" / "Công an tỉnh Cao Bằng", "LĐLĐ huyện" / "Liên
    đoàn Lao động huyện", "Hội xã Hòa Bình" / "Hội CCB xã Hòa Bình"): the same kind of unit, or one's head word
    the start of the other's, and once unit-type words are stripped from the front, the name words of one all
    in the other. Stricter than `same_unit`, which would merge "Sở Nội vụ" with "Sở Ngoại vụ" or "Hà Nam"
    with "Hà Nội"."""
    ha, hb = head_type(a, kinds), head_type(b, kinds)
    if ha and hb and ha != hb and not (f"{ha} ".startswith(f"{hb} ") or f"{hb} ".startswith(f"{ha} ")):
        return False  # "Trường Cao đẳng Y tế Phú An" / "Trung tâm Y tế Phú An": two kinds of unit
    ra, rb = name_words(a, kinds), name_words(b, kinds)
    if ra and rb:
        return ra <= rb or rb <= ra
    fa, fb = (fold(kinds.canonical(u)).replace(" các ", " ") for u in (a, b))
    return fa.startswith(fb) or fb.startswith(fa)


@lru_cache(maxsize=4096)
def name_words(unit: str, kinds: UnitKinds) -> frozenset[str]:
    """The words that say which unit this is, once its unit-type words are stripped from the front."""
    text = fold(kinds.canonical(unit)).replace(" các ", " ")
    while True:
        m = kinds.types.match(text)
        if not m or m.end() == 0:
            break
        text = text[m.end():].lstrip(" -,")
    # scope words say where a unit works, not which one it is
    text = re.sub(r"\b(?:việt nam|trung ương|tối cao)\b|\s(?:tỉnh|huyện|thành phố|quận|thị xã)$", " ", text)
    return frozenset(w for w in re.findall(r"[^\W_]+", text) if w not in ("và", "các"))


@lru_cache(maxsize=4096)
def head_type(unit: str, kinds: UnitKinds) -> str | None:
    """The unit-type words a name opens with, None for a place or a bare name."""
    m = kinds.heads.match(fold(kinds.canonical(unit)).replace(" các ", " "))  # "Liên minh (các) HTX tỉnh"
    return m.group(0).strip() if m else None
