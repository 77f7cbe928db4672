"""The cue vocabulary is data in spaCy's pattern format: every file loads with spaCy's own reader,
every row has a label and a literal pattern, and every label is explained in patterns/README.md."""

from pathlib import Path

import pytest
import srsly
from spacy.lang.xx import MultiLanguage

PATTERNS = Path(__file__).resolve().parents[2] / "extractors" / "patterns"
FILES = sorted(PATTERNS.glob("*.jsonl"))


def test_there_are_pattern_files():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_is_spacy_jsonl_with_documented_labels(path):
    rows = list(srsly.read_jsonl(path))
    readme = (PATTERNS / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {path.name}", 1)[1].split("\n## ", 1)[0]
    assert rows
    for row in rows:
        assert isinstance(row["label"], str) and isinstance(row["pattern"], str) and row["pattern"].strip()
        assert f"`{row['label']}`" in section, f"label {row['label']} of {path.name} not explained in README.md"


def test_rows_load_into_spacys_span_ruler():
    nlp = MultiLanguage()
    ruler = nlp.add_pipe("span_ruler", config={"validate": True})
    ruler.add_patterns(
        [{"label": r["label"], "pattern": r["pattern"]} for r in srsly.read_jsonl(PATTERNS / "titles.jsonl")]
    )
    doc = nlp("Phó Giám đốc Sở Nội vụ")
    assert any(s.label_ == "position" for s in doc.spans["ruler"])
