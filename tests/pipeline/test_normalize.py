"""Normalisation: one spelling of every character, furniture set aside, offsets traceable."""
import re
import unicodedata

import pytest

from pipeline.normalise.text import QUOTES, ZERO_WIDTH, fold, is_boilerplate, normalize


def _key(text: str) -> str:
    """Text modulo normalisation: folded, without spaces or invisible characters."""
    return "".join(ch for ch in fold(text).translate(QUOTES) if not ch.isspace() and ch not in ZERO_WIDTH)


def test_decomposed_input_becomes_nfc():
    source = unicodedata.normalize("NFD", "Nguyễn Thị Thúy, Ủy ban nhân dân huyện Kiên Lương")

    text = normalize(source).text

    assert unicodedata.is_normalized("NFC", text)
    assert text == "Nguyễn Thị Thúy, Ủy ban nhân dân huyện Kiên Lương"


@pytest.mark.parametrize("written, placed", [
    ("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("thuý", "thúy"), ("Thuỷ", "Thủy"), ("Uỷ ban", "Ủy ban"),
    ("UỶ BAN", "ỦY BAN"), ("khoẻ", "khỏe"), ("hoạ", "họa"), ("tuỳ", "tùy"), ("huỷ.", "hủy."),
    (unicodedata.normalize("NFD", "hoà"), "hòa"),
])
def test_one_tone_placement(written, placed):
    assert normalize(written).text == placed


@pytest.mark.parametrize("word", ["quý", "Quý", "quỳ", "quà", "Hoàng", "hoàn", "Quỳnh", "thúy", "hòa", "Ủy", "khuya"])
def test_words_already_right_are_unchanged(word):
    assert normalize(word).text == word


def test_tone_placement_keeps_offsets_one_to_one():
    norm = normalize("Phường Hoà Bình")

    assert norm.text == "Phường Hòa Bình"
    assert norm.to_original == list(range(len("Phường Hoà Bình") + 1))


@pytest.mark.parametrize("source, expected", [
    ("2022\u20132023", "2022-2023"),
    ("Trần Văn A \u2014 Chủ tịch", "Trần Văn A - Chủ tịch"),
    ("Kiên\u00a0\u00a0Lương", "Kiên Lương"),
    ("Cụm\tthi  đua\u2009số 2", "Cụm thi đua số 2"),
    ("thi\u200b đua\u00ad", "thi đua"),
    ("\u201cCụm trưởng\u201d", '"Cụm trưởng"'),
    ("   thụt lề   ", "thụt lề"),
])
def test_dashes_spaces_and_quotes_are_unified(source, expected):
    assert normalize(source).text == expected


@pytest.mark.parametrize("source, expected", [
    ("Lê Minh Liên-Phó Trưởng phòng", "Lê Minh Liên - Phó Trưởng phòng"),
    ("Lê Minh Liên -Phó Trưởng phòng", "Lê Minh Liên - Phó Trưởng phòng"),
    ("Lê Minh Liên- Phó Trưởng phòng", "Lê Minh Liên - Phó Trưởng phòng"),
    ("ông Viên Hồng Tiến-Giám đốc Sở", "ông Viên Hồng Tiến - Giám đốc Sở"),
])
def test_hyphen_between_name_and_title_is_spread(source, expected):
    assert normalize(source).text == expected


@pytest.mark.parametrize("text", ["BR-VT", "LĐ-TB&XH", "Sở LĐ-TB&XH tỉnh BR-VT", "số 489/QĐ-UBND",
                                  "giai đoạn 2021-2025", "Nghị định 91/2017/NĐ-CP", "kinh tế-xã hội"])
def test_hyphens_inside_abbreviations_and_numbers_are_left_alone(text):
    assert normalize(text).text == text


def test_blank_lines_collapse_and_page_breaks_stay():
    text = normalize("Trang một\n\n\n\n\nvẫn trang một\n\f\nTrang hai\n\n").text

    assert text.startswith("Trang một\n\nvẫn trang một\n")
    assert all("\n\n\n" not in page for page in text.split("\f"))
    assert text.index("vẫn trang một") < text.index("\f") < text.index("Trang hai")
    assert text.endswith("Trang hai")


def test_unusual_line_separators_do_not_stay_in_the_text():
    text = normalize("Dòng một\u2028Dòng hai\u0085Dòng ba\r\nDòng bốn").text

    assert text.splitlines() == ["Dòng một", "Dòng hai", "Dòng ba", "Dòng bốn"]
    assert not set("\u2028\u2029\u0085\x0b\r") & set(text)


def test_boilerplate_lines_are_set_aside_with_their_original_offsets():
    source = ("Trang chủ » Tin tức » Thi đua\n"
              "Xem với cỡ chữ AA\n"
              "Hội nghị Cụm thi đua số 2\n"
              "  Số lần đọc: 233  \n"
              "Tin liên quan\n"
              "Minh Anh\n")

    norm = normalize(source)

    assert norm.text == "Hội nghị Cụm thi đua số 2\nMinh Anh"
    asides = [line.strip() for _, _, line in norm.set_aside]
    assert asides == ["Trang chủ » Tin tức » Thi đua", "Xem với cỡ chữ AA", "Số lần đọc: 233", "Tin liên quan"]
    for start, end, line in norm.set_aside:
        assert source[start:end] == line


@pytest.mark.parametrize("line", ["Xem với cỡ chữ", "Số lần đọc: 233", "View count: 159",
                                  "Tin liên quan:", "Chia sẻ", "anh_hoi_nghi_01.jpg"])
def test_furniture_lines_are_boilerplate(line):
    assert is_boilerplate(line)


def test_a_zero_width_space_does_not_hide_a_furniture_line():
    """Found by test_normalize_properties: the line was kept once, then set aside when normalised again."""
    once = normalize("\u200bXem với cỡ chữ\nHội nghị tổng kết Cụm thi đua số 2\n").text

    assert once == "Hội nghị tổng kết Cụm thi đua số 2" == normalize(once).text


@pytest.mark.parametrize("line", ["Hội nghị tổng kết Cụm thi đua số 2",
                                  "Đồng chí Nguyễn Văn A - Trưởng phòng Nội vụ phát biểu chỉ đạo",
                                  "Giới thiệu điển hình tiên tiến của Cụm thi đua số 2",
                                  "Liên hệ với Ban Thi đua - Khen thưởng để được hướng dẫn"])
def test_report_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)


