"""Pre-Unicode Vietnamese (TCVN3, VNI, VIQR, Windows-1258): every version of a sample report
extracts to exactly the record of its clean Unicode original."""
from pathlib import Path

import pytest
from legacy_inputs import (
    DEJAVU,
    TXT_SAMPLES,
    iconv_available,
    iconv_decode,
    make_docx,
    make_text_pdf,
    sample_text,
    tcvn3_bytes,
    tcvn3_runs,
    to_viqr,
    to_vni,
    vni_bytes,
    vntime_font,
)

from extractors.run import process_path
from pipeline.read.document import Status
from pipeline.read.legacy import decode_tcvn3, font_encoding, tcvn3_to_unicode, viqr_to_unicode, vni_to_unicode
from pipeline.read import read_document
from tests.conftest import cp1258_bytes

needs_iconv = pytest.mark.skipif(not iconv_available(), reason="glibc iconv with TCVN5712-1 not available")


@needs_iconv
def test_tcvn3_table_is_glibcs_byte_for_byte():
    for byte in range(0xA1, 0x100):
        assert tcvn3_to_unicode(chr(byte)) == iconv_decode(bytes([byte])), hex(byte)
    every = bytes(b for b in range(1, 0x100) if b not in (0x0A, 0x0D))
    assert decode_tcvn3(every) == iconv_decode(every)


def test_vni_words_from_real_documents():
    """VNI spellings as they occur in real administrative documents (viparse's corpus notes)."""
    assert vni_to_unicode("Ñaø Naüng, saün coù, cheát vì, Chi phí, nhaø nöôùc, Thuû töôùng, ngaøy") == \
        "Đà Nẵng, sẵn có, chết vì, Chi phí, nhà nước, Thủ tướng, ngày"
    assert vni_to_unicode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_viqr_follows_rfc_1456():
    assert viqr_to_unicode("Ho^.i nghi. to^?ng ke^'t thi ddua na(m 2024 ta.i DDa` Na(~ng") == \
        "Hội nghị tổng kết thi đua năm 2024 tại Đà Nẵng"
    assert viqr_to_unicode("Co' pha?i kho^ng\\? Co'\\.") == "Có phải không? Có."
    assert viqr_to_unicode("ke^'t thu'c ta.i dda^y.\n") == "kết thúc tại đây.\n"
    assert viqr_to_unicode("TT-BGDDDT, QDD-UBND") == "TT-BGDĐT, QĐ-UBND"


@pytest.mark.parametrize("font, encoding", [(".VnTime", "tcvn3"), (".VnTimeH", "tcvn3-caps"),
                                            ("ABCDEF+.VnArial", "tcvn3"), (".VnArial NarrowH", "tcvn3-caps"),
                                            ("VNI-Times", "vni"), ("VNI-Helve,Bold", "vni"),
                                            ("Times New Roman", None), ("Arial", None), (None, None)])
def test_font_names_say_the_encoding(font, encoding):
    assert font_encoding(font) == encoding


ENCODINGS = {
    "tcvn3": tcvn3_bytes,
    "vni": vni_bytes,
    "viqr": lambda text: to_viqr(text).encode("ascii"),
    "cp1258": cp1258_bytes,
}


def _same_record(clean: Path, other: Path) -> None:
    expected, got = process_path(clean), process_path(other)
    assert expected.status == Status.OK, expected.reason
    assert got.status == Status.OK, got.reason
    assert got.record.to_export() == expected.record.to_export()


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("name", TXT_SAMPLES)
def test_legacy_text_files_extract_like_the_original(tmp_path, name, encoding):
    text = sample_text(name)
    clean = tmp_path / "clean" / name
    legacy = tmp_path / encoding / name
    for path in (clean, legacy):
        path.parent.mkdir()
    clean.write_text(text, encoding="utf-8")
    legacy.write_bytes(ENCODINGS[encoding](text))

    _same_record(clean, legacy)
    document = read_document(legacy)
    assert document.encoding == encoding
    assert document.plausibility > 0.9


