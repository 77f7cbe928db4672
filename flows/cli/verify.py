"""`thidua verify`: re-read every archived original and say what is damaged (pipeline/store/fixity.py).

Exit codes: 0 everything whole, 1 damage found, 2 no archive (or a usage error).
"""
from __future__ import annotations

from typing import Annotated

import typer

from flows.cli.output import archive, progress, say, storage_errors, within


def verify(
    sample: Annotated[int | None, typer.Option(
        "--sample", "-n", callback=within(1), metavar="N", show_default=False,
        help="Only check this many originals, those checked longest ago (default: all of them, and also look "
             "for files no record points to).")] = None,
) -> None:
    """Check that every archived original is still intact and has its record, and every record its original.

    One line per problem on stdout; exit code 1 when there is any."""
    from pipeline.store.fixity import count_originals, verify as verify_archive

    with storage_errors(), archive() as repo:
        total = count_originals(repo) if sample is None else min(sample, count_originals(repo))
        with progress() as bar:
            task = bar.add_task("verifying", total=total, current="")
            report = verify_archive(repo, sample, on_checked=lambda n: bar.advance(task, n))
    for problem in report.problems:
        print(problem.line(), flush=True)
    say(report.summary().replace("[", "\\["))
    raise typer.Exit(0 if report.clean else 1)
