"""The committed binary samples (other encodings, DOCX, PDF) are what samples/build_binaries.py makes
of their committed sources: a changed source without a rebuild fails here."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.read import read_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _builder():
    spec = importlib.util.spec_from_file_location("build_binaries", SAMPLES / "build_binaries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_binaries = _builder()
ENTRIES = build_binaries.manifest()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    if not FONT.is_file():
        pytest.skip("the PDF samples need DejaVu fonts: apt-get install fonts-dejavu-core")
    out = tmp_path_factory.mktemp("samples")
    return {path.name: path for path in build_binaries.build(out)}


def test_every_binary_sample_has_a_source():
    """Each DOCX/PDF and each text sample not in plain UTF-8 is built from a source, and vice versa."""
    binaries = {p.name for p in SAMPLES.glob("*") if p.suffix in (".docx", ".pdf")}
    for path in SAMPLES.glob("*.txt"):
        try:
            path.read_bytes().decode("utf-8")
            if path.read_bytes().startswith(b"\xef\xbb\xbf"):
                binaries.add(path.name)
        except UnicodeDecodeError:
            binaries.add(path.name)
    built = {stem + build_binaries.SUFFIX[entry["format"]] for stem, entry in ENTRIES.items()}
    assert built == binaries


@pytest.mark.parametrize("stem", sorted(ENTRIES))
def test_committed_sample_is_up_to_date(rebuilt, stem):
    name = stem + build_binaries.SUFFIX[ENTRIES[stem]["format"]]
    committed, fresh = SAMPLES / name, rebuilt[name]
    if committed.suffix == ".txt":  # a plain re-encoding: the bytes themselves
        assert committed.read_bytes() == fresh.read_bytes(), f"run: .venv/bin/python samples/build_binaries.py ({name})"
        return
    # DOCX and PDF bytes depend on library versions; what a reader gets out of them is what matters
    old, new = read_document(committed), read_document(fresh)
    assert (old.text, old.pages) == (new.text, new.pages), \
        f"run: .venv/bin/python samples/build_binaries.py ({name})"
