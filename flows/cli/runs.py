"""Running the Prefect flows from the command line: `ingest` and `reextract` (archive.py) run a
flow with `run_flow` and print its report; `schedule` serves the nightly deployment, `deploy`
puts the flows on a work pool, `status` says what the last runs did.

Exit codes as everywhere: 0 every file ok or skipped, 1 some failed (or the run stopped on a
problem that may pass), 2 nothing could be done (usage, database, Prefect server).
"""
from __future__ import annotations

import os
from contextlib import suppress
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from flows.cli.output import archive, error, out, progress, say, storage_errors, within
from pipeline.read.document import DocumentResult, shown_path
from pipeline.report.health import LATE_AFTER_H
from pipeline.report.runs import RunReport

CRON_HELP = ("When to run, as a cron line: minute hour day month weekday, in the server's local time "
             '("0 2 * * *": 02:00 every day).')


class _Bar:
    """The flows' progress, drawn as the CLI's progress bar."""

    def __init__(self, progress):
        self.progress = progress
        self.task = None

    def start(self, total: int, label: str) -> None:
        from flows.runtime import stop_if_interrupted

        stop_if_interrupted()
        self.task = self.progress.add_task(label, total=total, current="")

    def advance(self, results: Sequence[DocumentResult]) -> None:
        from flows.runtime import stop_if_interrupted

        stop_if_interrupted()
        if self.task is not None and results:
            self.progress.update(self.task, advance=len(results), current=Path(results[-1].path).name[:40])


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run, with what to tell the user (printed by flows.cli.app.main, exit 130)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _check_database() -> None:
    """Setup problems (database unreachable, schema not upgradable) end the command at once,
    with exit code 2, before any orchestration."""
    from pipeline.store import open_database

    open_database().close()


def _stored_files() -> int:
    """File versions in the archive (one per stored file); opens, and so checks, the database."""
    from pipeline.store import open_repository

    with open_repository() as repo:
        return repo.counts()["sources"]


def _interrupted(before: int | None) -> Interrupted:
    """What a Ctrl-C leaves: every stored document is complete (one transaction each), and
    running again skips what is archived."""
    if before is None:
        return Interrupted("interrupted before anything was stored; run again to finish")
    try:
        stored = _stored_files() - before
    except Exception:  # noqa: BLE001 - the database may be what the user gave up waiting for
        return Interrupted("interrupted; what was stored so far is kept; run again to finish")
    return Interrupted(f"interrupted: {stored} file(s) stored before the interrupt, each complete; "
                       "run again to finish (what is archived is skipped)")


def check_paths(paths: Sequence[Path]) -> bool:
    """Before anything starts: a path that does not exist is a usage error (exit 2, nothing
    done); a folder without reports is a warning. False when there is nothing to do."""
    from pipeline.read.discover import holds_reports

    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise error(f"not found: {', '.join(map(shown_path, missing))} (nothing was ingested)", 2)
    empty = [p for p in paths if p.is_dir() and not holds_reports(p)]
    for folder in empty:
        say(f"[yellow]warning:[/] no reports found in {escape(shown_path(folder))}")
    return len(empty) < len(paths)


def run_steps(plain: Callable[[_Bar], RunReport]) -> RunReport:
    """Run the plain steps of a command in this process (no Prefect API configured), with a
    progress bar; its report. Ctrl-C at any moment raises Interrupted, saying what was stored."""
    from flows.runtime import ctrl_c_seen, stop_if_interrupted

    before: int | None = None
    try:
        with storage_errors():
            before = _stored_files()  # the pool starts with the first batch of more than one file
            with progress() as bar:
                report = plain(_Bar(bar))
        stop_if_interrupted()
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt) or ctrl_c_seen():  # even when a library wrapped it
            raise _interrupted(before) from None
        raise
    return report


