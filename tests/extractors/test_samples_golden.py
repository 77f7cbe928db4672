"""Golden regression test: extract every sample that has a gold record beside it and score it
with pipeline.report.scoring, as `thidua eval samples samples` does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.run import process_path
from pipeline.read.document import Status
from pipeline.report.scoring import score

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SKIP = {".json", ".md", ".py"}
REPORTS = sorted(p for p in SAMPLES.iterdir()
                 if p.is_file() and p.suffix.lower() not in SKIP and p.with_suffix(".json").is_file())

# The bar for the project's own samples.
SET_MICRO_F1 = 0.95
SET_SCALAR_ACC = 0.95
# Per document: at most one scalar wrong (of six), and list fields mostly right.
DOC_MICRO_F1 = 0.85
DOC_SCALAR_ACC = 5 / 6 - 1e-9


@pytest.fixture(scope="module")
def scored():
    golds, preds = {}, {}
    for path in REPORTS:
        result = process_path(path)
        assert result.status == Status.OK, f"{path.name}: {result}"
        golds[path.stem] = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        preds[path.stem] = result.record.to_export()
    return golds, preds


def test_every_report_has_its_gold():
    reports = [p for p in SAMPLES.iterdir() if p.is_file() and p.suffix.lower() not in SKIP]
    assert reports and len(REPORTS) == len(reports)


def test_doc_ids_are_file_stems(scored):
    _, preds = scored
    assert all(pred["doc_id"] == stem for stem, pred in preds.items())


def test_sample_set_meets_the_bar(scored):
    golds, preds = scored
    result = score(golds, preds)
    assert result.micro_f1 >= SET_MICRO_F1, (result.headline(), result.misses)
    assert result.scalar_accuracy >= SET_SCALAR_ACC, (result.headline(), result.misses)


@pytest.mark.parametrize("stem", [p.stem for p in REPORTS])
def test_each_document_meets_its_floor(scored, stem):
    golds, preds = scored
    result = score({stem: golds[stem]}, {stem: preds[stem]})
    listed = sum(c.gold + c.pred for f, c in result.lists.items() if f != "meeting.kinds")
    if listed:  # a document with nothing to list on either side has no micro-F1 to speak of
        assert result.micro_f1 >= DOC_MICRO_F1, (result.headline(), result.misses.get(stem))
    assert result.scalar_accuracy >= DOC_SCALAR_ACC, (result.headline(), result.misses.get(stem))
