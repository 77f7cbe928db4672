"""The unit and cluster registry on an archive of generated reports: clusters keyed by scope, every
spelling of a unit resolved to one canonical unit, and staff merges, renames and splits that stay."""
import pytest

from report_corpus import bare
from pipeline.store.registry import Registry
from pipeline.report import checks, load_facts, rankings, tie_reader
from pipeline.store.errors import InvalidInput, NotFound

KG, HN, AG = "kien-giang/chinh-quyen/cum-2", "ha-noi/mat-tran-to-quoc/cum-2", "an-giang/cong-doan/cum-1"


@pytest.fixture(scope="module")
def facts(archive):
    return load_facts(archive.db)


def unit_of(facts, written: str, cluster_key: str):
    """The registry unit a spelling resolved to in a cluster (from the facts the reports use)."""
    found = {f.unit for f in [*facts.ranks, *facts.heads, *facts.members]
             if f.unit.written == written and facts.clusters[f.cluster_id].key == cluster_key}
    assert len(found) == 1, found
    return found.pop()


def test_clusters_are_keyed_by_scope_so_two_cum_2_stay_apart(facts):
    assert {c.key for c in facts.clusters.values()} == {KG, HN, AG}
    by_doc = {doc: facts.clusters[cid].key for doc, cid in facts.doc_cluster.items()}
    assert bare(by_doc) == {**{d: KG for d in ("kg_2019", "kg_2020", "kg_2021", "kg_2022", "kg_2023")},
                      **{d: HN for d in ("hn_2021", "hn_2022", "hn_2023", "hn_2023_chamdiem")},
                      "ag_2022": AG, "ag_2023": AG}
    kg = facts.cluster("cụm 2 kien giang")
    assert (kg.key, kg.label, kg.province, kg.sector) == (KG, "Cụm thi đua số 2 · Kiên Giang · Chính quyền",
                                                          "Kiên Giang", "Chính quyền")
    assert facts.cluster(HN).province == "Hà Nội"
    with pytest.raises(InvalidInput, match="matches 2 clusters"):
        facts.cluster("2")
    with pytest.raises(NotFound):
        facts.cluster("Cụm 9 Cà Mau")


def test_spellings_and_abbreviations_resolve_to_one_canonical_unit(facts):
    chau_thanh = {unit_of(facts, w, KG).id for w in ("UBND huyện Châu Thành", "huyện Châu Thành",
                                                      "Ủy ban nhân dân huyện Châu Thành")}
    assert len(chau_thanh) == 1
    assert facts.units[chau_thanh.pop()] == "Ủy ban nhân dân huyện Châu Thành"  # the fullest spelling
    tay_ho = {unit_of(facts, w, HN).id for w in ("Ủy ban MTTQ Việt Nam quận Tây Hồ", "quận Tây Hồ",
                                                  "Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ")}
    assert len(tay_ho) == 1
    hoan_kiem = unit_of(facts, "Ủy ban MTTQ Việt Nam quận Hoàn Kiếm", HN)
    assert unit_of(facts, "UBMTTQ quận Hoàn Kiếm", HN).id == hoan_kiem.id
    ldld = {unit_of(facts, w, AG).id for w in ("LĐLĐ huyện Châu Thành", "Liên đoàn Lao động huyện Châu Thành")}
    assert len(ldld) == 1


def test_same_place_name_in_another_province_or_sector_is_another_unit(facts):
    kg = unit_of(facts, "UBND huyện Châu Thành", KG)
    ag = unit_of(facts, "LĐLĐ huyện Châu Thành", AG)
    assert kg.id != ag.id
    # 'lao động' is shared, the places are not: two unions
    assert unit_of(facts, "LĐLĐ huyện Châu Phú", AG).id != unit_of(facts, "Liên đoàn Lao động huyện Thoại Sơn", AG).id
    assert len(facts.units) == 12  # 4 districts + 4 district fronts + 4 district unions


