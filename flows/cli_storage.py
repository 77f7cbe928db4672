"""The archive's commands: `ingest`, `reextract`, `export`, `search`, `records ...`, `db ...`.

`register(app)` adds them to the main `thidua` app. Every expected problem (database down,
failed migration, disk full, unknown document, edit conflict) ends as one `error:` line and an
exit code: 2 when nothing could be done (setup, usage), 1 when something failed.
"""
from __future__ import annotations

import enum
import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from flows.cli import console, print_summary
from pipeline.document import DocumentResult

records_app = typer.Typer(no_args_is_help=True, help="List, show and correct stored records.")
db_app = typer.Typer(no_args_is_help=True, help="The archive database's schema.")
out = Console(soft_wrap=True, emoji=False)  # results go to stdout; messages and progress to stderr (`console`)


def print_json(value: Any, indent: int | None = None) -> None:
    """JSON for scripts, written as is: never through rich (":x:" in a document stays ":x:").
    Text the terminal's encoding cannot take (an escaped file name) is written as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        sys.stdout.write(json.dumps(value, ensure_ascii=True, indent=indent) + "\n")


class ExportFormat(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


def register(app: typer.Typer) -> None:
    from flows.cli_flows import register as register_flows

    app.command("ingest")(ingest)
    app.command("reextract")(reextract)
    register_flows(app)
    app.command("export")(export)
    app.command("search")(search)
    app.command("verify")(__import__("flows.cli_verify", fromlist=["verify"]).verify)
    app.add_typer(records_app, name="records")
    app.add_typer(db_app, name="db")


def say(message: str) -> None:
    """One message line on stderr, never wrapped (scripts read these)."""
    console.print(message, highlight=False, soft_wrap=True)


def _error(message: str, code: int) -> typer.Exit:
    say(f"[red]error:[/] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def storage_errors(done: list[DocumentResult] | None = None) -> Iterator[None]:
    """The CLI boundary: storage problems become one line and an exit code, never a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from pipeline.ingest import IngestStopped
    from pipeline.settings import get_settings
    from pipeline.storage import StorageError
    from pipeline.storage.db import translate

    try:
        yield
    except IngestStopped as exc:
        print_summary([*(done or []), *exc.results])
        raise _error(str(exc), exc.exit_code) from None
    except StorageError as exc:
        raise _error(str(exc), exc.exit_code) from None
    except SQLAlchemyError as exc:  # anything the repository did not classify
        error = translate(exc, get_settings().effective_database_url)
        raise _error(str(error), error.exit_code) from None


def _repository():
    """The existing archive; commands that read or correct never create one."""
    from pipeline.storage import open_repository

    return open_repository(create=False)


def quick_answer(paths: list[Path]):
    from pipeline.ingest import nothing_new

    return nothing_new(paths)


def _json(value: Any, limit: int | None = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def _when(at) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


# --- top-level commands ------------------------------------------------------------------------

def ingest(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (searched recursively)."),
    batch_size: int | None = typer.Option(None, "--batch-size", min=1,
                                             help="Files per Prefect task (default THIDUA_BATCH_SIZE, 100)."),
    workers: int | None = typer.Option(None, "--workers", min=1,
                                          help="Extraction processes (default THIDUA_WORKERS, every core)."),
    as_version_of: str | None = typer.Option(None, "--as-version-of", metavar="DOC_ID",
                                                help="Store the one file given as a new version of this "
                                                     "document, whatever its name or folder."),
) -> None:
    """Archive, extract and store documents (the Prefect backfill flow), each in its own transaction.

    Each report gets its own document id (file name plus a short code, e.g. baocao-1a2b3c4d).
    Files already archived (same bytes) are skipped without extraction, their new name noted; a
    changed file at the same path becomes a new version. Exit code 1 when any file failed, 2 when
    a path does not exist (nothing is done); a folder without reports is a warning (exit 0 if
    nothing else)."""
    from flows.cli_flows import Interrupted, check_paths, finish, run_flow
    from flows.runtime import ctrl_c_seen

    if not check_paths(paths):
        return

    if as_version_of is not None and (len(paths) != 1 or not paths[0].is_file()):
        raise _error("--as-version-of needs exactly one file", 2)

    def start():
        from flows.backfill import backfill

        return backfill(paths=list(paths), batch_size=batch_size, workers=workers, as_version_of=as_version_of,
                        return_state=True)

    try:  # a no-change re-run is answered before Prefect or the models start
        report = None if as_version_of else quick_answer(paths)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt) or ctrl_c_seen():  # even when a library wrapped it
            raise Interrupted("interrupted before anything was stored; run again to finish") from None
        raise
    report = report or run_flow(start, "flows.backfill")
    print_summary(report.results, "Ingest")
    say(report.throughput())
    finish(report)


