"""Rankings, heads, a unit's history and the consistency checks, against the answers planted in the
generated archive (report_corpus.py); corrections change what the reports say."""
import pytest

from report_corpus import bare
from pipeline.store.registry import Registry
from pipeline.report import checks, heads, load_facts, rankings, tie_reader, unit_history

KG, HN, AG = "kien-giang/chinh-quyen/cum-2", "ha-noi/mat-tran-to-quoc/cum-2", "an-giang/cong-doan/cum-1"
CT, GR, GQ, AB = ("Ủy ban nhân dân huyện Châu Thành", "UBND huyện Giồng Riềng", "UBND huyện Gò Quao",
                  "UBND huyện An Biên")
TAY_HO, HOAN_KIEM = "Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ", "Ủy ban MTTQ Việt Nam quận Hoàn Kiếm"
LONG_BIEN, BA_DINH = "Ủy ban MTTQ Việt Nam quận Long Biên", "Ủy ban MTTQ Việt Nam quận Ba Đình"


@pytest.fixture(scope="module")
def facts(archive):
    return load_facts(archive.db)


def table(t):
    return [(r.rank, r.unit.name) for r in t.rows]


def test_rankings_of_a_cluster_year_by_year_with_canonical_names_and_sources(facts):
    tables = rankings(facts, facts.cluster(KG))
    assert [(t.year, table(t)) for t in tables] == [
        (2019, [(1, GR), (2, CT), (3, AB)]),
        (2020, [(1, CT), (2, GQ), (3, GR)]),
        (2021, [(1, GQ), (2, AB), (3, CT)]),
        (2022, [(1, GR), (2, GQ), (2, CT)]),
        (2023, [(1, AB), (2, CT), (3, GQ)]),
    ]
    assert bare([[d.doc_id for d in t.sources] for t in tables]) == [[f"kg_{y}"] for y in range(2019, 2024)]
    t2020 = tables[1]
    assert t2020.rows[0].written == ["huyện Châu Thành"] and bare(t2020.rows[0].doc_ids) == ["kg_2020"]
    assert [r.tie for r in tables[3].rows] == [False, True, True]
    assert t2020.sources[0].date.isoformat() == "2020-12-22" and t2020.sources[0].kinds == ("tong_ket", "cham_diem")


def test_one_year_only_and_both_documents_of_a_year(facts):
    [t] = rankings(facts, facts.cluster(HN), 2023)
    assert table(t) == [(1, LONG_BIEN), (2, TAY_HO), (3, BA_DINH), (3, TAY_HO)]
    assert bare([d.doc_id for d in t.sources]) == ["hn_2023_chamdiem", "hn_2023"]  # by date
    assert bare([(r.rank, r.doc_ids) for r in t.rows][0]) == (1, ["hn_2023", "hn_2023_chamdiem"])
    assert rankings(facts, facts.cluster(AG), 2019) == []


def test_members_year_by_year(facts):
    members = facts.members_of(facts.cluster(KG))
    assert list(members) == [2019, 2020, 2021, 2022, 2023]  # named, or inferred from ranks and heads
    assert {y: [u.name for u in units] for y, units in members.items()} == {  # one unit per spelling
        2019: [AB, GR, GQ, CT], 2020: [AB, GR, GQ, CT], 2021: [AB, GR, GQ, CT], 2022: [GR, GQ, CT],
        2023: [AB, GR, GQ, CT]}


def test_heads_year_by_year_and_who_is_due_next(facts):
    report = heads(facts, facts.cluster(KG))
    assert [(y.year, [h.unit.name for h in y.heads], [d.unit.name for d in y.deputies]) for y in report.years] == [
        (2019, [CT], []), (2020, [GR], [GQ]), (2021, [GQ], [AB]), (2022, [AB, CT], [CT]), (2023, [GR], [GQ])]
    y2022 = report.years[3].heads
    assert bare([(h.elected_before, h.serving_recorded, h.doc_ids) for h in y2022]) == [
        (True, False, ["kg_2021"]), (False, True, ["kg_2022"])]
    assert (report.due_next.year, report.due_next.unit.name) == (2024, GQ)
    assert "deputy in 2023" in report.due_next.why
    union = heads(facts, facts.cluster(AG)).due_next
    assert bare((union.year, union.unit.name, union.why)) == (2024, "Liên đoàn Lao động huyện Châu Thành",
                                                        "elected in 2023 (ag_2023)")


