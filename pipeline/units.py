"""Comparing unit names the way GOLD_FORMAT.md does: abbreviations expanded, generic words
("ủy ban", "huyện", "công an") ignored when deciding two names are different units."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _units() -> dict:
    return json.loads((Path(__file__).parent / "data" / "units.json").read_text(encoding="utf-8"))


def canon(value) -> str:
    """NFC, lower case, dashes as spaces, whitespace collapsed, abbreviations expanded, edges trimmed."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value)).lower()
    s = re.sub(r"[\u2010-\u2015-]", " ", s)
    abbreviations = _units()["abbreviations"]
    s = " ".join(abbreviations.get(w, w) for w in s.split())
    return s.strip(" .,;:()\"'“”")


def same_unit(a, b) -> bool:
    a, b = canon(a), canon(b)
    if not a or not b:
        return False
    if a == b:
        return True
    generic = set(_units()["generic"])
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
