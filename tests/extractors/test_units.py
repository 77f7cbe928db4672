"""The unit registry and unit phrases: abbreviations resolved, names read whole."""
from __future__ import annotations

import pytest

from extractors import unit_lists, units


@pytest.mark.parametrize("short, full", [
    ("LĐLĐ huyện Kiên Lương", "Liên đoàn Lao động huyện Kiên Lương"),
    ("UBND huyện Tứ Kỳ", "Ủy ban nhân dân huyện Tứ Kỳ"),
    ("HĐND tỉnh Hải Dương", "Hội đồng nhân dân tỉnh Hải Dương"),
    ("Ủy ban MTTQ huyện Phú Vang", "Ủy ban Mặt trận Tổ quốc huyện Phú Vang"),
    ("HTX Nông nghiệp Tân Phú", "Hợp tác xã Nông nghiệp Tân Phú"),
    ("HND tỉnh Gia Lai", "Hội Nông dân tỉnh Gia Lai"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
], ids=["ldld", "ubnd", "hdnd", "mttq", "htx", "hnd", "gd-dt"])
def test_abbreviation_and_full_name_are_one_unit(short, full):
    assert units.canonical(short) == full
    assert units.same(short, full)


def test_same_kind_of_unit_in_different_places_are_different():
    assert not units.same("Công an tỉnh Yên Bái", "Công an tỉnh Lào Cai")


def test_labour_federations_of_different_districts_are_different():
    assert not units.same("LĐLĐ huyện Định Quán", "Liên đoàn Lao động huyện Tân Phú")


def test_short_and_long_form_of_one_unit_are_one():
    assert units.same("Liên đoàn Lao động", "Liên đoàn Lao động huyện Kiên Lương")


def test_generic_words_are_not_units():
    assert units.is_generic("đơn vị")
    assert units.is_generic("Cụm")
    assert not units.is_generic("Sở Y tế")


def _before(text: str, cue: str) -> str | None:
    span = units.unit_before(text, text.index(cue))
    return None if span is None else text[span[0]:span[1]]


def _after(text: str, cue: str) -> str | None:
    span = units.unit_after(text, text.index(cue) + len(cue))
    return None if span is None else text[span[0]:span[1]]


def test_unit_before_keeps_and_inside_the_name():
    assert _before("Năm nay Sở Kế hoạch và Đầu tư đứng thứ 1.", " đứng") == "Sở Kế hoạch và Đầu tư"


def test_unit_before_keeps_comma_inside_the_name():
    assert _before("Năm nay Sở Văn hóa, Thể thao và Du lịch đứng thứ 2.", " đứng") == "Sở Văn hóa, Thể thao và Du lịch"


def test_unit_after_keeps_dash_and_and_inside_the_name():
    assert _after("Hội nghị bầu Sở Lao động - Thương binh và Xã hội làm Khối trưởng.", "bầu ") == \
        "Sở Lao động - Thương binh và Xã hội"


def test_unit_after_stops_before_the_verb():
    assert _after("Hội nghị bầu UBND huyện Thanh Miện làm Cụm trưởng.", "bầu ") == "UBND huyện Thanh Miện"


def _list(text: str, cue: str, headed: bool = False) -> list[str]:
    start = text.index(cue) + len(cue)
    return [text[a:b] for a, b in unit_lists.unit_list_after(text, start, len(text), headed=headed)]


def test_list_keeps_names_with_and_and_comma_whole():
    text = "gồm: Sở Kế hoạch và Đầu tư, Sở Văn hóa, Thể thao và Du lịch, Sở Y tế và Sở Tài chính."
    assert _list(text, "gồm: ") == ["Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế",
                                    "Sở Tài chính"]


def test_list_drops_remarks_in_brackets():
    text = "gồm: huyện Gia Lộc (Cụm trưởng), Tứ Kỳ (Cụm phó), Thanh Miện và Ninh Giang."
    assert _list(text, "gồm: ") == ["huyện Gia Lộc", "Tứ Kỳ", "Thanh Miện", "Ninh Giang"]


def test_headed_list_keeps_and_inside_items():
    assert _list("các sở: Giáo dục và Đào tạo, Y tế, Tư pháp.", "sở: ", headed=True) == \
        ["Giáo dục và Đào tạo", "Y tế", "Tư pháp"]


def test_list_stops_where_a_clause_begins():
    text = "gồm: Sở Y tế, Sở Tư pháp và Sở Tài chính đã tổ chức hội nghị."
    assert _list(text, "gồm: ") == ["Sở Y tế", "Sở Tư pháp", "Sở Tài chính"]


@pytest.mark.parametrize("text, unit", [
    ("Ban Dân vận Huyện ủy đứng thứ ba trong khối.", "Ban Dân vận Huyện ủy"),
    ("Công ty CP Cao su Sa Thầy nhận cờ.", "Công ty CP Cao su Sa Thầy"),
    ("Chi cục Dự trữ Nhà nước khu vực III (Cụm phó)", "Chi cục Dự trữ Nhà nước khu vực III"),
], ids=["ranked-verb", "joiner-after-abbreviation", "region-numeral"])
def test_unit_read_forwards_stops_before_the_verb(text, unit):
    span = units.unit_after(text, 0)
    assert span is not None and text[span[0]:span[1]] == unit


def test_unit_read_backwards_never_ends_on_a_verb():
    text = "Năm 2024, Công an tỉnh Phú Yên được Bộ Công an phân công là"
    assert units.unit_before(text, text.rindex(" là")) is None  # not "Công an phân công"


def test_a_union_of_cooperatives_written_with_and_without_all():
    assert units.same("Liên minh HTX tỉnh", "Liên minh các HTX tỉnh")


def test_one_place_decides_whether_two_names_of_a_document_are_one_unit():
    from extractors import unit_names
    from pipeline import units as pipeline_units

    kinds = unit_names.kinds()
    assert pipeline_units.same_name("Hội xã Hòa Bình", "hội CCB xã Hòa Bình", kinds)
    assert not pipeline_units.same_name("Trường Cao đẳng Y tế Phú An", "Trung tâm Y tế Phú An", kinds)
    assert unit_names.same("LĐLĐ huyện", "Liên đoàn Lao động huyện") == \
        pipeline_units.same_name("LĐLĐ huyện", "Liên đoàn Lao động huyện", kinds) is True
