"""Every route walked as anonymous, viewer, editor and admin; CSRF on every form; sessions end."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from lxml import html as lxml_html
from sqlalchemy import update

from web_fixtures import PASSWORD

# (method, path) -> expected status per role; a 303 to /login means "login page".
ANON, VIEWER, EDITOR, ADMIN = "anonymous", "viewer", "editor", "admin"
READ = {ANON: 303, VIEWER: 200, EDITOR: 200, ADMIN: 200}
WRITE = {ANON: 303, VIEWER: 403, EDITOR: 303, ADMIN: 303}
ADMIN_ONLY_GET = {ANON: 303, VIEWER: 403, EDITOR: 403, ADMIN: 200}
ADMIN_ONLY_POST = {ANON: 303, VIEWER: 403, EDITOR: 403, ADMIN: 303}


def _routes(doc: str, correction: int, version: int) -> list[tuple[str, str, dict, dict]]:
    record_post = {"doc": doc, "version": str(version)}
    return [
        ("GET", "/", {}, READ),
        ("GET", "/?status=needs_review&q=hội+nghị", {}, READ),
        ("GET", f"/record?doc={doc}", {}, READ),
        ("GET", f"/record/history?doc={doc}", {}, READ),
        ("GET", f"/record/original?doc={doc}", {}, READ),
        ("GET", f"/record/text?doc={doc}", {}, READ),
        ("GET", "/users", {}, ADMIN_ONLY_GET),
        ("POST", "/record/save", record_post, WRITE),
        ("POST", "/record/resolve", record_post, {**WRITE, EDITOR: 400, ADMIN: 400}),  # not flagged: refused
        ("POST", "/record/withdraw", {**record_post, "correction": str(correction)}, WRITE),
        ("POST", "/users/add", {"name": "moi", "role": "viewer", "password": "mot-mat-khau"}, ADMIN_ONLY_POST),
        ("POST", "/users/update", {"name": "viewer", "action": "role", "role": "viewer"}, ADMIN_ONLY_POST),
        ("POST", "/logout", {}, {ANON: 303, VIEWER: 303, EDITOR: 303, ADMIN: 303}),
    ]


def test_every_route_as_every_role(make_browser, archive):
    """The table covers every route of the app, and each answers each role as it should."""
    from web.app import create_app

    paths = {r.path for r in create_app().routes if getattr(r, "methods", None)} - {"/login"}
    doc = archive.docs[0]
    for role in (ANON, VIEWER, EDITOR, ADMIN):
        browser = make_browser(None if role == ANON else role)
        covered = set()
        for method, url, data, expected in _routes(doc, 0, 0):
            covered.add(url.split("?")[0])
            if method == "GET":
                response = browser.get(url, follow_redirects=False)
            else:
                if role != ANON:  # a fresh page for the current version and a live CSRF token
                    stored = archive.get(doc)
                    browser.get(f"/record?doc={doc}")
                    data = {**data, "csrf": re.search(r'name="csrf" value="([^"]+)"', browser.page).group(1)}
                    if "version" in data:
                        data["version"] = str(stored.version)
                    if url == "/record/withdraw":
                        archive.correct(doc, "meeting.venue", f"Hội trường {role}", user="test")
                        stored = archive.get(doc)
                        data.update(version=str(stored.version), correction=str(stored.corrections[-1].id))
                    if url == "/record/save" and role != VIEWER:  # a viewer's page has no save form
                        data = {**browser.form("/record/save"), **data}
                response = browser.post(url, data)
            assert response.status_code == expected[role], (role, method, url, response.text[:300])
            if expected[role] == 303 and role == ANON:
                assert response.headers["location"] == "/login"
        assert covered >= paths, f"routes not walked: {paths - covered}"


def test_viewer_sees_but_cannot_change(make_browser, archive):
    browser = make_browser(VIEWER)
    page = browser.get(f"/record?doc={archive.docs[0]}").text
    # The page looks read-only: values as text, no input to type in, no save button, no save form.
    assert 'id="save-btn"' not in page and 'action="/record/save"' not in page and 'id="readonly-note"' in page
    assert not lxml_html.fromstring(page).xpath('//*[@id="record-form"]//input[not(@type="hidden")] | '
                                                '//*[@id="record-form"]//select')
    editor = make_browser(EDITOR)  # a save form as an editor has it, posted with the viewer's session
    editor.get(f"/record?doc={archive.docs[0]}")
    data = editor.form("/record/save")
    data["f.title"] = ["Tiêu đề do người xem sửa"]
    data["csrf"] = [re.search(r'name="csrf" value="([^"]+)"', browser.get("/").text).group(1)]
    assert browser.post("/record/save", data).status_code == 403
    assert archive.get(archive.docs[0]).corrections == []


def test_every_form_needs_the_csrf_token(make_browser, archive):
    browser = make_browser(ADMIN)
    doc = archive.docs[0]
    browser.get(f"/record?doc={doc}")
    form = browser.form("/record/save")
    form["f.title"] = ["Tiêu đề mới"]
    for token in (None, "sai-ma"):
        data = {k: v for k, v in form.items() if k != "csrf"}
        if token:
            data["csrf"] = [token]
        for action in ("/record/save", "/record/resolve", "/record/withdraw", "/users/add", "/users/update",
                       "/logout"):
            response = browser.post(action, data)
            assert response.status_code == 403, action
            assert "CSRF" in response.text
    assert archive.get(doc).corrections == []
    # The login form has its own token (no session yet).
    assert browser.client.post("/login", data={"name": ADMIN, "password": PASSWORD}).status_code == 403
    assert browser.post("/record/save", form).status_code == 303  # the right token works


def test_login_wrong_password_rate_limit_and_logout(make_browser):
    browser = make_browser()
    response = browser.login(EDITOR, "sai-mat-khau", follow=True)
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.text
    assert browser.login("khong-co-ai", PASSWORD, follow=True).status_code == 200  # same answer, no hint
    for _ in range(4):
        browser.login(EDITOR, "sai-mat-khau")
    locked = browser.login(EDITOR, PASSWORD, follow=True)  # right password, but locked for the window
    assert "quá nhiều lần" in locked.text
    assert browser.get("/", follow_redirects=False).status_code == 303
    other = make_browser(VIEWER)  # another name is not locked
    assert other.get("/").status_code == 200
    token = re.search(r'name="csrf" value="([^"]+)"', other.page).group(1)
    cookie = other.client.cookies.get("thidua_session")
    assert other.post("/logout", {"csrf": token}).headers["location"] == "/login?m=bye"
    other.client.cookies.set("thidua_session", cookie)  # the old cookie is dead on the server too
    assert other.get("/", follow_redirects=False).status_code == 303


def test_sessions_expire(make_browser, archive):
    from pipeline.store.models import SessionRow

    browser = make_browser(EDITOR)
    assert browser.get("/", follow_redirects=False).status_code == 200
    with archive.db.session(write=True) as s:
        s.execute(update(SessionRow).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
    assert browser.get("/", follow_redirects=False).status_code == 303


def test_passwords_are_argon2_hashes(archive):
    from sqlalchemy import select

    from pipeline.store.models import UserRow

    with archive.db.session() as s:
        hashes = list(s.scalars(select(UserRow.password_hash)))
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_admin_manages_users_on_the_page(make_browser):
    admin = make_browser(ADMIN)
    admin.get("/users")
    add = admin.form("/users/add")
    add.update(name=["Trần Thị Lan"], role=["editor"], password=["mat-khau-lan-1"])
    assert admin.post("/users/add", add, follow=True).status_code == 200
    assert "Trần Thị Lan" in admin.get("/users").text
    short = {**add, "name": ["ngan"], "password": ["123"]}
    assert "ít nhất 8 ký tự" in admin.post("/users/add", short).text
    lan = make_browser("Trần Thị Lan")
    assert lan.get("/").status_code == 200
    forms = [f for f in __import__("lxml.html").html.fromstring(admin.get("/users").text).forms
             if f.get("action") == "/users/update"]
    lock = next(f for f in forms if f.xpath(".//input[@name='name']")[0].get("value") == "Trần Thị Lan"
                and f.xpath(".//input[@name='action']")[0].get("value") == "deactivate")
    data = {i.get("name"): [i.get("value")] for i in lock.xpath(".//input")}
    assert admin.post("/users/update", data).status_code == 303
    assert lan.get("/", follow_redirects=False).status_code == 303  # locked out at once
    self_lock = {**data, "name": [ADMIN]}
    assert "chính mình" in admin.post("/users/update", self_lock).text


@pytest.mark.parametrize("role", [VIEWER, EDITOR])
def test_only_admins_see_the_users_link(make_browser, role):
    assert 'href="/users"' not in make_browser(role).get("/").text
    assert 'href="/users"' in make_browser(ADMIN).get("/").text
