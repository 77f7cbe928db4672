"""The `thidua` command line. Exit codes: 0 all files ok, 1 some failed, 2 usage error."""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Iterable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from pipeline.discover import discover
from pipeline.document import DocumentResult, Status

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn emulation-meeting reports into structured records.")
console = Console(stderr=True)


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[current]}", style="dim"), TimeRemainingColumn(),
                    console=console, transient=False, disable=not console.is_terminal)


def run_extraction(paths: list[Path], label: str = "extracting") -> list[DocumentResult]:
    """Process every file, one result per file, with a progress bar on a terminal."""
    from extractors.run import process_paths

    files, missing = discover(paths)
    results = [DocumentResult.failed(p, "file or folder not found") for p in missing]
    with _progress() as progress:
        task = progress.add_task(label, total=len(files), current="")
        for result in process_paths(files):  # batches through the spaCy pipeline's nlp.pipe
            progress.update(task, current=Path(result.path).name[:40])
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
            reasons.add_row(r.path, r.reason or "")
        console.print(reasons)


def exit_code(results: Iterable[DocumentResult]) -> int:
    return 1 if any(r.status == Status.FAILED for r in results) else 0


def write_jsonl(records: Iterable[dict], out: Path) -> None:
    """Write atomically: a crash never leaves half a file behind."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (searched recursively)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", dir_okay=False,
                                       help="JSON Lines file to write (default: stdout)."),
    evidence: bool = typer.Option(False, "--evidence", help="Include evidence spans and confidences."),
) -> None:
    """Extract one GOLD_FORMAT record per document."""
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
            console.print(f"[red]error:[/] cannot write {out}: {exc.strerror or exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(2)
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
    level = os.environ.get("THIDUA_LOG_LEVEL", "WARNING").upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    from flows.runtime import ExpectedErrors, configure_environment, quiet_third_party_logs

    quiet_third_party_logs()
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)  # the `thidua` loggers are at INFO for Prefect's UI; the terminal follows THIDUA_LOG_LEVEL
        handler.addFilter(ExpectedErrors())
    configure_environment()  # before anything imports Prefect
    try:
        app()
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)
    except SystemExit as exc:
        if exc.code == 130:  # typer's answer to Ctrl-C
            console.print("interrupted")
        raise


from flows.cli_storage import register as register_storage  # noqa: E402 - archive commands (issue 4)

register_storage(app)
