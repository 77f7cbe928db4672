"""read_document: the checks every format shares, and one line of reason for every bad input."""
import hashlib
import os
from pathlib import Path

import pytest

from pipeline.read.document import Document, ReadError
from pipeline.normalise.text import normalize
from pipeline.read import READERS, read_document
from pipeline.settings import get_settings


@pytest.fixture
def default_limit(monkeypatch):
    monkeypatch.delenv("THIDUA_MAX_FILE_MB", raising=False)
    get_settings.cache_clear()
    yield get_settings().max_file_mb
    get_settings.cache_clear()


def test_document_carries_id_hash_and_format(write_txt, report_text, docx_report, pdf_report, html_report):
    txt = write_txt("004_b409e97afd7ec81e.txt", report_text)
    for path, fmt, read_from in ((txt, "txt", "text"), (html_report.path, "html", "markup"),
                                 (docx_report.path, "docx", "text layer"), (pdf_report.path, "pdf", "text layer")):
        doc = read_document(path)
        assert isinstance(doc, Document)
        assert (doc.id, doc.format, doc.path, doc.read_from) == (path.stem, fmt, str(path), read_from)
        assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_extension_is_case_insensitive(write_txt, report_text):
    path = write_txt("BAO_CAO.TXT", report_text)

    assert read_document(path).format == "txt"


def test_htm_is_html():
    assert READERS[".htm"][0] == "html"


def test_missing_file(tmp_path):
    with pytest.raises(ReadError) as err:
        read_document(tmp_path / "khong_co.txt")

    assert str(err.value).startswith("file not found")


def test_unknown_extension_names_it_and_lists_what_is_supported(tmp_path):
    path = tmp_path / "bang.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert "'.xlsx'" in str(err.value)
    assert all(ext in str(err.value) for ext in READERS)


def test_not_yet_supported_format_says_what_to_do(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100)

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert "save it as .docx" in str(err.value)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", "\u200b\ufeff\n- | -\n".encode("utf-8")],
                         ids=["empty", "whitespace", "invisible-and-punctuation"])
def test_files_without_text_are_refused(tmp_path, content):
    path = tmp_path / "trong.txt"
    path.write_bytes(content)

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert str(err.value).startswith("empty file" if not content else "no text found")


def test_large_file_is_refused_by_size_without_being_read(tmp_path, default_limit, monkeypatch):
    path = tmp_path / "lon.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a refused file must not be read"))

    with pytest.raises(ReadError) as err:
        read_document(path)

    reason = str(err.value)
    assert reason.startswith("file too large (50.0 MB")
    assert f"{default_limit:g} MB limit" in reason
    assert "THIDUA_MAX_FILE_MB" in reason


def test_size_limit_comes_from_settings(tmp_path, write_txt, report_text, monkeypatch):
    path = write_txt("vua.txt", report_text * 2000)  # about 0.5 MB
    monkeypatch.setenv("THIDUA_MAX_FILE_MB", "0.1")
    get_settings.cache_clear()
    try:
        with pytest.raises(ReadError, match=r"0\.1 MB limit"):
            read_document(path)
        assert read_document(path, max_mb=1).format == "txt"
    finally:
        get_settings.cache_clear()


def test_every_bad_input_gives_one_specific_line(tmp_path, make_bad_inputs, default_limit):
    cases = make_bad_inputs(tmp_path / "hong")
    reasons = {}

    for case, (path, expected) in cases.items():
        with pytest.raises(ReadError) as err:
            read_document(path)
        reason = str(err.value)
        assert expected in reason, case
        assert "\n" not in reason and reason.strip() == reason, case
        assert len(reason) < 160, case
        reasons[case] = reason

    # specific: problems of different kinds never share a reason
    for a in cases:
        for b in cases:
            if cases[a][1] != cases[b][1]:
                assert reasons[a] != reasons[b], (a, b)


def test_nul_characters_are_dropped_wherever_they_are(tmp_path, report_text):
    body = (report_text * 20).encode("utf-8")
    path = tmp_path / "nul.txt"
    path.write_bytes(body[:5000] + b"\x00" + body[5000:] + b"\x00")  # past the first 4 KB: not UTF-16
    document = read_document(path)
    assert "\x00" not in document.text and document.text.startswith(report_text)
    assert "\x00" not in normalize("Hội\x00 nghị").text


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    with pytest.raises(ReadError, match="^not a regular file"):
        read_document(fifo)


def test_an_unexpected_reader_error_is_a_read_error_naming_it(tmp_path, monkeypatch):
    from pipeline import read as readers

    def broken(data):
        raise KeyError("rId9")

    monkeypatch.setitem(readers.READERS, ".txt", ("txt", broken))
    path = tmp_path / "a.txt"
    path.write_text("Hội nghị", encoding="utf-8")
    with pytest.raises(ReadError, match=r"damaged or unusual \.txt file \(KeyError: 'rId9'\)"):
        read_document(path)


def test_a_file_name_that_is_not_utf8_becomes_an_escaped_id(tmp_path, report_text):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff\xfename.txt"))
    path.write_text(report_text, encoding="utf-8")
    document = read_document(path)
    assert document.id == "bad\\xff\\xfename" and document.path.endswith("/bad\\xff\\xfename.txt")
    document.model_dump_json()  # storable and printable text
