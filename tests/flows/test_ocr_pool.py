"""Scans are read inside the batch's process pool: a backfill of scans uses every core."""
from legacy_inputs import TXT_SAMPLES, sample_text
from scan_inputs import render_pages

from flows.extraction import EXTRACTOR
from pipeline.ingest import Todo, extract_batch
from pipeline.read.document import Status


def test_scans_are_read_by_ocr_in_the_pool(tmp_path, tesseract):
    lines = [line for line in sample_text(TXT_SAMPLES[0]).splitlines() if line.strip()]
    paths = []
    for i, part in enumerate((lines[:12], lines[12:])):
        path = tmp_path / f"scan_{i}.png"
        render_pages(part, seed=i)[0].save(path)
        paths.append(path)

    results = extract_batch([Todo(i, p, None) for i, p in enumerate(paths)], 2, EXTRACTOR)

    assert [r.status for r in results] == [Status.OK, Status.OK], [r.reason for r in results]
    assert all(r.record.origin.ocr_pages == 1 and r.record.origin.ocr_confidence > 0.5 for r in results)
