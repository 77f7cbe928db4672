"""Shared helper for the extractor tests: run the whole pipeline on an inline report.

Several extractors read what earlier ones left in `ctx.shared` (the meeting-date year rule needs
the publication date, period and kinds; heads need participants), so the tests go through
`extract_context`, as `extractors/run.py` does for a real file.
"""
from __future__ import annotations

import pytest

from extractors.context import Context
from extractors.run import extract_context
from pipeline.record import Record


@pytest.fixture
def extract():
    """extract(line, line, ...) -> the Record for a report made of those lines."""

    def _extract(*lines: str) -> Record:
        return extract_context(Context.from_text("\n".join(lines) + "\n"))

    return _extract
