"""The record page corrects the records of the review queue (issue 20, defect 1: every save of a
flagged record answered "Internal Server Error"): the real reports the machine flags, every kind of
change a form makes, on SQLite and PostgreSQL."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from extractors.run import process_path
from pipeline.store import review
from web_fixtures import PASSWORD, SAMPLES, Browser, one

READABLE = {".txt", ".pdf", ".docx", ".html"}


@lru_cache(maxsize=1)
def flagged_reports() -> tuple:
    results = [process_path(p) for p in sorted((SAMPLES / "real").iterdir()) if p.suffix in READABLE]
    return tuple(r for r in results if r.record is not None and review.judge(r.record))


@pytest.fixture
def flagged(repository):
    from pipeline.store.users import add_user
    from web.app import create_app

    reports = flagged_reports()
    assert reports, "the real reports include some the machine flags for review"
    docs = [repository.store_extraction(Path(r.path), r.document.sha256, r.document, r.normalized_text,
                                        r.record).doc_id for r in reports]
    add_user(repository.db, "lan", "editor", PASSWORD)
    app = create_app()
    with TestClient(app) as client:
        browser = Browser(client)
        assert browser.login("lan").status_code == 303
        yield repository, browser, docs
    app.state.repo.close()


def _save(browser: Browser, doc: str, changes: dict[str, list[str]]) -> str:
    """Open the record, change what a person would on the form, press save."""
    browser.get(f"/record?doc={doc}")
    response = browser.post("/record/save", {**browser.form("/record/save"), **changes})
    assert response.status_code == 303, response.text[-500:]
    return response.headers["location"]


def test_every_flagged_record_takes_every_kind_of_change_from_the_page(flagged):
    repo, browser, docs = flagged
    for doc in docs:
        machine = repo.get(doc)
        assert machine.needs_review
        m, h = len(machine.record.members), len(machine.record.heads)
        kinds = [k.value for k in machine.record.meeting.kinds]
        first = {"f.meeting.venue": ["Hội trường tầng 3"],  # a scalar
                 "cluster.name": ["Khối thi đua số 4"], "cluster.kind": ["khoi"], "cluster.number": ["4"],
                 f"members-{m}-unit": ["Sở Nội vụ tỉnh"], f"members-{m}-orig": [""],  # added rows
                 f"heads-{h}-unit": ["Sở Tài chính tỉnh"], f"heads-{h}-orig": [""], f"heads-{h}-role": ["truong"],
                 f"heads-{h}-year": ["2023"]}
        assert "m=saved&n=4" in _save(browser, doc, first)
        stored = repo.get(doc)
        assert stored.needs_review and stored.version == machine.version + 1
        assert (stored.record.cluster.name, stored.record.cluster.kind) == ("Khối thi đua số 4", "khoi")
        second = {f"members-{m}-unit": ["Sở Nội vụ tỉnh Đồng Nai"],  # a list item
                  f"heads-{h}-remove": ["1"],  # a removal
                  "kinds": ["so_ket"] if kinds != ["so_ket"] else ["tong_ket"]}  # the doubtful field itself
        assert "m=saved&n=3" in _save(browser, doc, second)
        stored = repo.get(doc)
        assert stored.record.members[-1].unit == "Sở Nội vụ tỉnh Đồng Nai" and len(stored.record.heads) == h
        assert stored.record.meeting.venue.value == "Hội trường tầng 3"
        assert not stored.needs_review  # a person decided the doubtful field
        assert len(stored.corrections) == 7
        page = browser.get(f"/record/history?doc={doc}").text
        assert page.count('class="action-correct"') == 7
        assert one(browser.form("/record/withdraw"), "correction")  # and each can be withdrawn
