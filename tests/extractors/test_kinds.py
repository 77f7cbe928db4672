"""Meeting kinds: a cue counts when it describes the meeting itself (title, lead, a sentence
anchored to the meeting), not background or plans."""
from __future__ import annotations

import pytest


def kinds(record) -> set[str]:
    return {k.value for k in record.meeting.kinds}


@pytest.mark.parametrize("title, expected", [
    ("Cụm thi đua số 9 chấm điểm thi đua năm 2023", "cham_diem"),
    ("Cụm thi đua số 9 bình xét thi đua năm 2023", "cham_diem"),
    ("Cụm thi đua số 9 ký kết giao ước thi đua năm 2024", "ky_ket_giao_uoc"),
    ("Cụm thi đua số 9 sơ kết 6 tháng đầu năm 2023", "so_ket"),
    ("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023", "tong_ket"),
    ("Cụm thi đua số 9 phát động thi đua năm 2024", "trien_khai"),
], ids=["cham-diem", "binh-xet", "ky-ket", "so-ket", "tong-ket", "phat-dong"])
def test_cue_in_the_title(extract, title, expected):
    record = extract(title, "Ngày 12/12/2023, các đơn vị trong cụm đã tham dự đầy đủ.")
    assert expected in kinds(record)


def test_cue_in_the_lead_counts(extract):
    record = extract("Các đơn vị Cụm thi đua số 9 đoàn kết, hợp tác",
                     "Ngày 12/7/2023, Cụm thi đua số 9 tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm.")
    assert kinds(record) == {"so_ket"}


