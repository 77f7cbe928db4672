"""Unit values that name a known place misspelt: "UBND huyện Bác Sơn" where Lạng Sơn has "huyện
Bắc Sơn" (an OCR that mistook the accent). The values stay as written (the record says what the
report says); each finding names the value and the known name, and the review queue asks a person.

Reads the members, heads and ranks found before it, and the province the report is about: the one
its units' places lie in (pipeline/gazetteer.province_of), else the one its cluster name, title and
text name most ('tỉnh Lạng Sơn', 'huyện Bắc Sơn'). Without a province only a misspelling with a single
candidate in the country counts.
"""
from __future__ import annotations

from pipeline import gazetteer
from pipeline.record import Misspelling


def _province(ctx, units: list[str]) -> str | None:
    by_places = gazetteer.province_of(units).province
    if by_places is not None:
        return by_places
    doc = ctx.doc
    # (not pipeline.store.registry.names.provinces_in: importing the store costs 0.35 s before the first record)
    named = gazetteer.provinces_in_text(" ".join(x for x in (doc._.cluster.name if doc._.cluster else "",
                                                             doc._.title.value if doc._.title else "", ctx.text)
                                                 if x), provinces=True)
    if not named:
        return None
    (best, n), *rest = named.most_common()
    return best if not rest or n >= 2 * rest[0][1] else None


def misspellings(ctx) -> list[Misspelling]:
    doc = ctx.doc
    fields = [(f"{name}[{i}]", item.unit) for name in ("members", "heads", "ranks")
              for i, item in enumerate(getattr(doc._, name) or [])]
    if not fields:
        return []
    province = _province(ctx, [unit for _, unit in fields])
    return [Misspelling(field=field, written=s.written, proposed=s.proposed, province=s.province)
            for field, unit in fields for s in gazetteer.misspellings([unit], province)]
