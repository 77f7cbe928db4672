"""End to end in a real headless Chromium (Debian's, driven by Playwright): log in, open the queue,
correct a participant's title with the keyboard, add a member by selecting text, save, reload,
see the correction and its history entry, withdraw it. Screenshots go to outputs/."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from web_fixtures import CHROMIUM, PASSWORD, SAMPLE_NAMES, SAMPLES, require_browser, store

SHOTS = Path(__file__).resolve().parents[2] / "outputs"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path, monkeypatch):
    """`thidua serve`'s app on a SQLite archive with the sample reports, in a thread."""
    require_browser()
    import uvicorn

    from pipeline.settings import get_settings
    from pipeline.store import open_repository
    from pipeline.store.users import add_user
    from web.app import create_app

    monkeypatch.setenv("THIDUA_DATABASE_URL", f"sqlite:///{tmp_path / 'thidua.db'}")
    monkeypatch.setenv("THIDUA_OUTPUT_DIR", str(tmp_path / "outputs"))
    get_settings.cache_clear()
    repo = open_repository()
    (tmp_path / "in").mkdir()
    docs = []
    for name in SAMPLE_NAMES:
        shutil.copy(SAMPLES / name, tmp_path / "in" / name)
        docs.append(store(repo, tmp_path / "in" / name))
    add_user(repo.db, "lan", "editor", PASSWORD)
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", repo, docs
    uv.should_exit = True
    thread.join(10)
    repo.close()
    get_settings.cache_clear()


def test_staff_correct_a_record_in_a_real_browser(server):
    from playwright.sync_api import expect, sync_playwright

    base, repo, docs = server
    doc = docs[0]
    machine = repo.get(doc)
    i = next(n for n, p in enumerate(machine.record.participants) if p.title and p.evidence)
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 820}, locale="vi-VN")
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "/")
        expect(page.locator("h1")).to_have_text("Đăng nhập")
        page.fill("input[name=name]", "lan")
        page.fill("input[name=password]", PASSWORD)
        page.keyboard.press("Enter")
        expect(page.locator("table.queue")).to_be_visible()
        page.screenshot(path=str(SHOTS / "web_queue.png"))

        page.click(f"a.open:text-is('{doc}')")
        expect(page.locator("#doc-text")).to_be_visible()
        # Click the participant's highlight in the text: its row's first field gets the focus.
        page.locator(f"mark.ev[data-fields~='participants-{i}']").first.click()
        expect(page.locator(f"[name='participants-{i}-name']")).to_be_focused()
        page.keyboard.press("Tab")  # to the title, then retype it with the keyboard
        expect(page.locator(f"[name='participants-{i}-title']")).to_be_focused()
        page.keyboard.press("Control+A")
        page.keyboard.type("Giám đốc Công an tỉnh Bắc Ninh")

        # Select a phrase in the text and add it as a member unit.
        chosen = page.evaluate("""() => {
            const span = [...document.querySelectorAll('#doc-text span[data-s]')]
                .find(s => /\\p{L}{3,} \\p{L}{3,} \\p{L}{3,}/u.test(s.textContent));
            const node = span.firstChild;
            const m = node.textContent.match(/\\p{L}{3,} \\p{L}{3,} \\p{L}{3,}/u);
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const sel = window.getSelection();
            sel.removeAllRanges();
            sel.addRange(range);
            span.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return {text: m[0], start: parseInt(span.dataset.s) + m.index};
        }""")
        page.click("button[data-add=members]")
        new_row = page.locator("#rows-members tr.added")
        expect(new_row.locator("input[name$='-unit']")).to_have_value(chosen["text"])
        page.screenshot(path=str(SHOTS / "web_record_editing.png"), full_page=False)

        page.keyboard.press("Control+s")
        expect(page.locator("#flash")).to_contain_text("Đã lưu 2 thay đổi")
        page.reload()
        expect(page.locator(f"[name='participants-{i}-title']")).to_have_value("Giám đốc Công an tỉnh Bắc Ninh")
        expect(page.locator("#rows-members input[value='" + chosen["text"] + "']")).to_have_count(1)
        member = repo.get(doc).record.members[-1]
        assert (member.unit, member.evidence.start) == (chosen["text"], chosen["start"])
        page.screenshot(path=str(SHOTS / "web_record_saved.png"))

        page.click("a:text('Lịch sử')")
        row = page.locator("table.corrections tr", has_text=f"Người tham dự {i + 1} · chức vụ")
        expect(row).to_contain_text("Giám đốc Công an tỉnh Bắc Ninh")
        expect(page.locator("table.history")).to_contain_text("lan")
        page.screenshot(path=str(SHOTS / "web_history.png"))
        row.locator("button.withdraw").click()
        expect(page.locator("#flash")).to_contain_text("Đã rút lại")
        expect(page.locator(f"[name='participants-{i}-title']")).to_have_value(machine.record.participants[i].title)
        page.click("a:text('Lịch sử')")
        expect(page.locator("table.history tr.action-withdraw")).to_have_count(1)

        page.click("h1 a")  # back to the record; j/k move through the queue when not typing
        following = page.get_attribute("#next-link", "href")
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.keyboard.press("j")
        page.wait_for_url(base + following)
        page.keyboard.press("k")
        page.wait_for_url(lambda url: f"doc={doc}" in url)
        browser.close()
    assert errors == []
    assert repo.get(doc).record.participants[i].title == machine.record.participants[i].title
