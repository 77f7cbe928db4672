"""The web app's commands: `thidua serve` and `thidua user add|list|set`.

Passwords are read from standard input when it is not a terminal (scripts), else asked twice without
echo; they are stored as argon2 hashes.
"""
from __future__ import annotations

import sys
from contextlib import closing
from typing import Annotated

import typer
from rich.markup import escape

from flows.cli.output import error, say, storage_errors, within, command_group

user_app = command_group("Staff accounts of the review web page.")

NAME = Annotated[str, typer.Argument(metavar="NAME", show_default=False, help="The login name.")]


def serve(
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS",
                                      help="Address to listen on (0.0.0.0: every network interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", callback=within(1, 65535), metavar="PORT",
                                      help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(
        "--workers", callback=within(1, 64), metavar="N",
        help="Server processes: more serve more staff at once (one per core at most).")] = 1,
) -> None:
    """Run the web page where staff review and correct records (same database and archive as the commands)."""
    import uvicorn

    from pipeline.store.users import list_users

    with storage_errors(), closing(_database()) as db:  # checks the database, upgrades it once, before the workers
        users = list_users(db)
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
        raise error("the two passwords differ; nothing was changed", 2)
    return first


def _database():
    from pipeline.store import open_database

    return open_database()


@user_app.command("add")
def user_add(
    name: NAME,
    role: Annotated[str, typer.Option(
        "--role", metavar="ROLE", show_default=False,
        help="viewer (reads), editor (also corrects) or admin (also manages accounts).")],
) -> None:
    """Add a member of staff; the password is read from standard input, or asked for twice."""
    from pipeline.store.users import add_user

    password = _read_password()
    with storage_errors(), closing(_database()) as db:
        user = add_user(db, name, role, password)
    say(f"added user {escape(user.name)} ({user.role})")


@user_app.command("list")
def user_list() -> None:
    """List staff accounts, their roles and whether they are active."""
    from pipeline.store.users import list_users

    with storage_errors(), closing(_database()) as db:
        users = list_users(db)
    for u in users:
        print(f"{u.name}\t{u.role}\t{'active' if u.active else 'disabled'}")


@user_app.command("set")
def user_set(
    name: NAME,
    role: Annotated[str | None, typer.Option("--role", metavar="ROLE", show_default=False,
                                             help="New role: viewer, editor or admin.")] = None,
    password: Annotated[bool, typer.Option(
        "--password", help="Set a new password (read from standard input, or asked for twice).")] = False,
    disable: Annotated[bool, typer.Option("--disable", help="Lock the account and end its sessions.")] = False,
    enable: Annotated[bool, typer.Option("--enable", help="Unlock the account.")] = False,
) -> None:
    """Change a role, set a new password, or lock or unlock an account."""
    from pipeline.store.users import update_user

    if disable and enable:
        raise error("give --disable or --enable, not both", 2)
    new_password = _read_password() if password else None
    with storage_errors(), closing(_database()) as db:
        user = update_user(db, name, role=role, password=new_password,
                           active=False if disable else True if enable else None)
    say(f"user {escape(user.name)}: {user.role}, {'active' if user.active else 'disabled'}")
