"""The `thidua` command: every command group in one tree, and `main`, which sets up logging and
answers Ctrl-C. Exit codes: 0 all files ok, 1 some failed, 2 usage error (also a bad THIDUA_*
setting or --out), 130 interrupted (Ctrl-C, with what was done).

One module per command group: extract.py (extract, eval), archive.py (ingest, reextract, export),
search.py, records.py, db.py, runs.py (schedule, deploy, status), reports.py, units.py, doctor.py,
verify.py, web.py (serve, user); output.py holds what they share.
"""
from __future__ import annotations

import logging
import signal
import sys
from typing import Annotated

import typer
from typer.core import TyperArgument, TyperGroup

from flows.cli import archive, db, doctor, extract, records, reports, runs, search, units, verify, web
from flows.cli.output import HELP_SETTINGS, console


class PlainHelp(TyperGroup):
    """The command tree with help in the user's words: an argument shows its name (FILES, DOC_ID) and
    its description, not its Python type (typer adds `<list[Path]>` even beside a metavar), and the
    list of commands shows each one's first paragraph whole."""

    def __init__(self, **attrs):
        super().__init__(**attrs)
        _plain_help(self)


def _plain_help(command) -> None:
    """For `command` and every command under it."""
    if command.help and not command.short_help:  # the listing shows the first sentence whole, not cut at 45 characters
        command.short_help = command.help.split("\n\n")[0].replace("\n", " ").strip()
    for param in command.params:
        if isinstance(param, TyperArgument):
            param.display_type_rich = _no_type  # what typer's help prints beside the argument's name
    for sub in getattr(command, "commands", {}).values():
        _plain_help(sub)


def _no_type(ctx) -> None:
    return None


app = typer.Typer(cls=PlainHelp, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, context_settings=HELP_SETTINGS,
                  help="Turn emulation-meeting reports into structured records.")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("thidua")
        except PackageNotFoundError:  # run from a checkout that was never installed
            number = "unknown (not installed)"
        typer.echo(f"thidua {number}")
        raise typer.Exit(0)


@app.callback()
def _thidua(
    show_version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version,
                                               help="Print thidua's version and stop.")] = False,
) -> None:
    """Turn emulation-meeting reports into structured records."""


COMMANDS = {"extract": extract.extract, "eval": extract.evaluate, "ingest": archive.ingest,
            "reextract": archive.reextract, "schedule": runs.schedule, "deploy": runs.deploy, "status": runs.status,
            "export": archive.export, "search": search.search, "verify": verify.verify, "serve": web.serve,
            "doctor": doctor.doctor}
GROUPS = {"records": records.app, "db": db.app, "report": reports.app, "units": units.app, "user": web.user_app}
for _name, _command in COMMANDS.items():
    app.command(_name)(_command)
for _name, _group in GROUPS.items():
    app.add_typer(_group, name=_name)


def main() -> None:
    from pydantic import ValidationError

    from pipeline.settings import get_settings, settings_problems

    try:
        level = get_settings().log_level
    except ValidationError as exc:  # a bad THIDUA_* value: a usage error, before anything starts
        for line in settings_problems(exc):
            console.print(f"error: {line}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    from flows.runtime import ExpectedErrors, configure_environment, ctrl_c_seen, quiet_prefect_at_exit, \
        quiet_third_party_logs, watch_ctrl_c

    quiet_third_party_logs()
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)  # `thidua` loggers are at INFO for Prefect's UI; the terminal: THIDUA_LOG_LEVEL
        handler.addFilter(ExpectedErrors())
    configure_environment()  # before anything imports Prefect
    quiet_prefect_at_exit()
    watch_ctrl_c()
    try:
        app()
    except SystemExit as exc:
        if exc.code == 130 or (exc.code not in (0, None) and ctrl_c_seen()):  # typer's answer to Ctrl-C
            _interrupt_exit(_interrupt_message(exc))
        raise
    except BaseException as exc:  # Ctrl-C at any moment (even wrapped by a library): one line, no traceback
        if isinstance(exc, KeyboardInterrupt) or ctrl_c_seen():
            _interrupt_exit(_interrupt_message(exc))
        raise


def _interrupt_message(exc: BaseException | None) -> str:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if getattr(exc, "message", None) and isinstance(exc, KeyboardInterrupt):
            return exc.message
        exc = exc.__cause__ or exc.__context__
    return "interrupted; run again to finish"


def _interrupt_exit(message: str) -> None:
    """Say what the interrupt left, stop the extraction processes, exit 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
    console.print(message, markup=False, highlight=False, soft_wrap=True)
    from flows.pool import shutdown_pool

    shutdown_pool()
    sys.exit(130)
