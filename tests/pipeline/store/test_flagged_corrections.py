"""The records of the review queue take every kind of correction (issue 20, defect 1): a review
reason's target used to be stored as [field] where the overlay expects [base, key, attr, is_item],
and every correction of a flagged record failed with a traceback. Real samples, both databases."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from extractors.run import process_path
from flows.cli import app
from pipeline.store import review
from pipeline.store.models import DocumentRow
from storage_fixtures import assert_consistent

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
READABLE = {".txt", ".pdf", ".docx", ".html"}
LISTS = ("members", "participants", "heads", "ranks", "legal_refs")
EDIT = {"members": "Ủy ban nhân dân tỉnh", "legal_refs": "15/2018/NĐ-CP", "participants": ("title", "Chủ tịch"),
        "heads": ("year", 2031), "ranks": ("score", 99.5)}


@lru_cache(maxsize=1)
def flagged_samples() -> tuple:
    """The sample reports the machine flags for review, extracted once for both databases."""
    results = [process_path(p) for p in sorted(SAMPLES.rglob("*")) if p.suffix in READABLE]
    return tuple(r for r in results if r.record is not None and review.judge(r.record))


def store_flagged(repo) -> list[str]:
    flagged = flagged_samples()
    assert flagged, "the samples have records the machine flags for review"
    return [repo.store_extraction(Path(r.path), r.document.sha256, r.document, r.normalized_text, r.record).doc_id
            for r in flagged]


def cli(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def test_every_flagged_record_takes_every_kind_of_correction(repository):
    for doc in store_flagged(repository):
        stored = repository.get(doc)
        assert stored.needs_review
        flagged_fields = [r for r in stored.review_reasons]
        repository.correct(doc, "meeting.venue", "Hội trường tầng 2", user="lan")  # a scalar
        n = len(stored.record.members)
        repository.correct(doc, f"members[{n}]", "Ban Thi đua - Khen thưởng tỉnh", user="lan")  # an added item
        repository.correct(doc, f"members[{n}]", "Ban Thi đua – Khen thưởng tỉnh", user="lan")  # that item edited
        base = next((name for name in LISTS if getattr(stored.record, name)), None)
        if base is not None:  # a machine item: edited, then removed
            edit = EDIT[base]
            path, value = (f"{base}[0].{edit[0]}", edit[1]) if isinstance(edit, tuple) else (f"{base}[0]", edit)
            repository.correct(doc, path, value, user="lan")
            repository.correct(doc, f"{base}[0]", None, user="lan")
        repository.correct(doc, "cluster", {"name": "Cụm thi đua số 9", "kind": "cum", "number": 9}, user="lan")
        after = repository.correct(doc, "cluster.name", "Cụm thi đua số 9 tỉnh", user="lan")
        assert after.record.meeting.venue.value == "Hội trường tầng 2"
        assert after.record.members[-1].unit == "Ban Thi đua – Khen thưởng tỉnh"
        assert after.record.cluster.name == "Cụm thi đua số 9 tỉnh"
        assert after.needs_review and after.review_reasons == flagged_fields  # other fields: still to look at
        machine_kinds = [k.value for k in stored.record.meeting.kinds]
        settled = repository.correct(doc, "meeting.kinds", ["tong_ket"] if machine_kinds != ["tong_ket"]
                                     else ["so_ket"], user="lan")
        assert not settled.needs_review  # the doubtful field is decided by a person
    assert_consistent(repository)


def test_the_cli_corrects_flagged_records_also_in_an_archive_stored_before_the_fix(repository):
    docs = store_flagged(repository)
    with repository.db.session(write=True) as s:  # what earlier versions stored: the target as [field]
        for doc in s.scalars(select(DocumentRow).where(DocumentRow.doc_id.in_(docs))):
            doc.review_reasons = [{**r, "target": [r["field"]]} for r in doc.review_reasons]
    for doc in docs:
        cli("records", "set", doc, "meeting.venue", "Hội trường", "--user", "lan")
        cli("records", "set", doc, "cluster", '{"name": "Cụm thi đua số 3", "kind": "cum", "number": 3}',
            "--user", "lan")
        shown = json.loads(cli("records", "show", doc).output)
        assert shown["record"]["meeting"]["venue"] == "Hội trường" and shown["needs_review"]
        cli("records", "set", doc, "meeting.kinds", '["so_ket", "tong_ket"]', "--user", "lan")
        assert not json.loads(cli("records", "show", doc).output)["needs_review"]
