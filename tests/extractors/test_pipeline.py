"""The extractor is a spaCy pipeline read from extractors/pipeline.cfg: syllable tokens on the
normalised text, components that declare what they assign and require, records from Doc extensions."""

import subprocess
import sys

from extractors.context import Context
from extractors.run import CONFIG, extract_context, extract_many, nlp

REPORT = (
    "Cụm thi đua số 3 tổng kết năm 2023\n\n"
    "Ngày 20/12/2023, tại huyện Đông Sơn, Cụm thi đua số 3 tổ chức hội nghị tổng kết năm 2023.\n"
    "Dự hội nghị có ông Lê Văn Tám, Phó Giám đốc Sở Nội vụ.\n"
    "Hội nghị bầu huyện Nam Hà làm Cụm trưởng năm 2024.\n"
)


def test_stages_come_from_the_config_in_order():
    names = nlp().pipe_names
    config = CONFIG.read_text(encoding="utf-8")
    assert names[:3] == ["cues", "span_layer", "title"] and names[-1] == "record"
    assert all(f"[components.{n}]" in config for n in names)


def test_every_requirement_is_assigned_by_an_earlier_component():
    analysis = nlp().analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert analysis["summary"]["heads"]["requires"]


def test_tokens_are_syllables_on_the_normalised_text():
    doc = nlp().make_doc("Ngày 12/1/2025,  Cụm thi đua\n\nsố 4.\n")
    assert doc.text == "Ngày 12/1/2025,  Cụm thi đua\n\nsố 4.\n"
    assert [t.text for t in doc][:6] == ["Ngày", "12", "/", "1", "/", "2025"]
    assert doc[8].text == "Cụm" and doc.text[doc[8].idx : doc[8].idx + 3] == "Cụm"


def test_results_are_doc_extensions_and_labelled_spans():
    ctx = Context.from_text(REPORT)
    record = extract_context(ctx)
    doc = ctx.doc
    assert doc._.record is record
    assert [h.unit for h in doc._.heads] == ["huyện Nam Hà"]
    assert any(s.text.startswith("Lê Văn Tám, Phó Giám đốc") and s.label_ == "PERSON" for s in doc.spans["people"])
    assert any(s.label_ == "MEETING_DATE" for s in doc.spans["dates"])
    assert any("Nam Hà" in s.text and s.label_ == "TRUONG" for s in doc.spans["roles"])


def test_a_batch_through_nlp_pipe_gives_the_same_records():
    texts = [REPORT, REPORT.replace("Đông Sơn", "Bình Minh"), "Khối thi đua số 2 họp sơ kết 6 tháng đầu năm 2024.\n"]
    one_by_one = [extract_context(Context.from_text(t)).to_export() for t in texts]
    batch = [r.to_export() for r in extract_many(Context.from_text(t) for t in texts)]
    assert batch == one_by_one


def test_no_pyvi_and_no_underthesea_loaded_to_extract():
    code = (
        "import sys; from extractors.context import Context; from extractors.run import extract_context; "
        f"extract_context(Context.from_text({REPORT!r})); "
        "print(sorted(m for m in ('pyvi', 'underthesea') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]"


def test_kind_cues_are_spans_of_the_span_ruler_and_kinds_read_them():
    ctx = Context.from_text(REPORT)
    record = extract_context(ctx)
    cues = {(s.text.lower(), s.label_) for s in ctx.doc.spans["cues"]}
    assert ("tổng kết", "tong_ket") in cues and ("tổ chức", "meeting_verb") in cues
    (kind,) = record.meeting.kinds
    assert kind.value == "tong_ket" and ctx.text[kind.evidence.start : kind.evidence.end].lower() == "tổng kết"
    assert extract_context(Context.from_text(REPORT), disable=("cues",)).meeting.kinds[0].value == "khac"


def test_process_paths_batches_keep_order_and_one_failing_extractor_costs_only_its_field(tmp_path):
    from extractors import venue
    from extractors.run import process_paths

    names = ["a.txt", "b.txt", "c.bin", "d.txt"]
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT.replace("Đông Sơn", "Boom"), encoding="utf-8")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "d.txt").write_text(REPORT.replace("Đông Sơn", "Bình Minh"), encoding="utf-8")
    real = venue.find

    def fragile(ctx):
        if "Boom" in ctx.text:
            raise RuntimeError("extractor bug")
        return real(ctx)

    nlp.cache_clear()
    nlp().get_pipe("venue").find = fragile
    try:
        results = list(process_paths([tmp_path / n for n in names], batch_size=8))
    finally:
        nlp.cache_clear()
    assert [r.path.rsplit("/", 1)[-1] for r in results] == names
    assert [r.status.value for r in results] == ["ok", "ok", "failed", "ok"]
    assert [(p.field, p.error) for p in results[1].problems] == [("meeting.venue", "RuntimeError: extractor bug")]
    assert results[1].record.meeting.venue is None and results[1].record.meeting.date is not None
    assert results[0].problems == results[3].problems == []
    assert results[3].record.meeting.venue.value == "huyện Bình Minh"
