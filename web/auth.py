"""Who is asking: login, logout, server-side sessions, roles, CSRF tokens and the login limit.

Without a live session every page leads to the login form. Every POST carries the session's
CSRF token (a hidden field, or the X-CSRF-Token header); the login form, which has no session
yet, uses a double-submit cookie instead.
"""
from __future__ import annotations

import datetime as dt
import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from pipeline.settings import get_settings
from pipeline.store import users as accounts

COOKIE = "thidua_session"
LOGIN_COOKIE = "thidua_login"
router = APIRouter()


class LoginRequired(Exception):
    """No live session: the answer is the login page."""


class Forbidden(Exception):
    """A live session whose role may not do this, or a POST without the right CSRF token."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class LoginLimiter:
    """At most `attempts` failed logins per name and address in a sliding window (in this process)."""

    def __init__(self, attempts: int, window_s: float):
        self.attempts, self.window_s = attempts, window_s
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] < time.monotonic() - self.window_s:
            failures.popleft()
        return failures

    def blocked(self, name: str, address: str) -> bool:
        with self._lock:
            return len(self._recent((name.strip().casefold(), address))) >= self.attempts

    def failed(self, name: str, address: str) -> None:
        with self._lock:
            self._recent((name.strip().casefold(), address)).append(time.monotonic())

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop((name.strip().casefold(), address), None)


def _lifetimes() -> tuple[dt.timedelta, dt.timedelta]:
    settings = get_settings()
    return dt.timedelta(minutes=settings.session_idle_minutes), dt.timedelta(hours=settings.session_max_hours)


def current_session(request: Request) -> accounts.LoginSession | None:
    if not hasattr(request.state, "login"):
        request.state.login = accounts.find_session(request.app.state.repo.db, request.cookies.get(COOKIE),
                                                    *_lifetimes())
    return request.state.login


def viewer(request: Request) -> accounts.LoginSession:
    login = current_session(request)
    if login is None:
        raise LoginRequired()
    return login


Viewer = Annotated[accounts.LoginSession, Depends(viewer)]  # a parameter `login: Viewer` needs a live session


def editor(login: Viewer) -> accounts.LoginSession:
    if not login.user.may("editor"):
        raise Forbidden("Tài khoản của bạn chỉ được xem, không được sửa bản ghi.")
    return login


Editor = Annotated[accounts.LoginSession, Depends(editor)]


def admin(login: Viewer) -> accounts.LoginSession:
    if not login.user.may("admin"):
        raise Forbidden("Chỉ quản trị viên được quản lý người dùng.")
    return login


Admin = Annotated[accounts.LoginSession, Depends(admin)]


async def checked_form(request: Request) -> dict[str, list[str]]:
    """The POSTed form as a multi-dict, after checking the session's CSRF token."""
    form = await request.form()
    login = current_session(request)
    if login is None:
        raise LoginRequired()
    sent = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
    if not secrets.compare_digest(sent.encode(), login.csrf_token.encode()):
        raise Forbidden("Phiên làm việc không hợp lệ (thiếu mã bảo vệ CSRF). Hãy tải lại trang và thử lại.")
    data: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if isinstance(value, str):
            data.setdefault(key, []).append(value)
    return data


CheckedForm = Annotated[dict[str, list[str]], Depends(checked_form)]


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.get("/login")
def login_page(request: Request, m: str | None = None):
    token = secrets.token_urlsafe(24)
    response = request.app.state.render(request, "login.html", {"login_csrf": token, "message": m}, login=None)
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/login",
                        secure=request.url.scheme == "https")
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    sent, expected = str(form.get("login_csrf") or ""), request.cookies.get(LOGIN_COOKIE) or ""
    if not expected or not secrets.compare_digest(sent.encode(), expected.encode()):
        raise Forbidden("Biểu mẫu đăng nhập đã cũ. Hãy tải lại trang đăng nhập.")
    limiter: LoginLimiter = request.app.state.limiter
    db = request.app.state.repo.db
    if limiter.blocked(name, _address(request)):
        return RedirectResponse("/login?m=locked", status_code=303)
    user = await _run(accounts.authenticate, db, name, password)
    if user is None:
        limiter.failed(name, _address(request))
        return RedirectResponse("/login?m=failed", status_code=303)
    limiter.succeeded(name, _address(request))
    session = await _run(accounts.start_session, db, user, *_lifetimes())
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, session.token, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, form: CheckedForm) -> Response:
    accounts.end_session(request.app.state.repo.db, request.cookies.get(COOKIE))
    response = RedirectResponse("/login?m=bye", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


async def _run(func, *args):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(func, *args)