def run_flow(start: Callable[[], object], module: str,
             plain: Callable[[_Bar], RunReport] | None = None) -> RunReport:
    """Run a flow (`start` calls it with return_state=True) on the configured Prefect API, with a
    progress bar; its report, whether it completed or stopped early. Without a configured API,
    `plain` (the same steps, flows/local.py) runs in this process, or else a local server is
    started for the flow, the database check and the import of the flow's `module` happening
    while it starts. Ctrl-C at any moment raises Interrupted, saying what was stored."""
    import gc
    import importlib

    from flows.prefect_settings import prefect_api_configured

    if plain is not None and not prefect_api_configured():
        return run_steps(plain)
    before: list[int] = []

    def meanwhile() -> None:
        from flows.extraction import EXTRACTOR
        from pipeline.pool import warm_up
        from flows.runtime import stop_if_interrupted
        from pipeline.settings import get_settings

        before.append(_stored_files())
        if not get_settings().dask_address:
            warm_up(get_settings().effective_workers, EXTRACTOR)
        importlib.import_module(module)
        stop_if_interrupted()

    from flows.runtime import ServerError, configure_environment, ctrl_c_seen, prefect_api, \
        quiet_third_party_logs, reporting_progress, stop_if_interrupted

    configure_environment()
    try:
        with storage_errors(), prefect_api(meanwhile=meanwhile):
            quiet_third_party_logs()
            gc.freeze()  # what start-up made lives through the run: the collector need not scan it again
            try:
                with progress() as bar, reporting_progress(_Bar(bar)):
                    state = start()
            finally:
                gc.unfreeze()  # collectable again (a caller running several commands in one process)
            stop_if_interrupted()
    except ServerError as exc:
        raise error(str(exc), exc.exit_code) from None
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt) or ctrl_c_seen():  # even when a library wrapped it
            raise _interrupted(before[0] if before else None) from None
        raise
    report = state.result(raise_on_failure=False)
    if isinstance(report, BaseException):  # not a problem the flow knows: a bug, shown as one
        raise report
    return report


def finish(report: RunReport) -> None:
    """After the summary: the stopping problem as one error line, and the exit code."""
    if report.stopped:
        raise error(f"{report.stopped} (stopped after {len(report.results)} file(s); run again to continue)",
                     report.exit_code)
    raise typer.Exit(report.exit_code)


def schedule(
    inbox: Annotated[Path, typer.Option(
        "--inbox", metavar="FOLDER", show_default=False,
        help="Folder where new reports arrive (subfolders included).")],
    cron: Annotated[str, typer.Option("--cron", metavar="CRON", help=CRON_HELP)] = "0 2 * * *",
    archive_to: Annotated[Path | None, typer.Option(
        "--archive-to", metavar="FOLDER", show_default=False,
        help="Where processed files are moved (default: the inbox's archive subfolder).")] = None,
    quarantine: Annotated[Path | None, typer.Option(
        "--quarantine", metavar="FOLDER", show_default=False,
        help="Where files that failed are moved, each with a note saying why (default: the inbox's quarantine "
             "subfolder).")] = None,
    name: Annotated[str, typer.Option(
        "--name", metavar="NAME", help="Name of this schedule, to tell several apart (thidua-nightly/NAME).")
    ] = "nightly",
) -> None:
    """Ingest new reports from an inbox folder every night (or as --cron says), until stopped with Ctrl-C.

    A run can also be started at once from Prefect (the orchestrator that keeps the schedule):
    `prefect deployment run thidua-nightly/nightly`. Unless PREFECT_API_URL names a Prefect server, one
    runs on this machine for as long as this command does."""
    from flows.runtime import ServerError, configure_environment, prefect_api, prefect_home, quiet_third_party_logs

    if not inbox.is_dir():
        raise error(f"inbox folder not found: {inbox}", 2)
    configure_environment()  # a long-lived service: no hurry, Prefect may be imported first
    try:
        prefect_home()
    except ServerError as exc:
        raise error(str(exc), exc.exit_code) from None
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    try:
        CronSchedule(cron=cron)
    except ValidationError:
        raise error(f"not a cron line: {cron!r} (e.g. \"0 2 * * *\" for 02:00 every day)", 2) from None
    try:
        with storage_errors(), prefect_api(scheduler=True, meanwhile=_check_database) as api_url:
            quiet_third_party_logs()
            from flows.nightly import destinations, serve

            where, archived, quarantined = destinations(inbox, archive_to, quarantine)
            warn_if_last_run_failed()
            watch_scheduler(f"thidua-nightly/{name}")
            say(f"serving thidua-nightly/{escape(name)}: ingest {escape(str(where))} on '{escape(cron)}'; "
                f"processed files to {escape(str(archived))}, failed ones to {escape(str(quarantined))}")
            say(f"Prefect API: {escape(api_url or 'as configured (PREFECT_API_URL)')}"
                + (" (no web UI here; `thidua status --runs 20` lists the runs)" if api_url else "")
                + "; stop with Ctrl-C")
            with suppress(KeyboardInterrupt, SystemExit):  # Ctrl-C, or SIGTERM (flows.nightly.NightlyRunner)
                serve(where, cron, name=name, archive_to=archived, quarantine=quarantined)
    except ServerError as exc:
        raise error(str(exc), exc.exit_code) from None
    say("stopped serving (the schedule stays; runs resume when this is started again)")


