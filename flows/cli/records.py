"""`thidua records list|show|set|history|resolve`: the stored records and people's corrections.

A correction is kept apart from the machine's values and wins on every read and export; each one
is recorded with who, when, the old value and the reason.
"""
from __future__ import annotations

import textwrap
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from flows.cli.output import (CLUSTER, NEEDS_REVIEW, YEAR, archive, command_group, out, print_json, say, shorten,
                              storage_errors, within)

app = command_group("List, show and correct stored records.")

DOC_ID = Annotated[str, typer.Argument(metavar="DOC_ID", show_default=False,
                                       help="The document's id, as `records list` shows it.")]
JSON_HELP = "One JSON object per line, for programs."
EXPECT_HELP = "Refuse (a conflict) unless the record is still at this version: nobody changed it meanwhile."


@app.command("list")
def records_list(
    cluster: CLUSTER = None,
    year: YEAR = None,
    needs_review: NEEDS_REVIEW = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", callback=within(1), metavar="N", show_default=False,
                                              help="Show at most this many records.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """List stored records by id, with their review flags (with --needs-review: the most urgent first)."""
    with storage_errors(), archive() as repo:
        rows = repo.list(cluster, year, True if needs_review else None, limit)
        total = repo.count(cluster, year, True if needs_review else None) if limit else len(rows)
    if as_json:
        for r in rows:
            print_json({"doc_id": r.doc_id, "version": r.version, "title": r.title, "cluster": r.cluster,
                        "year": r.year, "needs_review": r.needs_review, "review_reasons": r.review_reasons,
                        "min_confidence": r.min_confidence, "updated_at": r.updated_at.isoformat()})
        return
    heading = f"{len(rows)} of {total} record(s)" if limit else f"{len(rows)} record(s)"
    if not out.is_terminal or out.width < WIDE_TABLE:
        _print_blocks(heading, rows)
        return
    table = Table(show_header=True, title=heading)
    table.add_column("doc_id", no_wrap=True)  # ids are copied and pasted: never cut
    for col in ("v", "title", "cluster", "year", "review"):
        table.add_column(col, overflow="fold")
    for r in rows:
        flag = ("[yellow]" + escape("; ".join(r.review_reasons) or "needs review") + "[/]") if r.needs_review else ""
        table.add_row(escape(r.doc_id), str(r.version), escape(r.title or ""), escape(r.cluster or ""),
                      str(r.year or ""), flag)
    out.print(table)


WIDE_TABLE = 120  # narrower (or not a terminal): one record per few lines instead of a table


def _print_blocks(heading: str, rows) -> None:
    """The records one after another, each on a few lines that read at any width (80 columns, a
    pipe, a log): the id first, whole, to be copied; a long title wraps as prose."""
    out.print(heading, markup=False, highlight=False)
    for r in rows:
        out.print("", markup=False)
        out.print(" ".join(filter(None, [r.doc_id, f"v{r.version}", str(r.year or "")])), markup=False,
                  highlight=False, style="bold")
        lines = [("title", r.title), ("cluster", r.cluster)]
        if r.needs_review:
            lines.append(("needs review", "; ".join(r.review_reasons) or "yes"))
        for label, value in lines:
            if value:
                wrapped = textwrap.fill(f"{label}: {value}", max(40, out.width), initial_indent="  ",
                                        subsequent_indent="    ", break_long_words=False, break_on_hyphens=False)
                out.print(wrapped, markup=False, highlight=False, style="yellow" if label == "needs review" else None)


@app.command("show")
def records_show(
    doc_id: DOC_ID,
    evidence: Annotated[bool, typer.Option(
        "--evidence", help="Also give, for every value, the text it was read from and how sure the reading is.")
    ] = False,
    version: Annotated[int | None, typer.Option(
        "--version", metavar="N", show_default=False,
        help="Show the record as it was at this past version.")] = None,
    text: Annotated[bool, typer.Option("--text", help="Also give the document's archived text.")] = False,
) -> None:
    """Print one record as JSON: its values (corrections applied), the corrections, review flags and file versions."""
    from pipeline.store import NotFound

    with storage_errors(), archive() as repo:
        if version is not None:
            snapshot = next((v for v in repo.versions(doc_id) if v.version == version), None)
            if snapshot is None:
                raise NotFound(f"{doc_id} has no version {version}")
            shown = {"doc_id": doc_id, "version": version, "at": snapshot.at.isoformat(),
                     "actor": snapshot.actor, "action": snapshot.action, "record": snapshot.record}
        else:
            shown = _shown(repo.get(doc_id, with_text=text), evidence, text)
    print_json(shown, indent=2)


def _shown(stored, evidence: bool, text: bool) -> dict:
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
    return shown


def parse_value(raw: str) -> Any:
    """VALUE as JSON ('"Hội trường A"', 2, null, {...}); anything that is not JSON is a string."""
    from pipeline.store.values import parse_json_value

    return parse_json_value(raw)


@app.command("set")
def records_set(
    doc_id: DOC_ID,
    field: Annotated[str, typer.Argument(
        metavar="FIELD", show_default=False,
        help="The field to correct: title, meeting.venue, cluster, members, participants[0].title, ...")],
    value: Annotated[str, typer.Argument(
        metavar="VALUE", show_default=False,
        help='The new value: plain text, or JSON ("Hội trường A", 2, null, {...}); null on a list item removes '
             "it, an index one past the end adds one.")],
    user: Annotated[str, typer.Option("--user", "-u", metavar="NAME", show_default=False,
                                      help="Who makes the correction.")],
    reason: Annotated[str | None, typer.Option("--reason", "-r", metavar="TEXT", show_default=False,
                                               help="Why (kept with the correction).")] = None,
    expect_version: Annotated[int | None, typer.Option("--expect-version", metavar="N", show_default=False,
                                                       help=EXPECT_HELP)] = None,
) -> None:
    """Correct one field; the correction wins over the machine's value, also after reading the document again.

    It is recorded with who, when, the old value and the reason (see `records history`)."""
    from pipeline.store import InvalidCorrection

    with storage_errors():
        parsed = parse_value(value)
        with archive() as repo:
            try:
                stored = repo.correct(doc_id, field, parsed, user=user, reason=reason, expected_version=expect_version)
            except InvalidCorrection:
                if not isinstance(parsed, (int, float)) or parsed is None:  # bool is an int
                    raise
                stored = repo.correct(doc_id, field, value, user=user, reason=reason, expected_version=expect_version)
    last = stored.corrections[-1]
    say(f"{escape(doc_id)} {escape(last.field)}: {escape(shorten(last.old_value, None))} → "
        f"{escape(shorten(last.value, None))} (version {stored.version}, by {escape(last.user)})")


@app.command("history")
def records_history(
    doc_id: DOC_ID,
    field: Annotated[str | None, typer.Option("--field", metavar="FIELD", show_default=False,
                                              help="Only changes to this field (e.g. title).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP + " Values are given in full.")] = False,
) -> None:
    """Who changed what and when, one line per change: the machine's readings and people's corrections."""
    with storage_errors(), archive() as repo:
        entries = repo.history(doc_id, field)
    if as_json:
        for e in entries:
            print_json({"version": e.version, "at": e.at.isoformat(), "actor": e.actor, "action": e.action,
                        "field": e.field, "old_value": e.old_value, "new_value": e.new_value, "reason": e.reason})
        return
    for e in entries:
        out.print(history_line(e, field), markup=False, highlight=False)


def history_line(entry, field: str | None = None, width: int = 40) -> str:
    """`when  v3  who  action  field: old → new  (reason)`, values cut to `width` characters."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    name = entry.field or field
    if entry.action == "ingest":  # the first reading: no old value
        change = f"{name}: {shorten(entry.new_value, width)}" if name else "whole record"
    elif name:
        change = f"{name}: {shorten(entry.old_value, width)} → {shorten(entry.new_value, width)}"
    else:
        change = ""
    reason = f"  ({entry.reason})" if entry.reason else ""
    return f"{when}  v{entry.version}  {entry.actor}  {entry.action}  {change}{reason}".rstrip()


@app.command("resolve")
def records_resolve(
    doc_id: DOC_ID,
    user: Annotated[str, typer.Option("--user", "-u", metavar="NAME", show_default=False,
                                      help="Who looked at the record.")],
    reason: Annotated[str | None, typer.Option("--reason", "-r", metavar="TEXT", show_default=False,
                                               help="Why the flag can go (kept in the history).")] = None,
    expect_version: Annotated[int | None, typer.Option("--expect-version", metavar="N", show_default=False,
                                                       help=EXPECT_HELP)] = None,
) -> None:
    """Clear the review flag after looking at the record (change values with `records set`)."""
    with storage_errors(), archive() as repo:
        stored = repo.resolve_review(doc_id, user=user, reason=reason, expected_version=expect_version)
    say(f"{escape(doc_id)}: review cleared (version {stored.version})")
