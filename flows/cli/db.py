"""`thidua db upgrade|status`: the archive database's schema."""
from __future__ import annotations

from contextlib import closing

from rich.markup import escape

from flows.cli.output import archive, out, say, storage_errors, command_group

app = command_group("The archive database: where it is and its layout.")


@app.command("upgrade")
def db_upgrade() -> None:
    """Create the database's tables, or bring them up to date after an upgrade of thidua (also done on first use)."""
    from pipeline.store import open_database

    with storage_errors(), closing(open_database(upgrade=False)) as db:
        before = db.revision()
        after = db.upgrade()
    state = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    say(f"database {escape(db.display_url)} {state} revision {after}")


@app.command("status")
def db_status() -> None:
    """Where the archive is, its layout's revision and how much it holds."""
    from pipeline.settings import get_settings
    from pipeline.store.db import head_revision

    with storage_errors(), archive() as repo:
        counts = repo.counts()
        revision = repo.db.revision()
        url = repo.db.display_url
    out.print(f"database  {escape(url)}\narchive   {escape(str(get_settings().effective_archive_dir))}\n"
              f"revision  {revision} (newest {head_revision()})")
    for name, count in counts.items():
        out.print(f"{name:<16}{count:>10}")
