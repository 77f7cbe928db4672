"""Cue words live in patterns/*.jsonl, one {"label": ..., "pattern": ...} object a line,
as in spaCy's SpanRuler (labels: patterns/README.md); this module loads them once per process and
builds the regular expressions and matchers the components use."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import srsly

PATTERNS_DIR = Path(__file__).parent / "patterns"


@cache
def entries(name: str) -> tuple[dict, ...]:
    """The rows of patterns/<name>.jsonl (spaCy's pattern format; labels explained in patterns/README.md)."""
    return tuple(srsly.read_jsonl(PATTERNS_DIR / f"{name}.jsonl"))


def phrases(name: str, label: str | None = None) -> list[str]:
    return list(_phrases(name, label))


@cache
def _phrases(name: str, label: str | None) -> tuple[str, ...]:
    return tuple(e["pattern"] for e in entries(name) if label is None or e.get("label") == label)


def labels(name: str) -> dict[str, str]:
    """pattern -> label (lower-cased pattern)."""
    return {e["pattern"].lower(): e["label"] for e in entries(name)}


def alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    return _alternation(tuple(words))


@lru_cache(maxsize=512)
def _alternation(words: tuple[str, ...]) -> str:
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
    if not parts or any(p[0].isspace() for p in parts):
        return body
    # Python's matcher tries every phrase at every position (case-insensitive ones without a quick first-
    # character test); one look at the next character first makes the same matches several times faster.
    return f"(?=[{re.escape(''.join(sorted({p[0] for p in parts})))}])(?:{body})"


@cache
def compiled(name: str, label: str | None = None, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(rf"(?:{alternation(phrases(name, label))})", flags)


@cache
def expansions() -> tuple[tuple[re.Pattern, str], ...]:
    """Unit abbreviations (patterns/units.jsonl, label "abbr") as whole-word expressions, longest
    first, each with what it stands for: compiled once, not on every unit name."""
    abbr = {e["pattern"]: e["expansion"] for e in entries("units") if e["label"] == "abbr"}
    return tuple((re.compile(rf"(?<![\w&-]){re.escape(a)}(?![\w&-])"), full)
                 for a, full in sorted(abbr.items(), key=lambda kv: -len(kv[0])))
