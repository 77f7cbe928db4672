"""Ranks of units in the cluster, with scores when given; not rankings of other things."""
from __future__ import annotations


TITLE = "Hội nghị tổng kết công tác thi đua Cụm thi đua số 2 năm 2023"
LEAD = "Ngày 18/12/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm 2023."


def ranks(record) -> list[tuple]:
    return [(r.unit, r.rank, r.score) for r in record.ranks]


def test_standing_first_second_third(extract):
    record = extract(TITLE, LEAD, "Kết quả bình xét: UBND huyện Gia Lộc đứng thứ 1, UBND huyện Tứ Kỳ đứng thứ 2, "
                                  "UBND huyện Thanh Miện đứng thứ 3.")
    assert ranks(record) == [("UBND huyện Gia Lộc", 1, None), ("UBND huyện Tứ Kỳ", 2, None),
                             ("UBND huyện Thanh Miện", 3, None)]


def test_ordinal_word(extract):
    record = extract(TITLE, LEAD, "Huyện đoàn Cái Nước xếp thứ nhất trong cụm.")
    assert ranks(record) == [("Huyện đoàn Cái Nước", 1, None)]


def test_ordinal_word_two(extract):
    record = extract(TITLE, LEAD, "Sở Tư pháp xếp thứ hai.")
    assert ranks(record) == [("Sở Tư pháp", 2, None)]


def test_place_before_the_unit(extract):
    record = extract(TITLE, LEAD,
                     "Kết quả: Nhất cụm: thị trấn Cái Đôi Vàm; Nhì cụm: xã Phú Tân; Ba cụm: xã Việt Thắng.")
    assert ranks(record) == [("thị trấn Cái Đôi Vàm", 1, None), ("xã Phú Tân", 2, None), ("xã Việt Thắng", 3, None)]


def test_leading_the_cluster_is_first(extract):
    record = extract(TITLE, LEAD, "Năm 2023, Liên đoàn Lao động huyện Tân Phú dẫn đầu Cụm thi đua số 2.")
    assert ranks(record) == [("Liên đoàn Lao động huyện Tân Phú", 1, None)]


def test_honoured_as_the_leading_unit(extract):
    record = extract(TITLE, LEAD, "Cụm đã suy tôn UBND huyện Gia Lộc là đơn vị dẫn đầu phong trào thi đua năm 2023.")
    assert [(u, r) for u, r, _ in ranks(record)] == [("UBND huyện Gia Lộc", 1)]


def test_score_beside_the_rank(extract):
    record = extract(TITLE, LEAD, "UBND huyện Gia Lộc đứng thứ 1 với 98 điểm.")
    assert ranks(record) == [("UBND huyện Gia Lộc", 1, 98.0)]


def test_decimal_comma_score(extract):
    record = extract(TITLE, LEAD, "Sở Tư pháp đạt hạng Nhì với 95,5 điểm.")
    assert ranks(record) == [("Sở Tư pháp", 2, 95.5)]


def test_ranking_table_rows(extract):
    record = extract(TITLE, LEAD, "Kết quả xếp hạng như sau:", "STT | Đơn vị | Điểm | Xếp hạng",
                     "1 | UBND huyện A Lưới | 96,5 | Nhất", "2 | UBND huyện Nam Đông | 95 | Nhì")
    assert ranks(record) == [("UBND huyện A Lưới", 1, 96.5), ("UBND huyện Nam Đông", 2, 95.0)]


def test_unit_after_place_word_stops_at_the_verb(extract):
    record = extract(TITLE, LEAD, "Nhất cụm: UBND huyện Gia Lộc tiếp tục giữ vững vị trí.")
    assert ranks(record) == [("UBND huyện Gia Lộc", 1, None)]


def test_score_table_without_rank_column_gives_no_ranks(extract):
    record = extract(TITLE, LEAD, "Bảng điểm tự chấm của các đơn vị:", "1 | Sở Y tế | 97,25", "2 | Sở Tư pháp | 96")
    assert ranks(record) == []


def test_counted_units_second_in_the_block(extract):
    record = extract("Hội nghị tổng kết công tác thi đua Khối thi đua số 4 năm 2023",
                     "Ngày 18/12/2023, Khối thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
                     "Kết quả bình xét có 02 đơn vị nhì khối là Sở Y tế và Sở Tư pháp.")
    assert sorted((u, r) for u, r, _ in ranks(record)) == [("Sở Tư pháp", 2), ("Sở Y tế", 2)]


def test_national_index_ranking_is_not_a_rank(extract):
    record = extract(TITLE, LEAD,
                     "Năm 2023, tỉnh Hải Dương xếp thứ 48/63 tỉnh, thành phố về chỉ số cải cách hành chính.")
    assert ranks(record) == []


