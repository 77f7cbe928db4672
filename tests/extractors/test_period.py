"""The year the emulation work covers."""
from __future__ import annotations


def test_year_after_review_cue(extract):
    record = extract("Cụm thi đua số 8 tổng kết công tác thi đua năm 2019",
                     "Ngày 27/12/2019, Cụm thi đua số 8 tổ chức hội nghị tổng kết.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2019


def test_year_of_a_signing(extract):
    record = extract("Khối thi đua số 1 ký kết giao ước thi đua năm 2020",
                     "Ngày 4/3/2020, Khối thi đua số 1 tổ chức ký kết giao ước thi đua năm 2020.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2020


def test_review_in_january_covers_the_year_named_not_the_meeting_year(extract):
    record = extract("Cụm thi đua số 8 tổng kết công tác thi đua năm 2019",
                     "Ngày 10/1/2020, Cụm thi đua số 8 tổ chức hội nghị tổng kết công tác thi đua năm 2019.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2019


def test_january_review_without_a_stated_year_covers_the_year_before(extract):
    record = extract("Hội nghị tổng kết công tác thi đua Cụm thi đua số 8",
                     "Ngày 10/1/2020, Cụm thi đua số 8 tổ chức hội nghị tổng kết công tác thi đua.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2019


def test_handover_title_without_kind_cue_gives_the_year(extract):
    record = extract("Sở Công Thương nhận bàn giao nhiệm vụ Khối trưởng Khối thi đua số 1 năm 2021",
                     "Chiều 5/1/2021, Sở Tài chính tổ chức lễ bàn giao.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2021


def test_year_inside_a_decree_symbol_is_not_the_period(extract):
    record = extract("Hội nghị Cụm thi đua số 8",
                     "Thực hiện Nghị định 91/2017/NĐ-CP, các đơn vị trong cụm hoàn thành tốt nhiệm vụ.")
    assert record.meeting.period is None


def test_no_year_at_all_gives_none(extract):
    record = extract("Hội nghị Cụm thi đua số 8", "Vừa qua, Cụm thi đua số 8 tổ chức hội nghị chấm điểm thi đua.")
    assert record.meeting.period is None


def test_school_year_gives_the_year_it_ends(extract):
    record = extract("Khối thi đua các trường trung học ký giao ước thi đua",
                     "Ngày 9/10/2021, Khối thi đua số 3 tổ chức ký kết giao ước thi đua năm học 2021 – 2022.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2022


def test_review_naming_only_the_year_ahead_covers_the_year_it_reviews(extract):
    record = extract("Hội nghị tổng kết Khối thi đua số 6",
                     "Năm 2022, các đơn vị trong Khối đã hoàn thành tốt các chỉ tiêu đề ra.",
                     "Cũng tại hội nghị, các đơn vị đã ký giao ước thi đua và Sở Tư pháp được bầu làm Khối trưởng "
                     "năm 2023.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2022


def test_excerpt_opening_on_the_year_it_reviews(extract):
    record = extract("Sở Xây dựng đảm nhận vai trò dẫn đầu các sở ngành kinh tế",
                     "Năm 2021, các thành viên trong Khối đã nỗ lực hoàn thành tốt mọi nhiệm vụ được giao.")
    assert record.meeting.period is not None
    assert record.meeting.period.value == 2021
