"""`thidua doctor`: which optional tools are installed, what each one enables, their versions."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table


def doctor() -> None:
    """List the tools thidua uses for scans and old Word files, with their versions.

    Exit code 1 when one is missing: files that need it fail with the command that installs it,
    every other file is read as usual."""
    from pipeline.read.tools import check_tools

    tools = check_tools()
    table = Table(show_header=True, title="thidua doctor")
    for column in ("tool", "status", "version", "enables"):
        table.add_column(column, overflow="fold")
    for tool in tools:
        status = "[green]ok[/]" if tool.ok else f"[red]missing[/]: {escape(tool.problem)}"
        table.add_row(escape(tool.name), status, escape(tool.version or ""), escape(tool.enables))
    Console(soft_wrap=True, emoji=False).print(table)
    missing = [t for t in tools if not t.ok]
    for tool in missing:
        Console(stderr=True, emoji=False).print(f"to enable {escape(tool.enables)}: {escape(tool.install or '')}",
                                                highlight=False, soft_wrap=True)
    raise typer.Exit(1 if missing else 0)
