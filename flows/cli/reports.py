"""`thidua report ...`: rankings, heads, a unit's history, consistency checks, clusters. Thin: the
steps live in pipeline.report. Tables go to stdout; --out also writes a .csv or .xlsx file."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from flows.cli.output import archive, say, storage_errors, table, command_group
from flows.cli.output import wide as out

app = command_group("Reports from the archive's records, corrections applied: rankings, "
                  "heads, a unit's history, consistency checks.")

OUT_HELP = "Also write the report to this .csv or .xlsx file (replaced only once complete)."
CLUSTER_HELP = ("A cluster's key (see `thidua report clusters`), or words of its name or province, "
                "e.g. 'cum 2 kien giang'.")
OUT = Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", show_default=False, help=OUT_HELP)]
EVERY_CLUSTER = Annotated[str | None, typer.Option("--cluster", "-c", metavar="CLUSTER", show_default=False,
                                                   help=CLUSTER_HELP + " Default: every cluster.")]


def _facts():
    """The report facts, from a registry brought up to date first."""
    from pipeline.report import load_facts

    with archive() as repo:
        return load_facts(repo.db)


def _clusters(facts, query: str | None):
    if query:
        return [facts.cluster(query)]
    return facts.find_clusters(None)


@app.command("clusters")
def report_clusters(
    query: Annotated[str | None, typer.Argument(metavar="WORDS", show_default=False,
                                                help="Only clusters matching these words.")] = None,
) -> None:
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
    out.print(table(f"{len(rows)} cluster(s)", ("key", "cluster", "years", "documents"), rows))


@app.command("rankings")
def report_rankings(
    cluster: EVERY_CLUSTER = None,
    year: Annotated[int | None, typer.Option("--year", "-y", metavar="YEAR", show_default=False,
                                             help="Only this year (the year under review).")] = None,
    out_path: OUT = None,
    charts: Annotated[Path | None, typer.Option(
        "--charts", metavar="FOLDER", show_default=False,
        help="Folder for one chart (PNG picture) per cluster; with an .xlsx --out, by default a folder "
             "NAME_charts beside it.")] = None,
) -> None:
    """Ranking tables of a cluster, year by year, with the source documents; charts of ranks over years."""
    from pipeline.report import rankings
    from pipeline.report.output import charts_for, write_rankings

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
            out.print(table(f"{c.label} — {t.year or 'year unknown'}",
                             ("rank", "unit", "score", "tie", "as written", "documents"),
                             [[r.rank, r.unit.name + (" (?)" if r.unit.pending else ""), r.score,
                               "tie" if r.tie else "", "; ".join(r.written), "; ".join(r.doc_ids)] for r in t.rows]))
    if not tables:
        say("no ranks recorded" + (f" for {year}" if year else "") + (f" in {cluster}" if cluster else ""))
    for chart in drawn.values():
        say(f"chart: {escape(str(chart.path))}")
    if out_path:
        say(f"wrote {count} row(s) to {escape(str(out_path))}")


@app.command("heads")
def report_heads(cluster: EVERY_CLUSTER = None, out_path: OUT = None) -> None:
    """Heads (trưởng) and deputies (phó) of a cluster year by year, and who is due next."""
    from pipeline.report import heads
    from pipeline.report.output import write_heads

    with storage_errors():
        facts = _facts()
        reports = [r for r in (heads(facts, c) for c in _clusters(facts, cluster)) if r.years or r.due_next]
        if out_path:
            count = write_heads(reports, out_path)
    for r in reports:
        out.print(table(r.cluster.label, ("year", "role", "unit", "elected before", "recorded serving", "documents"),
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


@app.command("unit")
def report_unit(
    name: Annotated[str, typer.Argument(metavar="UNIT", show_default=False,
                                        help="The unit's id, name or any spelling of it (abbreviations too).")],
    out_path: OUT = None,
) -> None:
    """A unit's clusters, ranks and head terms over the years."""
    from pipeline.store.registry import Registry
    from pipeline.report import unit_history
    from pipeline.report.output import write_unit

    with storage_errors():
        facts = _facts()
        with archive() as repo:
            info = Registry(repo.db).unit(name)
        history = unit_history(facts, info.id, info.aliases)
        if out_path:
            write_unit(history, out_path)
    out.print(f"[bold]{escape(info.name)}[/] (unit {info.id}; {escape(info.kind or 'kind unknown')}; "
              f"{escape(info.province or 'province unknown')})")
    if info.aliases:
        out.print("also written: " + escape("; ".join(info.aliases)))
    out.print(table("clusters", ("cluster", "years"),
                     [[label, ", ".join(map(str, ys))] for label, ys in history.clusters.items()]))
    out.print(table("ranks", ("year", "cluster", "rank", "score", "documents"),
                     [[y, label, rank, score, "; ".join(d)] for y, label, rank, score, d in history.ranks]))
    out.print(table("head terms", ("year", "cluster", "role", "documents"),
                     [[y, label, role, "; ".join(d)] for y, label, role, d in history.terms]))
    if out_path:
        say(f"wrote {escape(str(out_path))}")


@app.command("checks")
def report_checks(
    cluster: Annotated[str | None, typer.Option("--cluster", "-c", metavar="CLUSTER", show_default=False,
                                                help=CLUSTER_HELP + " Default: every cluster.")] = None,
    out_path: OUT = None,
) -> None:
    """Consistency checks, each with the documents to fix; exit code 1 when any is found.

    Two units with one rank and no stated tie, a unit with two ranks in a year, two heads in one
    year, a head elected but never recorded serving."""
    from pipeline.report import checks, tie_reader
    from pipeline.report.output import write_checks

    with storage_errors():
        facts = _facts()
        keys = {c.key for c in _clusters(facts, cluster)}
        with archive() as repo:
            issues = [i for i in checks(facts, tie_reader(repo.db)) if i.cluster_key in keys]
        if out_path:
            write_checks(issues, out_path)
    out.print(table(f"{len(issues)} issue(s)", ("check", "cluster", "year", "problem", "documents"),
                     [[i.check, i.cluster, i.year, i.message, "; ".join(i.doc_ids)] for i in issues]))
    if out_path:
        say(f"wrote {len(issues)} issue(s) to {escape(str(out_path))}")
    raise typer.Exit(1 if issues else 0)
