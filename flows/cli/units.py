"""`thidua units list|merge|rename|split`: the unit registry, one unit behind every spelling of its
name. Thin: the steps live in pipeline.store.registry."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated

import typer
from rich.markup import escape

from flows.cli.output import archive, say, storage_errors, table, command_group
from flows.cli.output import wide as out

app = command_group("The unit registry: one unit behind every spelling of its name.")

UNIT = Annotated[str, typer.Argument(metavar="UNIT", show_default=False, help="The unit's id or name.")]
USER = Annotated[str, typer.Option("--user", "-u", metavar="NAME", show_default=False,
                                   help="Who makes the change (kept with it).")]


def _change(action: Callable) -> None:
    """Run `action(registry)` and print the sentence it returns."""
    from pipeline.store.registry import Registry

    with storage_errors(), archive() as repo:
        message = action(Registry(repo.db))
    say(escape(message))


@app.command("list")
def units_list(
    query: Annotated[str | None, typer.Argument(
        metavar="WORDS", show_default=False,
        help="Only units whose name or one of its spellings holds these words.")] = None,
    pending: Annotated[bool, typer.Option("--pending", help="Only names waiting for a person to decide.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line, for programs.")] = False,
) -> None:
    """The units with their spellings, brought up to date with the archive first."""
    from pipeline.store.registry import Registry

    with storage_errors(), archive() as repo:
        registry = Registry(repo.db)
        registry.sync()
        rows = registry.pending() if pending else registry.units(query)
    if as_json:
        for r in rows:
            out.print(json.dumps(r.__dict__, ensure_ascii=False), markup=False, highlight=False)
        return
    if pending:
        out.print(table(f"{len(rows)} name(s) waiting", ("name", "where", "confidence", "how", "now", "candidates"),
                        [[p.name, p.scope, f"{p.confidence:.2f}", p.method, p.unit or "", "; ".join(p.candidates)]
                         for p in rows]))
        return
    out.print(table(f"{len(rows)} unit(s)", ("id", "unit", "kind", "province", "also written", "confidence"),
                    [[u.id, u.name + (" ✎" if u.named_by_staff else ""), u.kind, u.province, "; ".join(u.aliases),
                      f"{u.lowest_confidence:.2f}"] for u in rows]))


@app.command("merge")
def units_merge(
    source: Annotated[str, typer.Argument(
        metavar="SOURCE", show_default=False,
        help="The unit's id or name, or a written name waiting in `units list --pending`.")],
    target: Annotated[str, typer.Argument(metavar="TARGET", show_default=False,
                                          help="The unit it is the same as (id or name).")],
    user: USER,
) -> None:
    """SOURCE is the same unit as TARGET: its spellings and every place it was named move to TARGET.

    Merging a unit into itself confirms the registry's guesses for it; a written name waiting in
    `units list --pending` can be merged into the unit it means."""
    _change(lambda r: r.merge(source, target, user=user))


@app.command("rename")
def units_rename(
    unit: UNIT,
    new_name: Annotated[str, typer.Argument(metavar="NEW_NAME", show_default=False,
                                            help="The proper name to show in reports.")],
    user: USER,
) -> None:
    """Give a unit its proper name (the old one stays a known spelling)."""
    _change(lambda r: r.rename(unit, new_name, user=user))


@app.command("split")
def units_split(
    unit: UNIT,
    names: Annotated[list[str], typer.Argument(metavar="SPELLINGS", show_default=False,
                                               help="Spellings that are really another unit.")],
    user: USER,
    into: Annotated[str | None, typer.Option(
        "--into", metavar="UNIT", show_default=False,
        help="The existing unit they belong to (default: a new unit named after the first spelling).")] = None,
) -> None:
    """Undo a wrong match: move some spellings (and where they were named) to another unit."""
    _change(lambda r: r.split(unit, list(names), user=user, into=into))
