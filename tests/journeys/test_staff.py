"""The staff's whole job, end to end (issue 20): real reports ingested through the command line into
a fresh archive, accounts made with `thidua user add`, the page served by `thidua serve`, and a
clerk in a real headless Chromium: log in, open the queue, open a flagged record, add a member and
a head, save, reload, see the history, mark it reviewed; correct a member and a head of another
record; open every record and press save untouched (nothing may be recorded); a viewer cannot save.

Before the fixes of issue 20 this failed at the first correction of a flagged record (defect 1: an
"Internal Server Error" page), and the untouched saves recorded corrections (defect 3: a value with
a line break, which an <input> cannot hold, came back different)."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from web_fixtures import CHROMIUM, require_browser

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "samples" / "real"  # real reports as they were published
PASSWORD = "mat-khau-dai-123"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Staff:
    """The archive a clerk works on: the command line and the served page, in one output folder."""

    def __init__(self, out: Path):
        self.out = out
        self.env = {**os.environ, "THIDUA_OUTPUT_DIR": str(out)}
        for name in ("THIDUA_DATABASE_URL", "THIDUA_ARCHIVE_DIR"):
            self.env.pop(name, None)
        self.server: subprocess.Popen | None = None
        self.base = ""

    def thidua(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run([str(Path(sys.executable).with_name("thidua")), *args], env=self.env, input=stdin,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-2000:])
        assert "Traceback" not in done.stdout + done.stderr
        return done.stdout

    def records(self) -> dict[str, dict]:
        """Every record as `records show` gives it, read from `records list` and one export."""
        listed = [json.loads(line) for line in self.thidua("records", "list", "--json").splitlines() if line.strip()]
        export = self.out / "records.jsonl"
        self.thidua("export", "--format", "jsonl", "--out", str(export))
        values = {r["doc_id"]: r for r in map(json.loads, export.read_text(encoding="utf-8").splitlines())}
        return {r["doc_id"]: {**r, "record": values[r["doc_id"]]} for r in listed}

    def corrections(self) -> list[tuple[str, str, str]]:
        """(doc_id, field, user) of every correction in the archive's database."""
        with sqlite3.connect(self.out / "thidua.db") as db:
            return db.execute("SELECT d.doc_id, c.field, c.user FROM corrections c "
                              "JOIN documents d ON d.id = c.document_id ORDER BY c.id").fetchall()

    def versions(self) -> dict[str, int]:
        with sqlite3.connect(self.out / "thidua.db") as db:
            return dict(db.execute("SELECT doc_id, version FROM documents").fetchall())

    def serve(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        self.server = subprocess.Popen([str(Path(sys.executable).with_name("thidua")), "serve", "--port", str(port)],
                                       env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.server.poll() is None, self.server.stderr.read()
            try:
                with urllib.request.urlopen(self.base + "/login", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        pytest.fail("`thidua serve` did not answer within 60 s")

    def stop(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(20)


@pytest.fixture
def staff(tmp_path):
    require_browser()
    staff = Staff(tmp_path / "out")
    staff.thidua("ingest", str(REPORTS))
    staff.thidua("user", "add", "lan", "--role", "editor", stdin=PASSWORD + "\n")
    staff.thidua("user", "add", "an", "--role", "viewer", stdin=PASSWORD + "\n")
    staff.serve()
    yield staff
    staff.stop()


def _login(browser, base: str, name: str):
    page = browser.new_page(viewport={"width": 1366, "height": 820}, locale="vi-VN")
    page.goto(base + "/")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("table.queue")
    return page


def _add_row(page, base: str, values: dict[str, str]) -> None:
    page.click(f"button.add-row[data-list={base}]")
    row = page.locator(f"#rows-{base} tr").last
    for attr, value in values.items():
        field = row.locator(f"[name$='-{attr}']")
        if attr == "role":
            field.select_option(value)
        else:
            field.fill(value)


def test_a_clerk_corrects_flagged_records_and_untouched_saves_change_nothing(staff):
    from playwright.sync_api import expect, sync_playwright

    records = staff.records()
    flagged = [d for d, r in records.items() if r["needs_review"]]
    assert flagged, "the real reports give the review queue something to do"
    with_both = next(d for d, r in records.items() if r["record"]["members"] and r["record"]["heads"])
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = _login(browser, staff.base, "lan")
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

        # The queue: flagged records first, why in words a clerk reads, each cluster offered once.
        first = page.locator("table.queue tbody tr").first
        expect(first).to_have_class("needs-review")
        expect(first.locator("td.why")).not_to_contain_text("meeting.")
        expect(first.locator("td.why")).to_contain_text("chưa chắc chắn")
        clusters = page.locator("select[name=cluster] option").all_inner_texts()
        assert len({c.casefold() for c in clusters}) == len(clusters)

        # A flagged record: add a member and a head, save, reload, see the history, mark it reviewed.
        doc = first.locator("a.open").inner_text()
        assert doc in flagged
        first.locator("a.open").click()
        expect(page.locator("#reasons")).to_contain_text("chưa chắc chắn")
        _add_row(page, "members", {"unit": "Ủy ban nhân dân huyện Long Thành"})
        _add_row(page, "heads", {"unit": "Công an tỉnh Đồng Nai", "role": "pho", "year": "2023"})
        version = staff.versions()[doc]
        page.click("#save-btn")
        expect(page.locator("#flash")).to_have_text("Đã lưu 2 thay đổi.")
        page.reload()
        member = page.locator("#rows-members input[name$='-unit']").last
        expect(member).to_have_value("Ủy ban nhân dân huyện Long Thành")
        expect(page.locator("#rows-heads input[name$='-year']").last).to_have_value("2023")
        page.click("a:text('Lịch sử')")
        expect(page.locator("table.corrections")).to_contain_text("Công an tỉnh Đồng Nai")
        expect(page.locator("table.history tr.action-correct")).to_have_count(2)
        assert staff.versions()[doc] == version + 1  # one save, one version
        page.click("h1 a")
        page.click("#resolve-btn")
        expect(page.locator("#flash")).to_have_text("Đã đánh dấu là đã xem.")
        expect(page.locator("#reasons")).to_have_count(0)

        # A record with members and heads: correct one of each; only those two are recorded.
        page.goto(f"{staff.base}/record?doc={quote(with_both)}")
        page.locator("[name='members-0-unit']").fill("Ban Thi đua - Khen thưởng tỉnh")
        page.locator("[name='heads-0-year']").fill("2030")
        page.keyboard.press("Control+s")
        expect(page.locator("#flash")).to_have_text("Đã lưu 2 thay đổi.")
        shown = json.loads(staff.thidua("records", "show", with_both))
        assert sorted(c["field"] for c in shown["corrections"]) == ["heads[0].year", "members[0]"]
        assert shown["record"]["members"][0] == "Ban Thi đua - Khen thưởng tỉnh"
        assert shown["record"]["heads"][0]["year"] == 2030

        # Every record opened and saved untouched: nothing recorded, no version made.
        before, versions = staff.corrections(), staff.versions()
        for doc_id in records:
            page.goto(f"{staff.base}/record?doc={quote(doc_id)}")
            page.click("#save-btn")
            expect(page.locator("#flash")).to_have_text("Không có gì thay đổi.")
        assert staff.corrections() == before
        assert staff.versions() == versions

        # A viewer reads the same page, which looks read-only, and cannot save.
        viewer = _login(browser, staff.base, "an")
        viewer.goto(f"{staff.base}/record?doc={quote(with_both)}")
        expect(viewer.locator("#readonly-note")).to_be_visible()
        expect(viewer.locator("#record-form input:not([type=hidden]), #record-form select")).to_have_count(0)
        expect(viewer.locator("#save-btn")).to_have_count(0)
        csrf = viewer.locator("input[name=csrf]").first.get_attribute("value")
        forged = viewer.request.post(staff.base + "/record/save", form={
            "csrf": csrf, "doc": with_both, "version": str(staff.versions()[with_both]), "f.title": "Người xem sửa"})
        assert forged.status == 403
        browser.close()
    assert staff.corrections() == before
    assert {user for _, _, user in before} == {"lan"}
    assert errors == []
