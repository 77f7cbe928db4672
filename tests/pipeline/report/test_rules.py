"""Report rules on hand-made facts (no database): year-end documents win, and who is due next when
nobody was elected and there was no deputy."""
import datetime as dt

from pipeline.report.facts import ClusterInfo, DocRef, Facts, HeadFact, MemberFact, RankFact, UnitRef
from pipeline.report.heads import heads
from pipeline.report.rankings import rankings

CLUSTER = ClusterInfo(1, "kien-giang/chinh-quyen/cum-2", "Cụm thi đua số 2 · Kiên Giang", "cum", 2,
                      "Cụm thi đua số 2", "Kiên Giang", "Chính quyền")


def doc(doc_id: str, year: int, *kinds: str) -> DocRef:
    return DocRef(doc_id, None, dt.date(year, 12, 1), year, kinds, False, False)


def unit(i: int, name: str) -> UnitRef:
    return UnitRef(i, name, name, 1.0)


A, B, C = unit(1, "huyện A"), unit(2, "huyện B"), unit(3, "huyện C")


def facts_with(ranks=(), heads_=(), members=(), docs=()) -> Facts:
    f = Facts(clusters={1: CLUSTER})
    for d in docs:
        f.docs[d.doc_id], f.doc_cluster[d.doc_id] = d, 1
    f.ranks, f.heads, f.members = list(ranks), list(heads_), list(members)
    return f


def test_a_half_year_review_does_not_count_when_the_year_end_one_exists():
    half, final = doc("so_ket", 2023, "so_ket"), doc("tong_ket", 2023, "tong_ket")
    f = facts_with(ranks=[RankFact(1, 2023, A, 1, None, half), RankFact(1, 2023, B, 2, None, half),
                          RankFact(1, 2023, B, 1, None, final), RankFact(1, 2023, A, 2, None, final)],
                   docs=[half, final])
    [table] = rankings(f, CLUSTER, 2023)
    assert [(r.rank, r.unit.name) for r in table.rows] == [(1, "huyện B"), (2, "huyện A")]
    assert [d.doc_id for d in table.sources] == ["so_ket", "tong_ket"]  # both listed as sources
    only_half = facts_with(ranks=[RankFact(1, 2023, A, 1, None, half)], docs=[half])
    assert [(r.rank, r.unit.name) for r in rankings(only_half, CLUSTER, 2023)[0].rows] == [(1, "huyện A")]


def test_without_an_election_or_a_deputy_the_member_longest_without_a_term_is_due():
    d21, d22, d23 = doc("d21", 2021, "tong_ket"), doc("d22", 2022, "tong_ket"), doc("d23", 2023, "tong_ket")
    f = facts_with(heads_=[HeadFact(1, 2021, "truong", B, d21), HeadFact(1, 2022, "truong", A, d22),
                           HeadFact(1, 2023, "truong", B, d23)],
                   members=[MemberFact(1, 2023, m, d23) for m in (A, B, C)], docs=[d21, d22, d23])
    due = heads(f, CLUSTER).due_next
    assert (due.year, due.unit.name, due.why) == (2024, "huyện C", "rotation guess: never recorded as head")
    f.members.remove(next(m for m in f.members if m.unit == C))
    due = heads(f, CLUSTER).due_next
    assert (due.unit.name, due.why) == ("huyện A", "rotation guess: head last in 2022")
