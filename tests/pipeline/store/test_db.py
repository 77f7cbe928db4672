"""The database: created and migrated on first use, faults reported in one line, nothing half-done."""
import threading

import pytest
from sqlalchemy import inspect, text

from pipeline.store.db import Database, head_revision, open_database, redact
from pipeline.store.errors import DatabaseUnavailable, MigrationError

TABLES = {"documents", "sources", "machine_records", "corrections", "record_versions", "audit_log"}


def test_first_use_creates_the_schema_at_the_newest_revision(db_url):
    db = open_database(db_url)
    try:
        assert db.revision() == head_revision()
        assert set(inspect(db.engine).get_table_names()) >= TABLES
    finally:
        db.close()
    again = open_database(db_url)  # second use: nothing to do
    assert again.revision() == head_revision()
    again.close()


def test_sqlite_runs_in_wal_mode(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'thidua.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()


def test_two_processes_starting_at_once_both_end_up_with_one_schema(db_url):
    errors = []

    def start():
        try:
            open_database(db_url).close()
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db = Database(db_url)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    db.close()


def test_a_failed_migration_leaves_the_database_as_it_was(db_url):
    db = Database(db_url)
    with db.engine.begin() as conn:  # a table in the way of the last table the migration creates
        conn.execute(text("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)"))
    with pytest.raises(MigrationError, match="left unchanged") as exc:
        db.ensure_schema()
    assert "\n" not in str(exc.value)
    assert set(inspect(db.engine).get_table_names()) == {"audit_log"}
    db.close()


def test_a_schema_from_a_newer_version_is_refused(db_url):
    db = open_database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    with pytest.raises(MigrationError, match="ffff_future.*newer version"):
        db.ensure_schema()
    db.close()


def test_an_unreachable_server_is_one_line_without_the_password():
    with pytest.raises(DatabaseUnavailable) as exc:
        open_database("postgresql+psycopg://staff:s3cret@127.0.0.1:1/thidua")
    message = str(exc.value)
    assert message.startswith("cannot connect to database postgresql+psycopg://staff@127.0.0.1:1/thidua: ")
    assert "s3cret" not in message and "\n" not in message


def test_a_sqlite_file_that_cannot_be_created_is_reported(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DatabaseUnavailable, match="not-a-folder"):
        open_database(f"sqlite:///{blocker / 'thidua.db'}")


def test_a_file_that_is_not_a_database_is_reported(tmp_path):
    junk = tmp_path / "thidua.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseUnavailable, match="file is not a database"):
        open_database(f"sqlite:///{junk}")


def test_an_invalid_url_is_reported():
    with pytest.raises(DatabaseUnavailable, match="invalid database URL"):
        open_database("not a url")


def test_urls_are_shown_without_passwords():
    assert redact("postgresql+psycopg://u:pw@h:5432/d") == "postgresql+psycopg://u@h:5432/d"
