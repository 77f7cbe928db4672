"""Whether two unit names are one unit ("Cao Bằng" / "Công an tỉnh Cao Bằng", "LĐLĐ huyện" / "Liên đoàn Lao
động huyện"), and the canonical form that the registry key and the export's extra key use."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import vocab
from pipeline.normalize import fold


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return {e["pattern"]: e["expansion"] for e in vocab.entries("units") if e["label"] == "abbr"}


def _split_glued(token: str) -> str:
    """"CĐGTVT" → "CĐ GTVT" when the token is made only of known abbreviations."""
    known = sorted(abbreviations(), key=len, reverse=True)
    parts, rest = [], token
    while rest:
        head = next((a for a in known if rest.startswith(a)), None)
        if head is None:
            return token
        parts.append(head)
        rest = rest[len(head):]
    return " ".join(parts)


@lru_cache(maxsize=8192)
def canonical(unit: str) -> str:
    """The unit with abbreviations written out, for the registry key and the export's extra key."""
    out = " ".join(_split_glued(w) if w.isupper() and len(w) > 3 else w for w in unit.split())
    for abbr, full in vocab.expansions():
        out = abbr.sub(full, out)
    return " ".join(out.split())


def same(a: str, b: str) -> bool:
    """One unit written two ways ("Cao Bằng" / "Công an tỉnh Cao Bằng", "LĐLĐ huyện" / "Liên đoàn
    Lao động huyện"): once unit-type words are stripped from the front, the name words of one are
    all in the other. Stricter than the scorer's overlap rule, which would merge "Sở Nội vụ" with
    "Sở Ngoại vụ" or "Hà Nam" with "Hà Nội"."""
    ha, hb = head_type(a), head_type(b)
    if ha and hb and ha != hb and not (f"{ha} ".startswith(f"{hb} ") or f"{hb} ".startswith(f"{ha} ")):
        return False  # "Trường Cao đẳng Y tế Phú An" / "Trung tâm Y tế Phú An": two kinds of unit
    # ("Hội xã Hòa Bình" / "Hội CCB xã Hòa Bình": the short head word of the same unit)
    ra, rb = name_words(a), name_words(b)
    if ra and rb:
        return ra <= rb or rb <= ra
    fa, fb = (fold(canonical(u)).replace(" các ", " ") for u in (a, b))
    return fa.startswith(fb) or fb.startswith(fa)


@lru_cache(maxsize=4096)
def name_words(unit: str) -> frozenset[str]:
    text = fold(canonical(unit)).replace(" các ", " ")
    while True:
        m = _type_prefix().match(text)
        if not m or m.end() == 0:
            break
        text = text[m.end():].lstrip(" -,")
    # scope words say where a unit works, not which one it is
    text = re.sub(r"\b(?:việt nam|trung ương|tối cao)\b|\s(?:tỉnh|huyện|thành phố|quận|thị xã)$", " ", text)
    return frozenset(w for w in re.findall(r"[^\W_]+", text) if w not in ("và", "các"))


@lru_cache(maxsize=4096)
def head_type(unit: str) -> str | None:
    """The unit-type words a name opens with ("hội cựu chiến binh", "trung tâm"), None for a place or a bare name."""
    m = _head_prefix().match(fold(canonical(unit)).replace(" các ", " "))  # "Liên minh (các) HTX tỉnh"
    return m.group(0).strip() if m else None


@lru_cache(maxsize=1)
def _head_prefix() -> re.Pattern:
    heads = [fold(canonical(p)) for p in vocab.phrases("units", "head")]
    return re.compile(rf"(?:{vocab.alternation(heads)})(?:\s+|$)")


@lru_cache(maxsize=1)
def _type_prefix() -> re.Pattern:
    types = [fold(canonical(p)) for p in vocab.phrases("units", "head") + vocab.phrases("units", "place")]
    return re.compile(rf"(?:{vocab.alternation(types)})(?:\s+|$)")
