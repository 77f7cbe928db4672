"""Plain-text reader: every encoding a Vietnamese office produces comes out as the same text."""
import codecs
import unicodedata

import pytest

from pipeline.read.document import ReadError
from pipeline.normalise.text import normalize
from pipeline.read import read_document

MOJIBAKE = ("Ã", "á»", "Ä‘", "Æ°", "\ufffd")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258"])
def test_every_encoding_reads_as_the_original(write_txt, report_text, encoding):
    path = write_txt(f"bao_cao_{encoding}.txt", report_text, encoding)

    doc = read_document(path)

    assert normalize(doc.text).text == unicodedata.normalize("NFC", report_text).strip()
    assert not any(bad in doc.text for bad in MOJIBAKE)
    assert "\ufeff" not in doc.text


def test_utf16_file_starts_with_a_bom(write_txt, report_text):
    path = write_txt("utf16.txt", report_text, "utf-16")
    assert path.read_bytes()[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # the case under test

    assert read_document(path).encoding.startswith("utf-16")


def test_windows_1258_is_detected_and_named(write_txt, report_text):
    path = write_txt("cp1258.txt", report_text, "cp1258")
    raw = path.read_bytes()
    assert b"\xcc" in raw or b"\xec" in raw  # tones really are separate combining bytes
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")

    doc = read_document(path)

    assert doc.encoding == "cp1258"
    assert "Nguyễn Thị Thúy" in normalize(doc.text).text


def test_windows_line_endings_become_newlines(write_txt, report_text):
    path = write_txt("crlf.txt", report_text.replace("\n", "\r\n"), "cp1258")

    text = read_document(path).text

    assert "\r" not in text
    assert [normalize(line).text for line in text.splitlines()] == report_text.splitlines()


def test_utf8_with_one_stray_byte_stays_utf8_not_mojibake(tmp_path, report_text):
    path = tmp_path / "lai.txt"
    path.write_bytes(report_text.encode("utf-8") + b"Ghi ch\xfa cu\xf4i\n")  # one cp1258 line pasted in

    doc = read_document(path)

    assert doc.encoding == "utf-8"
    assert report_text.strip() in doc.text
    assert not any(bad in doc.text for bad in MOJIBAKE[:4])
    assert doc.warnings == ["2 byte(s) that are not valid utf-8 shown as \ufffd"]


def test_binary_garbage_named_txt_is_refused(tmp_path):
    path = tmp_path / "rac.txt"
    path.write_bytes(bytes(range(256)) * 40)

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert "binary data" in str(err.value)
    assert "\n" not in str(err.value)


def test_text_with_a_few_control_characters_is_still_text(write_txt, report_text):
    path = write_txt("ctrl.txt", report_text.replace("\n", "\x07\n", 1))  # a stray BEL from a terminal

    assert "Cụm thi đua số 2" in read_document(path).text
