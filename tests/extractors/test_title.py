"""Title: the first line near the top that is about emulation work, not a dateline or a lead."""
from __future__ import annotations

BODY = "Sáng 18/12/2023, Cụm thi đua số 6 tổ chức hội nghị tổng kết công tác thi đua năm 2023."


def test_first_topical_line_is_the_title(extract):
    title = "Cụm thi đua số 6 tổng kết công tác thi đua, khen thưởng năm 2023"
    record = extract(title, BODY)
    assert record.title is not None
    assert record.title.value == title


def test_dateline_lead_is_not_a_title(extract):
    record = extract(BODY)
    assert record.title is None


def test_publication_line_above_the_title_is_skipped(extract):
    title = "Khối thi đua các cơ quan nội chính tỉnh ký kết giao ước thi đua năm 2024"
    record = extract("Ngày đăng: 06/03/2024", title, BODY)
    assert record.title is not None
    assert record.title.value == title


def test_short_menu_line_is_not_a_title(extract):
    title = "Hội nghị sơ kết 6 tháng đầu năm của Cụm thi đua số 3"
    record = extract("Trang chủ | Tin tức", title, BODY)
    assert record.title is not None
    assert record.title.value == title


def test_line_off_the_topic_is_not_a_title(extract):
    record = extract("Thời tiết miền Bắc chuyển lạnh từ cuối tuần này", BODY)
    assert record.title is None


def test_trailing_full_stop_is_not_part_of_the_title(extract):
    record = extract("Cụm thi đua số 6 tổng kết năm 2023.", BODY)
    assert record.title is not None
    assert record.title.value == "Cụm thi đua số 6 tổng kết năm 2023"
