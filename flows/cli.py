"""The `thidua` command line. Exit codes: 0 all files ok, 1 some failed, 2 usage error (also a
bad THIDUA_* setting or --out), 130 interrupted (Ctrl-C, with what was done)."""
from __future__ import annotations

import json
import logging
import signal
import sys
from pathlib import Path
from collections.abc import Iterable

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from pipeline.discover import find_reports
from pipeline.document import DocumentResult, Status, shown_path

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn emulation-meeting reports into structured records.")
console = Console(stderr=True)


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[current]}", style="dim"), TimeRemainingColumn(),
                    console=console, transient=False, disable=not console.is_terminal)


def found_results(found) -> list[DocumentResult]:
    """The failed lines of what `find_reports` could not take, and a warning per empty folder."""
    for folder in found.empty:
        console.print(f"warning: no reports found in {shown_path(folder)}", markup=False, highlight=False,
                      soft_wrap=True)
    return ([DocumentResult.failed(p, "file or folder not found") for p in found.missing]
            + [DocumentResult.failed(p, reason) for p, reason in found.refused.items()])


def run_extraction(paths: list[Path], label: str = "extracting") -> list[DocumentResult]:
    """Process every file, one result per file, with a progress bar on a terminal. A bug or a
    library's surprise on one file fails that file, never the command."""
    from extractors.run import process_paths

    found = find_reports(paths)
    results = found_results(found)
    with _progress() as progress:
        task = progress.add_task(label, total=len(found.files), current="")
        for result in process_paths(found.files):  # batches through the spaCy pipeline's nlp.pipe
            progress.update(task, current=shown_path(Path(result.path).name)[:40])
            results.append(result)
            progress.advance(task)
    return results


def print_summary(results: list[DocumentResult], title: str = "Summary") -> None:
    ok = sum(r.status == Status.OK for r in results)
    failed = [r for r in results if r.status == Status.FAILED]
    skipped = sum(r.status == Status.SKIPPED for r in results)
    table = Table(title=title, show_header=True)
    table.add_column("read", justify="right")
    table.add_column("ok", justify="right", style="green")
    table.add_column("skipped", justify="right")
    table.add_column("failed", justify="right", style="red")
    table.add_row(str(len(results)), str(ok), str(skipped), str(len(failed)))
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


def write_jsonl(records: Iterable[dict], out: Path) -> None:
    """Write atomically (pipeline/atomic.py): a crash never leaves half a file behind."""
    from pipeline.atomic import atomic_write

    with atomic_write(out, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _fail(message: str, code: int = 2) -> None:
    console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _check_output(out: Path) -> None:
    """Before any work: the output must be a regular file (or new) in a folder that exists."""
    from pipeline.atomic import UnsafeOutput, check_target

    try:
        check_target(out)
    except UnsafeOutput as exc:
        _fail(f"cannot write {shown_path(out)}: {exc}")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (searched recursively)."),
    out: Path | None = typer.Option(None, "--out", "-o", dir_okay=False,
                                       help="JSON Lines file to write (default: stdout)."),
    evidence: bool = typer.Option(False, "--evidence", help="Include evidence spans and confidences."),
) -> None:
    """Extract one GOLD_FORMAT record per document."""
    if out is not None:
        _check_output(out)
    results = run_extraction(paths)
    records = [r.record.model_dump(mode="json") if evidence else r.record.to_export()
               for r in results if r.status == Status.OK]
    if out is None:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        try:
            write_jsonl(records, out)
        except OSError as exc:
            _fail(f"cannot write {out}: {exc.strerror or exc}")
        console.print(f"wrote {len(records)} records to {out}")
    print_summary(results)
    raise typer.Exit(exit_code(results))


@app.command("eval")
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of <doc_id>.json gold records."),
    paths: list[Path] = typer.Argument(..., help="Report files or folders to extract and score."),
    details: bool = typer.Option(False, "--details", help="List, per document, every missed and extra value of "
                                 "every field (kinds and titles included) and every wrong scalar."),
) -> None:
    """Extract and score against gold: per-field P/R/F1, then the headline line."""
    from pipeline.scoring import load_gold, score

    if not gold_dir.is_dir():
        console.print(f"[red]error:[/] gold folder not found: {gold_dir}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    golds = load_gold(gold_dir)
    results = run_extraction(paths, "scoring")
    preds = {r.doc_id: r.record.to_export() for r in results if r.status == Status.OK}
    s = score(golds, {k: v for k, v in preds.items() if k in golds})
    out = Console()
    out.print(f"documents: {s.documents} gold, {s.predicted} predicted")
    table = Table(show_header=True)
    for col in ("field", "P", "R", "F1", "gold", "pred"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name, c in s.lists.items():
        p, r, f1 = c.prf()
        table.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", str(c.gold), str(c.pred))
    out.print(table)
    for name, acc in s.scalars.items():
        out.print(f"{name:<16} acc {acc:.3f}")
    if s.title_accuracy is not None:
        out.print(f"participant title acc {s.title_accuracy:.3f}")
    if details:
        for doc_id, misses in s.misses.items():
            out.print(f"[bold]{doc_id}[/]")
            for m in misses:
                out.print(f"  {m}", markup=False, soft_wrap=True)
    failed = [r for r in results if r.status == Status.FAILED]
    if failed:
        print_summary(results)
    print(s.headline())
    raise typer.Exit(exit_code(results))


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
        handler.setLevel(level)  # the `thidua` loggers are at INFO for Prefect's UI; the terminal follows THIDUA_LOG_LEVEL
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
    from pipeline.pool import shutdown_pool

    shutdown_pool()
    sys.exit(130)


from flows.cli_doctor import doctor  # noqa: E402 - optional tools (issue 11)
from flows.cli_storage import register as register_storage  # noqa: E402 - archive commands (issue 4)

register_storage(app)
app.command("doctor")(doctor)

from flows.cli_reports import register as register_reports  # noqa: E402 - reports and unit registry (issue 13)

register_reports(app)

from flows.cli_web import register as register_web  # noqa: E402 - web app and users (issue 12)

register_web(app)
