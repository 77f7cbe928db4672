"""`thidua verify`: re-read every archived original and say what is damaged (pipeline/storage/fixity.py).

Exit codes: 0 everything whole, 1 damage found, 2 no archive (or a usage error).
"""
from __future__ import annotations


import typer


def verify(
    sample: int | None = typer.Option(None, "--sample", "-n", min=1,
                                         help="Only this many originals, those verified longest ago "
                                              "(default: all, and files no record points to)."),
) -> None:
    """Check the archive's fixity: every original still hashes to its checksum and has its record,
    every record has its original. One line per problem on stdout; exit code 1 when any."""
    from flows.cli import _progress
    from flows.cli_storage import _repository, say, storage_errors
    from pipeline.storage.fixity import count_originals, verify as verify_archive

    with storage_errors():
        repo = _repository()
        try:
            total = count_originals(repo) if sample is None else min(sample, count_originals(repo))
            with _progress() as progress:
                task = progress.add_task("verifying", total=total, current="")
                report = verify_archive(repo, sample, on_checked=lambda n: progress.advance(task, n))
        finally:
            repo.close()
    for problem in report.problems:
        print(problem.line(), flush=True)
    say(report.summary().replace("[", "\\["))
    raise typer.Exit(0 if report.clean else 1)
