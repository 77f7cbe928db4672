"""Every extracted value from every sample carries evidence into the normalised text and a
confidence in [0, 1]; a participant's name lies inside its evidence."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from extractors.run import process_path
from pipeline.read.document import Status
from pipeline.record import Found, Participant

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SKIP = {".json", ".md", ".py"}
REPORTS = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix.lower() not in SKIP)


def values(obj, path: str = "record"):
    """(path, value) for every Found inside a record, however deeply nested."""
    if isinstance(obj, Found):
        yield path, obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from values(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from values(item, f"{path}[{i}]")


@pytest.fixture(scope="module")
def results():
    return {p.name: process_path(p) for p in REPORTS}


def test_there_are_samples():
    assert len(REPORTS) >= 10


@pytest.mark.parametrize("name", [p.name for p in REPORTS])
def test_evidence_points_into_the_normalised_text(results, name):
    result = results[name]
    assert result.status == Status.OK, result
    text = result.normalized_text
    found = list(values(result.record))
    assert found, "no values extracted"
    for path, v in found:
        assert 0.0 <= v.confidence <= 1.0, (path, v.confidence)
        if v.evidence is None:
            # the only value allowed without evidence is the fallback kind when no cue was found
            assert getattr(v, "value", None) == "khac", f"{path} has no evidence"
            continue
        ev = v.evidence
        assert 0 <= ev.start <= ev.end <= len(text), (path, ev.start, ev.end, len(text))
        assert ev.text == text[ev.start:ev.end], path


@pytest.mark.parametrize("name", [p.name for p in REPORTS])
def test_participant_name_lies_in_its_evidence(results, name):
    for path, v in values(results[name].record):
        if isinstance(v, Participant):
            assert v.evidence is not None, path
            assert v.name in v.evidence.text, (path, v.name, v.evidence.text)


@pytest.mark.parametrize("name", [p.name for p in REPORTS])
def test_legal_ref_evidence_is_its_symbol(results, name):
    for ref in results[name].record.legal_refs:
        assert ref.evidence is not None and ref.evidence.text == ref.symbol
