"""Alembic migrations for the archive database, run by `pipeline.store.db.Database.upgrade`."""
