"""The gazetteer of administrative units before the 2025 reform (pipeline/gazetteer.py): names with
their type and province, the province a cluster's members are in, and misspellings of known names."""
import json
from pathlib import Path

import pytest

from pipeline import gazetteer
from pipeline.gazetteer import lookup, mentions, misspellings, near, province_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_the_list_holds_the_divisions_before_the_2025_reform():
    index = gazetteer._index()
    levels = {level: sum(1 for p in index.places if p.level == level) for level in ("province", "district", "commune")}
    assert levels["province"] == 63 and levels["district"] == 696 and levels["commune"] > 10_000
    # districts were abolished by the 2025 reform; Kiên Giang (merged into An Giang) is there as it was
    assert [(p.type, p.province) for p in lookup("huyện Hòn Đất")] == [("huyện", "Kiên Giang")]
    assert {p.province for p in lookup("Thừa Thiên Huế", level="province")} == {"Thừa Thiên Huế"}


def test_names_are_found_with_their_type_and_province():
    (bac_son,) = lookup("huyện Bắc Sơn")
    assert (bac_son.full, bac_son.level, bac_son.province) == ("huyện Bắc Sơn", "district", "Lạng Sơn")
    assert len({p.province for p in lookup("huyện Châu Thành")}) > 5  # a common name: many provinces
    assert [p.province for p in lookup("TP. Rạch Giá")] == ["Kiên Giang"]  # an abbreviated type word
    assert lookup("thị xã Hà Tiên") and lookup("thành phố Hà Tiên")  # a town that became a city: both found
    (commune,) = lookup("xã Bình Sơn", province="Kiên Giang")
    assert commune.district == "huyện Hòn Đất"
    assert lookup("Đắk Hà") == lookup("Đăk Hà")  # spelling variants of one name
    assert lookup("Thị xã Thái Hoà") == lookup("thị xã Thái Hòa")  # old tone placement


def test_places_inside_unit_names():
    (m,) = mentions("UBND huyện Hòn Đất")
    assert (m.type, m.name, [p.province for p in m.places]) == ("huyện", "Hòn Đất", ["Kiên Giang"])
    (m,) = mentions("Trung tâm Chính trị Định Hóa")  # no type word: the closing words are a district
    assert (m.type, m.name, m.places[0].province) == (None, "Định Hóa", "Thái Nguyên")
    assert mentions("Sở Văn hóa, Thể thao và Du lịch") == []
    assert mentions("Huyện đoàn") == [] and mentions("Ban Dân vận Tỉnh ủy") == []


def test_the_province_of_the_issue_example():
    assert province_of(["Rạch Giá", "Hòn Đất", "Giồng Riềng"]).province == "Kiên Giang"


@pytest.mark.parametrize("sample, province", [
    ("real/binhphuoc_cum6_quansu_tongket_2016", "Bình Phước"),
    ("real/hcm_cum3_ubnd_chuyende_2024", "Hồ Chí Minh"),  # 'Bình Tân', 'Tân Phú' are also elsewhere
    ("real/vinhlong_khoi4_gdtx_kyket_2012", "Vĩnh Long"),
    ("real/thainguyen_cum4_ttchinhtri_tongket_2020", "Thái Nguyên"),
    ("kiengiang_cum4_thongbao_ketqua_2024", "Kiên Giang"),
])
def test_the_province_of_real_member_lists(sample, province):
    members = json.loads((SAMPLES / f"{sample}.json").read_text(encoding="utf-8"))["members"]
    assert province_of(members).province == province


def test_no_province_when_the_members_do_not_say_or_disagree():
    assert province_of(["Sở Tư pháp", "Sở Nội vụ", "Thanh tra tỉnh"]).province is None
    assert province_of(["huyện Châu Thành", "huyện Châu Phú"]).province == "An Giang"  # the one they share
    assert province_of(["thành phố Vinh", "thành phố Huế", "thành phố Đông Hà"]).province is None


def test_an_ocr_misspelling_is_close_to_a_known_name():
    assert [p.full for p in near("huyện Bác Sơn")] == ["huyện Bắc Sơn"]
    assert near("huyện Bắc Sơn") == []  # a known name is no misspelling
    assert near("huyện Bác Ái") == []  # nor is a real name that folds like another one
    (found,) = misspellings(["UBND huyện Bác Sơn", "UBND huyện Văn Quan"], province="Lạng Sơn")
    assert (found.written, found.proposed, found.province) == ("huyện Bác Sơn", "huyện Bắc Sơn", "Lạng Sơn")
    (found,) = misspellings(["huyện Hòn Đát"], province="Kiên Giang")  # one letter off, in the province
    assert found.proposed == "huyện Hòn Đất"
    assert misspellings(["huyện Hòn Đất", "xã Bình Sơn"], province="Kiên Giang") == []
    assert misspellings(["huyện Mù Cang Chải"], province="Yên Bái") == []  # official; the list has 'Căng'


def test_the_stored_comparison_keys_are_what_key_gives():
    """gazetteer.tsv stores a name's key where it is not the lower-cased name (loading is a split):
    a change of key() without `python pipeline/data/build_gazetteer.py` fails here."""
    index = gazetteer._index()
    stale = [(p.name, k) for p, k in zip(index.places, index.keys, strict=True) if gazetteer.key(p.name) != k]
    assert not stale, stale[:5]