def deploy(
    pool: Annotated[str, typer.Option(
        "--pool", metavar="POOL", show_default=False,
        help="Name of the Prefect work pool whose workers run the jobs (made with: prefect work-pool create POOL "
             "--type process).")],
    inbox: Annotated[Path | None, typer.Option(
        "--inbox", metavar="FOLDER", show_default=False,
        help="Also run the nightly ingestion of this folder.")] = None,
    cron: Annotated[str, typer.Option("--cron", metavar="CRON", help=CRON_HELP)] = "0 2 * * *",
    archive_to: Annotated[Path | None, typer.Option(
        "--archive-to", metavar="FOLDER", show_default=False,
        help="Where the nightly ingestion moves processed files (default: the inbox's archive subfolder).")] = None,
    quarantine: Annotated[Path | None, typer.Option(
        "--quarantine", metavar="FOLDER", show_default=False,
        help="Where it moves files that failed (default: the inbox's quarantine subfolder).")] = None,
) -> None:
    """Let other machines run the jobs: ingest, re-extract and, with --inbox, the nightly ingestion.

    The jobs are registered on the Prefect server named by PREFECT_API_URL; start a worker on each
    machine that should run them with `prefect worker start --pool POOL`."""
    from flows.runtime import ServerError, configure_environment, prefect_home

    configure_environment()
    try:
        prefect_home()
    except ServerError as exc:
        raise error(str(exc), exc.exit_code) from None
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.settings import PREFECT_API_URL
    from pydantic import ValidationError

    if not PREFECT_API_URL.value():
        raise error("set PREFECT_API_URL to the Prefect server the workers use "
                    "(e.g. http://prefect-host:4200/api)", 2)
    from flows.runtime import check_reachable

    try:
        check_reachable(PREFECT_API_URL.value())
    except ServerError as exc:
        raise error(str(exc), exc.exit_code) from None
    if inbox is not None and not inbox.is_dir():
        raise error(f"inbox folder not found: {inbox}", 2)
    try:
        CronSchedule(cron=cron)
    except ValidationError:
        raise error(f"not a cron line: {cron!r} (e.g. \"0 2 * * *\" for 02:00 every day)", 2) from None
    from flows.deploy import deploy_to_pool, deployments

    try:
        deploy_to_pool(pool, deployments(inbox, cron, archive_to=archive_to, quarantine=quarantine))
    except ValueError as exc:  # no such work pool, ...
        raise error(str(exc).splitlines()[0], 2) from None
    say(f"start workers with: prefect worker start --pool {escape(pool)}")


