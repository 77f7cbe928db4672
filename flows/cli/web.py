"""The web app's commands: `thidua serve` and `thidua user add|list|set`.

`register(app)` adds them to the main `thidua` app. Passwords are read from standard input when
it is not a terminal (scripts), else asked twice without echo; they are stored as argon2 hashes.
"""
from __future__ import annotations

import sys

import typer
from rich.markup import escape

from flows.cli_storage import _error, say, storage_errors

user_app = typer.Typer(no_args_is_help=True, help="Staff accounts of the review web app.")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Server processes (more serve more staff at once; one per core at most)."),
) -> None:
    """Run the staff's review and correction web app (same database and archive as the CLI)."""
    import uvicorn

    from pipeline.storage.users import list_users

    with storage_errors():
        db = _database()  # checks the database and upgrades the schema once, before the workers start
        try:
            users = list_users(db)
        finally:
            db.close()
    if not users:
        say("[yellow]note:[/] no user yet; add one with `thidua user add NAME --role admin`")
    say(f"serving on http://{escape(host)}:{port}/ with {workers} process(es) (Ctrl+C to stop)")
    uvicorn.run("web.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning",
                proxy_headers=True)  # X-Forwarded-Proto from a local HTTPS proxy: Secure cookies


def _read_password() -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = typer.prompt("Password", hide_input=True)
    again = typer.prompt("Repeat password", hide_input=True)
    if first != again:
        raise _error("the two passwords differ; nothing was changed", 2)
    return first


def _database():
    from pipeline.storage import open_database

    return open_database()


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="Login name."),
    role: str = typer.Option(..., "--role", help="viewer (reads), editor (corrects) or admin (also manages users)."),
) -> None:
    """Add a member of staff; the password comes from stdin or a prompt."""
    from pipeline.storage.users import add_user

    password = _read_password()
    with storage_errors():
        db = _database()
        try:
            user = add_user(db, name, role, password)
        finally:
            db.close()
    say(f"added user {escape(user.name)} ({user.role})")


@user_app.command("list")
def user_list() -> None:
    """List staff accounts and their roles."""
    from pipeline.storage.users import list_users

    with storage_errors():
        db = _database()
        try:
            users = list_users(db)
        finally:
            db.close()
    for u in users:
        print(f"{u.name}\t{u.role}\t{'active' if u.active else 'disabled'}")


@user_app.command("set")
def user_set(
    name: str = typer.Argument(...),
    role: str | None = typer.Option(None, "--role", help="New role."),
    password: bool = typer.Option(False, "--password", help="Set a new password (stdin or prompt)."),
    disable: bool = typer.Option(False, "--disable", help="Lock the account and end its sessions."),
    enable: bool = typer.Option(False, "--enable", help="Unlock the account."),
) -> None:
    """Change a role, set a new password, or lock/unlock an account."""
    from pipeline.storage.users import update_user

    if disable and enable:
        raise _error("give --disable or --enable, not both", 2)
    new_password = _read_password() if password else None
    with storage_errors():
        db = _database()
        try:
            user = update_user(db, name, role=role, password=new_password,
                               active=False if disable else True if enable else None)
        finally:
            db.close()
    say(f"user {escape(user.name)}: {user.role}, {'active' if user.active else 'disabled'}")
