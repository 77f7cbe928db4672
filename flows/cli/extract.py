"""`thidua extract` and `thidua eval`: extraction without the archive, to a JSON Lines file or
scored against hand-made records."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows.cli.output import check_output, console, error, exit_code, print_summary, progress
from pipeline.read.discover import find_reports
from pipeline.read.document import DocumentResult, Status, shown_path

FILES_HELP = "Report files or folders (folders are searched, subfolders included)."


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
    with progress() as bar:
        task = bar.add_task(label, total=len(found.files), current="")
        for result in process_paths(found.files):  # batches through the spaCy pipeline's nlp.pipe
            bar.update(task, current=shown_path(Path(result.path).name)[:40])
            results.append(result)
            bar.advance(task)
    return results


def extract(
    paths: Annotated[list[Path], typer.Argument(metavar="FILES", help=FILES_HELP, show_default=False)],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", dir_okay=False, metavar="FILE", show_default=False,
        help="File to write the records to, one JSON object per line (default: the screen).")] = None,
    evidence: Annotated[bool, typer.Option(
        "--evidence", help="Also give, for every value, the text it was read from and how sure the reading is.")
    ] = False,
) -> None:
    """Read reports and write one record per document (JSON Lines), without storing anything."""
    from pipeline.atomic import write_jsonl

    if out is not None:
        check_output(out)
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
            raise error(f"cannot write {out}: {exc.strerror or exc}", 2) from None
        console.print(f"wrote {len(records)} records to {out}")
    print_summary(results)
    raise typer.Exit(exit_code(results))


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(
        metavar="GOLD_FOLDER", show_default=False,
        help="Folder of hand-checked records, one DOC_ID.json file per report.")],
    paths: Annotated[list[Path], typer.Argument(metavar="FILES", show_default=False,
                                                help="Report files or folders to read and score.")],
    details: Annotated[bool, typer.Option(
        "--details", help="List, per document, every value missed or wrongly added, field by field.")] = False,
) -> None:
    """Read reports and score the records against hand-checked ones: precision, recall and F1 per field."""
    from pipeline.report.scoring import load_gold, score

    if not gold_dir.is_dir():
        raise error(f"gold folder not found: {gold_dir}", 2)
    golds = load_gold(gold_dir)
    results = run_extraction(paths, "scoring")
    preds = {r.doc_id: r.record.to_export() for r in results if r.status == Status.OK}
    s = score(golds, {k: v for k, v in preds.items() if k in golds})
    shown = Console(emoji=False)
    shown.print(f"documents: {s.documents} gold, {s.predicted} predicted")
    table = Table(show_header=True)
    for col in ("field", "P", "R", "F1", "gold", "pred"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name, c in s.lists.items():
        p, r, f1 = c.prf()
        table.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", str(c.gold), str(c.pred))
    shown.print(table)
    for name, acc in s.scalars.items():
        shown.print(f"{name:<16} acc {acc:.3f}")
    if s.title_accuracy is not None:
        shown.print(f"participant title acc {s.title_accuracy:.3f}")
    if details:
        for doc_id, misses in s.misses.items():
            shown.print(f"[bold]{doc_id}[/]")
            for m in misses:
                shown.print(f"  {m}", markup=False, soft_wrap=True)
    if any(r.status == Status.FAILED for r in results):
        print_summary(results)
    print(s.headline())
    raise typer.Exit(exit_code(results))
