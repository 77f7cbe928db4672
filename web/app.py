"""The staff's review and correction web app: a thin shell over the archive (pipeline.store).

`create_app()` opens the archive as the CLI does (THIDUA_DATABASE_URL, THIDUA_ARCHIVE_DIR) and
serves server-rendered pages. Every response carries security headers; the Content Security
Policy allows scripts and styles only from /static, so nothing from a document can run.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from pipeline.settings import get_settings
from pipeline.store import DatabaseUnavailable, NotFound, StorageError, open_repository
from web import auth, textview
from web.labels import field_label, reason_text, show
from pipeline.record import LOW_CONFIDENCE

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Requests a server process works on at once (its thread pool; anyio's default is 40). Past a few,
# more threads only contend for the interpreter lock: under the load check, 40 threads cost about
# 10% more CPU per request than 8 (the others wait their turn in the event loop).
THREADS = 8
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html
    templates.env.auto_reload = False  # templates ship with the package; no stat() per page
    templates.env.filters["q"] = lambda value: quote(str(value), safe="")
    templates.env.filters["show"] = show
    templates.env.filters["field"] = field_label
    templates.env.filters["reason"] = reason_text
    templates.env.filters["when"] = lambda at, fmt="%d/%m/%Y %H:%M": at.astimezone().strftime(fmt)
    for name in templates.env.list_templates():  # compiled now, not by the first requests
        templates.env.get_template(name)
    return templates


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response (pages: never cached). Plain ASGI, so file
    downloads stream through untouched."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        if not scope["path"].startswith("/static/"):
            extra.append((b"cache-control", b"no-store"))

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k for k, _ in extra}
                message["headers"] = [h for h in message.get("headers", []) if h[0].lower() not in names] + extra
            await send(message)

        return await self.app(scope, receive, with_headers)


def create_app(database_url: str | None = None, archive_dir: Path | None = None) -> FastAPI:
    repo = open_repository(database_url, archive_dir)

    @asynccontextmanager
    async def lifespan(_app):
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        repo.close()

    app = FastAPI(title="thidua", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.repo = repo
    settings = get_settings()
    app.state.limiter = auth.LoginLimiter(settings.login_attempts, settings.login_window_minutes * 60)
    templates = _templates()

    def render(request: Request, name: str, context: dict, login=..., status_code: int = 200) -> HTMLResponse:
        if login is ...:
            login = auth.current_session(request)
        return templates.TemplateResponse(request, name, {"login": login, **context}, status_code=status_code)

    app.state.render = render
    app.state.text_pane = textview.TextPane(templates.env.get_template("doc_text.html"), LOW_CONFIDENCE)

    app.add_middleware(SecurityHeaders)

    _handlers(app, render)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    from web import admin, records

    app.include_router(auth.router)
    app.include_router(records.router)
    app.include_router(admin.router)

    return app


def _handlers(app: FastAPI, render) -> None:
    def error(request: Request, status: int, title: str, detail: str | None = None) -> HTMLResponse:
        return render(request, "error.html", {"title": title, "detail": detail}, status_code=status)

    @app.exception_handler(auth.LoginRequired)
    async def _login(request: Request, exc):
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(auth.Forbidden)
    async def _forbidden(request: Request, exc):
        return error(request, 403, "Không được phép", exc.message)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc):
        return error(request, 404, "Không tìm thấy", str(exc))

    @app.exception_handler(DatabaseUnavailable)
    async def _unavailable(request: Request, exc):
        return error(request, 503, "Không kết nối được cơ sở dữ liệu", str(exc))

    @app.exception_handler(StorageError)
    async def _storage(request: Request, exc):
        return error(request, 400, "Không thực hiện được", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc):
        return error(request, 400, "Yêu cầu không hợp lệ", "Thiếu hoặc sai tham số.")

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc):
        titles = {404: "Không tìm thấy trang", 405: "Thao tác không được hỗ trợ"}
        return error(request, exc.status_code, titles.get(exc.status_code, "Lỗi"), None)