SOURCE = ("  Hội nghị tổng kết Cụm thi đua số 2  \r\n"
          "Xem với cỡ chữ\n"
          "\n\n\n"
          "Đồng chí Lê Minh Liên-Phó Trưởng phòng Nội vụ phát biểu; Uỷ ban nhân dân\u00a0huyện  Châu Thành\n"
          + unicodedata.normalize("NFD", "được suy tôn Cụm trưởng năm 2024, giai đoạn 2021\u20132025 ") + "\u200b\n"
          "\f\n"
          "Ông Viên Hồng Tiến- Giám đốc Sở phát biểu tại hội nghị \u201choà\u201d.\n"
          "Minh Anh\n"
          "Số lần đọc: 233\n"
          "\n")


def test_to_original_has_one_offset_per_character_and_never_goes_back():
    norm = normalize(SOURCE)

    assert len(norm.to_original) == len(norm.text) + 1
    assert all(a <= b for a, b in zip(norm.to_original, norm.to_original[1:], strict=False))
    assert norm.to_original[0] >= 0 and norm.to_original[-1] <= len(SOURCE)


def test_every_span_of_words_maps_back_to_the_same_text():
    norm = normalize(SOURCE)
    words = [m.span() for m in re.finditer(r"\S+", norm.text)]
    assert len(words) > 40

    for i, (start, _) in enumerate(words):
        for _, end in words[i:i + 6]:
            o_start, o_end = norm.original_span(start, end)
            if any(s < o_end and o_start < e for s, e, _ in norm.set_aside):
                continue  # a span across a set-aside line covers that line in the original
            assert _key(SOURCE[o_start:o_end]) == _key(norm.text[start:end]), norm.text[start:end]


def test_spans_map_exactly_at_edges_that_normalisation_changed():
    norm = normalize(SOURCE)

    def original(phrase):
        start = norm.text.index(phrase)
        o_start, o_end = norm.original_span(start, start + len(phrase))
        return SOURCE[o_start:o_end]

    assert original("Hội nghị") == "Hội nghị"  # leading spaces skipped
    assert original("Lê Minh Liên") == "Lê Minh Liên"  # ends before the glued hyphen
    assert original("Phó Trưởng phòng") == "Phó Trưởng phòng"
    assert original("-") == "-"  # the dash of " - " is the original dash
    assert original("Viên Hồng Tiến - Giám đốc") == "Viên Hồng Tiến- Giám đốc"
    assert original("Ủy ban nhân dân huyện Châu Thành") == "Uỷ ban nhân dân\u00a0huyện  Châu Thành"
    assert original("Cụm trưởng") == unicodedata.normalize("NFD", "Cụm trưởng")
    assert original("Minh Anh") == "Minh Anh"  # the last line, not the furniture after it


def test_fold_is_a_comparison_key():
    assert fold(" Uỷ  Ban\u2013Nhân dân ") == fold("ủy ban-nhân dân") == "ủy ban-nhân dân"