def test_only_the_kinds_named(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.")
    assert kinds(record) == {"tong_ket"}


def test_no_cue_is_khac(extract):
    record = extract("Khối thi đua số 4 gặp mặt các điển hình tiên tiến",
                     "Ngày 1/9/2023, Khối thi đua số 4 tổ chức gặp mặt các điển hình tiên tiến.")
    assert kinds(record) == {"khac"}


def test_signing_at_the_meeting_counts(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Tại hội nghị, các đơn vị đã ký kết giao ước thi đua năm 2024.")
    assert kinds(record) == {"tong_ket", "ky_ket_giao_uoc"}


def test_ranking_at_the_meeting_implies_scoring(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Kết quả, UBND huyện Vĩnh Bảo đứng thứ 1, UBND huyện Tiên Lãng đứng thứ 2.")
    assert "cham_diem" in kinds(record)


def test_dated_background_signing_does_not_count(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Tháng 3/2023, cụm đã ký kết giao ước thi đua.")
    assert "ky_ket_giao_uoc" not in kinds(record)


def test_background_signing_by_the_units_does_not_count(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Ngay từ đầu năm, các đơn vị trong cụm đã ký kết giao ước thi đua và triển khai nhiều phong trào.")
    assert kinds(record) == {"tong_ket"}


def test_background_review_in_a_signing_article_does_not_count(extract):
    record = extract("Cụm thi đua số 9 ký kết giao ước thi đua năm 2024",
                     "Ngày 6/3/2024, Cụm thi đua số 9 tổ chức hội nghị ký kết giao ước thi đua năm 2024.",
                     "Năm 2023, cụm đã tổ chức tổng kết và bình xét thi đua theo đúng quy định.")
    assert kinds(record) == {"ky_ket_giao_uoc"}


def test_scoring_criteria_are_not_a_scoring_meeting(extract):
    record = extract("Cụm thi đua số 9 sơ kết 6 tháng đầu năm 2023",
                     "Ngày 12/7/2023, Cụm thi đua số 9 tổ chức hội nghị sơ kết 6 tháng đầu năm 2023.",
                     "Tại hội nghị, các đơn vị góp ý vào dự thảo tiêu chí chấm điểm thi đua của cụm.")
    assert "cham_diem" not in kinds(record)


def test_deploying_tasks_in_a_speech_is_not_a_launch(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Phát biểu chỉ đạo, đồng chí Vũ Đình Khoa đề nghị các đơn vị triển khai nhiệm vụ năm 2024 "
                     "hiệu quả.")
    assert "trien_khai" not in kinds(record)


def test_signing_in_a_photo_caption_counts(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Lãnh đạo các đơn vị ký kết giao ước thi đua năm 2024 (Ảnh: Thu Hà)")
    assert "ky_ket_giao_uoc" in kinds(record)


def test_a_bare_signing_in_the_headline_is_the_pact_but_not_in_the_body(extract):
    headline = extract("Ủy ban MTTQ huyện Đông Sơn ký kết tại Cụm thi đua số 2",
                       "Chiều ngày 05/2/2024, tại hội trường huyện Đông Sơn, các đơn vị trong cụm dự họp.")
    body = extract("Cụm thi đua số 2 tổng kết năm 2023",
                   "Ngày 10/1/2024, Cụm thi đua số 2 tổ chức hội nghị tổng kết năm 2023.",
                   "Tại hội nghị, các đơn vị đã ký kết quy chế phối hợp.")
    assert "ky_ket_giao_uoc" in kinds(headline)
    assert kinds(body) == {"tong_ket"}


def test_results_of_the_first_nine_months_make_a_mid_year_review(extract):
    record = extract("Khối thi đua số 5 đánh giá phong trào thi đua",
                     "Ngày 6/10/2023, Khối thi đua số 5 tổ chức hội nghị kiểm tra kết quả thực hiện phong trào thi "
                     "đua 9 tháng đầu năm.")
    assert kinds(record) == {"so_ket"}


@pytest.mark.parametrize("sentence, expected", [
    ("Thay mặt Khối trưởng, ông Lò Văn Pấng đã trình bày dự thảo báo cáo tổng kết công tác thi đua năm 2023.",
     "tong_ket"),
    ("Báo cáo sơ kết công tác thi đua 6 tháng do đồng chí Hà Thị Lụa trình bày nêu rõ kết quả đạt được.", "so_ket"),
])
def test_review_named_only_by_the_report_presented(extract, sentence, expected):
    record = extract("Khối thi đua các sở tỉnh Phú An: đoàn kết, sáng tạo", sentence)
    assert kinds(record) == {expected}


@pytest.mark.parametrize("title, expected", [
    ("Hội nghị giao ban Cụm thi đua số 3 năm 2024", {"tong_ket"}),
    ("Hội nghị giao ban Cụm thi đua số 3 quý II năm 2024", {"khac"}),
])
def test_yearly_briefing_is_the_years_review(extract, title, expected):
    record = extract(title, "Ngày 20/12/2024, các đơn vị trong cụm đã tham dự đầy đủ.")
    assert kinds(record) == expected


def test_meeting_that_also_went_on_to_score(extract):
    record = extract("Cụm thi đua số 9 sơ kết công tác thi đua 6 tháng đầu năm 2023",
                     "Ngày 12/7/2023, Cụm thi đua số 9 tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm.",
                     "Hội nghị còn tiến hành chấm điểm chéo giữa các đơn vị theo bộ tiêu chí mới.")
    assert kinds(record) == {"so_ket", "cham_diem"}


def test_tai_day_anchors_a_sentence_to_the_meeting(extract):
    record = extract("Cụm thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 12/12/2023, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Tại đây, các đơn vị trong cụm đã chấm điểm chéo theo bộ tiêu chí mới.")
    assert kinds(record) == {"tong_ket", "cham_diem"}


def test_members_signing_together_with_no_dated_lead(extract):
    record = extract("Khối thi đua Nội chính đoàn kết, hợp tác",
                     "Nhận nhiệm vụ, Sở Tư pháp trình dự thảo Kế hoạch phát động phong trào thi đua năm 2024 của "
                     "Khối; các thành viên trong Khối nhất trí thông qua, cùng ký kết giao ước thi đua năm 2024.")
    assert kinds(record) == {"trien_khai", "ky_ket_giao_uoc"}


def test_members_taking_part_in_someone_elses_signing_is_background(extract):
    record = extract("Khối thi đua Nội chính sơ kết 6 tháng đầu năm 2024",
                     "Ngày 12/7/2024, Khối thi đua Nội chính tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.",
                     "Năm qua, các thành viên đã tích cực tham gia việc ký kết giao ước thi đua do Ban Thi đua tỉnh "
                     "chủ trì.")
    assert kinds(record) == {"so_ket"}


@pytest.mark.parametrize("sentence", [
    "Tại đây, từng đơn vị đã bỏ phiếu bầu chọn cho các danh hiệu thi đua của năm.",
    "Hội nghị đã tiến hành bình bầu các tập thể xuất sắc đề nghị khen thưởng.",
], ids=["bau-chon-danh-hieu", "binh-bau"])
def test_voting_for_emulation_titles_is_scoring(extract, sentence):
    record = extract("Khối thi đua số 9 tổng kết công tác thi đua năm 2023",
                     "Ngày 12/12/2023, Khối thi đua số 9 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     sentence)
    assert kinds(record) == {"tong_ket", "cham_diem"}


def test_plan_to_deploy_adopted_at_the_meeting_is_a_launch(extract):
    record = extract("Khối thi đua Nội chính ký kết giao ước thi đua năm 2024",
                     "Sáng 12/3/2024, Khối thi đua Nội chính tổ chức lễ ký kết giao ước thi đua năm 2024.",
                     "Tại buổi lễ, Sở Tư pháp, đơn vị Khối trưởng đã thông qua Kế hoạch triển khai thực hiện phong "
                     "trào thi đua năm 2024 của Khối.")
    assert kinds(record) == {"ky_ket_giao_uoc", "trien_khai"}
