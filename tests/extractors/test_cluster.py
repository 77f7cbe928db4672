"""The emulation cluster the report is about: kind (cụm/khối) and number (Arabic or Roman, or none)."""
from __future__ import annotations

import pytest


def test_numbered_cluster_with_so(extract):
    record = extract("Cụm thi đua số 2 tổng kết năm 2023",
                     "Ngày 15/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua.")
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == ("cum", 2)
    assert record.cluster.name == "Cụm thi đua số 2"


def test_roman_numeral_number(extract):
    record = extract("Cụm thi đua số VII tổng kết công tác năm 2021",
                     "Sáng 8/1/2022, Cụm thi đua số VII Hội Nông dân các tỉnh Tây Nguyên tổ chức hội nghị tổng kết.")
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == ("cum", 7)


def test_roman_numeral_khoi(extract):
    record = extract("Khối thi đua số IV sơ kết 6 tháng năm 2022",
                     "Ngày 11/7/2022, Khối thi đua số IV họp sơ kết 6 tháng.")
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == ("khoi", 4)


def test_khoi_number_without_so_and_descriptor_after_dash(extract):
    record = extract("Khối thi đua 3 – Khối cơ quan hành chính tổng hợp ký kết giao ước năm 2024",
                     "Ngày 5/3/2024, Khối thi đua 3 tổ chức ký kết giao ước thi đua.")
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == ("khoi", 3)


def test_unnumbered_cluster_keeps_its_descriptor(extract):
    record = extract("Khối thi đua các cơ quan Đảng tỉnh tổng kết năm 2020",
                     "Chiều 24/12/2020, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị tổng kết.")
    assert record.cluster is not None
    assert record.cluster.kind == "khoi"
    assert record.cluster.number is None
    assert record.cluster.name == "Khối thi đua các cơ quan Đảng tỉnh"


def test_number_followed_by_the_year(extract):
    record = extract("Hội nghị tổng kết Cụm thi đua số 2 năm 2023",
                     "Chiều 21/12/2023, hội nghị diễn ra tại huyện Tứ Kỳ.")
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == ("cum", 2)


def test_count_of_provinces_is_not_a_number(extract):
    record = extract("Cụm thi đua 6 tỉnh Bắc Trung Bộ tổng kết năm 2015",
                     "Ngày 18/12/2015, cụm thi đua 6 tỉnh Bắc Trung Bộ tổ chức hội nghị tổng kết công tác thi đua.")
    assert record.cluster is not None
    assert record.cluster.kind == "cum"
    assert record.cluster.number is None


def test_upper_case_minutes_heading(extract):
    record = extract("BIÊN BẢN HỌP CỤM THI ĐUA SỐ 5",
                     "Hôm nay, ngày 14/12/2023, Cụm thi đua số 5 họp chấm điểm thi đua năm 2023.")
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == ("cum", 5)


def test_the_cluster_mentioned_most_wins_over_a_visitor(extract):
    record = extract("Hội nghị sơ kết Cụm thi đua số 3",
                     "Ngày 10/7/2023, Cụm thi đua số 3 họp sơ kết 6 tháng.",
                     "Đại diện Cụm thi đua số 5 đến dự để học tập kinh nghiệm.",
                     "Các đơn vị Cụm thi đua số 3 thống nhất nhiệm vụ 6 tháng cuối năm.")
    assert record.cluster is not None
    assert record.cluster.number == 3


def test_no_cluster_gives_none(extract):
    record = extract("Huyện Tứ Kỳ tổng kết công tác thi đua năm 2023",
                     "Ngày 15/12/2023, UBND huyện Tứ Kỳ tổ chức hội nghị tổng kết.")
    assert record.cluster is None


def test_cluster_evidence_holds_its_name(extract):
    record = extract("Cụm thi đua số 2 tổng kết năm 2023",
                     "Ngày 15/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua.")
    assert record.cluster is not None and record.cluster.evidence is not None
    assert record.cluster.evidence.text.lower() == record.cluster.name.lower()


def test_cluster_named_by_its_organisation(extract):
    record = extract("Thanh niên 8 tỉnh ký giao ước thi đua",
                     "Ngày 25-2, tại Nam Định, Cụm Đoàn thanh niên các tỉnh duyên hải Bắc Bộ "
                     "đã tổ chức ký giao ước thi đua năm 2013.")
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == ("cum", None)
    assert record.cluster.name.startswith("Cụm Đoàn thanh niên")


@pytest.mark.parametrize("sentence, kind", [
    ("Năm 2023, tổng thu ngân sách trong toàn Cụm thi đua đạt trên 300 tỷ đồng.", "cum"),
    ("Báo cáo tổng kết do đồng chí Lò Thị Xuân thường trực Khối trình bày.", "khoi"),
])
def test_cluster_named_by_its_word_alone(extract, sentence, kind):
    record = extract("Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ", sentence)
    assert record.cluster is not None
    assert (record.cluster.kind, record.cluster.number) == (kind, None)
