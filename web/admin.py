"""The user administration page (admins only): add staff, change roles, (de)activate, reset passwords."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from pipeline.store import StorageError
from pipeline.store import users as accounts
from web.auth import Admin, CheckedForm

router = APIRouter()
ROLE_NAMES = {"viewer": "Chỉ xem", "editor": "Biên tập", "admin": "Quản trị"}
MESSAGES = {"added": "Đã thêm người dùng.", "updated": "Đã cập nhật người dùng."}


def _one(data: dict, key: str) -> str:
    return (data.get(key) or [""])[-1]


def _page(request: Request, message: str | None = None, error: str | None = None, status_code: int = 200):
    return request.app.state.render(request, "users.html", {
        "users": accounts.list_users(request.app.state.repo.db), "roles": ROLE_NAMES, "message": message,
        "error": error, "min_password": accounts.MIN_PASSWORD}, status_code=status_code)


@router.get("/users")
def users_page(request: Request, login: Admin, m: str | None = None):
    return _page(request, MESSAGES.get(m or ""))


@router.post("/users/add")
def add(request: Request, data: CheckedForm, login: Admin) -> Response:
    try:
        accounts.add_user(request.app.state.repo.db, _one(data, "name"), _one(data, "role"), _one(data, "password"))
    except StorageError as exc:
        return _page(request, error=_vietnamese(str(exc)), status_code=422)
    return RedirectResponse("/users?m=added", status_code=303)


@router.post("/users/update")
def update(request: Request, data: CheckedForm, login: Admin) -> Response:
    name, action = _one(data, "name"), _one(data, "action")
    if name == login.user.name and action in ("deactivate", "role"):
        return _page(request, error="Bạn không thể tự hạ quyền hay khóa tài khoản của chính mình.", status_code=422)
    try:
        if action == "role":
            accounts.update_user(request.app.state.repo.db, name, role=_one(data, "role"))
        elif action in ("deactivate", "activate"):
            accounts.update_user(request.app.state.repo.db, name, active=action == "activate")
        elif action == "password":
            accounts.update_user(request.app.state.repo.db, name, password=_one(data, "password"))
        else:
            return _page(request, error="Thao tác không hợp lệ.", status_code=422)
    except StorageError as exc:
        return _page(request, error=_vietnamese(str(exc)), status_code=422)
    return RedirectResponse("/users?m=updated", status_code=303)


def _vietnamese(message: str) -> str:
    if "already exists" in message:
        return "Tên người dùng này đã có."
    if "password" in message:
        return f"Mật khẩu phải có ít nhất {accounts.MIN_PASSWORD} ký tự."
    if "role" in message:
        return "Vai trò không hợp lệ."
    if "no user" in message:
        return "Không có người dùng này."
    return "Tên người dùng phải từ 1 đến 200 ký tự, trên một dòng."
