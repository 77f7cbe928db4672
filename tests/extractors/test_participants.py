"""People named as chairing, attending, directing, speaking or reporting, with title and
organisation; not the byline, not photo credits, not people merely cited."""
from __future__ import annotations


TITLE = "Hội nghị tổng kết công tác thi đua Cụm thi đua số 3 năm 2023"
LEAD = "Ngày 19/12/2023, Cụm thi đua số 3 tổ chức hội nghị tổng kết công tác thi đua năm 2023."


def people(record) -> dict:
    return {p.name: p for p in record.participants}


def test_comrade_name_dash_title(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có đồng chí Lê Minh Liên - Phó Trưởng phòng Nội vụ huyện.")
    (p,) = record.participants
    assert p.name == "Lê Minh Liên"
    assert p.title == "Phó Trưởng phòng Nội vụ huyện"
    assert p.organization == "Phòng Nội vụ huyện"


def test_mister_name_comma_titles(extract):
    record = extract(TITLE, LEAD, "Chủ trì hội nghị có ông Hà Quang Trung, Phó Giám đốc Sở Nội vụ, "
                                  "Trưởng Ban Thi đua - Khen thưởng tỉnh.")
    (p,) = record.participants
    assert p.name == "Hà Quang Trung"
    assert p.title == "Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh"
    assert p.organization == "Sở Nội vụ"


def test_representative_has_no_title_but_an_organization(extract):
    record = extract(TITLE, LEAD, "Bà Vy Thị Hồng Nhung đại diện cho Ban Thi đua - Khen thưởng tỉnh phát biểu tại hội nghị.")
    (p,) = record.participants
    assert p.name == "Vy Thị Hồng Nhung"
    assert p.title is None
    assert p.organization == "Ban Thi đua - Khen thưởng tỉnh"


def test_military_rank_before_the_name_is_dropped(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có Thiếu tướng Đỗ Văn Khải, Cục trưởng Cục Công tác đảng và công tác chính trị.")
    (p,) = record.participants
    assert p.name == "Đỗ Văn Khải"
    assert "tướng" not in (p.title or "")
    assert p.title.startswith("Cục trưởng")


def test_police_rank_before_the_name_is_dropped(extract):
    record = extract(TITLE, LEAD, "Đại tá Trịnh Quốc Toản, Giám đốc Công an tỉnh phát biểu khai mạc.")
    (p,) = record.participants
    assert p.name == "Trịnh Quốc Toản"
    assert p.title == "Giám đốc Công an tỉnh"


def test_title_before_the_name_with_a_place(extract):
    record = extract(TITLE, LEAD, "Phó Chủ tịch UBND huyện Gia Lộc Trần Văn Bảo phát biểu chỉ đạo hội nghị.")
    (p,) = record.participants
    assert p.name == "Trần Văn Bảo"
    assert p.title == "Phó Chủ tịch UBND huyện Gia Lộc"


def test_title_before_the_name_after_an_attendance_cue(extract):
    record = extract(TITLE, LEAD, "Tới dự có Giám đốc Sở Nội vụ Lê Thanh Sơn.")
    (p,) = record.participants
    assert p.name == "Lê Thanh Sơn"
    assert p.title == "Giám đốc Sở Nội vụ"


def test_title_before_the_name_without_a_place(extract):
    record = extract(TITLE, LEAD, "Phó Chủ tịch UBND tỉnh Trần Văn Bảo phát biểu chỉ đạo hội nghị.")
    assert [p.name for p in record.participants] == ["Trần Văn Bảo"]
    assert record.participants[0].title == "Phó Chủ tịch UBND tỉnh"


def test_list_of_comrades_with_titles(extract):
    record = extract(TITLE, LEAD, "Tham dự có các đồng chí: Lê Văn Tám - Chủ tịch UBND huyện; "
                                  "Đào Thị Hoa - Phó Chủ tịch HĐND huyện; Phạm Quốc Hưng - Trưởng phòng Nội vụ huyện.")
    found = people(record)
    assert set(found) == {"Lê Văn Tám", "Đào Thị Hoa", "Phạm Quốc Hưng"}
    assert found["Đào Thị Hoa"].title == "Phó Chủ tịch HĐND huyện"
    assert found["Phạm Quốc Hưng"].title == "Trưởng phòng Nội vụ huyện"


def test_list_of_comrades_without_titles(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có các đồng chí: Lê Văn Tám, Nguyễn Thị Hoa và Đào Minh Khang.")
    assert set(people(record)) == {"Lê Văn Tám", "Nguyễn Thị Hoa", "Đào Minh Khang"}


def test_organization_of_a_peoples_committee_post(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có đồng chí Nguyễn Thị Lan - Phó Chủ tịch UBND huyện Tứ Kỳ.")
    (p,) = record.participants
    assert p.title == "Phó Chủ tịch UBND huyện Tứ Kỳ"
    assert p.organization == "UBND huyện Tứ Kỳ"


def test_organization_of_an_office_chief(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có đồng chí Vũ Minh Quân - Chánh Văn phòng UBND huyện.")
    (p,) = record.participants
    assert p.organization == "Văn phòng UBND huyện"


def test_cluster_head_role_of_the_person_is_kept_in_the_title(extract):
    record = extract(TITLE, LEAD, "Chủ trì hội nghị có đồng chí Lê Văn Hùng, Giám đốc Sở Tư pháp, "
                                  "Trưởng khối thi đua số 4.")
    (p,) = record.participants
    assert p.title == "Giám đốc Sở Tư pháp, Trưởng khối thi đua số 4"
    assert p.organization == "Sở Tư pháp"


def test_unit_deputy_descriptor_is_dropped_from_the_title(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có đồng chí Đặng Thị Thu, Phó Chủ tịch UBND huyện Gia Lộc - đơn vị cụm phó.")
    (p,) = record.participants
    assert p.title == "Phó Chủ tịch UBND huyện Gia Lộc"


def test_in_charge_of_the_cluster_is_dropped_from_the_title(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có đồng chí Đặng Thị Thu, Phó Trưởng Ban Thi đua - Khen thưởng tỉnh phụ trách cụm.")
    (p,) = record.participants
    assert p.title == "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"


def test_byline_is_not_a_participant(extract):
    record = extract(TITLE, LEAD, "Đồng chí Đặng Thị Thu phát biểu tại hội nghị.", "Lê Thu Trang - Ban Dân vận Huyện ủy Tứ Kỳ")
    assert set(people(record)) == {"Đặng Thị Thu"}


def test_photo_credit_line_is_not_a_participant(extract):
    record = extract(TITLE, LEAD, "Đồng chí Đặng Thị Thu phát biểu tại hội nghị.", "Ảnh: Hoàng Minh Đức")
    assert set(people(record)) == {"Đặng Thị Thu"}


def test_photo_credit_in_a_caption_is_not_a_participant(extract):
    record = extract(TITLE, LEAD, "Toàn cảnh hội nghị (Ảnh: Bùi Thanh Hà).", "Đồng chí Đặng Thị Thu phát biểu tại hội nghị.")
    assert set(people(record)) == {"Đặng Thị Thu"}


def test_cited_figure_is_not_a_participant(extract):
    record = extract(TITLE, LEAD, "Các đơn vị đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
    assert record.participants == []


def test_youth_union_named_after_a_person_is_not_a_participant(extract):
    record = extract(TITLE, LEAD, "Các đơn vị tích cực tham gia phong trào do Đoàn TNCS Hồ Chí Minh phát động.")
    assert record.participants == []


def test_cue_and_title_are_surer_than_a_cue_alone(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có đồng chí Lê Minh Liên - Phó Trưởng phòng Nội vụ huyện.",
                     "Đồng chí Đặng Thị Thu phát biểu tham luận.")
    found = people(record)
    assert found["Lê Minh Liên"].confidence > found["Đặng Thị Thu"].confidence


def test_cluster_head_role_is_not_the_organization(extract):
    record = extract(TITLE, LEAD, "Chủ trì hội nghị có đồng chí Phạm Văn Toàn, Chủ tịch UBND huyện Tứ Kỳ, "
                                  "Cụm trưởng Cụm thi đua số 3.")
    (p,) = record.participants
    assert p.title == "Chủ tịch UBND huyện Tứ Kỳ, Cụm trưởng Cụm thi đua số 3"
    assert p.organization == "UBND huyện Tứ Kỳ"


def test_people_only_cited_as_examples_are_not_participants(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có ông Lò Văn Pọm, Phó Chủ tịch UBND huyện.",
                     "Nhiều gương điển hình được biểu dương, tiêu biểu là anh Trần Văn Sỹ, công nhân Công ty May 10; "
                     "điển hình là hộ ông Hờ A Chư ở xã Tà Xùa.")
    assert set(people(record)) == {"Lò Văn Pọm"}


def test_second_person_joined_by_and_with_a_cue(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có bà Vũ Thị Thanh Xuân, Phó Chủ tịch Liên đoàn Lao động tỉnh và "
                                  "ông Đỗ Mạnh Cường, Trưởng Ban Tổ chức LĐLĐ tỉnh.")
    found = people(record)
    assert found["Vũ Thị Thanh Xuân"].title == "Phó Chủ tịch Liên đoàn Lao động tỉnh"
    assert found["Đỗ Mạnh Cường"].title == "Trưởng Ban Tổ chức LĐLĐ tỉnh"


def test_title_shared_by_a_list_after_a_colon(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có các đồng chí Phó Chủ tịch Hội LHPN tỉnh: Trần Thị Mai Phương, "
                                  "Vũ Thị Thu Hằng; đại diện lãnh đạo các huyện trong cụm.")
    found = people(record)
    assert found["Trần Thị Mai Phương"].title == "Phó Chủ tịch Hội LHPN tỉnh"
    assert found["Vũ Thị Thu Hằng"].title == "Phó Chủ tịch Hội LHPN tỉnh"


def test_a_unit_holding_a_cluster_role_is_not_a_person(extract):
    record = extract(TITLE, LEAD, "Năm 2024, Cụm trưởng được giao cho Trường THPT Duy Tân, Cụm phó là Trường THPT Lê Lợi.")
    assert people(record) == {}


def test_attendee_table_rows(extract):
    record = extract(TITLE, LEAD, "STT | Họ và tên | Chức vụ",
                     "1 | BS.CKII Trần Hữu Lộc | Giám đốc Bệnh viện Đa khoa tỉnh, Khối trưởng",
                     "2 | Phạm Văn Bé | Trưởng phòng Tổ chức cán bộ")
    found = people(record)
    assert found["Trần Hữu Lộc"].title == "Giám đốc Bệnh viện Đa khoa tỉnh, Khối trưởng"
    assert found["Phạm Văn Bé"].title == "Trưởng phòng Tổ chức cán bộ"


def test_abbreviated_party_titles_and_lower_case_later_syllables(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có đ/c Lò Văn Tâm - UVBCH đảng bộ tỉnh, Giám đốc Sở Tư pháp; "
                                  "đ/c Hà Thị Mến - PBT HU, Chủ tịch UBND huyện; Thượng tá Vi Văn Khải, "
                                  "Phó chỉ huy trưởng Bộ CHQS tỉnh phát biểu.")
    got = {name: p.title for name, p in people(record).items()}
    assert got == {"Lò Văn Tâm": "UVBCH đảng bộ tỉnh, Giám đốc Sở Tư pháp",
                   "Hà Thị Mến": "PBT HU, Chủ tịch UBND huyện",
                   "Vi Văn Khải": "Phó chỉ huy trưởng Bộ CHQS tỉnh"}


def test_given_name_that_is_also_a_unit_word(extract):
    record = extract(TITLE, LEAD, "Tại hội nghị, đồng chí Đinh Văn Phòng, Phó Chủ nhiệm Văn phòng Tỉnh ủy đã trình "
                                  "bày báo cáo.")
    assert [(p.name, p.title) for p in record.participants] == [("Đinh Văn Phòng", "Phó Chủ nhiệm Văn phòng Tỉnh ủy")]


def test_rank_and_name_after_a_comma_open_the_next_person(extract):
    record = extract(TITLE, LEAD, "Dự hội nghị có Đại tá Trịnh Văn Lợi, Phó Giám đốc Công an tỉnh, Thượng tá Mai Thị "
                                  "Hà – Trưởng phòng Tham mưu.")
    got = {name: p.title for name, p in people(record).items()}
    assert got == {"Trịnh Văn Lợi": "Phó Giám đốc Công an tỉnh", "Mai Thị Hà": "Trưởng phòng Tham mưu"}