def test_docx_mixing_tcvn3_and_vni_runs_extracts_like_the_unicode_docx(tmp_path):
    lines = [line for line in sample_text(TXT_SAMPLES[0]).splitlines() if line.strip()]
    clean = make_docx(tmp_path / "clean.docx", [[(line, None)] for line in lines])
    mixed = []
    for i, line in enumerate(lines):
        if i % 2 == 1 or any(ch.isupper() and not ch.isascii() for ch in line):
            mixed.append(tcvn3_runs(line))  # .VnTime, capitals with tones in .VnTimeH
        elif i % 4 == 2:
            mixed.append([(to_vni(line), "VNI-Times")])
        else:
            mixed.append([(line, "Times New Roman")])
    (tmp_path / "legacy").mkdir()
    legacy = make_docx(tmp_path / "legacy" / "clean.docx", mixed)
    assert any(font == ".VnTimeH" for runs in mixed for _, font in runs)

    _same_record(clean, legacy)
    document = read_document(legacy)
    assert (document.conversion, document.fonts) == ("tcvn3+vni", [".VnTime", ".VnTimeH", "VNI-Times"])


def test_docx_heading_in_vntimeh_comes_out_in_capitals(tmp_path):
    heading = "HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2023"
    code = "".join(code for code, _ in tcvn3_runs(heading.lower()))
    path = make_docx(tmp_path / "h.docx", [[(code, ".VnTimeH")], [(line, None) for line in [sample_text(
        TXT_SAMPLES[0])]]])

    assert read_document(path).text.splitlines()[0] == heading


@pytest.mark.skipif(not DEJAVU.is_file(), reason=f"font {DEJAVU} not installed")
@needs_iconv
def test_pdf_with_a_tcvn3_text_layer_extracts_like_the_unicode_pdf(tmp_path):
    import pdfplumber

    lines = [line for line in sample_text(TXT_SAMPLES[2]).splitlines() if line.strip()]
    clean = make_text_pdf(tmp_path / "clean.pdf", lines, {"DejaVuSans": DEJAVU}, lambda s: [(s, "DejaVuSans")])
    (tmp_path / "legacy").mkdir()
    fonts = {".VnTime": vntime_font(tmp_path), ".VnTimeH": vntime_font(tmp_path, capitals=True)}
    legacy = make_text_pdf(tmp_path / "legacy" / "clean.pdf", lines, fonts, tcvn3_runs)
    with pdfplumber.open(legacy) as pdf:
        assert {c["fontname"].split("+")[1] for c in pdf.pages[0].chars} == {".VnTime", ".VnTimeH"}
        assert "Héi" in pdf.pages[0].extract_text()  # the text layer really is TCVN3

    _same_record(clean, legacy)
    document = read_document(legacy)
    assert (document.conversion, document.fonts, document.read_from) == ("tcvn3", [".VnTime", ".VnTimeH"], "text layer")


def test_tcvn3_paragraphs_without_font_names_are_found_line_by_line(tmp_path):
    """Fonts lost (a copy into a Unicode-font template): the TCVN3 paragraphs are converted by
    trial, the Unicode ones around them left alone."""
    lines = [line for line in sample_text(TXT_SAMPLES[1]).splitlines() if line.strip()]
    legacy_rows = {i for i, line in enumerate(lines)  # lines .VnTime holds (no capitals with tones)
                   if i % 2 == 1 and all(font == ".VnTime" for _, font in tcvn3_runs(line))}
    paragraphs = [[("".join(code for code, _ in tcvn3_runs(line)), "Times New Roman")] if i in legacy_rows
                  else [(line, "Times New Roman")] for i, line in enumerate(lines)]
    path = make_docx(tmp_path / "lan_font.docx", paragraphs)

    document = read_document(path)

    assert len(legacy_rows) >= 3
    assert document.conversion == "tcvn3"
    assert [line for line in document.text.splitlines() if line.strip()] == lines
