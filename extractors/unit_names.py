"""The canonical form of a unit name (abbreviations written out) that the registry key and the export's extra
key use, and the extractor's vocabulary for `pipeline.units.same_name`, which decides whether two names of
one document are one unit ("Cao Bằng" / "Công an tỉnh Cao Bằng", "LĐLĐ huyện" / "Liên đoàn Lao động huyện")."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import vocab
from pipeline import units
from pipeline.normalise.text import fold


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
    """One unit written two ways in one document: `pipeline.units.same_name` (the one place that decides)
    with the extractor's head and place words."""
    return units.same_name(a, b, kinds())


def name_words(unit: str) -> frozenset[str]:
    return units.name_words(unit, kinds())


def head_type(unit: str) -> str | None:
    """The unit-type words a name opens with ("hội cựu chiến binh", "trung tâm"), None for a place or a bare name."""
    return units.head_type(unit, kinds())


@lru_cache(maxsize=1)
def kinds() -> units.UnitKinds:
    """Head words and place words of patterns/units.jsonl, folded and written out, built once."""
    heads = [fold(canonical(p)) for p in vocab.phrases("units", "head")]
    types = heads + [fold(canonical(p)) for p in vocab.phrases("units", "place")]
    return units.UnitKinds(heads=re.compile(rf"(?:{vocab.alternation(heads)})(?:\s+|$)"),
                           types=re.compile(rf"(?:{vocab.alternation(types)})(?:\s+|$)"), canonical=canonical)
