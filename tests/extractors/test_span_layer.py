"""The span layer (extractors/span_layer.py): units, roles, years, titles and people marked once, over tokens,
before the relation steps; and the relation steps reading a unit's value as exactly its span."""
from __future__ import annotations

import pytest

from extractors import units
from extractors.context import Context, LayeredText
from extractors.run import _doc, nlp


def layer(text: str):
    language = nlp()
    ctx = Context.from_text(text)
    return language(_doc(ctx, language)), ctx


def unit_texts(text: str) -> list[str]:
    return [s.text for s in layer(text)[0].spans["unit_mentions"]]


@pytest.mark.parametrize(("sentence", "unit"), [
    ("UBND huyện Hòn Đất đứng thứ nhất cụm.", "UBND huyện Hòn Đất"),
    ("Công an tỉnh Kon Tum được bầu làm Cụm trưởng.", "Công an tỉnh Kon Tum"),
    ("Hội Nông dân xã Bình Thành tổ chức hội nghị.", "Hội Nông dân xã Bình Thành"),
    ("Liên đoàn Lao động tỉnh đăng cai hội nghị.", "Liên đoàn Lao động tỉnh"),
    ("Liên đoàn Lao động đứng thứ ba.", "Liên đoàn Lao động"),
    ("Ban Dân vận Huyện ủy đứng thứ hai.", "Ban Dân vận Huyện ủy"),
    ("Sở Lao động - Thương binh và Xã hội nhận cờ.", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở Văn hóa, Thể thao và Du lịch làm Khối trưởng.", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Lữ đoàn 962 dẫn đầu.", "Lữ đoàn 962"),
    ("Hội Chữ thập đỏ tỉnh nhận Bằng khen.", "Hội Chữ thập đỏ tỉnh"),
    ("Sở Giao thông vận tải được bầu làm Cụm phó.", "Sở Giao thông vận tải"),
    ("Bệnh viện đa khoa tỉnh phong tặng tập thể lao động xuất sắc.", "Bệnh viện đa khoa tỉnh"),
    ("Liên minh hợp tác xã tỉnh Sóc Trăng đứng thứ nhì.", "Liên minh hợp tác xã tỉnh Sóc Trăng"),
    ("Nhất là hội CCB xã Hòa Bình dẫn đầu Cụm 3.", "hội CCB xã Hòa Bình"),
    ("Giao nhiệm vụ cho huyện Châu Thành.", "huyện Châu Thành"),
    ("Đại diện TP. Hồ Chí Minh phát biểu.", "TP. Hồ Chí Minh"),
])
def test_a_unit_is_its_head_word_and_name(sentence, unit):
    assert unit in unit_texts(sentence)


def test_a_sentence_run_into_a_unit_is_not_part_of_it():
    found = unit_texts("Tham dự có Công đoàn Nông Nghiệp Việt Nam.Các đại biểu dự hội nghị đã thảo luận.")
    assert "Công đoàn Nông Nghiệp Việt Nam" in found and not any("Các" in u for u in found)


def test_a_proper_name_ends_before_a_lower_case_verb():
    assert "UBND huyện Gia Lộc" in unit_texts("UBND huyện Gia Lộc tiếp tục dẫn đầu cụm.")


def test_two_units_joined_by_va_stay_two():
    found = unit_texts("Trưởng cụm năm 2024 là Bệnh viện Phổi tỉnh và Phó trưởng cụm là Trung tâm Pháp y tỉnh.")
    assert "Bệnh viện Phổi tỉnh" in found and "Trung tâm Pháp y tỉnh" in found


def test_an_event_named_like_a_body_is_no_unit():
    assert unit_texts("Hội nghị bầu cụm phó.") == []


def test_a_count_after_a_head_word_is_not_its_name():
    assert "Công an 3" not in unit_texts("Công an 3 tỉnh: Kon Tum, Gia Lai.")


def test_roles_years_titles_and_people_are_spans_too():
    doc, _ = layer("Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh phát biểu. Sở Tư pháp làm Cụm trưởng năm 2024, "
                   "Sở Nội vụ làm cụm phó.")
    assert [(s.text, s.label_) for s in doc.spans["role_mentions"]] == [("Cụm trưởng", "truong"),
                                                                      ("cụm phó", "pho")]
    assert [s.text for s in doc.spans["year_mentions"]] == ["2024"]
    assert "Phó Chủ tịch" in [s.text for s in doc.spans["title_mentions"]]
    assert [s.text for s in doc.spans["person_mentions"]] == ["Nguyễn Văn An"]


