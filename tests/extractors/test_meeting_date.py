"""The day the meeting took place, with the GOLD_FORMAT year rule when the text gives no year:
the year of the publication date; failing that, the period (a review of N held Jun-Dec is in N,
one held Jan-Apr is in N+1; a signing or launch for N is in N)."""
from __future__ import annotations

import datetime as dt

import pytest


def test_full_date_in_the_lead(extract):
    record = extract("Cụm thi đua số 5 tổng kết năm 2023",
                     "Sáng 21/12/2023, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua năm 2023.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2023, 12, 21)


def test_date_written_in_words(extract):
    record = extract("Khối thi đua số 2 ký kết giao ước thi đua",
                     "Ngày 07 tháng 3 năm 2024, Khối thi đua số 2 tổ chức hội nghị ký kết giao ước thi đua năm 2024.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2024, 3, 7)


def test_no_year_takes_the_publication_year(extract):
    record = extract("Cụm thi đua số 5 tổng kết năm 2017", "Cập nhật: 12-01-2018",
                     "Chiều 9/1, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua năm 2017.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2018, 1, 9)


def test_day_after_publication_day_falls_in_the_year_before(extract):
    # "26/12" in an article published 03/02/2017 happened on 2016-12-26
    record = extract("Cụm thi đua số 5 tổng kết năm 2016", "Ngày đăng: 03/02/2017",
                     "Ngày 26/12, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua năm 2016.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2016, 12, 26)


def test_review_held_in_january_without_publication_date_is_next_year(extract):
    record = extract("Cụm thi đua số 5 tổng kết công tác thi đua năm 2021",
                     "Ngày 14/1, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua năm 2021.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2022, 1, 14)


def test_review_held_in_december_without_publication_date_is_same_year(extract):
    record = extract("Cụm thi đua số 5 tổng kết công tác thi đua năm 2021",
                     "Sáng 17/12, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua năm 2021.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2021, 12, 17)


def test_half_year_review_held_in_july_is_same_year(extract):
    record = extract("Cụm thi đua số 5 sơ kết 6 tháng đầu năm 2022",
                     "Chiều 22/7, Cụm thi đua số 5 tổ chức hội nghị sơ kết 6 tháng đầu năm 2022.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2022, 7, 22)


@pytest.mark.parametrize("kind_phrase", ["ký kết giao ước thi đua", "phát động thi đua"])
def test_signing_or_launch_for_a_year_is_in_that_year(extract, kind_phrase):
    record = extract(f"Cụm thi đua số 5 {kind_phrase} năm 2022",
                     f"Ngày 10/3, Cụm thi đua số 5 tổ chức hội nghị {kind_phrase} năm 2022.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2022, 3, 10)


def test_date_of_a_cited_plan_is_not_the_meeting_date(extract):
    record = extract("Cụm thi đua số 5 tổng kết năm 2023",
                     "Thực hiện Kế hoạch số 08/KH-UBND ngày 11/01/2023 của UBND tỉnh, sáng 21/12/2023, "
                     "Cụm thi đua số 5 tổ chức hội nghị tổng kết.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2023, 12, 21)


def test_publication_line_is_not_the_meeting_date(extract):
    record = extract("Cụm thi đua số 5 tổng kết năm 2023", "Ngày đăng: 22/12/2023",
                     "Sáng 21/12, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua năm 2023.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2023, 12, 21)


def test_no_date_in_the_text_gives_none(extract):
    record = extract("Cụm thi đua số 5 tổng kết năm 2023",
                     "Vừa qua, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua năm 2023.")
    assert record.meeting.date is None


def test_lead_on_the_same_line_as_the_date_marker(extract):
    record = extract(" date 2024-05-17 Chiều 16/5, Cụm thi đua số 5 tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.")
    assert record.published is not None and record.published.value == dt.date(2024, 5, 17)
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2024, 5, 16)


@pytest.mark.parametrize("lead, expected", [
    ("Sáng nay (20/12), Cụm thi đua số 4 tổ chức hội nghị tổng kết năm 2020.", dt.date(2020, 12, 20)),
    ("Chiều qua (19/12), tại UBND huyện Yên Mỹ, Cụm thi đua số 4 tổ chức hội nghị tổng kết năm 2020.",
     dt.date(2020, 12, 19)),
])
def test_today_or_yesterday_with_the_date_in_brackets(extract, lead, expected):
    record = extract("Cụm thi đua số 4 tổng kết năm 2020", "Cập nhật: 21/12/2020", lead)
    assert record.meeting.date is not None
    assert record.meeting.date.value == expected


def test_document_number_date_is_not_the_meeting_date(extract):
    record = extract("Cụm thi đua số 4 ký kết giao ước",
                     "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2021 của UBND tỉnh, ngày 20/2/2021, "
                     "Cụm thi đua số 4 tổ chức hội nghị ký kết giao ước thi đua năm 2021.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2021, 2, 20)


@pytest.mark.parametrize("day, kind, expected", [
    ("Ngày 28-5", "tổng kết công tác thi đua", dt.date(2023, 5, 28)),
    ("Sáng 15/10", "ký kết giao ước thi đua", dt.date(2022, 10, 15)),
], ids=["may-review", "october-signing"])
def test_school_year_dates_a_day_with_no_year(extract, day, kind, expected):
    record = extract(f"Cụm thi đua số 3 ngành Giáo dục {kind} năm học 2022-2023",
                     f"{day}, Cụm thi đua số 3 tổ chức hội nghị {kind} năm học 2022-2023.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == expected


def test_a_meeting_over_two_days_is_dated_by_the_first(extract):
    record = extract("Khối thi đua các trường học ký kết giao ước thi đua năm học 2023-2024",
                     "Chiều ngày 25, 26/9/2023 tại Hội trường Phòng Giáo dục, khối thi đua tổ chức ký kết giao ước "
                     "thi đua năm học 2023-2024.")
    assert record.meeting.date is not None
    assert record.meeting.date.value == dt.date(2023, 9, 25)
