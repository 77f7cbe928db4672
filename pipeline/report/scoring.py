"""Score exported records against gold records, by the rules in GOLD_FORMAT.md.

Lists (participants, members, ranks, heads, legal_refs) give precision/recall/F1 with greedy
one-to-one matching; units match loosely (abbreviations expanded, "hoà" = "hòa", generic words
ignored when deciding two names are different units, same-kind units in different places kept
apart). Scalars give accuracy. The headline is the micro-F1 over the lists plus the mean scalar
accuracy.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.units import canon, same_unit

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


def _show(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return str(value)


def _score_list(f: str, gold: dict, pred: dict, counts: Counts, misses: list[str]) -> list[tuple]:
    """Count one list field of one document; name every missed and every extra value."""
    g_list, p_list = gold.get(f) or [], pred.get(f) or []
    matched = pairs(g_list, p_list, MATCH[f])
    counts.tp, counts.gold, counts.pred = counts.tp + len(matched), counts.gold + len(g_list), counts.pred + len(p_list)
    hit_g, hit_p = [id(g) for g, _ in matched], [id(p) for _, p in matched]
    misses.extend(f"{f}: missed {_show(g)}" for g in g_list if id(g) not in hit_g)
    misses.extend(f"{f}: extra {_show(p)}" for p in p_list if id(p) not in hit_p)
    return matched


def _score_titles(matched: list[tuple], misses: list[str]) -> tuple[int, int]:
    ok = n = 0
    for g, p in matched:
        if g.get("title"):
            n += 1
            right = same_unit(g.get("title"), p.get("title") or "")
            ok += right
            if not right:
                misses.append(f"title of {g.get('name')}: gold {g.get('title')!r}, predicted {p.get('title')!r}")
    return ok, n


def _score_kinds(gold: dict, pred: dict, counts: Counts, misses: list[str]) -> None:
    g_kinds, p_kinds = set(dig(gold, "meeting.kinds") or []), set(dig(pred, "meeting.kinds") or [])
    counts.tp, counts.gold, counts.pred = counts.tp + len(g_kinds & p_kinds), counts.gold + len(g_kinds), \
        counts.pred + len(p_kinds)
    misses.extend(f"meeting.kinds: missed {k}" for k in sorted(g_kinds - p_kinds))
    misses.extend(f"meeting.kinds: extra {k}" for k in sorted(p_kinds - g_kinds))


def _micro_f1(lists: dict[str, Counts]) -> float:
    tp = sum(lists[f].tp for f in LIST_FIELDS)
    n_gold, n_pred = sum(lists[f].gold for f in LIST_FIELDS), sum(lists[f].pred for f in LIST_FIELDS)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(golds: dict[str, dict], preds: dict[str, dict]) -> Score:
    """Score every gold document; `misses` names each missed or extra value, wrong title and wrong scalar."""
    result = Score(documents=len(golds), predicted=len(preds))
    result.lists = {f: Counts() for f in (*LIST_FIELDS, "meeting.kinds")}
    right = dict.fromkeys(SCALAR_FIELDS, 0)
    titles_ok = titles = 0
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id, {})
        misses: list[str] = []
        for f in LIST_FIELDS:
            matched = _score_list(f, gold, pred, result.lists[f], misses)
            if f == "participants":
                ok, n = _score_titles(matched, misses)
                titles_ok, titles = titles_ok + ok, titles + n
        _score_kinds(gold, pred, result.lists["meeting.kinds"], misses)
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
    result.micro_f1 = _micro_f1(result.lists)
    result.scalar_accuracy = sum(result.scalars.values()) / len(SCALAR_FIELDS)
    result.title_accuracy = titles_ok / titles if titles else None
    return result


def load_gold(gold_dir: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))}
