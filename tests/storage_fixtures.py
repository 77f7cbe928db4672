"""Fixtures for the archive tests, run once per database: SQLite in tmp_path and PostgreSQL.

They reach every test through `pytest_plugins` in tests/conftest.py; helpers are imported by name.
PostgreSQL tests get a fresh schema each (selected through the URL's search_path, so even a
`thidua` subprocess lands in it), dropped afterwards. Without a server they are skipped, unless
CI is set: then they fail. THIDUA_TEST_POSTGRES_URL points them at another server.
"""
from __future__ import annotations

import hashlib
import os
import uuid
from functools import lru_cache
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

POSTGRES_URL = os.environ.get("THIDUA_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _conninfo() -> str:
    return make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)


@lru_cache(maxsize=1)
def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None."""
    import psycopg

    try:
        with psycopg.connect(_conninfo(), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        return f"PostgreSQL not reachable at {make_url(POSTGRES_URL).render_as_string()}: {str(exc).splitlines()[0]}"
    return None


def require_postgres() -> None:
    problem = postgres_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem} (CI is set, so PostgreSQL tests must run)")
        pytest.skip(f"{problem}; start it with: "
                    "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")


def postgres_schema_url(schema: str) -> str:
    url = make_url(POSTGRES_URL)
    return url.update_query_dict({"options": f"-csearch_path={schema}", "application_name": schema}) \
        .render_as_string(hide_password=False)


def create_schema() -> str:
    import psycopg

    schema = f"thidua_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return schema


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(_conninfo(), autocommit=True) as conn:
        # A connection the test left open (or a killed subprocess's) must not block the drop.
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", (schema,))
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A database URL for an empty database: SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'db' / 'thidua.db').as_posix()}"
        return
    require_postgres()
    schema = create_schema()
    try:
        yield postgres_schema_url(schema)
    finally:
        drop_schema(schema)


@pytest.fixture
def storage_env(db_url, tmp_path, monkeypatch):
    """THIDUA_* pointing at this test's database and a fresh output folder (the archive is in it)."""
    from pipeline.settings import get_settings

    monkeypatch.setenv("THIDUA_DATABASE_URL", db_url)
    monkeypatch.setenv("THIDUA_OUTPUT_DIR", str(tmp_path / "outputs"))
    monkeypatch.delenv("THIDUA_ARCHIVE_DIR", raising=False)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


@pytest.fixture
def repository(storage_env):
    from pipeline.store import open_repository

    repo = open_repository()
    yield repo
    repo.close()


@pytest.fixture
def reports(tmp_path):
    """Write n generated reports into a folder: reports(n, start=0, folder=None) -> list[Path]."""
    from benchmarks.corpus import write_reports

    def _write(n: int, start: int = 0, folder: Path | None = None, seed: int = 0) -> list[Path]:
        return write_reports(folder or tmp_path / "reports", n, seed=seed, start=start)

    return _write


def assert_consistent(repo) -> dict[str, int]:
    """No partial rows: every document has its source, machine record, version and audit rows,
    versions are complete, every archived original is whole, and the search index agrees."""
    from sqlalchemy import func, select

    from pipeline.store.models import AuditRow, DocumentRow, MachineRecordRow, RecordVersionRow, SourceRow

    with repo.db.session() as s:
        docs = s.execute(select(DocumentRow.id, DocumentRow.doc_id, DocumentRow.version,
                                DocumentRow.source_revision)).all()
        for doc_pk, doc_id, version, revision in docs:
            sources = s.scalars(select(SourceRow).where(SourceRow.document_id == doc_pk)).all()
            assert revision in {src.revision for src in sources}, f"{doc_id}: current source missing"
            assert s.scalar(select(func.count()).select_from(MachineRecordRow)
                            .where(MachineRecordRow.document_id == doc_pk)) >= 1, f"{doc_id}: no machine record"
            versions = s.scalars(select(RecordVersionRow.version).where(RecordVersionRow.document_id == doc_pk)
                                 .order_by(RecordVersionRow.version)).all()
            assert versions == list(range(1, version + 1)), f"{doc_id}: versions {versions} for version {version}"
            assert s.scalar(select(func.count()).select_from(AuditRow)
                            .where(AuditRow.document_id == doc_pk)) >= 1, f"{doc_id}: no audit entry"
            for src in sources:
                archived = repo.archive.path_for(src.sha256, src.ext)
                assert hashlib.sha256(archived.read_bytes()).hexdigest() == src.sha256, f"{archived} damaged"
        if repo.db.dialect == "sqlite":
            s.execute(text("INSERT INTO sources_fts(sources_fts) VALUES ('integrity-check')"))
    counts = repo.counts()
    assert counts["documents"] == len(docs)
    return counts


def stem(doc_id: str) -> str:
    """The file-name part of a document id (`baocao-1a2b3c4d` -> `baocao`)."""
    return doc_id.rsplit("-", 1)[0]


def stems(doc_ids) -> list[str]:
    return sorted(stem(d) for d in doc_ids)
