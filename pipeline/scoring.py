"""Score exported records against gold records, by the rules in GOLD_FORMAT.md.

Lists (participants, members, ranks, heads, legal_refs) give precision/recall/F1 with greedy
one-to-one matching; units match loosely (abbreviations expanded, generic words ignored when
deciding two names are different units). Scalars give accuracy. The headline is the micro-F1
over the lists plus the mean scalar accuracy.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline.units import canon, same_unit  # noqa: F401  (re-exported for callers)

LIST_FIELDS = ("participants", "members", "ranks", "heads", "legal_refs")
SCALAR_FIELDS = ("published", "author", "meeting.date", "meeting.period", "cluster.kind", "cluster.number")


def _ref_key(ref) -> str:
    return re.sub(r"\s+", "", canon(ref).replace("số", ""))


def _same_ref(gold, pred) -> bool:
    g, p = _ref_key(gold), _ref_key(pred)
    return g == p or bool(g and g in p)


MATCH: dict[str, Callable] = {
    "participants": lambda g, p: canon(g.get("name")) == canon(p.get("name")),
    "members": same_unit,
    "ranks": lambda g, p: g.get("rank") == p.get("rank") and same_unit(g.get("unit"), p.get("unit")),
    "heads": lambda g, p: (g.get("role"), g.get("year")) == (p.get("role"), p.get("year"))
    and same_unit(g.get("unit"), p.get("unit")),
    "legal_refs": _same_ref,
}


def pairs(gold: list, pred: list, match: Callable) -> list[tuple]:
    """Greedy one-to-one matching in gold order."""
    free = list(range(len(pred)))
    out = []
    for g in gold:
        for j in free:
            if match(g, pred[j]):
                free.remove(j)
                out.append((g, pred[j]))
                break
    return out


def dig(record, dotted: str):
    for key in dotted.split("."):
        record = record.get(key) if isinstance(record, dict) else None
    return record


def scalar_ok(name: str, gold, pred) -> bool:
    if name in ("meeting.period", "cluster.number"):
        if gold is None or pred is None:
            return gold is None and pred is None
        try:
            return int(gold) == int(pred)
        except (TypeError, ValueError):
            return False
    return canon(gold) == canon(pred)


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else float(not self.gold)
        r = self.tp / self.gold if self.gold else float(not self.pred)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    lists: dict[str, Counts] = field(default_factory=dict)
    scalars: dict[str, float] = field(default_factory=dict)
    title_accuracy: float | None = None
    micro_f1: float = 0.0
    scalar_accuracy: float = 0.0
    documents: int = 0
    predicted: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)  # doc_id -> what went wrong

    def headline(self) -> str:
        return f"headline micro-F1 {self.micro_f1:.3f} scalar-acc {self.scalar_accuracy:.3f}"


def score(golds: dict[str, dict], preds: dict[str, dict]) -> Score:
    result = Score(documents=len(golds), predicted=len(preds))
    result.lists = {f: Counts() for f in (*LIST_FIELDS, "meeting.kinds")}
    right = dict.fromkeys(SCALAR_FIELDS, 0)
    titles_ok = titles = 0
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id, {})
        misses = []
        for f in LIST_FIELDS:
            g_list, p_list = gold.get(f) or [], pred.get(f) or []
            matched = pairs(g_list, p_list, MATCH[f])
            c = result.lists[f]
            c.tp, c.gold, c.pred = c.tp + len(matched), c.gold + len(g_list), c.pred + len(p_list)
            if len(matched) < max(len(g_list), len(p_list)):
                misses.append(f"{f}: {len(matched)} matched of {len(g_list)} gold / {len(p_list)} predicted")
            if f == "participants":
                for g, p in matched:
                    if g.get("title"):
                        titles += 1
                        titles_ok += same_unit(g.get("title"), p.get("title") or "")
        g_kinds, p_kinds = set(dig(gold, "meeting.kinds") or []), set(dig(pred, "meeting.kinds") or [])
        k = result.lists["meeting.kinds"]
        k.tp, k.gold, k.pred = k.tp + len(g_kinds & p_kinds), k.gold + len(g_kinds), k.pred + len(p_kinds)
        for f in SCALAR_FIELDS:
            ok = scalar_ok(f, dig(gold, f), dig(pred, f))
            right[f] += ok
            if not ok:
                misses.append(f"{f}: gold {dig(gold, f)!r}, predicted {dig(pred, f)!r}")
        if misses:
            result.misses[doc_id] = misses
    n = max(len(golds), 1)
    # As the reference scorer, an empty gold value matches a missing prediction; but with no
    # prediction at all nothing was extracted, and nothing is right.
    result.scalars = {f: right[f] / n if preds else 0.0 for f in SCALAR_FIELDS}
    total = Counts()
    for f in LIST_FIELDS:
        c = result.lists[f]
        total.tp, total.gold, total.pred = total.tp + c.tp, total.gold + c.gold, total.pred + c.pred
    p = total.tp / total.pred if total.pred else 0.0
    r = total.tp / total.gold if total.gold else 0.0
    result.micro_f1 = 2 * p * r / (p + r) if p + r else 0.0
    result.scalar_accuracy = sum(result.scalars.values()) / len(SCALAR_FIELDS)
    result.title_accuracy = titles_ok / titles if titles else None
    return result


def load_gold(gold_dir: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))}
