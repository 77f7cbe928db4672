"""An extractor that raises costs its own field, not the file: the record is kept with that field
empty, the error is named on it, the command line still counts the file as ok, and the archive
puts the record in the review queue."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_fixtures import db_url, storage_env  # noqa: F401 - pytest fixtures, used by name
from typer.testing import CliRunner

from extractors import run
from flows.cli import app
from pipeline.read.document import Status
from pipeline.store import open_repository

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "hatinh_cum4_tongket_2022.txt"
ERROR = "RuntimeError: rank sentence misread"


@pytest.fixture
def ranks_broken(monkeypatch):
    """The ranks component's extractor raises, as a bug in extractors/ranks.py would."""

    def broken(ctx):
        raise RuntimeError("rank sentence misread")

    monkeypatch.setattr(run.nlp().get_pipe("ranks"), "find", broken)


def _assert_rest_of_record(record):
    assert record.cluster.name == "Cụm thi đua số 4"
    assert record.title.value.startswith("Cụm thi đua số 4 tổng kết")
    assert len(record.members) == 5 and len(record.participants) == 3 and record.heads
    assert record.meeting.date is not None and record.legal_refs


def test_the_sample_has_ranks_and_no_problems_when_nothing_fails():
    result = run.process_path(SAMPLE)

    assert result.status == Status.OK and len(result.record.ranks) == 3
    assert result.problems == [] and result.record.problems == []


def test_a_failing_extractor_costs_its_field_only(ranks_broken):
    result = run.process_path(SAMPLE)

    assert result.status == Status.OK
    assert result.record.ranks == []
    _assert_rest_of_record(result.record)
    assert [(p.field, p.error) for p in result.problems] == [("ranks", ERROR)]


def test_batch_extraction_keeps_the_other_files_and_fields(ranks_broken, tmp_path):
    other = tmp_path / "other.txt"
    other.write_bytes(SAMPLE.read_bytes().replace("Hương Khê".encode(), "Can Lộc".encode()))
    results = list(run.process_paths([SAMPLE, other]))

    assert [r.status for r in results] == [Status.OK, Status.OK]
    for result in results:
        _assert_rest_of_record(result.record)
        assert [p.field for p in result.problems] == ["ranks"]


def test_extract_counts_the_file_ok_and_exits_0(ranks_broken, tmp_path):
    out = tmp_path / "records.jsonl"
    done = CliRunner().invoke(app, ["extract", str(SAMPLE), "--out", str(out)])

    assert done.exit_code == 0, done.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["ranks"] == [] and record["cluster"]["name"] == "Cụm thi đua số 4"
    assert "Traceback" not in done.output


@pytest.mark.usefixtures("ranks_broken", "storage_env")
def test_the_archive_keeps_the_error_and_queues_the_record():
    result = run.process_path(SAMPLE)
    with open_repository() as repository:
        outcome = repository.store_extraction(SAMPLE, result.document.sha256, result.document,
                                              result.normalized_text, result.record)
        stored = repository.get(outcome.doc_id)
        queue = repository.list(needs_review=True)

    assert stored.record.problems == result.record.problems
    assert stored.needs_review
    failed = [message for message in stored.review_reasons if "failed" in message]
    assert failed == [f"extracting ranks failed ({ERROR}): left empty, fill it in by hand"]
    assert [d.doc_id for d in queue] == [outcome.doc_id]

    shown = CliRunner().invoke(app, ["records", "show", outcome.doc_id])
    assert shown.exit_code == 0, shown.output
    assert ERROR in shown.output and json.loads(shown.output)["needs_review"] is True


@pytest.mark.usefixtures("storage_env")
def test_text_the_reader_could_not_read_is_named_on_the_record_and_queued(tmp_path):
    pasted = tmp_path / "hatinh_pasted.txt"
    pasted.write_bytes(SAMPLE.read_bytes() + b"Ghi ch\xfa cu\xf4i\n")  # a Windows-1258 line pasted in
    result = run.process_path(pasted)

    assert result.status == Status.OK
    _assert_rest_of_record(result.record)
    lost = "2 byte(s) that are not valid utf-8 shown as \ufffd"
    assert [(p.field, p.error) for p in result.problems] == [("text", lost)]
    with open_repository() as repository:
        outcome = repository.store_extraction(pasted, result.document.sha256, result.document,
                                              result.normalized_text, result.record)
        stored = repository.get(outcome.doc_id)
    assert stored.needs_review
    assert any(m.startswith("part of the text could not be read: 2 byte(s)") for m in stored.review_reasons)