def warn_if_last_run_failed() -> bool:
    """One line when the newest nightly run failed: an operator starting the service sees it."""
    from pipeline.store import open_repository

    with open_repository() as repo:
        last = repo.runs("nightly", limit=1)
    if last and last[0].state == "failed":
        run = last[0]
        say(f"[yellow]warning:[/] the last nightly run (started {run.started_at.astimezone():%Y-%m-%d %H:%M}) "
            f"failed: {escape(run.message or 'no message')}")
        return True
    return False


def watch_scheduler(deployment: str, timeout_s: float = 90.0) -> None:
    """Check, beside the served deployment, that the Prefect server's scheduler plans its runs,
    and say so: a scheduler that fails (it did, with an unsupported SQLAlchemy) would otherwise
    leave an inbox that is never processed, silently."""
    import threading

    def check() -> None:
        from flows.nightly import next_scheduled_run

        try:
            when = next_scheduled_run(deployment, timeout_s)
        except Exception as exc:  # noqa: BLE001 - a check, never a reason to stop serving
            say(f"[yellow]warning:[/] could not check the Prefect scheduler: {escape(str(exc).splitlines()[0])}")
            return
        if when is None:
            say(f"[red]error:[/] the Prefect scheduler has planned no run of {escape(deployment)} in "
                f"{timeout_s:.0f} s: scheduled runs will not start; see the Prefect server's log")
        else:
            say(f"scheduler ok: next run at {when.astimezone():%Y-%m-%d %H:%M}")

    threading.Thread(target=check, name="scheduler-check", daemon=True).start()


def status(
    runs: Annotated[int, typer.Option(
        "--runs", metavar="N", callback=within(0),
        help="How many runs to list, newest first, each with its counts.")] = 10,
    late_after: Annotated[float, typer.Option(
        "--late-after", metavar="HOURS", callback=within(0),
        help="Exit 1 when the last nightly run started longer ago than this (the schedule stopped).")
    ] = LATE_AFTER_H,
    quiet_nights: Annotated[int | None, typer.Option(
        "--quiet-nights", metavar="N", callback=within(1), show_default=False,
        help="Exit 1 when each of the last N nightly runs ingested nothing new.")] = None,
) -> None:
    """What the archive holds, what the last runs did, and whether the nightly ingestion is healthy.

    Exit code 1 (for monitoring) when the last nightly run failed or quarantined files, when it is
    late (--late-after) or when nothing was ingested for --quiet-nights runs; each problem is named
    on a `problem` line and, with THIDUA_NOTIFY_URL set, posted there. Exit 2: the archive cannot be read."""
    from pipeline.report.health import notify, problems
    from pipeline.settings import get_settings

    with storage_errors(), archive() as repo:
        documents = repo.count()
        flagged = repo.count(needs_review=True)
        listed = repo.runs(limit=runs) if runs else []
        nightly = repo.runs("nightly", limit=max(quiet_nights or 1, 1))
        url = repo.db.display_url
    out.print(f"archive   {escape(url)}; originals in {escape(str(get_settings().effective_archive_dir))}",
              highlight=False, soft_wrap=True)
    out.print(f"records   {documents} ({flagged} need review: thidua records list --needs-review)",
              highlight=False)
    if not listed and runs:
        out.print("runs      none recorded yet", highlight=False)
    for run in listed:
        ended = f"{run.finished_at.astimezone():%H:%M}" if run.finished_at else "not finished"
        out.print(f"{run.kind:<9} {run.started_at.astimezone():%Y-%m-%d %H:%M}-{ended} {run.state:<9} "
                  f"{run.stored} stored, {run.skipped} skipped, {run.failed} failed"
                  + (f": {escape(run.message)}" if run.message else ""), highlight=False, soft_wrap=True)
    found = problems(nightly, late_after_h=late_after, quiet_runs=quiet_nights)
    for line in found:
        out.print(f"problem   {escape(line)}", highlight=False, soft_wrap=True)
    if nightly and not found:
        out.print("nightly   ok", highlight=False)
    notify(get_settings().notify_url, found, "thidua status")
    raise typer.Exit(1 if found else 0)
