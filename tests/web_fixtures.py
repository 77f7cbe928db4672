"""Fixtures for the web app tests (import them): the web app on a real archive (SQLite and
PostgreSQL), sample reports stored, one user per role, and a browser-like client that logs in
and submits forms with the values the page shows."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright never downloads a browser
INSTALL_BROWSER = "apt-get install -y chromium chromium-driver && pip install -c constraints.txt playwright"


def require_browser() -> None:
    """Skip with the install command when Chromium or Playwright is missing; fail when CI is set."""
    problem = None if CHROMIUM.exists() else f"{CHROMIUM} not installed"
    if problem is None:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright not installed"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem} (CI is set, so browser tests must run)")
        pytest.skip(f"{problem}; install with: {INSTALL_BROWSER}")


SAMPLES = Path(__file__).resolve().parents[1] / "samples"
# Reports with participants, members and a cluster (chosen by content, not special-cased anywhere).
SAMPLE_NAMES = ["bacninh_cum6_congan_tongket_2024.txt", "bentre_cum1_mocaynam_xetthidua_2023.txt",
                "binhdinh_cum2_trienkhai_2024.txt"]
PASSWORD = "mat-khau-dai-123"
ROLES = ("viewer", "editor", "admin")


def store(repo, path: Path) -> str:
    from extractors.run import process_path

    result = process_path(path)
    outcome = repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                    result.record)
    return outcome.doc_id


@pytest.fixture
def archive(repository, tmp_path):
    """The repository with three sample reports and one user per role; doc_ids in `.docs`."""
    from pipeline.store.users import add_user

    folder = tmp_path / "in"
    folder.mkdir()
    docs = []
    for name in SAMPLE_NAMES:
        shutil.copy(SAMPLES / name, folder / name)
        docs.append(store(repository, folder / name))
    for role in ROLES:
        add_user(repository.db, role, role, PASSWORD)
    repository.docs = docs
    return repository


class Browser:
    """A TestClient that behaves like a person's browser: logs in, reads forms, submits them."""

    def __init__(self, client):
        self.client = client
        self.page = None

    def login(self, name: str, password: str = PASSWORD, follow: bool = False):
        token = re.search(r'name="login_csrf" value="([^"]+)"', self.client.get("/login").text).group(1)
        return self.client.post("/login", data={"name": name, "password": password, "login_csrf": token},
                                follow_redirects=follow)

    def get(self, url: str, **kw):
        response = self.client.get(url, **kw)
        self.page = response.text
        return response

    def form(self, action: str, page: str | None = None) -> dict[str, list[str]]:
        """The values a browser would send for the form posting to `action` (as shown)."""
        tree = lxml_html.fromstring(page or self.page)
        form = next(f for f in tree.forms if f.get("action") == action)
        data: dict[str, list[str]] = {}
        for el in form.xpath(".//input|.//select"):
            name = el.get("name")
            if not name or el.get("disabled") is not None or el.getparent().tag == "template":
                continue
            if el.xpath("ancestor::template"):
                continue
            if el.tag == "select":
                chosen = el.xpath("./option[@selected]") or el.xpath("./option")[:1]
                data.setdefault(name, []).append(chosen[0].get("value"))
            elif el.get("type") == "checkbox":
                if el.get("checked") is not None:
                    data.setdefault(name, []).append(el.get("value") or "on")
            elif el.get("type") != "submit":
                data.setdefault(name, []).append(el.get("value") or "")
        return data

    def post(self, action: str, data: dict, follow: bool = False):
        return self.client.post(action, data=data, follow_redirects=follow)


@pytest.fixture
def make_browser(archive):
    from fastapi.testclient import TestClient

    from web.app import create_app

    app = create_app()
    clients = []

    def _make(role: str | None = None) -> Browser:
        client = TestClient(app)
        clients.append(client)
        browser = Browser(client)
        if role:
            assert browser.login(role).status_code == 303
        return browser

    yield _make
    for client in clients:
        client.close()
    app.state.repo.close()


def one(data: dict, key: str) -> str:
    return data[key][-1]
