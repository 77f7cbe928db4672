"""Staff accounts and login sessions for the review web app, in the archive's database.

Passwords are stored as argon2 hashes only. A session is a random token held by the browser;
the database keeps its SHA-256, so a leaked database does not leak live sessions. Sessions end
after a period without use and, at the latest, a fixed time after login.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, select

from pipeline.store.db import Database
from pipeline.store.errors import Duplicate, InvalidInput, NotFound
from pipeline.store.models import SessionRow, UserRow, utcnow

ROLES = ("viewer", "editor", "admin")  # each may do what the previous one may
MIN_PASSWORD = 8
_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps unknown names as slow as wrong passwords.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


@dataclass
class User:
    id: int
    name: str
    role: str
    active: bool

    def may(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass
class LoginSession:
    token: str  # only known right after login: the browser's cookie
    user: User
    csrf_token: str
    expires_at: dt.datetime


def _user(row: UserRow) -> User:
    return User(row.id, row.name, row.role, bool(row.active))


def _check(name: str, role: str, password: str | None) -> str:
    name = (name or "").strip()
    if not name or len(name) > 200 or any(ch.isspace() and ch != " " for ch in name):
        raise InvalidInput("a user name is 1 to 200 characters on one line")
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise InvalidInput(f"the password must have at least {MIN_PASSWORD} characters")
    return name


def add_user(db: Database, name: str, role: str, password: str) -> User:
    name = _check(name, role, password)
    try:
        with db.session(write=True) as s:
            if s.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
                raise Duplicate(name)
            row = UserRow(name=name, role=role, password_hash=_hasher.hash(password), active=True)
            s.add(row)
            s.flush()
            return _user(row)
    except Duplicate:  # checked above, or a concurrent add of the same name
        raise InvalidInput(f"user {name!r} already exists") from None


def list_users(db: Database) -> list[User]:
    with db.session() as s:
        return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.name))]


def update_user(db: Database, name: str, *, role: str | None = None, active: bool | None = None,
                password: str | None = None) -> User:
    """Change a role, (de)activate, or set a new password; deactivating ends the user's sessions."""
    with db.session(write=True) as s:
        row = s.scalar(select(UserRow).where(UserRow.name == name))
        if row is None:
            raise NotFound(f"no user {name!r}")
        _check(row.name, role or row.role, password)
        if role:
            row.role = role
        if password is not None:
            row.password_hash = _hasher.hash(password)
        if active is not None:
            row.active = active
        if active is False or password is not None:
            s.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
        return _user(row)


def authenticate(db: Database, name: str, password: str) -> User | None:
    with db.session() as s:
        row = s.scalar(select(UserRow).where(UserRow.name == (name or "").strip()))
        try:
            _hasher.verify(row.password_hash if row else _DUMMY_HASH, password or "")
        except (VerificationError, InvalidHashError):
            return None
        return _user(row) if row is not None and row.active else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: Database, user: User, idle: dt.timedelta, longest: dt.timedelta) -> LoginSession:
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    with db.session(write=True) as s:
        s.execute(delete(SessionRow).where(SessionRow.expires_at < now))  # housekeeping
        s.add(SessionRow(token_hash=_digest(token), user_id=user.id, csrf_token=csrf, created_at=now,
                         last_seen=now, expires_at=min(now + idle, now + longest)))
    return LoginSession(token, user, csrf, now + idle)


def find_session(db: Database, token: str | None, idle: dt.timedelta,
                 longest: dt.timedelta) -> LoginSession | None:
    """The live session for a cookie (its idle deadline moved on), or None when unknown or expired."""
    if not token:
        return None
    now = utcnow()
    digest = _digest(token)
    with db.reading() as conn:  # most requests only read: one statement, no transaction of its own
        found = conn.execute(_SESSION_LOOKUP, {"digest": digest}).first()
    if found is None:
        return None
    expires_at, last_seen, csrf, user_id, name, role, active = found
    live = _aware(expires_at) > now and active
    if live and (now - _aware(last_seen)).total_seconds() <= 30:
        return LoginSession(token, User(user_id, name, role, bool(active)), csrf, _aware(expires_at))
    query = (select(SessionRow, UserRow).join(UserRow, UserRow.id == SessionRow.user_id)
             .where(SessionRow.token_hash == digest))
    with db.session(write=True) as s:  # expired: remove it; in use: move its idle deadline on
        found = s.execute(query).first()
        if found is None:
            return None
        row, user = found
        if not (_aware(row.expires_at) > now and user.active):
            s.delete(row)
            return None
        row.last_seen = now
        row.expires_at = min(now + idle, _aware(row.created_at) + longest)
        return LoginSession(token, _user(user), row.csrf_token, _aware(row.expires_at))


_SESSION_LOOKUP = (select(SessionRow.expires_at, SessionRow.last_seen, SessionRow.csrf_token, UserRow.id, UserRow.name,
                          UserRow.role, UserRow.active)
                   .join(UserRow, UserRow.id == SessionRow.user_id)
                   .where(SessionRow.token_hash == bindparam("digest")))


def end_session(db: Database, token: str | None) -> None:
    if token:
        with db.session(write=True) as s:
            s.execute(delete(SessionRow).where(SessionRow.token_hash == _digest(token)))


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