def test_the_unit_readers_read_the_layer():
    doc, ctx = layer("Công an tỉnh Quảng Bình đại diện đơn vị Cụm trưởng phát biểu.")
    text = ctx.text
    assert isinstance(text, LayeredText) and text.units is not None
    # the string reader alone keeps the words after the name; the layer's span ends with the name
    assert units.unit_before(str(text), text.index(" đơn vị")) != (0, len("Công an tỉnh Quảng Bình"))
    assert units.unit_before(text, text.index(" đơn vị")) == (0, len("Công an tỉnh Quảng Bình"))
    assert units.unit_after(text, 0) == (0, len("Công an tỉnh Quảng Bình"))


def test_relation_steps_give_the_span_as_the_value(extract):
    record = extract("Hội nghị tổng kết năm 2023.",
                     "Trưởng cụm thi đua năm 2024 là Bệnh viện Phổi tỉnh và Phó trưởng cụm thi đua là "
                     "Trung tâm Pháp y tỉnh.")
    assert {(h.unit, h.role) for h in record.heads} == {("Bệnh viện Phổi tỉnh", "truong"),
                                                        ("Trung tâm Pháp y tỉnh", "pho")}


def test_the_layer_component_declares_what_it_assigns():
    analysis = nlp().analyze_pipes()
    assert "doc.spans" in analysis["summary"]["span_layer"]["assigns"]


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Đoàn Thanh niên cộng sản Hồ Chí Minh tỉnh làm Khối phó.", "Đoàn Thanh niên cộng sản Hồ Chí Minh tỉnh"),
    ("Tỉnh Đoàn thanh niên Hòa Bình được bầu làm khối trưởng.", "Tỉnh Đoàn thanh niên Hòa Bình"),
    ("Văn phòng Đoàn đại biểu Quốc hội tỉnh tham dự.", "Văn phòng Đoàn đại biểu Quốc hội tỉnh"),
    ("gồm Liên\nđoàn lao động tỉnh (Khối trưởng) và các đơn vị khác.", "Liên\nđoàn lao động tỉnh"),
])
def test_a_name_that_goes_on_in_lower_case_or_over_a_line_break(sentence, unit):
    assert unit in unit_texts(sentence)


def test_a_hard_wrapped_role_word_is_a_role():
    doc, _ = layer("Đoàn Thanh niên tỉnh (Khối\nphó), Hội Nông dân tỉnh.")
    assert [(s.text, s.label_) for s in doc.spans["role_mentions"]] == [("Khối\nphó", "pho")]


def test_a_head_whose_year_is_a_guess_goes_to_the_review_queue(extract):
    # elected, no year written, nothing says whether the meeting reviews a year or opens one
    guessed = extract("Các đơn vị thảo luận năm 2024.", "Hội nghị đã bầu Sở Tư pháp làm Cụm trưởng.")
    named = extract("Các đơn vị thảo luận năm 2024.", "Hội nghị đã bầu Sở Tư pháp làm Cụm trưởng năm 2025.")
    assert [h.unit for h in guessed.heads] == ["Sở Tư pháp"] and guessed.heads[0].confidence < 0.5
    assert [(h.unit, h.year) for h in named.heads] == [("Sở Tư pháp", 2025)] and named.heads[0].confidence >= 0.5


@pytest.mark.parametrize(("sentence", "unit", "role", "year"), [
    ("Các đơn vị đã biểu quyết chọn Liên đoàn Luật sư tỉnh Đồng Nai làm Cụm phó năm 2025.",
     "Liên đoàn Luật sư tỉnh Đồng Nai", "pho", 2025),
    ("Cụm trưởng năm 2025: Viện KSND tỉnh Lào Cai; Cụm phó: Viện KSND tỉnh Lai Châu.",
     "Viện KSND tỉnh Lào Cai", "truong", 2025),
])
def test_heads_of_invented_sentences(extract, sentence, unit, role, year):
    record = extract("Hội nghị tổng kết công tác thi đua năm 2024 của Cụm thi đua số 4.", sentence)
    assert (unit, role, year) in {(h.unit, h.role, h.year) for h in record.heads}
