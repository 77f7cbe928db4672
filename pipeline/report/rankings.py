"""Ranking tables: who ranked where, with what score, in one cluster and year, and the documents
that say so. Year-end reviews (tổng kết, chấm điểm) win over half-year ones for the same year."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.report.facts import ClusterInfo, DocRef, Facts, RankFact, UnitRef

FINAL_KINDS = {"tong_ket", "cham_diem"}


@dataclass
class RankingRow:
    rank: int
    unit: UnitRef
    score: float | None
    written: list[str]  # the spellings the documents used
    doc_ids: list[str]
    tie: bool = False  # another unit has the same rank in this table


@dataclass
class RankingTable:
    cluster: ClusterInfo
    year: int | None
    rows: list[RankingRow] = field(default_factory=list)
    sources: list[DocRef] = field(default_factory=list)


def year_ranks(facts: list[RankFact]) -> list[RankFact]:
    """The ranks of one cluster-year from its year-end documents when there are any."""
    final = [f for f in facts if FINAL_KINDS & set(f.doc.kinds)]
    return final or facts


def ranking_table(cluster: ClusterInfo, year: int | None, facts: list[RankFact]) -> RankingTable:
    by_unit: dict[tuple[str, int], list[RankFact]] = defaultdict(list)
    for f in year_ranks(facts):
        by_unit[(f.unit.key, f.rank)].append(f)
    rows = []
    for (_, rank), found in by_unit.items():
        score = next((f.score for f in found if f.score is not None), None)
        rows.append(RankingRow(rank, found[0].unit, score, sorted({f.unit.written for f in found}),
                               sorted({f.doc.doc_id for f in found})))
    rows.sort(key=lambda r: (r.rank, r.unit.name))
    counts = defaultdict(int)
    for r in rows:
        counts[r.rank] += 1
    for r in rows:
        r.tie = counts[r.rank] > 1
    sources = {f.doc.doc_id: f.doc for f in facts}
    return RankingTable(cluster, year, rows, sorted(sources.values(), key=lambda d: (d.date is None, d.date, d.doc_id)))


def rankings(facts: Facts, cluster: ClusterInfo, year: int | None = None) -> list[RankingTable]:
    """One table per year (or only `year`), oldest first."""
    by_year: dict[int | None, list[RankFact]] = defaultdict(list)
    for f in facts.ranks:
        if f.cluster_id == cluster.id and (year is None or f.year == year):
            by_year[f.year].append(f)
    return [ranking_table(cluster, y, by_year[y]) for y in sorted(by_year, key=lambda y: (y is None, y))]


def rank_series(tables: list[RankingTable]) -> dict[str, list[tuple[int, int]]]:
    """Each unit's (year, rank) points over the years: what the chart plots."""
    series: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for table in tables:
        if table.year is None:
            continue
        for row in table.rows:
            if all(y != table.year for y, _ in series[row.unit.name]):
                series[row.unit.name].append((table.year, row.rank))
    return {name: sorted(points) for name, points in sorted(series.items())}