def reextract(
    doc_ids: list[str] | None = typer.Argument(None, help="Documents to extract again."),
    all_documents: bool = typer.Option(False, "--all", help="Extract every archived document again."),
    batch_size: int | None = typer.Option(None, "--batch-size", min=1, help="Documents per Prefect task."),
    workers: int | None = typer.Option(None, "--workers", min=1, help="Extraction processes."),
) -> None:
    """Extract again from the archived originals (the Prefect re-extraction flow), e.g. after an
    extractor upgrade.

    Corrections are kept and still win; where the machine now disagrees with one, the record is
    flagged for review."""
    from flows.cli_flows import finish, run_flow

    if bool(doc_ids) == all_documents:
        raise _error("give DOC_IDs or --all (not both)", 2)

    def start():
        from flows.reextract import reextract as reextract_flow

        return reextract_flow(doc_ids=None if all_documents else list(doc_ids), batch_size=batch_size,
                              workers=workers, return_state=True)

    report = run_flow(start, "flows.reextract")
    for r in report.results:
        if "needs review" in (r.reason or ""):
            say(f"[yellow]needs review[/] {escape(r.doc_id)}: {escape(r.reason)}")
    for note in report.notes:
        say(escape(note))
    print_summary(report.results, "Re-extraction")
    finish(report)


def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl (GOLD_FORMAT), csv or xlsx."),
    out_path: Path = typer.Option(..., "--out", "-o", help="File to write (replaced atomically; folder must exist)."),
    cluster: str | None = typer.Option(None, help="Only this cluster (number, or part of its name)."),
    year: int | None = typer.Option(None, min=0, max=9999,
                                       help="Only this year (meeting period, else meeting date)."),
    needs_review: bool = typer.Option(False, "--needs-review", help="Only records flagged for review."),
) -> None:
    """Write the effective records (machine values with corrections applied).

    csv and xlsx are for people: Vietnamese headers, dates as dates, one row per member,
    participant, rank and head on their own sheets (xlsx), a "corrected" marker and the review
    flag. jsonl is GOLD_FORMAT, for programs."""
    from flows.cli import _check_output
    from pipeline.storage.export import ExportedRecord, atomic_output, export_metadata, write_csv, write_xlsx

    _check_output(out_path)  # a symlink, a device, a missing folder: exit 2 before opening the archive
    with storage_errors():
        repo = _repository()
        try:
            records = repo.iter_effective(cluster, year, True if needs_review else None)
            if format == ExportFormat.jsonl:  # GOLD_FORMAT exactly
                count = _write_jsonl((r.to_export() for r in records), out_path, atomic_output)
            else:
                meta = export_metadata(repo.db)
                items = (ExportedRecord(e, *meta.get(e["doc_id"], (False, frozenset()))) for e in map(_with_origin, records))
                count = (write_csv if format == ExportFormat.csv else write_xlsx)(items, out_path)
        finally:
            repo.close()
    say(f"wrote {count} records to {escape(str(out_path))}")


def _with_origin(record) -> dict:
    """GOLD_FORMAT plus how the text was obtained, for the spreadsheets people read."""
    return {**record.to_export(), "text_origin": record.origin.describe() if record.origin else None}


def _write_jsonl(exports, out_path: Path, atomic_output) -> int:
    count = 0
    with atomic_output(out_path, "w", encoding="utf-8") as fh:
        for export in exports:
            fh.write(json.dumps(export, ensure_ascii=False) + "\n")
            count += 1
    return count


