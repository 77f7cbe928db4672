"""`thidua search`: full-text search over the archived documents."""
from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from flows.cli.output import archive, out, print_json, say, storage_errors, within


def search(
    query: Annotated[str, typer.Argument(
        metavar="WORDS", show_default=False,
        help='Words that must all appear; put words in "double quotes" to find them side by side.')],
    limit: Annotated[int, typer.Option("--limit", "-n", callback=within(1), metavar="N",
                                       help="Show at most this many documents.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line, for programs.")] = False,
) -> None:
    """Search the text of every archived document (its current version)."""
    from pipeline.store.search import search as search_text

    with storage_errors(), archive() as repo:
        found = search_text(repo.db, query, limit)
    hits = found.hits
    if found.note:
        say(f"note: {escape(found.note)}")
    if as_json:
        for h in hits:
            print_json({"doc_id": h.doc_id, "title": h.title, "snippet": h.snippet, "score": h.score, "exact": h.exact})
        return
    table = Table(show_header=True, title=f"{len(hits)} of {found.total} document(s)")
    table.add_column("doc_id", no_wrap=True)  # ids are copied and pasted: never cut
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
