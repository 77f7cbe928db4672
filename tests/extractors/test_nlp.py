"""The underthesea checks benchmarks/ablation.py measures (not in the pipeline): each reads only the
span or line it is given, and answers on real wordings."""
from extractors import nlp


def test_a_line_ending_on_a_classifier_or_conjunction_does_not_end_its_sentence():
    for line in ("Tham dự hội nghị có ông", "Khối gồm Sở Nội vụ, Sở Tài chính và"):
        assert nlp.line_ends_open(line, 0, len(line)), line
    for line in ("ký giao ước thi đua năm 2022", "Đ/c Trần Công Phàn dự và chỉ đạo Hội nghị"):
        assert not nlp.line_ends_open(line, 0, len(line)), line


def test_an_unlisted_name_is_a_person_and_a_unit_is_not():
    text = "Tới dự có bà Ksor H'Bơ Khăp, Phó Chủ tịch UBND tỉnh và đại diện Sở Nội vụ."
    name = text.index("Ksor")
    assert nlp.is_person(text, name, name + len("Ksor H'Bơ Khăp"), 0, len(text))
    unit = text.index("Sở Nội vụ")
    assert not nlp.is_person(text, unit, unit + len("Sở Nội vụ"), 0, len(text))