def test_fraction_ranking_without_index_word_is_not_a_rank(extract):
    record = extract(TITLE, LEAD, "Huyện Gia Lộc xếp thứ 48/63 tỉnh, thành phố.")
    assert ranks(record) == []


def test_revenue_lead_is_not_a_rank(extract):
    record = extract(TITLE, LEAD, "Trong năm, Công ty Điện lực Tân Phú dẫn đầu khối về doanh thu.")
    assert ranks(record) == []


def test_standing_first_in_revenue_is_not_a_rank(extract):
    record = extract(TITLE, LEAD, "Trong năm, Công ty Điện lực Tân Phú đứng đầu với doanh thu đạt 500 tỷ đồng.")
    assert ranks(record) == []


def test_proposal_for_a_flag_is_not_a_rank(extract):
    record = extract(TITLE, LEAD, "Cụm thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho UBND huyện Gia Lộc.")
    assert ranks(record) == []


def test_rank_evidence_holds_the_unit(extract):
    record = extract(TITLE, LEAD, "UBND huyện Gia Lộc đứng thứ 1 với 98 điểm.")
    (r,) = record.ranks
    assert r.unit in r.evidence.text


def test_each_ordinal_named_after_the_rank(extract):
    record = extract(TITLE, LEAD, "Kết quả: xếp thứ nhất là Công an tỉnh Hưng Yên; xếp thứ hai là Công an tỉnh "
                                  "Bắc Ninh; xếp thứ ba là Công an tỉnh Hải Dương.")
    assert sorted((r, u) for u, r, _ in ranks(record)) == [
        (1, "Công an tỉnh Hưng Yên"), (2, "Công an tỉnh Bắc Ninh"), (3, "Công an tỉnh Hải Dương")]


def test_numbered_score_list_with_ranks_in_brackets(extract):
    record = extract(TITLE, LEAD, "Kết quả chấm điểm:", "1. UBND xã Tân Phú: 95,5 điểm (Xếp thứ Nhất);",
                     "2. UBND xã Phước Hòa: 93 điểm (Xếp thứ Nhì).")
    assert sorted((r, u, s) for u, r, s in ranks(record)) == [(1, "UBND xã Tân Phú", 95.5),
                                                              (2, "UBND xã Phước Hòa", 93.0)]


def test_leading_the_cluster_with_a_score_out_of_a_total(extract):
    record = extract(TITLE, LEAD, "Công ty Điện lực Vĩnh Long (PC Vĩnh Long) đạt 985/1.000 điểm, đứng đầu cụm.")
    assert [(u, r, s) for u, r, s in ranks(record)] == [("Công ty Điện lực Vĩnh Long", 1, 985.0)]


def test_second_place_named_after_then_a_third_with_its_own_cue(extract):
    record = extract("Khối thi đua số 2 tổng kết công tác thi đua năm 2023",
                     "Ngày 20/12/2023, Khối thi đua số 2 tổ chức hội nghị tổng kết năm 2023.",
                     "Hội Nông dân tỉnh dẫn đầu khối. Đứng thứ hai là Tỉnh Đoàn Phú An và Hội Cựu chiến binh tỉnh "
                     "đứng thứ ba.")
    assert {(r.unit, r.rank) for r in record.ranks} == {
        ("Hội Nông dân tỉnh", 1), ("Tỉnh Đoàn Phú An", 2), ("Hội Cựu chiến binh tỉnh", 3)}


def test_flag_for_the_leader_given_by_someone_goes_to_the_unit_after_cho(extract):
    record = extract(TITLE, LEAD, "Hội nghị đề nghị Thủ tướng Chính phủ, UBND tỉnh tặng cờ thi đua dẫn đầu cho Sở Tư "
                                  "pháp; UBND tỉnh tặng bằng khen cho Sở Nội vụ, Sở Y tế.")
    assert ranks(record) == [("Sở Tư pháp", 1, None)]
    assert [m.unit for m in record.members] == ["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế"]


def test_a_unit_listed_after_a_rank_with_a_rank_of_its_own(extract):
    record = extract(TITLE, LEAD, "Huyện đoàn Cái Nước dẫn đầu cụm. Đứng thứ hai là Huyện đoàn Phú Tân và Huyện đoàn "
                                  "Năm Căn đứng thứ ba.")
    assert ranks(record) == [("Huyện đoàn Cái Nước", 1, None), ("Huyện đoàn Phú Tân", 2, None),
                             ("Huyện đoàn Năm Căn", 3, None)]