def search(
    query: str = typer.Argument(..., help='Words that must all appear; "quoted words" together.'),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Show at most this many documents."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """Search the archived text of every document (current versions)."""
    from pipeline.storage.search import search as search_text

    with storage_errors():
        repo = _repository()
        try:
            found = search_text(repo.db, query, limit)
        finally:
            repo.close()
    hits = found.hits
    if found.note:
        say(f"note: {escape(found.note)}")
    if as_json:
        for h in hits:
            print_json({"doc_id": h.doc_id, "title": h.title, "snippet": h.snippet, "score": h.score, "exact": h.exact})
        return
    table = Table(show_header=True, title=f"{len(hits)} of {found.total} document(s)")
    table.add_column("doc_id", overflow="fold")
    table.add_column("title", overflow="fold")
    table.add_column("match", overflow="fold")
    for h in hits:
        table.add_row(escape(h.doc_id), escape(h.title or ""), _highlighted(h.snippet))
    out.print(table)


def _highlighted(snippet: str) -> Text:
    """The snippet with the matched words (between [ and ]) in bold."""
    text = Text()
    for i, part in enumerate(re.split(r"\[([^\[\]]*)\]", snippet)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


# --- records ---------------------------------------------------------------------------------

@records_app.command("list")
def records_list(
    cluster: str | None = typer.Option(None, help="Cluster number, or part of its name."),
    year: int | None = typer.Option(None, min=0, max=9999, help="Meeting period (else the meeting date's year)."),
    needs_review: bool = typer.Option(False, "--needs-review", help="Only records flagged for review."),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List stored records."""
    with storage_errors():
        repo = _repository()
        try:
            rows = repo.list(cluster, year, True if needs_review else None, limit)
            total = repo.count(cluster, year, True if needs_review else None) if limit else len(rows)
        finally:
            repo.close()
    if as_json:
        for r in rows:
            print_json({"doc_id": r.doc_id, "version": r.version, "title": r.title, "cluster": r.cluster,
                        "year": r.year, "needs_review": r.needs_review, "review_reasons": r.review_reasons,
                        "min_confidence": r.min_confidence, "updated_at": r.updated_at.isoformat()})
        return
    table = Table(show_header=True, title=f"{len(rows)} of {total} record(s)" if limit else f"{len(rows)} record(s)")
    table.add_column("doc_id", no_wrap=True)
    for col in ("v", "title", "cluster", "year", "review"):
        table.add_column(col, overflow="fold")
    for r in rows:
        flag = ("[yellow]" + escape("; ".join(r.review_reasons) or "needs review") + "[/]") if r.needs_review else ""
        table.add_row(escape(r.doc_id), str(r.version), escape(r.title or ""), escape(r.cluster or ""),
                      str(r.year or ""), flag)
    out.print(table)


@records_app.command("show")
def records_show(
    doc_id: str = typer.Argument(...),
    evidence: bool = typer.Option(False, "--evidence", help="Full record with evidence spans and confidences."),
    version: int | None = typer.Option(None, "--version", help="A past version (GOLD_FORMAT snapshot)."),
    text: bool = typer.Option(False, "--text", help="Include the archived normalised text."),
) -> None:
    """Print one record as JSON: the effective values, corrections, review flags, file versions."""
    from pipeline.storage import NotFound

    with storage_errors():
        repo = _repository()
        try:
            if version is not None:
                snapshot = next((v for v in repo.versions(doc_id) if v.version == version), None)
                if snapshot is None:
                    raise NotFound(f"{doc_id} has no version {version}")
                shown = {"doc_id": doc_id, "version": version, "at": snapshot.at.isoformat(),
                         "actor": snapshot.actor, "action": snapshot.action, "record": snapshot.record}
            else:
                stored = repo.get(doc_id, with_text=text)
                origin = stored.record.origin
                shown = {
                    "doc_id": stored.doc_id, "version": stored.version, "needs_review": stored.needs_review,
                    "review_reasons": stored.review_reasons,
                    "text_origin": origin.describe() if origin else None,
                    "record": stored.record.model_dump(mode="json") if evidence else stored.record.to_export(),
                    "corrections": [{"field": c.field, "value": c.value, "old_value": c.old_value,
                                     "user": c.user, "reason": c.reason, "at": c.at.isoformat()}
                                    for c in stored.corrections],
                    "sources": [{"revision": s.revision, "sha256": s.sha256, "format": s.format, "size": s.size,
                                 "source_path": s.source_path, "also_found_at": s.names[1:],
                                 "archived": str(s.archive_path),
                                 "ingested_at": s.ingested_at.isoformat(),
                                 "text_origin": s.origin.model_dump(mode="json") if s.origin else None}
                                for s in stored.sources],
                }
                if text:
                    shown["normalized_text"] = stored.normalized_text
        finally:
            repo.close()
    print_json(shown, indent=2)


def parse_value(raw: str) -> Any:
    """VALUE as JSON ('"Hội trường A"', 2, null, {...}); anything that is not JSON is a string."""
    from pipeline.storage.values import parse_json_value

    return parse_json_value(raw)


@records_app.command("set")
def records_set(
    doc_id: str = typer.Argument(...),
    field: str = typer.Argument(..., help="meeting.venue, cluster, members, participants[0].title, ..."),
    value: str = typer.Argument(..., help='JSON ("Hội trường A", 2, null, {...}); plain text is a string. '
                                          "null on a list item removes it; index = length appends."),
    user: str = typer.Option(..., "--user", "-u", help="Who makes the correction."),
    reason: str | None = typer.Option(None, "--reason", "-r", help="Why (kept in the audit log)."),
    expect_version: int | None = typer.Option(
        None, "--expect-version", help="Fail with a conflict unless the record is still at this version."),
) -> None:
    """Correct one field (kept apart from machine output; survives re-extraction).

    The correction wins on every read and export, and is recorded with who, when, the old value
    and the reason."""
    from pipeline.storage import InvalidCorrection

    with storage_errors():
        parsed = parse_value(value)
        repo = _repository()
        try:
            try:
                stored = repo.correct(doc_id, field, parsed, user=user, reason=reason, expected_version=expect_version)
            except InvalidCorrection:
                if not isinstance(parsed, (int, float)) or parsed is None:  # bool is an int
                    raise
                stored = repo.correct(doc_id, field, value, user=user, reason=reason, expected_version=expect_version)
        finally:
            repo.close()
    last = stored.corrections[-1]
    say(f"{escape(doc_id)} {escape(last.field)}: {escape(_json(last.old_value, None))} → "
                  f"{escape(_json(last.value, None))} (version {stored.version}, by {escape(last.user)})")


@records_app.command("history")
def records_history(
    doc_id: str = typer.Argument(...),
    field: str | None = typer.Option(None, "--field", help="Only changes to this field (e.g. title)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """Who changed what, when, and from what (machine extractions and people's corrections)."""
    with storage_errors():
        repo = _repository()
        try:
            entries = repo.history(doc_id, field)
        finally:
            repo.close()
    if as_json:
        for e in entries:
            print_json({"version": e.version, "at": e.at.isoformat(), "actor": e.actor, "action": e.action,
                        "field": e.field, "old_value": e.old_value, "new_value": e.new_value, "reason": e.reason})
        return
    table = Table(show_header=True, title=f"{doc_id}: {len(entries)} change(s)")
    for col in ("v", "when", "who", "action", "field", "from", "to", "reason"):
        table.add_column(col, overflow="fold")
    for e in entries:
        whole = e.field is None and e.action == "ingest" and field is None
        table.add_row(str(e.version), _when(e.at), escape(e.actor), e.action, escape(e.field or field or ""),
                      "" if e.action == "ingest" else escape(_json(e.old_value)),
                      "(whole record)" if whole else escape(_json(e.new_value)), escape(e.reason or ""))
    out.print(table)


@records_app.command("resolve")
def records_resolve(
    doc_id: str = typer.Argument(...),
    user: str = typer.Option(..., "--user", "-u", help="Who reviewed the record."),
    reason: str | None = typer.Option(None, "--reason", "-r"),
    expect_version: int | None = typer.Option(None, "--expect-version"),
) -> None:
    """Clear the review flag after looking at the record (change fields with `records set`)."""
    with storage_errors():
        repo = _repository()
        try:
            stored = repo.resolve_review(doc_id, user=user, reason=reason, expected_version=expect_version)
        finally:
            repo.close()
    say(f"{escape(doc_id)}: review cleared (version {stored.version})")


# --- db --------------------------------------------------------------------------------------

@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or upgrade the schema (also done automatically on first use)."""
    from pipeline.storage import open_database

    with storage_errors():
        db = open_database(upgrade=False)
        try:
            before = db.revision()
            after = db.upgrade()
        finally:
            db.close()
    state = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    say(f"database {escape(db.display_url)} {state} revision {after}")


@db_app.command("status")
def db_status() -> None:
    """Where the archive is, its schema revision and how much it holds."""
    from pipeline.settings import get_settings
    from pipeline.storage.db import head_revision

    with storage_errors():
        repo = _repository()
        try:
            counts = repo.counts()
            revision = repo.db.revision()
            url = repo.db.display_url
        finally:
            repo.close()
    out.print(f"database  {escape(url)}\narchive   {escape(str(get_settings().effective_archive_dir))}\n"
              f"revision  {revision} (newest {head_revision()})")
    for name, count in counts.items():
        out.print(f"{name:<16}{count:>10}")
