"""`thidua report ...` (rankings, heads, a unit's history, consistency checks, clusters) and
`thidua units ...` (the unit registry: list, merge, rename, split). Thin: the steps live in
pipeline.reports and pipeline.registry. Tables go to stdout; --out writes .csv or .xlsx."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows.cli_storage import _repository, say, storage_errors

report_app = typer.Typer(no_args_is_help=True, help="Scoring reports from the archive's corrected records.")
units_app = typer.Typer(no_args_is_help=True, help="The unit registry: one unit behind every spelling of its name.")

OUT_HELP = "Also write the report to this .csv or .xlsx file (replaced atomically)."
CLUSTER_HELP = "Cluster key (see `thidua report clusters`), or words of its name/province, e.g. 'cum 2 kien giang'."


class _Out:
    """stdout: the terminal's width on a terminal; wide (no folded names) in a pipe or a file."""

    def print(self, *args, **kwargs) -> None:
        console = Console(soft_wrap=True)
        if not console.is_terminal:
            console = Console(width=220, soft_wrap=True)
        console.print(*args, **kwargs)


out = _Out()


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")
    app.add_typer(units_app, name="units")


def _facts():
    """The report facts, from a registry brought up to date first."""
    from pipeline.reports import load_facts

    repo = _repository()
    try:
        return load_facts(repo.db)
    finally:
        repo.close()


def _table(title: str, headers, rows) -> Table:
    table = Table(title=title, show_header=True)
    for h in headers:
        table.add_column(h, overflow="fold")
    for row in rows:
        table.add_row(*(escape(_cell(v)) for v in row))
    return table


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return f"{value:g}" if isinstance(value, float) else str(value)


def _clusters(facts, query: str | None):
    if query:
        return [facts.cluster(query)]
    return facts.find_clusters(None)


@report_app.command("clusters")
def report_clusters(query: str | None = typer.Argument(None, help="Only clusters matching these words.")) -> None:
    """List the registry's clusters: key, name and scope, years and documents."""
    with storage_errors():
        facts = _facts()
        found = facts.find_clusters(query)
    rows = []
    for c in found:
        docs = [facts.docs[d] for d, cid in facts.doc_cluster.items() if cid == c.id]
        years = sorted({d.year for d in docs if d.year is not None})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
        rows.append([c.key, c.label, span, len(docs)])
    out.print(_table(f"{len(rows)} cluster(s)", ("key", "cluster", "years", "documents"), rows))


@report_app.command("rankings")
def report_rankings(
    cluster: str | None = typer.Option(None, "--cluster", "-c", help=CLUSTER_HELP + " Default: every cluster."),
    year: int | None = typer.Option(None, "--year", "-y", help="Only this year (the year under review)."),
    out_path: Path | None = typer.Option(None, "--out", "-o", help=OUT_HELP),
    charts: Path | None = typer.Option(None, "--charts", help="Folder for one PNG chart per cluster "
                                          "(default with an .xlsx --out: <name>_charts/ beside it)."),
) -> None:
    """Ranking tables of a cluster, year by year, with the source documents; charts of ranks over years."""
    from pipeline.reports import rankings
    from pipeline.reports.output import charts_for, write_rankings

    with storage_errors():
        facts = _facts()
        tables = {c: rankings(facts, c, year) for c in _clusters(facts, cluster)}
        tables = {c: t for c, t in tables.items() if t}
        if out_path and charts is None and out_path.suffix.lower() == ".xlsx":
            charts = out_path.with_name(f"{out_path.stem}_charts")
        drawn = charts_for(tables, charts) if charts else {}
        if out_path:
            count = write_rankings(tables, out_path, drawn)
    for c, years in tables.items():
        for t in years:
            out.print(_table(f"{c.label} — {t.year or 'year unknown'}",
                             ("rank", "unit", "score", "tie", "as written", "documents"),
                             [[r.rank, r.unit.name + (" (?)" if r.unit.pending else ""), r.score,
                               "tie" if r.tie else "", "; ".join(r.written), "; ".join(r.doc_ids)] for r in t.rows]))
    if not tables:
        say("no ranks recorded" + (f" for {year}" if year else "") + (f" in {cluster}" if cluster else ""))
    for chart in drawn.values():
        say(f"chart: {escape(str(chart.path))}")
    if out_path:
        say(f"wrote {count} row(s) to {escape(str(out_path))}")


