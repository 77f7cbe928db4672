"""`thidua ingest`, `reextract` and `export`: filling the archive and taking records out of it.

Every expected problem (database down, failed migration, disk full, unknown document) ends as one
`error:` line and an exit code: 2 when nothing could be done (setup, usage), 1 when something failed.
"""
from __future__ import annotations

import enum
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from flows.cli.started import STARTED
from flows.cli.output import (CLUSTER, NEEDS_REVIEW, YEAR, archive, check_output, error, print_summary, say,
                              storage_errors, within)
from flows.cli.runs import Interrupted, check_paths, finish, run_flow
from pipeline.read.document import shown_path

BATCH_HELP = "How many files are extracted together (default: THIDUA_BATCH_SIZE, 100)."
WORKERS_HELP = "How many processes extract at once (default: THIDUA_WORKERS, one per core)."


class ExportFormat(enum.StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


def ingest(
    paths: Annotated[list[Path], typer.Argument(
        metavar="FILES", show_default=False,
        help="Report files or folders (folders are searched, subfolders included).")],
    batch_size: Annotated[int | None, typer.Option("--batch-size", callback=within(1), metavar="N", show_default=False,
                                                   help=BATCH_HELP)] = None,
    workers: Annotated[int | None, typer.Option("--workers", callback=within(1), metavar="N", show_default=False,
                                                help=WORKERS_HELP)] = None,
    as_version_of: Annotated[str | None, typer.Option(
        "--as-version-of", metavar="DOC_ID", show_default=False,
        help="Store the one file given as a new version of this document, whatever its name or folder.")] = None,
    retry_failed: Annotated[bool, typer.Option(
        "--retry-failed", help="Read again the files that failed in an earlier run with the same bytes "
                               "(by default they are skipped, and counted in one line).")] = False,
) -> None:
    """Archive reports, read them and store their records (a bad file never costs another's work).

    Each report gets its own document id (file name plus a short code, e.g. baocao-1a2b3c4d).

    A file already archived (same bytes) is skipped without being read again, its new name noted; a
    changed file at the same path becomes a new version. A file that failed before with the same
    bytes is skipped too (--retry-failed reads it again).

    Exit code 1 when any file failed, 2 when a path does not exist (nothing is done); a folder without
    reports is a warning."""
    def start():
        from flows.backfill import backfill

        return backfill(paths=list(paths), batch_size=batch_size, workers=workers, as_version_of=as_version_of,
                        retry_failed=retry_failed, return_state=True)

    def plain(bar):
        from flows.local import backfill

        return backfill(list(paths), bar, batch_size=batch_size, workers=workers, as_version_of=as_version_of,
                        retry_failed=retry_failed)

    from pipeline.once import once_per_command

    with once_per_command():  # the no-change check and the flow share one walk and one hash per file
        report = _before_prefect(paths, as_version_of, retry_failed) or run_flow(start, "flows.backfill", plain)
    report.seconds = time.monotonic() - STARTED  # the time the person waited, not the run's alone
    print_summary(report.results, "Ingest")
    for note in report.notes:
        say(escape(note))
    say(report.throughput())
    finish(report)


def where() -> str:
    """Where the archive is: one line, the originals' folder and the database (no password)."""
    from pipeline.settings import get_settings
    from pipeline.store import redact

    settings = get_settings()
    return f"archive: {shown_path(settings.effective_archive_dir)}; database: {redact(settings.effective_database_url)}"


def _before_prefect(paths: list[Path], as_version_of: str | None, retry_failed: bool):
    """The checks made before Prefect or the models start: the paths exist, and, for a run on a
    Prefect API, a no-change re-run is answered at once (None: there is work). A Ctrl-C here has
    stored nothing."""
    try:
        from pipeline.rerun import nothing_new

        if not check_paths(paths):
            raise typer.Exit(0)  # only folders without reports: warned, nothing to do
        if as_version_of is not None and (len(paths) != 1 or not paths[0].is_file()):
            raise error("--as-version-of needs exactly one file", 2)
        say(escape(where()))
        from flows.prefect_settings import prefect_api_configured

        # without Prefect the run itself hashes each file once and starts nothing when all is archived
        return None if as_version_of or not prefect_api_configured() else nothing_new(paths, retry_failed)
    except (typer.Exit, SystemExit):
        raise
    except BaseException as exc:
        from flows.runtime import ctrl_c_seen  # imported by `main` already

        if isinstance(exc, KeyboardInterrupt) or ctrl_c_seen():  # even when a library wrapped it
            raise Interrupted("interrupted before anything was stored; run again to finish") from None
        raise


def reextract(
    doc_ids: Annotated[list[str] | None, typer.Argument(
        metavar="DOC_ID", show_default=False, help="Ids of the documents to read again.")] = None,
    all_documents: Annotated[bool, typer.Option("--all", help="Read every archived document again.")] = False,
    batch_size: Annotated[int | None, typer.Option(
        "--batch-size", callback=within(1), metavar="N", show_default=False,
        help="How many documents are extracted together (default: THIDUA_BATCH_SIZE, 100).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", callback=within(1), metavar="N", show_default=False,
                                                help=WORKERS_HELP)] = None,
) -> None:
    """Read archived originals again with the current extraction, e.g. after an upgrade.

    Corrections made by people are kept and still win; where the new reading disagrees with one, the
    record is flagged for review."""
    if bool(doc_ids) == all_documents:
        raise error("give DOC_IDs or --all (not both)", 2)

    def start():
        from flows.reextract import reextract as reextract_flow

        return reextract_flow(doc_ids=None if all_documents else list(doc_ids), batch_size=batch_size,
                              workers=workers, return_state=True)

    def plain(bar):
        from flows.local import reextract as reextract_here

        return reextract_here(None if all_documents else list(doc_ids), bar, batch_size=batch_size, workers=workers)

    report = run_flow(start, "flows.reextract", plain)
    for r in report.results:
        if "needs review" in (r.reason or ""):
            say(f"[yellow]needs review[/] {escape(r.doc_id)}: {escape(r.reason)}")
    for note in report.notes:
        say(escape(note))
    print_summary(report.results, "Re-extraction")
    finish(report)


def export(
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", metavar="FORMAT", show_default=False,
        help="csv or xlsx (spreadsheets for people), or jsonl (one JSON record per line, for programs).")],
    out_path: Annotated[Path, typer.Option(
        "--out", "-o", metavar="FILE", show_default=False,
        help="File to write; it is replaced only once complete, and its folder must exist.")],
    cluster: CLUSTER = None,
    year: YEAR = None,
    needs_review: NEEDS_REVIEW = False,
) -> None:
    """Write the records, with people's corrections applied, to a spreadsheet or a JSON Lines file.

    csv and xlsx are for people: Vietnamese headers, dates as dates, a "corrected" marker and the review
    flag; xlsx puts members, participants, ranks and heads on their own sheets."""
    from pipeline.store.export import export_records

    check_output(out_path)  # a symlink, a device, a missing folder: exit 2 before opening the archive
    with storage_errors(), archive() as repo:
        count = export_records(repo, format.value, out_path, cluster, year, True if needs_review else None)
    say(f"wrote {count} records to {escape(str(out_path))}")