def test_units_carry_kind_province_district_and_spellings(archive):
    registry = Registry(archive.db)
    chau_thanh = registry.unit("UBND huyện Châu Thành")
    assert (chau_thanh.kind, chau_thanh.province, chau_thanh.district) == ("huyện", "Kiên Giang", "huyện Châu Thành")
    assert set(chau_thanh.aliases) == {"UBND huyện Châu Thành", "huyện Châu Thành"}
    union = registry.unit("LĐLĐ huyện Châu Thành")
    assert (union.name, union.kind, union.province) == ("Liên đoàn Lao động huyện Châu Thành", "công đoàn", "An Giang")
    assert [u.name for u in registry.units("tay ho")] == ["Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ"]
    with pytest.raises(InvalidInput, match="names several units"):
        registry.unit("Châu Thành")  # Kiên Giang's district and An Giang's union
    assert registry.pending() == []
    assert registry.sync().documents == 0  # nothing new: decisions are not re-made


def test_an_ambiguous_correction_is_queued_and_a_merge_settles_it(fresh_archive):
    repo = fresh_archive
    repo.correct("hn_2021", "ranks[2].unit", "Ủy ban MTTQ Việt Nam quận", user="Lan")  # which district?
    registry = Registry(repo.db)
    registry.sync()
    [waiting] = registry.pending()
    assert (waiting.name, waiting.method, waiting.unit) == ("Ủy ban MTTQ Việt Nam quận", "ambiguous", None)
    assert len(waiting.candidates) == 4 and waiting.scope.startswith("Cụm thi đua số 2 · Hà Nội")
    table = rankings(load_facts(repo.db), load_facts(repo.db).cluster(HN), 2021)[0]
    assert [(r.rank, r.unit.id, r.unit.pending) for r in table.rows][2] == (3, None, True)
    with pytest.raises(InvalidInput, match="--user"):
        registry.merge("Ủy ban MTTQ Việt Nam quận", "Long Biên", user=" ")
    assert "now means unit" in registry.merge("Ủy ban MTTQ Việt Nam quận", "Long Biên", user="Lan")
    assert registry.pending() == []
    row = rankings(load_facts(repo.db), load_facts(repo.db).cluster(HN), 2021)[0].rows[2]
    assert (row.unit.name, row.unit.confidence) == ("Ủy ban MTTQ Việt Nam quận Long Biên", 1.0)


def test_split_moves_a_spelling_off_a_unit_and_merge_brings_it_back(fresh_archive):
    repo = fresh_archive
    registry = Registry(repo.db)

    def conflicts():
        return [(i.check, i.year) for i in checks(load_facts(repo.db), tie_reader(repo.db)) if i.cluster_key == HN]

    assert ("rank_conflict", 2023) in conflicts()  # 'quận Tây Hồ' ranked 3rd, the full name 2nd
    message = registry.split("Tây Hồ", ["quận Tây Hồ"], user="Minh")
    assert "moved" in message
    assert ("rank_conflict", 2023) not in conflicts()
    facts = load_facts(repo.db)
    assert {facts.units[u] for u in facts.units} >= {"quận Tây Hồ", "Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ"}
    with pytest.raises(InvalidInput, match="no other spelling"):
        registry.split("quận Tây Hồ", ["quận Tây Hồ"], user="Minh")
    assert "merged into" in registry.merge("quận Tây Hồ", "Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ", user="Minh")
    assert ("rank_conflict", 2023) in conflicts()
    assert len(load_facts(repo.db).units) == 12


def test_a_staff_name_survives_new_documents_with_longer_spellings(fresh_archive, tmp_path):
    from report_corpus import HN as HN_CLUSTER, Report, ingest

    repo = fresh_archive
    registry = Registry(repo.db)
    registry.rename("UBMTTQ quận Hoàn Kiếm", "MTTQ quận Hoàn Kiếm", user="Lan")
    later = Report("hn_2024", HN_CLUSTER, 2024, [("Ủy ban Mặt trận Tổ quốc Việt Nam quận Hoàn Kiếm", 1)],
                   "Ủy ban MTTQ Việt Nam quận Long Biên")
    ingest(repo, tmp_path / "later", [later])
    facts = load_facts(repo.db)
    [table] = rankings(facts, facts.cluster(HN), 2024)
    assert [(r.rank, r.unit.name) for r in table.rows] == [(1, "MTTQ quận Hoàn Kiếm")]
    assert registry.unit("MTTQ quận Hoàn Kiếm").named_by_staff
