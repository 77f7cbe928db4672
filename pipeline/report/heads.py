"""Heads and deputies of a cluster year by year, who is due next, and a unit's own history."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.report.facts import ClusterInfo, Facts, HeadFact, UnitRef


@dataclass
class HeadEntry:
    unit: UnitRef
    doc_ids: list[str]
    elected_before: bool  # named in a document of an earlier year (elected or nominated for this year)
    serving_recorded: bool  # named in a document of this year or later


@dataclass
class HeadYear:
    year: int
    heads: list[HeadEntry] = field(default_factory=list)  # trưởng
    deputies: list[HeadEntry] = field(default_factory=list)  # phó


@dataclass
class DueNext:
    year: int
    unit: UnitRef
    why: str  # in English for the CLI; the web page has its own words


@dataclass
class HeadsReport:
    cluster: ClusterInfo
    years: list[HeadYear] = field(default_factory=list)
    due_next: DueNext | None = None


def _entries(found: list[HeadFact], year: int) -> list[HeadEntry]:
    by_unit: dict[str, list[HeadFact]] = defaultdict(list)
    for f in found:
        by_unit[f.unit.key].append(f)
    return [HeadEntry(fs[0].unit, sorted({f.doc.doc_id for f in fs}),
                      any(f.doc.year is not None and f.doc.year < year for f in fs),
                      any(f.doc.year is None or f.doc.year >= year for f in fs))
            for fs in sorted(by_unit.values(), key=lambda fs: fs[0].unit.name)]


def heads(facts: Facts, cluster: ClusterInfo) -> HeadsReport:
    mine = [f for f in facts.heads if f.cluster_id == cluster.id and f.year is not None]
    report = HeadsReport(cluster)
    for year in sorted({f.year for f in mine}):
        report.years.append(HeadYear(year, _entries([f for f in mine if f.year == year and f.role == "truong"], year),
                                     _entries([f for f in mine if f.year == year and f.role == "pho"], year)))
    report.due_next = due_next(facts, cluster, report)
    return report


def due_next(facts: Facts, cluster: ClusterInfo, report: HeadsReport) -> DueNext | None:
    """The head for the year after the archive's latest document of this cluster: the one elected
    for it; else that year's deputy (deputies usually take over); else the member longest without a term."""
    years = [d.year for d, c in ((facts.docs[i], c) for i, c in facts.doc_cluster.items())
             if c == cluster.id and d.year is not None]
    if not years:
        return None
    latest = max(years)
    by_year = {h.year: h for h in report.years}
    nxt = by_year.get(latest + 1)
    if nxt and nxt.heads:
        return DueNext(latest + 1, nxt.heads[0].unit, f"elected in {latest} ({', '.join(nxt.heads[0].doc_ids)})")
    now = by_year.get(latest)
    if now and now.deputies:
        return DueNext(latest + 1, now.deputies[0].unit, f"deputy in {latest}; deputies usually take over")
    last_term: dict[str, int] = {h.unit.key: y.year for y in report.years for h in y.heads}
    members = {m.unit.key: m.unit for m in facts.members if m.cluster_id == cluster.id}
    if not members:
        return None
    key = min(members, key=lambda k: (last_term.get(k, 0), members[k].name))
    since = f"head last in {last_term[key]}" if key in last_term else "never recorded as head"
    return DueNext(latest + 1, members[key], f"rotation guess: {since}")


@dataclass
class UnitHistory:
    unit: UnitRef
    aliases: list[str]
    clusters: dict[str, list[int]]  # cluster label -> years the unit appears in it
    ranks: list[tuple[int | None, str, int, float | None, list[str]]]  # year, cluster, rank, score, docs
    terms: list[tuple[int, str, str, list[str]]]  # year, cluster, role, docs


def unit_history(facts: Facts, unit_id: int, aliases: list[str]) -> UnitHistory:
    """A unit's clusters, ranks and head terms over the years."""
    def label(cluster_id):
        return facts.clusters[cluster_id].label if cluster_id in facts.clusters else "(no cluster)"

    clusters: dict[str, set[int]] = defaultdict(set)
    ranks, terms = defaultdict(set), defaultdict(set)
    unit = None
    for f in [*facts.members, *facts.ranks, *facts.heads]:
        if f.unit.id != unit_id:
            continue
        unit = unit or f.unit
        if f.year is not None:
            clusters[label(f.cluster_id)].add(f.year)
        if hasattr(f, "rank"):
            ranks[(f.year, label(f.cluster_id), f.rank, f.score)].add(f.doc.doc_id)
        elif hasattr(f, "role"):
            terms[(f.year, label(f.cluster_id), f.role)].add(f.doc.doc_id)
    unit = unit or UnitRef(unit_id, facts.units.get(unit_id, "?"), facts.units.get(unit_id, "?"), 1.0)
    unit = UnitRef(unit_id, facts.units.get(unit_id, unit.name), unit.name, 1.0)
    return UnitHistory(unit, aliases, {k: sorted(v) for k, v in sorted(clusters.items())},
                       sorted(((*k, sorted(v)) for k, v in ranks.items()), key=lambda r: (r[0] or 0, r[1], r[2])),
                       sorted(((*k, sorted(v)) for k, v in terms.items()), key=lambda t: (t[0] or 0, t[1], t[2])))
