"""What every command shares: where text goes, progress bars, summaries, and how a problem ends
a command (one `error:` line and an exit code, never a traceback).

Results go to stdout (`out`, `print_json`); messages, progress and summaries to stderr (`console`,
`say`), so `thidua ... > file` keeps only the results. Exit codes: 0 all ok, 1 something failed,
2 nothing could be done (usage, setup, database), 130 interrupted.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from pipeline.read.document import DocumentResult, Status

console = Console(stderr=True, emoji=False)  # messages, progress, summaries
out = Console(soft_wrap=True, emoji=False)  # results
HELP_SETTINGS = {"help_option_names": ["-h", "--help"]}


def command_group(help: str) -> typer.Typer:
    """A group of commands (`thidua records ...`): plain help text, `-h` as `--help`."""
    return typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=HELP_SETTINGS, help=help)


def within(low: int, high: int | None = None) -> Callable[[int | None], int | None]:
    """Check a number option's bounds (with typer's own message), without a `[x>=1]` in the help."""

    def check(value: int | None) -> int | None:
        if value is not None and value < low:
            raise typer.BadParameter(f"Input should be greater than or equal to {low}")
        if value is not None and high is not None and value > high:
            raise typer.BadParameter(f"Input should be less than or equal to {high}")
        return value

    return check


# The record filters shared by `records list` and `export`.
CLUSTER = Annotated[str | None, typer.Option(
    metavar="CLUSTER", show_default=False, help="Only this cluster (its number, or part of its name).")]
YEAR = Annotated[int | None, typer.Option(
    callback=within(0, 9999), metavar="YEAR", show_default=False,
    help="Only this year (the year under review, else the year of the meeting).")]
NEEDS_REVIEW = Annotated[bool, typer.Option("--needs-review", help="Only records flagged for review.")]


def say(message: str) -> None:
    """One message line on stderr (rich markup), never wrapped: scripts read these."""
    console.print(message, highlight=False, soft_wrap=True)


def error(message: str, code: int = 2) -> typer.Exit:
    """Print `error: message` and return the exit to raise: `raise error("...", 2)`."""
    say(f"[red]error:[/] {escape(message)}")
    return typer.Exit(code)


def progress() -> Progress:
    """A progress bar on a terminal; nothing in a pipe or a log."""
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[current]}", style="dim"), TimeRemainingColumn(),
                    console=console, transient=False, disable=not console.is_terminal)


def print_json(value: Any, indent: int | None = None) -> None:
    """JSON for scripts, written as is: never through rich (":x:" in a document stays ":x:").
    Text the terminal's encoding cannot take (an escaped file name) is written as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        sys.stdout.write(json.dumps(value, ensure_ascii=True, indent=indent) + "\n")


def print_summary(results: list[DocumentResult], title: str = "Summary") -> None:
    """Counts per status, then one line (log) or one table row (terminal) per failed file."""
    failed = [r for r in results if r.status == Status.FAILED]
    table = Table(title=title, show_header=True)
    table.add_column("read", justify="right")
    table.add_column("ok", justify="right", style="green")
    table.add_column("skipped", justify="right")
    table.add_column("failed", justify="right", style="red")
    table.add_row(str(len(results)), str(sum(r.status == Status.OK for r in results)),
                  str(sum(r.status == Status.SKIPPED for r in results)), str(len(failed)))
    console.print(table)
    if failed and not console.is_terminal:
        # logs and cron mail: one grep-able line per failed file
        for r in failed:
            console.print(f"failed: {r.path}: {r.reason}", markup=False, highlight=False, soft_wrap=True)
    elif failed:
        reasons = Table(title="Failed files", show_header=True)
        reasons.add_column("file", overflow="fold")
        reasons.add_column("reason", overflow="fold")
        for r in failed:
            reasons.add_row(Text(r.path), Text(r.reason or ""))
        console.print(reasons)


def exit_code(results: Iterable[DocumentResult]) -> int:
    return 1 if any(r.status == Status.FAILED for r in results) else 0


def check_output(path: Path) -> None:
    """Before any work: the output must be a regular file (or new) in a folder that exists."""
    from pipeline.atomic import UnsafeOutput, check_target
    from pipeline.read.document import shown_path

    try:
        check_target(path)
    except UnsafeOutput as exc:
        raise error(f"cannot write {shown_path(path)}: {exc}", 2) from None


@contextmanager
def storage_errors(done: list[DocumentResult] | None = None) -> Iterator[None]:
    """The CLI boundary: storage problems become one line and an exit code, never a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from pipeline.ingest import IngestStopped
    from pipeline.settings import get_settings
    from pipeline.store import StorageError
    from pipeline.store.db import translate

    try:
        yield
    except IngestStopped as exc:
        print_summary([*(done or []), *exc.results])
        raise error(str(exc), exc.exit_code) from None
    except StorageError as exc:
        raise error(str(exc), exc.exit_code) from None
    except SQLAlchemyError as exc:  # anything the repository did not classify
        translated = translate(exc, get_settings().effective_database_url)
        raise error(str(translated), translated.exit_code) from None


def archive():
    """The existing archive (a Repository, to use in `with`); commands that read or correct never
    create one."""
    from pipeline.store import open_repository

    return open_repository(create=False)


def shorten(value: Any, limit: int | None = 60) -> str:
    """A value as compact JSON, cut to `limit` characters with an ellipsis."""
    text = json.dumps(value, ensure_ascii=False)
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


class _Wide:
    """stdout for reports: the terminal's width on a terminal; wide (no folded names) in a pipe or a file."""

    def print(self, *args, **kwargs) -> None:
        shown = Console(soft_wrap=True, emoji=False)
        if not shown.is_terminal:
            shown = Console(width=220, soft_wrap=True, emoji=False)
        shown.print(*args, **kwargs)


wide = _Wide()


def table(title: str, headers: Iterable[str], rows: Iterable[Iterable[Any]]) -> Table:
    """A table of plain values (dates as dd/mm/yyyy). Long cells wrap, but a column of document ids
    is at least as wide as its longest id: an id is never cut, so it can be copied."""
    rows = [[_cell(v) for v in row] for row in rows]
    shown = Table(title=title, show_header=True)
    for i, header in enumerate(headers):
        longest_id = max((len(p) for row in rows for p in row[i].split("; ") if " " not in p), default=0)
        shown.add_column(header, overflow="fold", min_width=longest_id if header in ID_COLUMNS else None)
    for row in rows:
        shown.add_row(*map(escape, row))
    return shown


ID_COLUMNS = {"documents", "doc_id"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return f"{value:g}" if isinstance(value, float) else str(value)
