"""Byline: a short name or initials on one of the last lines; not photo credits or source notes."""
from __future__ import annotations

TITLE = "Cụm thi đua số 2 tổng kết công tác thi đua năm 2023"
BODY = ("Ngày 19/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm 2023 "
        "với sự tham dự của lãnh đạo các đơn vị trong cụm và đại diện Ban Thi đua - Khen thưởng tỉnh.")


def test_name_then_unit_gives_the_name(extract):
    record = extract(TITLE, BODY, "Thanh Tuấn - HND Kiên Lương")
    assert record.author is not None
    assert record.author.value == "Thanh Tuấn"


def test_news_and_photo_prefix_gives_the_upper_case_name(extract):
    record = extract(TITLE, BODY, "Tin, ảnh: THÀNH TRUNG")
    assert record.author is not None
    assert record.author.value == "THÀNH TRUNG"


def test_empty_author_field_is_none(extract):
    record = extract(TITLE, BODY, "Tác giả:")
    assert record.author is None


def test_excerpt_cut_mid_sentence_has_no_byline(extract):
    record = extract(TITLE, BODY, "Phát biểu kết luận hội nghị, đồng chí Trưởng cụm đề nghị các đơn vị tiếp tục đẩy mạnh các phong tr")
    assert record.author is None


def test_initials_are_a_byline(extract):
    record = extract(TITLE, BODY, "Q.H")
    assert record.author is not None
    assert record.author.value == "Q.H"


def test_full_name_alone_on_the_last_line(extract):
    record = extract(TITLE, BODY, "Đinh Thu Hà")
    assert record.author is not None
    assert record.author.value == "Đinh Thu Hà"


def test_name_with_outlet_in_brackets(extract):
    record = extract(TITLE, BODY, "Mai Anh (Báo Hải Dương)")
    assert record.author is not None
    assert record.author.value == "Mai Anh"


def test_photo_credit_is_not_a_byline(extract):
    record = extract(TITLE, BODY, "Ảnh: Vũ Minh Đức")
    assert record.author is None


def test_source_note_is_not_a_byline(extract):
    record = extract(TITLE, BODY, "Theo Báo Hải Dương")
    assert record.author is None


def test_byline_above_a_photo_credit(extract):
    record = extract(TITLE, BODY, "Đinh Thu Hà", "Ảnh: Vũ Minh Đức")
    assert record.author is not None
    assert record.author.value == "Đinh Thu Hà"


def test_minutes_are_signed_not_bylined(extract):
    record = extract("BIÊN BẢN HỌP CỤM THI ĐUA SỐ 2", TITLE, BODY, "THƯ KÝ CHỦ TRÌ", "Nguyễn Thị Hoa Trần Văn Nam")
    assert record.author is None


def test_signature_role_line_is_not_a_byline(extract):
    record = extract(TITLE, BODY, "TM. CỤM THI ĐUA", "CỤM TRƯỞNG")
    assert record.author is None


def test_byline_above_a_reader_comment_form(extract):
    record = extract(TITLE, BODY, "BÌNH MINH", "Ý kiến bạn đọc",
                     "LƯU Ý: Ban biên tập sẽ biên tập ý kiến của bạn đọc trước khi xuất bản.",
                     "Vui lòng gõ tiếng việt có dấu.", "Gửi file đính kèm không quá 10MB", "Quay lên trên")
    assert record.author is not None and record.author.value == "BÌNH MINH"


def test_outlet_tag_opening_the_lead_is_not_a_byline(extract):
    record = extract("Cụm thi đua số 1 tổng kết công tác thi đua",
                     "ANTĐ - Ngày 8-11, Cụm thi đua số 1 gồm Công an 5 thành phố tổ chức hội nghị tổng kết năm 2015.")
    assert record.author is None


def test_contributor_prefix_and_two_names_joined_by_a_dash(extract):
    record = extract(TITLE, BODY, "CTV Mai Hương – Quốc Bảo")
    assert record.author is not None
    assert record.author.value == "Mai Hương - Quốc Bảo"  # the normalised text writes dashes as "-"


def test_editorial_office_byline_is_kept_whole(extract):
    record = extract(TITLE, BODY, "Ban Biên tập Trang thông tin điện tử huyện")
    assert record.author is not None
    assert record.author.value == "Ban Biên tập Trang thông tin điện tử huyện"


def test_byline_run_on_after_the_last_sentence(extract):
    record = extract(TITLE, BODY, "Kết thúc hội nghị, các đơn vị thống nhất kế hoạch thi đua của năm tới và phân công "
                                  "nhiệm vụ cụ thể. Lương Thị Mai |")
    assert record.author is not None
    assert record.author.value == "Lương Thị Mai"


def test_capitalised_words_cut_off_after_the_last_sentence_are_no_byline(extract):
    record = extract(TITLE, BODY, "Kết thúc hội nghị, các đơn vị thống nhất kế hoạch thi đua của năm tới và phân công "
                                  "nhiệm vụ cụ thể. Phát Biểu Tại")
    assert record.author is None
