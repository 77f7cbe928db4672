"""Heads and deputies of the cluster with the year they hold the role: the year under review for
current heads, the coming year for heads elected, nominated or handed the role."""
from __future__ import annotations

import pytest

from pipeline.units import same_unit

REVIEW_TITLE = "Hội nghị tổng kết công tác thi đua Khối thi đua số 4 năm 2023"
REVIEW_LEAD = "Ngày 20/12/2023, Khối thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm 2023."


def heads(record) -> set[tuple]:
    return {(h.unit, h.role, h.year) for h in record.heads}


def test_person_of_the_head_unit_gives_the_current_head(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Đồng chí Lê Văn Hùng, Giám đốc Sở Tư pháp (đơn vị khối trưởng) chủ trì hội nghị.")
    assert heads(record) == {("Sở Tư pháp", "truong", 2023)}


def test_person_described_as_head_gives_the_current_head(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Đồng chí Lê Văn Hùng, Giám đốc Sở Tư pháp, Trưởng khối thi đua số 4 chủ trì hội nghị.")
    assert heads(record) == {("Sở Tư pháp", "truong", 2023)}


def test_peoples_committee_chair_described_as_head(extract):
    record = extract("Hội nghị tổng kết công tác thi đua Cụm thi đua số 3 năm 2023",
                     "Ngày 19/12/2023, Cụm thi đua số 3 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Chủ trì hội nghị có đồng chí Phạm Văn Toàn, Chủ tịch UBND huyện Tứ Kỳ, "
                     "Cụm trưởng Cụm thi đua số 3.")
    assert heads(record) == {("UBND huyện Tứ Kỳ", "truong", 2023)}


def test_unit_dash_head_unit(extract):
    record = extract(REVIEW_TITLE, "Ngày 20/12/2023, Sở Tư pháp - đơn vị khối trưởng tổ chức hội nghị tổng kết.")
    assert heads(record) == {("Sở Tư pháp", "truong", 2023)}


def test_unit_is_the_head_unit_of_a_year(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Sở Tư pháp là đơn vị Khối trưởng năm 2023.")
    assert heads(record) == {("Sở Tư pháp", "truong", 2023)}


def test_head_of_cluster_in_brackets(extract):
    record = extract("Hội nghị chấm điểm thi đua Cụm thi đua số 2 năm 2023",
                     "Ngày 14/12/2023, Cụm thi đua số 2 tổ chức chấm điểm thi đua năm 2023.",
                     "Cụm thi đua số 2 gồm Huyện đoàn Long Phú (Trưởng cụm), Huyện đoàn Mỹ Tú, Huyện đoàn Cù Lao Dung.")
    assert heads(record) == {("Huyện đoàn Long Phú", "truong", 2023)}


def test_head_remark_in_an_enumeration_names_only_its_item(extract):
    record = extract("Hội nghị tổng kết công tác thi đua Cụm thi đua số 2 năm 2023",
                     "Ngày 18/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Cụm thi đua số 2 gồm: Thành phố Hải Dương và các huyện Gia Lộc (Cụm trưởng), "
                     "Tứ Kỳ (Cụm phó), Thanh Miện, Ninh Giang.")
    assert heads(record) == {("huyện Gia Lộc", "truong", 2023), ("Tứ Kỳ", "pho", 2023)}


def test_elected_head_and_deputy_for_the_named_year(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Hội nghị bầu Sở Y tế làm Khối trưởng, Sở Tài chính làm Khối phó năm 2024.")
    assert heads(record) == {("Sở Y tế", "truong", 2024), ("Sở Tài chính", "pho", 2024)}


def test_elected_at_a_review_without_a_year_is_for_the_next_year(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Hội nghị đã bầu Sở Y tế làm Khối trưởng, Sở Công Thương làm Khối phó.")
    assert heads(record) == {("Sở Y tế", "truong", 2024), ("Sở Công Thương", "pho", 2024)}


def test_nominated_head_of_the_block_for_a_year(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Hội nghị thống nhất đề cử Sở Xây dựng làm khối trưởng của Khối năm 2024.")
    assert heads(record) == {("Sở Xây dựng", "truong", 2024)}


def test_elected_cluster_head_and_deputy_written_truong_cum(extract):
    record = extract("Hội nghị tổng kết công tác thi đua Cụm thi đua số 2 năm 2023",
                     "Ngày 18/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Hội nghị đã bầu UBND huyện Tứ Kỳ làm Trưởng cụm, UBND huyện Gia Lộc làm Phó cụm năm 2024.")
    assert heads(record) == {("UBND huyện Tứ Kỳ", "truong", 2024), ("UBND huyện Gia Lộc", "pho", 2024)}


def test_role_then_unit_for_head_and_deputy(extract):
    record = extract("Hội nghị tổng kết công tác thi đua Cụm thi đua số 2 năm 2023",
                     "Ngày 18/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Hội nghị thống nhất giới thiệu Cụm trưởng năm 2024 là UBND huyện Thanh Miện "
                     "và Cụm phó là UBND huyện Ninh Giang.")
    assert heads(record) == {("UBND huyện Thanh Miện", "truong", 2024), ("UBND huyện Ninh Giang", "pho", 2024)}


def test_role_handed_over_to_a_unit_at_a_review(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Cuối buổi, Sở Tư pháp bàn giao vị trí trưởng khối cho Sở Y tế.")
    assert ("Sở Y tế", "truong", 2024) in heads(record)


def test_unit_handing_over_was_head_of_the_year_under_review(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Cuối buổi, Sở Tư pháp bàn giao vị trí trưởng khối cho Sở Y tế.")
    assert heads(record) == {("Sở Tư pháp", "truong", 2023), ("Sở Y tế", "truong", 2024)}


def test_handover_from_one_unit_to_another(extract):
    record = extract("Lễ bàn giao nhiệm vụ Khối trưởng Khối thi đua số 4",
                     "Ngày 5/1/2024, Khối thi đua số 4 tổ chức lễ bàn giao nhiệm vụ Khối trưởng năm 2024 "
                     "từ Sở Tư pháp cho Sở Y tế.")
    assert heads(record) == {("Sở Y tế", "truong", 2024), ("Sở Tư pháp", "truong", 2023)}


def test_handover_with_both_years_stated(extract):
    record = extract("Bàn giao nhiệm vụ Khối trưởng Khối thi đua số 4 năm 2024",
                     "Ngày 5/1/2024, tại trụ sở Sở Y tế, Sở Tư pháp - đơn vị Khối trưởng năm 2023 đã bàn giao "
                     "vị trí khối trưởng cho Sở Y tế.")
    assert heads(record) == {("Sở Tư pháp", "truong", 2023), ("Sở Y tế", "truong", 2024)}


def test_unit_receiving_the_role_is_head_of_that_year(extract):
    record = extract("Sở Y tế nhận bàn giao nhiệm vụ Khối trưởng Khối thi đua số 4 năm 2024",
                     "Chiều 3/1/2024, Sở Tư pháp tổ chức lễ bàn giao.")
    assert ("Sở Y tế", "truong", 2024) in heads(record)


def test_unnamed_head_gives_no_head(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Phát biểu bế mạc, đồng chí trưởng khối cảm ơn các đơn vị.")
    assert heads(record) == set()


def test_head_matches_a_member(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Hội nghị bầu Sở Y tế làm Khối trưởng năm 2024.")
    (head,) = record.heads
    assert any(same_unit(m.unit, head.unit) for m in record.members)


@pytest.mark.parametrize("sentence, expected", [
    ("Khối gồm 04 xã: xã Hòa Lộc - Khối trưởng, xã Tân Mỹ - Khối phó, xã Phú Đông, xã Long Khê.",
     {("xã Hòa Lộc", "truong", 2023), ("xã Tân Mỹ", "pho", 2023)}),
    ("Khối gồm xã Vĩnh Hậu (đơn vị Khối phó), xã Tân Mỹ, xã Phú Đông.", {("xã Vĩnh Hậu", "pho", 2023)}),
    ("Trường Cao đẳng Nghề Phú An với vai trò là Khối trưởng đã báo cáo kết quả.",
     {("Trường Cao đẳng Nghề Phú An", "truong", 2023)}),
    ("Trong khối, Nhà hát tỉnh được giao nhiệm vụ khối trưởng năm 2023.", {("Nhà hát tỉnh", "truong", 2023)}),
    ("Với vai trò Khối trưởng năm 2023, thay mặt Hội Cựu chiến binh tỉnh Phú An, ông Lê Văn Hòa phát biểu.",
     {("Hội Cựu chiến binh tỉnh Phú An", "truong", 2023)}),
    ("Là đơn vị Trưởng khối năm 2023, đại diện lãnh đạo UBND huyện Tân Lập đã phát động thi đua.",
     {("UBND huyện Tân Lập", "truong", 2023)}),
    ("Các đơn vị thống nhất tiêu chí chấm điểm…Là đơn vị Khối trưởng năm 2023, đại diện UBND huyện Mỹ Lộc "
     "phát động thi đua.", {("UBND huyện Mỹ Lộc", "truong", 2023)}),
])
def test_role_beside_the_unit_in_other_wordings(extract, sentence, expected):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, sentence)
    assert heads(record) == expected
    assert {u for u, _, _ in expected} <= {m.unit for m in record.members}


def test_two_deputies_named_after_a_counted_role(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Các đơn vị đã bầu Trường Chính trị tỉnh làm Khối trưởng và 02 Khối "
                                                "phó là trung tâm GDNN huyện Hòa An và Mỹ Lộc.")
    assert heads(record) == {("Trường Chính trị tỉnh", "truong", 2024), ("trung tâm GDNN huyện Hòa An", "pho", 2024),
                             ("Mỹ Lộc", "pho", 2024)}


@pytest.mark.parametrize("sentence, unit", [
    ("Đại diện Thường trực Khối thi đua là Sở Tư pháp tỉnh Phú An chủ trì hội nghị.", "Sở Tư pháp tỉnh Phú An"),
    ("Đồng chí Lê Thị Hoa, Phó Giám đốc Sở Y tế, Thường trực Khối thi đua chủ trì hội nghị.", "Sở Y tế"),
])
def test_standing_office_of_the_cluster_is_its_head(extract, sentence, unit):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, sentence)
    assert heads(record) == {(unit, "truong", 2023)}


def test_head_named_later_by_its_persons_name_is_that_persons_organisation(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Dự hội nghị có đồng chí Lương Văn Tài - Giám đốc Sở Tư pháp.",
                     "Phát biểu kết luận, đồng chí Lương Văn Tài - Khối trưởng đánh giá cao kết quả năm 2023.")
    assert heads(record) == {("Sở Tư pháp", "truong", 2023)}


def test_a_person_with_no_organisation_is_never_a_head_unit(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Đồng chí Lương Văn Tài - Khối trưởng Khối thi đua số 4 phát biểu khai mạc hội nghị.")
    assert heads(record) == set()


def test_role_handed_to_a_person_goes_to_their_organisation(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Đồng chí Mai Thị Hạnh - Giám đốc Sở Nội vụ dự hội nghị.",
                     "Hội nghị trao cờ Khối trưởng năm 2024 cho đ/c Mai Thị Hạnh - Giám đốc Sở Nội vụ.")
    assert ("Sở Nội vụ", "truong", 2024) in heads(record)


def test_a_clause_opener_is_no_head_unit(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Sau khi nhận nhiệm vụ Khối trưởng, đơn vị đã xây dựng kế hoạch thi đua năm 2023.")
    assert heads(record) == set()


def test_unit_hosting_the_head_role(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "UBND huyện Tân Mỹ là đơn vị đăng cai khối trưởng năm 2023; khối có bốn đơn vị là thị xã Bình "
                     "An và các huyện Tân Mỹ, Hòa Lạc, Phú Sơn.")
    assert heads(record) == {("UBND huyện Tân Mỹ", "truong", 2023)}


def test_head_elected_for_a_term_holds_it_from_the_terms_first_year(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Hội nghị bầu Trường Cao đẳng Phú Lâm làm khối trưởng nhiệm kỳ 2023 - 2025.")
    assert heads(record) == {("Trường Cao đẳng Phú Lâm", "truong", 2023)}


def test_units_listed_since_the_previous_bracket_share_the_role(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Hội nghị biểu dương tỉnh Phú Lâm (đơn vị khối trưởng năm 2024) và Hòa Minh, "
                     "Tây Sơn (đơn vị khối phó năm 2024).")
    assert heads(record) == {("tỉnh Phú Lâm", "truong", 2024), ("Hòa Minh", "pho", 2024), ("Tây Sơn", "pho", 2024)}


def test_a_bracket_in_a_plain_enumeration_names_one_unit(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Khối gồm: huyện Phú Lâm (Khối trưởng), Hòa Minh, Tây Sơn (Khối phó), "
                                                "Bình An.")
    assert heads(record) == {("huyện Phú Lâm", "truong", 2023), ("Tây Sơn", "pho", 2023)}
