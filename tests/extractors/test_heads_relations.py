"""Heads as a relation read from unseen wordings: which unit a role word governs (a passive subject, an
apposition with or without a comma or "đơn vị", the unit after the cluster's name or the holder's position)
and the year it applies to (elected for the coming year, handed over, serving now)."""
from __future__ import annotations

REVIEW_TITLE = "Hội nghị tổng kết công tác thi đua Cụm thi đua số 4 năm 2023"
REVIEW_LEAD = "Ngày 20/12/2023, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm 2023."
SIGNING_TITLE = "Cụm thi đua số 7 ký kết giao ước thi đua năm 2024"
SIGNING_LEAD = "Ngày 22/2/2024, Cụm thi đua số 7 tổ chức hội nghị ký kết giao ước thi đua năm 2024."


def heads(record) -> set[tuple]:
    return {(h.unit, h.role, h.year) for h in record.heads}


def test_the_subject_of_a_passive_assignment_holds_the_role(extract):
    record = extract(SIGNING_TITLE, SIGNING_LEAD,
                     "Năm 2024, Công an tỉnh Phú Yên được Bộ Công an phân công là đơn vị Cụm trưởng Cụm thi đua số 7.")
    assert heads(record) == {("Công an tỉnh Phú Yên", "truong", 2024)}


def test_subject_elected_by_the_members_after_an_auxiliary(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Tại hội nghị, Ban Tuyên giáo Tỉnh ủy đã được các đơn vị trong cụm "
                                                "tín nhiệm bầu giữ chức Cụm trưởng năm 2024.")
    assert heads(record) == {("Ban Tuyên giáo Tỉnh ủy", "truong", 2024)}


def test_unit_en_dash_head_unit(extract):
    record = extract("Khối thi đua các bệnh viện sơ kết 6 tháng đầu năm 2023",
                     "Ngày 10/7/2023, tại Bệnh viện Đa khoa tỉnh Phú Yên – Đơn vị trưởng khối - Khối thi đua các "
                     "bệnh viện tỉnh đã tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2023.")
    assert heads(record) == {("Bệnh viện Đa khoa tỉnh Phú Yên", "truong", 2023)}


