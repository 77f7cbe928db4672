"""Word 97-2003 .doc, .rtf and .odt through LibreOffice: the same record as the .docx they were
made from, TCVN3 runs included; a damaged file or a missing LibreOffice fails that file only."""
import shutil
import tempfile
from pathlib import Path

import pytest
from legacy_inputs import SAMPLES, TXT_SAMPLES, make_docx, sample_text, tcvn3_runs

from extractors.run import process_path
from pipeline.read.document import ReadError, Status
from pipeline.read import read_document

DOCX_SAMPLES = sorted(p.name for p in SAMPLES.glob("*.docx"))


def _same_record(original: Path, converted: Path) -> None:
    expected, got = process_path(original), process_path(converted)
    assert expected.status == Status.OK and got.status == Status.OK, got.reason
    assert got.record.to_export() == expected.record.to_export()


@pytest.mark.parametrize("name", DOCX_SAMPLES[:2])
def test_doc_made_from_a_sample_docx_extracts_to_the_same_record(tmp_path, soffice_convert, name):
    original = tmp_path / name
    shutil.copy(SAMPLES / name, original)
    doc = soffice_convert(original, "doc:MS Word 97")
    (tmp_path / "doc").mkdir()
    doc = doc.rename(tmp_path / "doc" / doc.name)

    _same_record(original, doc)
    document = read_document(doc)
    assert document.format == "doc" and document.converter.startswith("libreoffice")
    assert not list(Path(tempfile.gettempdir()).glob("thidua-convert-*"))  # temporary files removed


def test_tcvn3_runs_survive_the_doc_format(tmp_path, soffice_convert):
    lines = [line for line in sample_text(TXT_SAMPLES[0]).splitlines() if line.strip()]
    clean = make_docx(tmp_path / "bao_cao.docx", [[(line, None)] for line in lines])
    (tmp_path / "legacy").mkdir()
    mixed = make_docx(tmp_path / "legacy" / "bao_cao.docx", [tcvn3_runs(line) if i % 2 else [(line, None)]
                                                             for i, line in enumerate(lines)])
    doc = soffice_convert(mixed, "doc:MS Word 97")
    mixed.unlink()

    _same_record(clean, doc)
    document = read_document(doc)
    assert (document.conversion, document.read_from) == ("tcvn3", "libreoffice")


@pytest.mark.parametrize("target", ["rtf", "odt"])
def test_rtf_and_odt_extract_to_the_same_record(tmp_path, soffice_convert, target):
    original = tmp_path / DOCX_SAMPLES[0]
    shutil.copy(SAMPLES / DOCX_SAMPLES[0], original)
    converted = soffice_convert(original, target)
    (tmp_path / target).mkdir()
    converted = converted.rename(tmp_path / target / converted.name)

    _same_record(original, converted)


def test_a_damaged_doc_is_one_failed_file(tmp_path, libreoffice):
    path = tmp_path / "hong.doc"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 2000)

    with pytest.raises(ReadError) as err:
        read_document(path)

    assert "save it as .docx" in str(err.value)


def test_without_libreoffice_a_doc_fails_with_the_install_command(tmp_path, monkeypatch):
    from pipeline.read import office

    monkeypatch.setattr(office, "soffice", lambda: None)
    path = tmp_path / "cu.doc"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100)

    result = process_path(path)

    assert result.status == Status.FAILED
    assert "needs LibreOffice" in result.reason and "apt-get install -y libreoffice-writer-nogui" in result.reason
