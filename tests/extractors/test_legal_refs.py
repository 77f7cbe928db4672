"""Numbered documents cited by symbol (the part after the number)."""
from __future__ import annotations

import pytest

from extractors import legal_refs
from extractors.context import Context


def refs(text: str) -> list[str]:
    return [r.symbol for r in legal_refs.find(Context.from_text(text))]


@pytest.mark.parametrize("sentence, symbol", [
    ("Thực hiện Quyết định số 489/QĐ-UBND ngày 5/3/2018 của UBND tỉnh, cụm đã tổ chức ký kết.", "489/QĐ-UBND"),
    ("Các đơn vị quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị.", "05-CT/TW"),
    ("Cụm triển khai Kế hoạch số 37/KH-MTTQ-BTT của Ban Thường trực.", "37/KH-MTTQ-BTT"),
    ("Việc khen thưởng thực hiện theo Nghị định 91/2017/NĐ-CP của Chính phủ.", "91/2017/NĐ-CP"),
    ("Hội thực hiện Hướng dẫn 15-HD/CCB của Tỉnh hội.", "15-HD/CCB"),
], ids=["qd-ubnd", "ct-tw", "kh-multi-part", "year-in-symbol", "hd-ccb"])
def test_symbol_forms(sentence, symbol):
    assert refs(sentence) == [symbol]


def test_fraction_of_units_is_not_a_ref():
    assert refs("Có 12/12 đơn vị hoàn thành xuất sắc nhiệm vụ.") == []


def test_national_ranking_fraction_is_not_a_ref():
    assert refs("Tỉnh xếp thứ 48/63 tỉnh, thành phố về chỉ số cải cách hành chính.") == []


def test_date_is_not_a_ref():
    assert refs("Ngày 26/12/2016, cụm họp tổng kết.") == []


def test_document_without_symbol_is_not_a_ref():
    assert refs("Cụm chấm điểm theo Hướng dẫn số 06 của Ban Thi đua - Khen thưởng.") == []


def test_score_out_of_a_hundred_is_not_a_ref():
    assert refs("Đơn vị đạt 96,5/100 điểm.") == []


def test_each_symbol_once_in_order():
    text = "Theo Kết luận 01-KL/TW và Quyết định 489/QĐ-UBND; Quyết định 489/QĐ-UBND quy định rõ tiêu chí."
    assert refs(text) == ["01-KL/TW", "489/QĐ-UBND"]


def test_evidence_is_the_symbol():
    text = "Thực hiện Quyết định số 489/QĐ-UBND của UBND tỉnh."
    (ref,) = legal_refs.find(Context.from_text(text))
    assert ref.evidence.text == "489/QĐ-UBND"
    assert text[ref.evidence.start:ref.evidence.end] == "489/QĐ-UBND"


def test_the_documents_own_number_is_not_a_citation():
    assert refs("Số: 07/TB-CTĐ\nTHÔNG BÁO\nThực hiện Kế hoạch số 15/KH-UBND của UBND huyện.") == ["15/KH-UBND"]
