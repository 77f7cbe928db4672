"""Which province and sector a report is about, from its record and its text: the scope that tells
Kiên Giang's "Cụm thi đua số 2" of districts from Hà Nội MTTQ's "Cụm thi đua số 2". Pure."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.record import Record
from pipeline.store.registry.names import PROVINCES, fold, majority_sector, provinces_in, slug

# Where a province is named, and how much that says about the report's scope.
_WEIGHTS = (("cluster", 6), ("title", 3), ("venue", 2), ("participants", 2), ("text", 1))


@dataclass(frozen=True)
class Scope:
    province: str | None  # None: several provinces (a cluster of provinces) or not known
    sector: str | None
    interprovincial: bool = False
    confidence: float = 1.0


def unit_names(record: Record) -> list[str]:
    """Every unit name the record holds: members, ranked units, heads."""
    return [*(m.unit for m in record.members), *(r.unit for r in record.ranks), *(h.unit for h in record.heads)]


def document_scope(record: Record, text: str | None = None) -> Scope:
    """Province: named most (weighted) in the cluster name, title, venue, participants and text; none
    when the units themselves are in two or more provinces ('Công an tỉnh A', 'Công an tỉnh B')."""
    names = unit_names(record)
    sector = majority_sector(names, record.cluster.name if record.cluster else None)
    in_units: Counter = Counter()
    for name in set(names):
        in_units.update(provinces_in(name).keys())
    if len(in_units) >= 2:
        return Scope(None, sector, interprovincial=True, confidence=0.9 if sector else 0.6)
    sources = {
        "cluster": record.cluster.name if record.cluster else "",
        "title": record.title.value if record.title else "",
        "venue": record.meeting.venue.value if record.meeting.venue else "",
        "participants": " ".join(f"{p.title or ''} {p.organization or ''}" for p in record.participants),
        "text": text or "",
    }
    votes: Counter = Counter()
    for where, weight in _WEIGHTS:
        for province, n in provinces_in(sources[where]).items():
            votes[province] += weight * n
    for province in in_units:
        votes[province] += 4
    if not votes:
        return Scope(None, sector, confidence=0.5)
    (best, score), *rest = votes.most_common()
    sure = 1.0 if not rest or score >= 2 * rest[0][1] else 0.7
    return Scope(best, sector, confidence=sure if sector else min(sure, 0.8))


def cluster_name_key(name: str) -> str:
    """A cluster's name without its province and filler words, folded: how unnumbered clusters match."""
    s = name
    for province in PROVINCES:
        s = re.sub(rf"\b(tỉnh|thành phố)?\s*{re.escape(province)}\b", " ", s, flags=re.IGNORECASE)
    words = [w for w in re.split(r"[^a-z0-9]+", fold(s)) if w and w not in {"thi", "dua", "cac", "tinh", "so"}]
    while words and words[0] in {"cum", "khoi"}:
        words.pop(0)
    return " ".join(words)


def same_cluster_name(a: str, b: str) -> bool:
    """Unnumbered clusters: the same when their name words overlap by 70 % (spellings vary)."""
    wa, wb = set(a.split()), set(b.split())
    if not wa or not wb:
        return a == b
    return len(wa & wb) / max(len(wa), len(wb)) >= 0.7


def cluster_key(kind: str, number: int | None, name_key: str, scope: Scope) -> str:
    """The registry key: kien-giang/chinh-quyen/cum-2; lien-tinh/cong-an/cum-4."""
    where = slug(scope.province) if scope.province else ("lien-tinh" if scope.interprovincial else "chua-ro")
    which = f"{kind}-{number}" if number is not None else f"{kind}-{slug(name_key) or 'khong-ten'}"
    return f"{where}/{slug(scope.sector) or 'chua-ro'}/{which}"
