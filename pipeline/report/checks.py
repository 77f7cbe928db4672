"""Consistency checks over the archive, each with the documents involved so staff can fix them:
two units with one rank in a cluster-year and no stated tie, one unit with two ranks, two heads for
one cluster-year, and a head elected but never recorded as serving."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from collections.abc import Callable

from pipeline.report.facts import Facts
from pipeline.report.rankings import year_ranks

CHECKS = {
    "shared_rank": "two units share a rank and no tie is stated",
    "rank_conflict": "one unit has different ranks in one cluster-year",
    "two_heads": "two heads (trưởng) for one cluster-year",
    "head_not_serving": "a head was elected but no later document records it serving",
}


@dataclass
class Issue:
    check: str  # a key of CHECKS
    cluster: str  # the cluster's label
    cluster_key: str
    year: int | None
    message: str
    doc_ids: list[str]


def _group(facts: Facts, items) -> dict[tuple[int, int | None], list]:
    groups: dict[tuple[int, int | None], list] = defaultdict(list)
    for f in items:
        if f.cluster_id is not None:
            groups[(f.cluster_id, f.year)].append(f)
    return groups


def rank_issues(facts: Facts, ties_stated: Callable[[set[str]], set[str]]) -> list[Issue]:
    """Shared ranks (unless the scores are equal or a document states the tie) and conflicting ranks.
    `ties_stated(doc_ids)` is asked once, for the documents with a shared rank."""
    issues, shared = [], []
    for (cid, year), found in sorted(_group(facts, facts.ranks).items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        c = facts.clusters[cid]
        found = year_ranks(found)
        by_rank, by_unit = defaultdict(dict), defaultdict(dict)
        for f in found:
            by_rank[f.rank].setdefault(f.unit.key, []).append(f)
            by_unit[f.unit.key].setdefault(f.rank, []).append(f)
        for rank, units in sorted(by_rank.items()):
            if len(units) < 2:
                continue
            docs = sorted({f.doc.doc_id for fs in units.values() for f in fs})
            scores = {f.score for fs in units.values() for f in fs}
            if len(scores) == 1 and None not in scores:
                continue  # equal scores: a tie by the numbers
            names = " and ".join(sorted(fs[0].unit.name for fs in units.values()))
            shared.append(Issue("shared_rank", c.label, c.key, year, f"{names} are both ranked {rank}", docs))
        for ranks in by_unit.values():
            if len(ranks) > 1:
                unit = next(iter(ranks.values()))[0].unit
                docs = sorted({f.doc.doc_id for fs in ranks.values() for f in fs})
                issues.append(Issue("rank_conflict", c.label, c.key, year,
                                    f"{unit.name} is ranked {', '.join(map(str, sorted(ranks)))}", docs))
    tied = ties_stated({d for i in shared for d in i.doc_ids}) if shared else set()
    return issues + [i for i in shared if not tied & set(i.doc_ids)]


def head_issues(facts: Facts) -> list[Issue]:
    issues = []
    heads = [h for h in facts.heads if h.role == "truong"]
    covered: dict[int, list[tuple[int, str]]] = defaultdict(list)  # cluster -> (year, doc_id) of its documents
    for doc_id, cid in facts.doc_cluster.items():
        if cid is not None and facts.docs[doc_id].year is not None:
            covered[cid].append((facts.docs[doc_id].year, doc_id))
    for (cid, year), found in sorted(_group(facts, heads).items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        c = facts.clusters[cid]
        units = {f.unit.key: f.unit for f in found}
        if len(units) > 1:
            issues.append(Issue("two_heads", c.label, c.key, year,
                                f"{' and '.join(sorted(u.name for u in units.values()))} are both head in {year}",
                                sorted({f.doc.doc_id for f in found})))
        if year is None or not any(y >= year for y, _ in covered[cid]):
            continue  # no document of that year yet: an election still to come, not an inconsistency
        for key, unit in units.items():
            mine = [f for f in found if f.unit.key == key]
            if all(f.doc.year is not None and f.doc.year < year for f in mine):
                later = sorted(d for y, d in covered[cid] if y >= year)
                issues.append(Issue("head_not_serving", c.label, c.key, year,
                                    f"{unit.name} was elected head for {year}, but no document of {year} or later "
                                    "records it as head", sorted({f.doc.doc_id for f in mine}) + later))
    return issues


def checks(facts: Facts, ties_stated: Callable[[set[str]], set[str]] = lambda doc_ids: set()) -> list[Issue]:
    """Every issue, ordered by cluster and year. `ties_stated(doc_ids)` says which documents state a
    tie in their text (`tie_reader(db)`); without it, every shared rank is an issue."""
    found = rank_issues(facts, ties_stated) + head_issues(facts)
    return sorted(found, key=lambda i: (i.cluster, i.year or 0, list(CHECKS).index(i.check)))