@report_app.command("heads")
def report_heads(
    cluster: str | None = typer.Option(None, "--cluster", "-c", help=CLUSTER_HELP + " Default: every cluster."),
    out_path: Path | None = typer.Option(None, "--out", "-o", help=OUT_HELP),
) -> None:
    """Heads (trưởng) and deputies (phó) of a cluster year by year, and who is due next."""
    from pipeline.reports import heads
    from pipeline.reports.output import write_heads

    with storage_errors():
        facts = _facts()
        reports = [r for r in (heads(facts, c) for c in _clusters(facts, cluster)) if r.years or r.due_next]
        if out_path:
            count = write_heads(reports, out_path)
    for r in reports:
        out.print(_table(r.cluster.label, ("year", "role", "unit", "elected before", "recorded serving", "documents"),
                         _heads_rows(r)))
    if not reports:
        say("no heads recorded" + (f" in {cluster}" if cluster else ""))
    if out_path:
        say(f"wrote {count} row(s) to {escape(str(out_path))}")


def _heads_rows(report) -> list[list]:
    rows = []
    for y in report.years:
        for role, entries in (("head", y.heads), ("deputy", y.deputies)):
            rows += [[y.year, role, e.unit.name, "yes" if e.elected_before else "",
                      "yes" if e.serving_recorded else "", "; ".join(e.doc_ids)] for e in entries]
    if report.due_next:
        n = report.due_next
        rows.append([n.year, "due next", n.unit.name, "", "", n.why])
    return rows


@report_app.command("unit")
def report_unit(
    name: str = typer.Argument(..., help="Unit id, name or any spelling of it (abbreviations allowed)."),
    out_path: Path | None = typer.Option(None, "--out", "-o", help=OUT_HELP),
) -> None:
    """A unit's clusters, ranks and head terms over the years."""
    from pipeline.registry import Registry
    from pipeline.reports import unit_history
    from pipeline.reports.output import write_unit

    with storage_errors():
        facts = _facts()
        repo = _repository()
        try:
            info = Registry(repo.db).unit(name)
        finally:
            repo.close()
        history = unit_history(facts, info.id, info.aliases)
        if out_path:
            write_unit(history, out_path)
    out.print(f"[bold]{escape(info.name)}[/] (unit {info.id}; {escape(info.kind or 'kind unknown')}; "
              f"{escape(info.province or 'province unknown')})")
    if info.aliases:
        out.print("also written: " + escape("; ".join(info.aliases)))
    out.print(_table("clusters", ("cluster", "years"),
                     [[label, ", ".join(map(str, ys))] for label, ys in history.clusters.items()]))
    out.print(_table("ranks", ("year", "cluster", "rank", "score", "documents"),
                     [[y, label, rank, score, "; ".join(d)] for y, label, rank, score, d in history.ranks]))
    out.print(_table("head terms", ("year", "cluster", "role", "documents"),
                     [[y, label, role, "; ".join(d)] for y, label, role, d in history.terms]))
    if out_path:
        say(f"wrote {escape(str(out_path))}")


