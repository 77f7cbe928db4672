"""Plausibility: real Vietnamese scores high; legacy-encoded text read as is, and random bytes,
fail with a reason instead of becoming an "ok" empty record."""
import random

import pytest
from legacy_inputs import TXT_SAMPLES, sample_text, tcvn3_bytes, vni_bytes

from extractors.run import process_path
from pipeline.read.document import Status
from pipeline.read.legacy import cp1252_view
from pipeline.normalise.vietnamese import is_syllable, plausibility


@pytest.mark.parametrize("word", ["gì", "gìn", "giữ", "quyết", "quốc", "nghị", "nghiệp", "khuyến", "thuở", "xoong",
                                  "Ủy", "người", "được", "hoà", "hòa", "thuý", "Nguyễn", "khỏe", "ngoằn"])
def test_vietnamese_syllables_are_valid(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["Héi", "nghÞ", "tæng", "kÕt", "Hoäi", "nghò", "ci", "ghan", "ngi", "tèt", "bàc",
                                  "nhµn", "with", "quo"])
def test_garbled_and_foreign_words_are_not(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("name", TXT_SAMPLES)
def test_sample_reports_are_plausible(name):
    assert plausibility(sample_text(name)).score > 0.9


@pytest.mark.parametrize("encode", [tcvn3_bytes, vni_bytes], ids=["tcvn3", "vni"])
def test_legacy_text_read_as_windows_1252_is_implausible(encode):
    raw = cp1252_view(encode(sample_text(TXT_SAMPLES[0])))
    score = plausibility(raw)
    assert score.score < 0.6 and not score.plausible


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_random_bytes_fail_with_a_reason(tmp_path, seed):
    """Random letters of the range every legacy table reads (no NULs, no control codes)."""
    alphabet = bytes([*range(0x20, 0x7F), *range(0xC0, 0x100)])
    path = tmp_path / "ngau_nhien.txt"
    path.write_bytes(bytes(random.Random(seed).choices(alphabet, k=6000)))

    result = process_path(path)

    assert result.status == Status.FAILED
    assert "not plausible Vietnamese" in result.reason or "could not be converted" in result.reason
    assert result.record is None


def test_english_text_is_not_accepted_as_a_report(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("The annual review meeting of the provincial emulation cluster was held on Monday. " * 20)

    result = process_path(path)

    assert result.status == Status.FAILED
    assert "not plausible Vietnamese" in result.reason