def test_body_of_the_head_unit_without_a_comma(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Đại úy Trần Văn Nam, Ban Tuyên huấn đơn vị Cụm trưởng báo cáo.")
    assert heads(record) == {("Ban Tuyên huấn", "truong", 2023)}


def test_no_head_from_the_leaders_of_the_head_unit(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Các đại biểu đánh giá cao sự chuẩn bị của lãnh đạo đơn vị Cụm trưởng.")
    assert heads(record) == set()


def test_role_then_the_clusters_name_then_the_unit(extract):
    record = extract("Công đoàn Cụm thi đua 4 ký giao ước thi đua năm học 2023-2024",
                     "Sáng 30/01/2024, hội nghị ký giao ước thi đua cụm thi đua 4 năm học 2023-2024 do Trưởng "
                     "Cụm thi đua 4- Trường THPT Lê Lợi tổ chức.")
    assert heads(record) == {("Trường THPT Lê Lợi", "truong", 2024)}


def test_taking_on_the_role_in_a_report_published_after_the_year_reviewed(extract):
    record = extract("Sở Xây dựng đảm nhận Khối trưởng thi đua các sở ngành kinh tế", "15/01/2024",
                     "Năm 2023, các thành viên trong Khối đã không ngừng nỗ lực hoàn thành tốt nhiệm vụ được giao.")
    assert record.meeting.period.value == 2023
    assert heads(record) == {("Sở Xây dựng", "truong", 2024)}


def test_remark_in_brackets_between_the_person_and_the_role(extract):
    record = extract(SIGNING_TITLE, SIGNING_LEAD,
                     "Ông Lê Văn Hải – Giám đốc Công ty Cấp nước Phú Yên (thứ hai từ trái sang) đại diện khối trưởng "
                     "trao cờ thi đua cho các thành viên.")
    assert heads(record) == {("Công ty Cấp nước Phú Yên", "truong", 2024)}


def test_new_head_named_by_the_holders_position(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD,
                     "Giám đốc Sở Tài chính tặng hoa chúc mừng tân Cụm trưởng Cụm thi đua số 4, Chi cục trưởng "
                     "Chi cục Thuế khu vực II, ông Trần Văn Bảo.")
    assert heads(record) == {("Chi cục Thuế khu vực II", "truong", 2024)}


def test_taking_the_role_from_the_outgoing_head_in_a_school_year(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Cũng tại hội nghị, Trường THPT Phú An đã nhận nhiệm vụ Cụm trưởng "
                                                "năm học 2024-2025 từ Trường THPT Tân Lập.")
    assert heads(record) == {("Trường THPT Phú An", "truong", 2025), ("Trường THPT Tân Lập", "truong", 2024)}


def test_unit_in_apposition_after_a_comma(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Huyện Phú An (Cụm trưởng năm 2023) đã bàn giao cờ thi đua cho "
                                                "huyện Tân Lập, Cụm trưởng năm 2024.")
    assert heads(record) == {("Huyện Phú An", "truong", 2023), ("huyện Tân Lập", "truong", 2024)}


def test_last_item_of_a_list_before_a_comma_is_no_apposition(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Tham dự có lãnh đạo các huyện Phú An, Tân Lập, Mỹ Xuân, Cụm trưởng "
                                                "phát biểu khai mạc.")
    assert heads(record) == set()


def test_role_written_after_the_persons_organisation_is_not_part_of_the_unit(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Đồng chí Trần Văn Bình, Bí thư Huyện ủy Phú An - Cụm trưởng chủ trì "
                                                "hội nghị.")
    assert heads(record) == {("Huyện ủy Phú An", "truong", 2023)}


def test_capitalised_name_opening_on_a_joiner_word(extract):
    record = extract(SIGNING_TITLE, SIGNING_LEAD,
                     "Khối gồm 3 công ty cao su là Cao su Ea H'leo (khối trưởng), Cao su Krông Búk và "
                     "Cao su Phước Hòa.")
    assert heads(record) == {("Cao su Ea H'leo", "truong", 2024)}
    assert [m.unit for m in record.members] == ["Cao su Ea H'leo", "Cao su Krông Búk", "Cao su Phước Hòa"]


def test_roles_each_followed_by_a_colon(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Kết quả bầu chọn năm 2024: Cụm trưởng: UBND huyện Phú An; Cụm phó: "
                                                "UBND huyện Tân Lập.")
    assert heads(record) == {("UBND huyện Phú An", "truong", 2024), ("UBND huyện Tân Lập", "pho", 2024)}


def test_a_role_in_brackets_names_the_unit_before_it_not_the_one_after(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Lãnh đạo Sở Tài chính (đơn vị Khối trưởng năm 2023) trao cờ luân lưu "
                                                "cho Sở Tư pháp (đơn vị Khối trưởng năm 2024).")
    assert heads(record) == {("Sở Tài chính", "truong", 2023), ("Sở Tư pháp", "truong", 2024)}


def test_year_opening_a_clause_before_the_role(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Theo đó, năm 2024, Sở Y tế là đơn vị Trưởng khối, Sở Giáo dục và "
                                                "Đào tạo là đơn vị Phó khối.")
    assert heads(record) == {("Sở Y tế", "truong", 2024), ("Sở Giáo dục và Đào tạo", "pho", 2024)}


def test_elected_in_place_of_the_outgoing_head(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Các thành viên đã thống nhất bầu Hội Nông dân huyện Phú An làm Cụm "
                                                "trưởng năm 2024 thay cho Hội Nông dân huyện Tân Lập.")
    assert heads(record) == {("Hội Nông dân huyện Phú An", "truong", 2024),
                             ("Hội Nông dân huyện Tân Lập", "truong", 2023)}


def test_heads_given_in_the_sentence_after_their_election_was_announced(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Hội nghị đã tiến hành bầu Cụm trưởng, Cụm phó cho năm tới. Kết quả, "
                                                "huyện Phú An làm Cụm trưởng, huyện Tân Lập làm Cụm phó.")
    assert heads(record) == {("huyện Phú An", "truong", 2024), ("huyện Tân Lập", "pho", 2024)}


def test_an_election_announced_does_not_date_a_head_described_later(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Hội nghị đã tiến hành bầu Cụm trưởng. Đồng chí Lê Văn An, Chủ tịch "
                                                "UBND huyện Mỹ Xuân - Cụm trưởng phát biểu bế mạc.")
    assert heads(record) == {("UBND huyện Mỹ Xuân", "truong", 2023)}


def test_the_person_named_right_after_the_role_and_the_clusters_name(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Phát biểu khai mạc, Cụm trưởng Cụm thi đua số 4, đồng chí Nguyễn Văn "
                                                "An - Chủ tịch UBND huyện Phú An nhấn mạnh kết quả.")
    assert heads(record) == {("UBND huyện Phú An", "truong", 2023)}


def test_the_unit_in_brackets_after_the_role_and_its_year(extract):
    record = extract(REVIEW_TITLE, REVIEW_LEAD, "Cụm trưởng năm 2023 (UBND huyện Phú An) đã báo cáo kết quả.")
    assert heads(record) == {("UBND huyện Phú An", "truong", 2023)}


def test_a_review_naming_only_the_tasks_ahead_covers_the_year_before(extract):
    # no kind cue found for the review itself; the year written is that of the tasks ahead
    record = extract("Năm 2022, các đơn vị trong cụm đã hoàn thành tốt các chỉ tiêu thi đua.",
                     "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm năm 2023.")
    assert record.meeting.period.value == 2022


def test_a_launch_with_a_word_on_the_year_before_covers_the_year_launched(extract):
    record = extract("Cụm thi đua số 2 triển khai công tác thi đua năm 2023",
                     "Năm 2022, các đơn vị trong cụm đã hoàn thành tốt các chỉ tiêu.",
                     "Hội nghị đã thống nhất kế hoạch hoạt động của cụm năm 2023.")
    assert record.meeting.period.value == 2023