def test_a_units_clusters_ranks_and_head_terms_over_the_years(facts, archive):
    info = Registry(archive.db).unit("huyện Châu Thành")
    history = unit_history(facts, info.id, info.aliases)
    label = facts.cluster(KG).label
    assert history.unit.name == CT
    assert history.clusters == {label: [2019, 2020, 2021, 2022, 2023]}
    assert [(y, rank) for y, _, rank, _, _ in history.ranks] == [(2019, 2), (2020, 1), (2021, 3), (2022, 2), (2023, 2)]
    assert bare([(y, role, docs) for y, _, role, docs in history.terms]) == [
        (2019, "truong", ["kg_2019"]), (2022, "pho", ["kg_2021"]), (2022, "truong", ["kg_2022"])]


EXPECTED_ISSUES = {
    ("shared_rank", KG, 2022, ("kg_2022",)),
    ("two_heads", KG, 2022, ("kg_2021", "kg_2022")),
    ("head_not_serving", KG, 2022, ("kg_2021", "kg_2022", "kg_2023")),
    ("shared_rank", HN, 2023, ("hn_2023", "hn_2023_chamdiem")),
    ("rank_conflict", HN, 2023, ("hn_2023", "hn_2023_chamdiem")),
    ("head_not_serving", HN, 2023, ("hn_2022", "hn_2023", "hn_2023_chamdiem")),
}


def test_every_consistency_check_finds_exactly_the_planted_problems(facts, archive):
    issues = checks(facts, tie_reader(archive.db))
    assert bare({(i.check, i.cluster_key, i.year, tuple(i.doc_ids)) for i in issues}) == EXPECTED_ISSUES
    messages = {i.check + str(i.year): i.message for i in issues}
    assert messages["shared_rank2022"] == f"{GQ} and {CT} are both ranked 2"
    assert messages["two_heads2022"] == f"{AB} and {CT} are both head in 2022"
    assert messages["rank_conflict2023"] == f"{TAY_HO} is ranked 2, 3"
    assert messages["head_not_serving2023"].startswith(f"{HOAN_KIEM} was elected head for 2023")


def test_a_stated_tie_is_not_an_issue_but_only_because_the_text_says_so(facts):
    without_text = checks(facts)  # no text: Hà Nội 2022's "đồng hạng" cannot be seen
    assert ("shared_rank", HN, 2022) in {(i.check, i.cluster_key, i.year) for i in without_text}


def test_reports_use_the_corrected_records(fresh_archive):
    repo = fresh_archive
    stored = repo.get("kg_2022")
    index = [r.unit for r in stored.record.ranks].index("UBND huyện Gò Quao")
    repo.correct("kg_2022", f"ranks[{index}].rank", 3, user="Lan", reason="theo biên bản")
    facts = load_facts(repo.db)
    [t] = rankings(facts, facts.cluster(KG), 2022)
    assert table(t) == [(1, GR), (2, CT), (3, GQ)]
    assert t.sources[0].corrected and not t.sources[0].needs_review
    issues = {(i.check, i.cluster_key, i.year) for i in checks(facts, tie_reader(repo.db))}
    assert ("shared_rank", KG, 2022) not in issues and ("two_heads", KG, 2022) in issues


@pytest.mark.parametrize("text", ["Kết quả xếp hạng: 01 đơn vị nhất, 02 đơn vị nhì, 01 đơn vị ba.",
                                  "Hai đơn vị xếp hạng Ba của Cụm.", "Hạng Nhì: 02 đơn vị.", "hai đơn vị đồng hạng"])
def test_a_count_of_units_for_one_place_states_the_tie_that_rankings_marks(text):
    from pipeline.report.facts import states_tie

    assert states_tie(text)


@pytest.mark.parametrize("text", ["02 đơn vị được nhận Cờ thi đua của UBND tỉnh; 03 đơn vị đề nghị tặng Bằng khen",
                                  "với sự tham dự của 05 đơn vị thành viên Cụm", "xã A xếp hạng nhì, xã B xếp hạng ba"])
def test_counts_of_units_that_are_no_place_state_no_tie(text):
    from pipeline.report.facts import states_tie

    assert not states_tie(text)