@report_app.command("checks")
def report_checks(
    cluster: str | None = typer.Option(None, "--cluster", "-c", help=CLUSTER_HELP),
    out_path: Path | None = typer.Option(None, "--out", "-o", help=OUT_HELP),
) -> None:
    """Consistency checks, each with the documents to fix; exit code 1 when any is found.

    Two units with one rank and no stated tie, a unit with two ranks in a year, two heads in one
    year, a head elected but never recorded serving."""
    from pipeline.reports import checks, tie_reader
    from pipeline.reports.output import write_checks

    with storage_errors():
        facts = _facts()
        keys = {c.key for c in _clusters(facts, cluster)}
        repo = _repository()
        try:
            issues = [i for i in checks(facts, tie_reader(repo.db)) if i.cluster_key in keys]
        finally:
            repo.close()
        if out_path:
            write_checks(issues, out_path)
    out.print(_table(f"{len(issues)} issue(s)", ("check", "cluster", "year", "problem", "documents"),
                     [[i.check, i.cluster, i.year, i.message, "; ".join(i.doc_ids)] for i in issues]))
    if out_path:
        say(f"wrote {len(issues)} issue(s) to {escape(str(out_path))}")
    raise typer.Exit(1 if issues else 0)


# --- units -------------------------------------------------------------------------------------

def _registry():
    from pipeline.registry import Registry

    repo = _repository()
    registry = Registry(repo.db)
    return repo, registry


@units_app.command("list")
def units_list(
    query: str | None = typer.Argument(None, help="Only units whose name or a spelling holds these words."),
    pending: bool = typer.Option(False, "--pending", help="Only names waiting for a person to decide."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """Canonical units with their spellings (brought up to date with the archive first)."""
    with storage_errors():
        repo, registry = _registry()
        try:
            registry.sync()
            rows = registry.pending() if pending else registry.units(query)
        finally:
            repo.close()
    if as_json:
        for r in rows:
            out.print(json.dumps(r.__dict__, ensure_ascii=False), markup=False, highlight=False)
        return
    if pending:
        out.print(_table(f"{len(rows)} name(s) waiting", ("name", "where", "confidence", "how", "now", "candidates"),
                         [[p.name, p.scope, f"{p.confidence:.2f}", p.method, p.unit or "", "; ".join(p.candidates)]
                          for p in rows]))
        return
    out.print(_table(f"{len(rows)} unit(s)", ("id", "unit", "kind", "province", "also written", "confidence"),
                     [[u.id, u.name + (" ✎" if u.named_by_staff else ""), u.kind, u.province, "; ".join(u.aliases),
                       f"{u.lowest_confidence:.2f}"] for u in rows]))


def _change(action) -> None:
    with storage_errors():
        repo, registry = _registry()
        try:
            message = action(registry)
        finally:
            repo.close()
    say(escape(message))


USER = typer.Option(..., "--user", "-u", help="Who makes the change (kept with it).")


@units_app.command("merge")
def units_merge(source: str = typer.Argument(..., help="Unit id or name, or a written name waiting in --pending."),
                target: str = typer.Argument(..., help="The unit it is part of (id or name)."),
                user: str = USER) -> None:
    """SOURCE is the same unit as TARGET: its spellings and every place it was named move to TARGET.

    Merging a unit into itself confirms the registry's guesses for it; a written name waiting in
    `units list --pending` can be merged into the unit it means."""
    _change(lambda r: r.merge(source, target, user=user))


@units_app.command("rename")
def units_rename(unit: str = typer.Argument(..., help="Unit id or name."),
                 new_name: str = typer.Argument(..., help="The canonical name to show in reports."),
                 user: str = USER) -> None:
    """Give a unit its proper name (the old one stays a known spelling)."""
    _change(lambda r: r.rename(unit, new_name, user=user))


@units_app.command("split")
def units_split(unit: str = typer.Argument(..., help="Unit id or name."),
                names: list[str] = typer.Argument(..., help="Spellings that are really another unit."),
                into: str | None = typer.Option(None, "--into", help="Existing unit they belong to "
                                                   "(default: a new unit named after the first spelling)."),
                user: str = USER) -> None:
    """Undo a wrong match: move some spellings (and where they were named) to another unit."""
    _change(lambda r: r.split(unit, list(names), user=user, into=into))
