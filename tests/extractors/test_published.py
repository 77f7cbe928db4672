"""Publication date: a date on a line of its own near the top, in the forms news sites use."""
from __future__ import annotations

import datetime as dt

import pytest

TITLE = "Cụm thi đua số 4 tổng kết công tác thi đua năm 2023"
BODY = "Chiều 14/12, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm 2023."


@pytest.mark.parametrize("line, expected", [
    ("Ngày đăng: 16/12/2023", dt.date(2023, 12, 16)),
    ("Đăng ngày: 16/12/2023", dt.date(2023, 12, 16)),
    ("Cập nhật: 16-12-2023", dt.date(2023, 12, 16)),
    ("(10:45 | 16/12/2023)", dt.date(2023, 12, 16)),
    ("Thứ Bảy, 16/12/2023, 07:30 [GMT+7]", dt.date(2023, 12, 16)),
    ("Thứ Bảy, 16/12/2023 - 07:30", dt.date(2023, 12, 16)),
    ("Ngày: 16.12.2023", dt.date(2023, 12, 16)),
    ("Thứ Bảy, 16 tháng 12, 2023", dt.date(2023, 12, 16)),
    ("01:19 AM 16/12/2023 |   Lượt xem: 307 |   In bài viết |", dt.date(2023, 12, 16)),
], ids=["ngay-dang", "dang-ngay", "cap-nhat-dashes", "time-pipe-date", "weekday-gmt", "weekday-dash-time", "dotted",
        "month-in-words-comma-year", "page-tools"])
def test_publication_line_forms(extract, line, expected):
    record = extract(TITLE, line, BODY)
    assert record.published is not None
    assert record.published.value == expected


def test_leading_iso_date_marker(extract):
    record = extract(" date 2023-12-16", TITLE, BODY)
    assert record.published is not None
    assert record.published.value == dt.date(2023, 12, 16)


def test_minutes_place_and_date_line(extract):
    record = extract("BIÊN BẢN HỌP CỤM THI ĐUA SỐ 4", "Tứ Kỳ, ngày 14 tháng 12 năm 2023", BODY)
    assert record.published is not None
    assert record.published.value == dt.date(2023, 12, 14)


def test_meeting_date_in_the_lead_is_not_a_publication_date(extract):
    record = extract(TITLE, "Ngày 14/12/2023, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua.")
    assert record.published is None


def test_date_of_a_cited_decision_is_not_a_publication_date(extract):
    record = extract(TITLE, "Căn cứ Quyết định 25/QĐ-UBND ngày 09/01/2023", BODY)
    assert record.published is None


def test_published_evidence_covers_the_date(extract):
    record = extract(TITLE, "Cập nhật: 16-12-2023", BODY)
    assert record.published is not None
    assert "16-12-2023" in record.published.evidence.text


def test_date_marker_opening_a_long_line(extract):
    record = extract(" date 2025-12-07 Cụm thi đua số 2 Hội Truyền thống Trường Sơn tỉnh Phú Thọ tổng kết hoạt động "
                     "và ký kết giao ước thi đua năm 2026 với nhiều nội dung mới")
    assert record.published is not None
    assert record.published.value == dt.date(2025, 12, 7)


def test_headline_closed_by_a_bracketed_listing_date(extract):
    record = extract("Khối thi đua Nội chính tổng kết công tác thi đua năm 2023 (16/12/2023)", BODY)
    assert record.published is not None
    assert record.published.value == dt.date(2023, 12, 16)


def test_bracketed_number_closing_a_headline_is_no_date(extract):
    record = extract("Cụm thi đua số 4 tổng kết công tác thi đua năm 2023 (16/12)", BODY)
    assert record.published is None
