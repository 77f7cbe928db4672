"""Alembic migrations for the archive database, run by `pipeline.storage.db.Database.upgrade`."""
