"""Where the meeting was held: "tại ..." in the dateline."""
from __future__ import annotations


TITLE = "Cụm thi đua số 2 tổng kết công tác thi đua năm 2023"


def test_venue_between_date_and_subject(extract):
    record = extract(TITLE, "Ngày 19/12/2023, tại trụ sở Liên đoàn Lao động huyện Tứ Kỳ, "
                            "Cụm thi đua số 2 đã tổ chức hội nghị tổng kết.")
    assert record.meeting.venue is not None
    assert record.meeting.venue.value == "trụ sở Liên đoàn Lao động huyện Tứ Kỳ"


def test_venue_evidence_is_the_venue(extract):
    record = extract(TITLE, "Ngày 19/12/2023, tại trụ sở Liên đoàn Lao động huyện Tứ Kỳ, "
                            "Cụm thi đua số 2 đã tổ chức hội nghị tổng kết.")
    assert record.meeting.venue is not None
    assert record.meeting.venue.evidence.text == record.meeting.venue.value


def test_venue_naming_a_peoples_committee(extract):
    record = extract(TITLE, "Sáng 19/12/2023, tại Hội trường UBND huyện Gia Lộc, "
                            "Cụm thi đua số 2 tổ chức hội nghị tổng kết.")
    assert record.meeting.venue is not None
    assert record.meeting.venue.value == "Hội trường UBND huyện Gia Lộc"


def test_venue_at_the_end_of_the_lead(extract):
    record = extract(TITLE, "Ngày 19/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm 2023 "
                            "tại Nhà văn hóa huyện Thanh Miện.")
    assert record.meeting.venue is not None
    assert record.meeting.venue.value == "Nhà văn hóa huyện Thanh Miện"


def test_place_in_another_sentence_is_not_the_venue(extract):
    record = extract(TITLE, "Ngày 19/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết.",
                     "Trong năm, các đơn vị đã học tập kinh nghiệm tại huyện Ninh Giang.")
    assert record.meeting.venue is None


def test_no_place_gives_none(extract):
    record = extract(TITLE, "Ngày 19/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết.")
    assert record.meeting.venue is None
