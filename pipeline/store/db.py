"""The database: one engine per URL, the schema kept at the newest migration, driver errors
turned into one-line `StorageError`s.

SQLite (the default, one file beside the archive) runs in WAL mode with SQLAlchemy emitting
BEGIN itself, so DDL is transactional and a write transaction takes the write lock up front
(BEGIN IMMEDIATE) instead of failing half-way when another process wrote first. PostgreSQL
serialises concurrent first-use migrations with an advisory lock.
"""
from __future__ import annotations

import errno
import logging
import sqlite3
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator

from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pipeline.store.errors import (ConflictError, DatabaseUnavailable, Duplicate, MigrationError, NoArchive,
                                     StorageError, StorageFull)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10
# Connections kept open per process (opened only when needed). SQLAlchemy's default of 5 made the
# web server, with a dozen requests at once, close and reopen a PostgreSQL connection every few
# requests; at most PG_POOL_SIZE + PG_POOL_OVERFLOW at once per process.
PG_POOL_SIZE, PG_POOL_OVERFLOW = 15, 5
_MIGRATION_LOCK = 0x7468_6964_7561  # "thidua": pg advisory lock key for schema upgrades


def redact(url: str) -> str:
    """The URL as users may see it: never the password."""
    try:
        parsed = make_url(url)
        return parsed._replace(password=None).render_as_string(hide_password=False)  # URL is a NamedTuple
    except ArgumentError:
        return "<invalid database URL>"


def describe(exc: BaseException) -> str:
    """The driver's own first line, without SQLAlchemy's SQL dump and background links."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


_DISK_FULL = ("database or disk is full", "no space left on device", "could not extend file",
              "disk full")
_UNREACHABLE = ("connection failed", "could not connect", "connection refused", "unable to open database",
                "could not translate host name", "timeout expired", "server closed the connection",
                "terminating connection", "connection is closed", "the connection is lost",
                "file is not a database", "no such host", "password authentication failed",
                "database \"", "role \"")


def translate(exc: BaseException, url: str) -> StorageError:
    """Classify a driver error into the StorageError a user should see."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, StaleDataError):
        return ConflictError("the record was changed by someone else since it was read; "
                             "show it again and repeat the change")
    message = describe(exc)
    if isinstance(exc, IntegrityError):
        return Duplicate(f"duplicate key in {redact(url)}: {message}")
    lowered = message.lower()
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or sqlstate == "53100" or any(
            s in lowered for s in _DISK_FULL):
        return StorageFull(f"disk full while writing to the database {redact(url)}: {message}; "
                           "nothing of the current document was kept, free some space and run again")
    if "database is locked" in lowered:
        return StorageError(f"database {redact(url)} is locked by another process "
                            f"(waited {SQLITE_BUSY_TIMEOUT_MS // 1000} s): {message}")
    if isinstance(exc, DBAPIError) and (exc.connection_invalidated or any(s in lowered for s in _UNREACHABLE)):
        return DatabaseUnavailable(f"cannot connect to database {redact(url)}: {message}")
    return StorageError(f"database error ({redact(url)}): {message}")


@contextmanager
def translate_errors(url: str) -> Iterator[None]:
    try:
        yield
    except (SQLAlchemyError, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno != errno.ENOSPC:
            raise
        raise translate(exc, url) from exc


def _make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"invalid database URL {url!r} (THIDUA_DATABASE_URL): {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    options = {"connect_args": {"connect_timeout": PG_CONNECT_TIMEOUT_S}, "pool_size": PG_POOL_SIZE,
               "max_overflow": PG_POOL_OVERFLOW} if parsed.get_backend_name() == "postgresql" else {}
    try:
        return create_engine(url, **options)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseUnavailable(f"cannot use database URL {redact(url)}: {exc}") from None


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(f"cannot create the database folder {folder}: {exc.strerror or exc}") from None
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        immediate = conn.get_execution_options().get("thidua_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _use_wal(cursor) -> None:
    """Switch a new database file to WAL (persistent, so later connections only check). The switch
    needs an exclusive lock and SQLite does not wait for it, so retry while others start too."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")  # an in-memory database stays "memory"
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@lru_cache(maxsize=1)
def _script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def alembic_config():
    """Built in code, so migrations run the same from a checkout and from an installed package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return _script_directory().get_current_head()


class Database:
    """An open database: sessions for reading and writing, and its schema revision."""

    def __init__(self, url: str):
        self.url = url
        self.engine = _make_engine(url)
        self._writer = self.engine.execution_options(thidua_write=True)
        # Reads that are one statement need no transaction: on PostgreSQL, autocommit saves the
        # BEGIN and COMMIT round trips (the web app reads a session and a record per page).
        self._reader = (self.engine.execution_options(isolation_level="AUTOCOMMIT")
                        if self.dialect == "postgresql" else self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return redact(self.url)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with translate_errors(self.url), Session(self._writer if write else self.engine,
                                                 expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for single-statement reads (each sees committed data; no snapshot spans
        two statements): autocommit on PostgreSQL, a read transaction on SQLite."""
        with translate_errors(self.url), self._reader.connect() as conn:
            yield conn

    def check_connection(self) -> None:
        with translate_errors(self.url), self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with translate_errors(self.url), self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def upgrade(self) -> str:
        """Bring the schema to the newest revision in one transaction: all of it or none of it."""
        from alembic import command

        cfg = alembic_config()
        try:
            with self._writer.begin() as conn:
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except DatabaseUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure here means "schema not upgraded"
            error = translate(exc, self.url) if isinstance(exc, SQLAlchemyError) else None
            if isinstance(error, (DatabaseUnavailable, StorageFull)):
                raise error from exc
            raise MigrationError(f"database migration failed on {self.display_url}: {describe(exc)}; "
                                 "the database was left unchanged") from exc
        return head_revision()

    def ensure_schema(self) -> None:
        """Upgrade on first use; refuse a schema this version of thidua does not know."""
        current = self.revision()
        head = head_revision()
        if current == head:
            return
        if current is not None and not _known_revision(current):
            raise MigrationError(f"database {self.display_url} is at schema revision {current}, which this "
                                 "version of thidua does not know (was it written by a newer version?)")
        log.info("upgrading database %s from %s to %s", self.display_url, current, head)
        self.upgrade()

    def close(self) -> None:
        self.engine.dispose()


def _must_exist(url: str) -> None:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # Database() says what is wrong with it
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:" \
            and not database.startswith("file:") and not Path(database).is_file():
        raise NoArchive(f"no archive at {Path(database).parent} (no {Path(database).name}); "
                        "run `thidua ingest` first, or set THIDUA_OUTPUT_DIR / THIDUA_DATABASE_URL to where it is")


def _known_revision(revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return _script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def open_database(url: str | None = None, *, upgrade: bool = True, create: bool = True) -> Database:
    """Connect (default: THIDUA_DATABASE_URL or the SQLite file in the output folder) and migrate.
    `create=False` (commands that only read or correct): no archive there is an error, and none
    is created: a cron job or a new terminal in another folder must not see an empty one."""
    from pipeline.settings import get_settings

    url = url or get_settings().effective_database_url
    if not create:
        _must_exist(url)
    db = Database(url)
    try:
        db.check_connection()
        if not create and db.revision() is None:
            raise NoArchive(f"no archive in {db.display_url}; run `thidua ingest` first")
        if upgrade:
            db.ensure_schema()
    except BaseException:
        db.close()
        raise
    return db
