"""Alembic environment. Normally run by `pipeline.store.db.Database.upgrade`, which passes an
open connection inside a transaction (so a failed migration leaves nothing behind)."""
from alembic import context

from pipeline.store.models import Base

config = context.config


def run_migrations(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      transactional_ddl=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # a developer running alembic by hand: use the configured database
    from pipeline.store.db import Database
    from pipeline.settings import get_settings

    db = Database(config.get_main_option("sqlalchemy.url") or get_settings().effective_database_url)
    with db.engine.execution_options(thidua_write=True).begin() as conn:
        run_migrations(conn)
    db.close()
