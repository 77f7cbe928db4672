"""The nightly flow: ingest what is new in an inbox folder, unattended (`thidua schedule`).

Wiring only (steps in pipeline/read/inbox.py and the backfill's batches):

    scan the inbox (I/O; files written to in the last minute wait for the next run)
      -> the backfill's batches: skip archived, extract, store
      -> file away (I/O): processed files to the inbox archive, failed ones to quarantine with
         <name>.reason.txt beside them; a file that changed during the run stays
      -> fixity of a rotating sample of archived originals (THIDUA_VERIFY_SAMPLE, 50: those
         verified longest ago), damage listed in the report
      -> report (a Markdown artifact and the summary in the log)

Running it twice is harmless: the second run finds an empty inbox, or skips by hash what a cut-off
run stored and files it away then.
"""
# No `from __future__ import annotations` here: a deployment's run loads the flow from its
# entrypoint, and Prefect builds the parameter model from the real annotations.
import asyncio
import logging
import time
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.runner import Runner
from prefect.types.entrypoint import EntrypointType
from prefect.utilities.annotations import quote

from flows.backfill import IO_TASK, finish, ingest_files
from flows.runners import SettingsTaskRunner
from pipeline.read import inbox as steps
from pipeline.read.document import DocumentResult, shown_path
from pipeline.report.runs import RunReport
from pipeline.settings import get_settings

log = logging.getLogger("thidua.nightly")


def destinations(inbox: Path, archive_to: Path | None, quarantine: Path | None) -> tuple[Path, Path, Path]:
    """The inbox and where its files go (default: `archive/` and `quarantine/` inside it)."""
    inbox = Path(inbox).resolve()
    return inbox, Path(archive_to or inbox / "archive").resolve(), Path(quarantine or inbox / "quarantine").resolve()


@task(name="scan-inbox", **IO_TASK)
def scan(inbox: Path, exclude: list[Path], min_age_s: float) -> steps.InboxScan:
    return steps.scan_inbox(inbox, exclude=exclude, min_age_s=min_age_s)


@task(name="file-away", **IO_TASK)
def file_away(found: steps.InboxScan, results: list[DocumentResult], archive_to: Path,
              quarantine: Path) -> steps.Moves:
    return steps.file_away(found, results, archive_to, quarantine)


@task(name="verify-sample", **IO_TASK)
def verify_sample(size: int) -> list[str]:
    """Fixity of the `size` originals verified longest ago: the report's lines (damage logged as errors)."""
    from pipeline.store import StorageError, open_repository
    from pipeline.store.fixity import verify

    if size <= 0:
        return []
    try:
        with open_repository() as repo:
            report = verify(repo, sample=size)
    except StorageError as exc:
        log.error("fixity check not done: %s", exc)
        return [f"fixity check not done: {exc}"]
    for problem in report.problems:
        log.error("fixity: %s", problem.line())
    return [report.summary(), *(f"fixity problem: {p.line()}" for p in report.problems[:50])]


def record_failure(flow, flow_run, state) -> None:
    """A nightly run that failed or crashed before it could report: kept in the archive's runs,
    so `thidua status` and the next `thidua schedule` say so."""
    from pipeline.store import StorageError, open_repository

    try:
        with open_repository() as repo:
            last = repo.runs("nightly", limit=1)
            if last and last[0].state == "failed" and last[0].message == state.message:
                return  # the run stopped on a storage problem and recorded it itself
            run_id = repo.start_run("nightly", f"{flow_run.name} ({flow_run.parameters.get('inbox', '')})")
            repo.finish_run(run_id, "failed", message=f"{state.name}: {state.message or 'no message'}")
    except StorageError as exc:
        log.error("could not record the failed run in the archive: %s", exc)
    tell_the_operator()


@flow(name="thidua-nightly", task_runner=SettingsTaskRunner(), persist_result=False, log_prints=False,
      on_failure=[record_failure], on_crashed=[record_failure])
def nightly(inbox: Path, archive_to: Path | None = None, quarantine: Path | None = None,
            min_age_s: float | None = None, batch_size: int | None = None,
            workers: int | None = None) -> RunReport:
    """Ingest the reports waiting in `inbox` (recursively), then move each processed file to
    `archive_to` (default INBOX/archive) and each failed one to `quarantine` (default
    INBOX/quarantine) with its reason in `<name>.reason.txt`. Files written to less than
    `min_age_s` seconds ago (THIDUA_INBOX_MIN_AGE_S, 60) are left for the next run."""
    started = time.perf_counter()
    catch_up_for_missed_runs()
    inbox, archive_to, quarantine = destinations(inbox, archive_to, quarantine)
    min_age_s = get_settings().inbox_min_age_s if min_age_s is None else min_age_s
    found = scan(inbox, [archive_to, quarantine], min_age_s)
    log.info("inbox %s: %d file(s) ready, %d written to in the last %.0f s (left for the next run), %d refused",
             shown_path(inbox), len(found.ready), len(found.too_new), min_age_s, len(found.refused))
    results, extracted, stopped = ingest_files(found.paths, batch_size=batch_size, workers=workers, kind="nightly",
                                               name=str(inbox))
    results = found.refused_results() + results  # links out of the inbox, FIFOs...: never opened
    moves = file_away(found, quote(results), archive_to, quarantine)
    notes = moves.notes(archive_to, quarantine)
    if found.too_new:
        notes.append(f"left {len(found.too_new)} file(s) written to in the last {min_age_s:.0f} s for the next run")
    if not stopped:
        notes += verify_sample(get_settings().verify_sample)
    report = RunReport(f"Nightly ingest of {shown_path(inbox)}", results, time.perf_counter() - started,
                       extracted=extracted, stopped=str(stopped) if stopped else None,
                       stopped_exit_code=stopped.exit_code if stopped else 0, notes=notes)
    tell_the_operator()
    return finish(report, "thidua-nightly")


def tell_the_operator() -> None:
    """Post what went wrong in this run (the archive's record of it: failed, files quarantined)
    to THIDUA_NOTIFY_URL, when it is set; `thidua status` says the same."""
    from pipeline.report.health import notify, problems
    from pipeline.store import StorageError, open_repository

    if not get_settings().notify_url:
        return
    try:
        with open_repository() as repo:
            found = problems(repo.runs("nightly", limit=1), late_after_h=None)
    except StorageError as exc:
        found = [f"the nightly run could not read the archive: {exc}"]
    notify(get_settings().notify_url, found, "thidua nightly run")


def catch_up_for_missed_runs() -> None:
    """After downtime the scheduler's runs whose time passed are all still waiting: this run (one
    catch-up run) does their work, so they are cancelled instead of running back to back."""
    from prefect.client.orchestration import get_client
    from prefect.runtime import deployment, flow_run

    if not deployment.id:  # run by hand, not by a deployment: nothing scheduled to catch up on
        return
    try:
        with get_client(sync_client=True) as client:
            cancelled = cancel_missed_runs(client, deployment.id, keep=flow_run.id)
    except Exception as exc:  # noqa: BLE001 - a policy, never a reason to fail the night's ingest
        log.warning("could not cancel the runs missed while the schedule was down: %s", exc)
        return
    if cancelled:
        log.warning("%d run(s) missed while the schedule was down (%s): cancelled, this run catches up",
                    len(cancelled), ", ".join(f"{when.astimezone():%Y-%m-%d %H:%M}" for when in cancelled[:5])
                    + (", ..." if len(cancelled) > 5 else ""))


def cancel_missed_runs(client, deployment_id, *, keep=None) -> list:
    """Cancel the deployment's scheduled runs whose time has passed (but `keep`); their start times."""
    from prefect.states import Cancelled

    cancelled: list = []
    for _ in range(50):  # pages of 200 (the API's most): a minute's cron missed for a week is 50 pages
        missed = [r for r in scheduled_runs(client, deployment_id, limit=200, future=False) if str(r.id) != str(keep)]
        for run in missed:
            client.set_flow_run_state(run.id, Cancelled(message="missed while the schedule was down; "
                                                                "a later run caught up"), force=True)
            cancelled.append(run.expected_start_time)
        if not missed:
            break
    return cancelled


class NightlyRunner(Runner):
    """Prefect's runner, stopped by SIGTERM (a service manager stopping `thidua schedule`) the way
    Ctrl-C stops it: KeyboardInterrupt in the runner's loop, which then ends its tasks in order.
    Prefect's own handler calls the sync `stop()`, which cancels the loop's task group from
    Prefect's other event-loop thread, then `sys.exit` mid-loop: now and then a CancelledError
    traceback reached the terminal and the exit code was not 0."""

    def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt


def serve(inbox: Path, cron: str, *, name: str = "nightly", archive_to: Path | None = None,
          quarantine: Path | None = None, limit: int | None = 1) -> None:
    """Serve the nightly deployment: runs on `cron` (and on demand, `prefect deployment run
    'thidua-nightly/nightly'`) in child processes of this one, until it is stopped (Ctrl-C or
    SIGTERM: KeyboardInterrupt). Stopping it leaves the schedule active (pause_on_shutdown=False),
    so a restarted server picks it up. One run at a time (`limit`): two runs on one inbox would
    race for its files. What `Flow.serve` does, with the runner above."""
    inbox, archive_to, quarantine = destinations(inbox, archive_to, quarantine)
    runner = NightlyRunner(name=name, pause_on_shutdown=False, limit=limit)
    runner.add_flow(nightly, name=name, cron=cron, parameters=deployment_parameters(inbox, archive_to, quarantine),
                    description=f"Ingest new reports from {inbox} ({cron}).",
                    entrypoint_type=EntrypointType.MODULE_PATH)
    asyncio.run(runner.start())


def deployment_parameters(inbox: Path, archive_to: Path, quarantine: Path) -> dict[str, str]:
    return {"inbox": str(inbox), "archive_to": str(archive_to), "quarantine": str(quarantine)}


def next_scheduled_run(deployment: str, timeout_s: float):
    """When the Prefect scheduler plans the next run of `deployment` ("flow/name"): the earliest
    scheduled run still to come (runs left over from before a restart are past), waiting up to
    `timeout_s` for the deployment to exist and for its first scheduled run; None if it plans none."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout_s
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            try:
                found = client.read_deployment_by_name(deployment)
            except ObjectNotFound:
                time.sleep(1)
                continue
            runs = scheduled_runs(client, found.id, limit=1)
            if runs:
                return runs[0].expected_start_time
            time.sleep(2)
    return None


def scheduled_runs(client, deployment_id, *, limit: int, future: bool = True) -> list:
    """The deployment's runs in state Scheduled (not started yet), earliest first, asked of the
    server sorted: those still to come (`future`), or those whose time has passed (missed)."""
    from datetime import UTC, datetime

    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId, FlowRunFilter, \
        FlowRunFilterExpectedStartTime, FlowRunFilterState, FlowRunFilterStateType
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    now = datetime.now(UTC)
    when = FlowRunFilterExpectedStartTime(after_=now) if future else FlowRunFilterExpectedStartTime(before_=now)
    return client.read_flow_runs(
        deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
        flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])),
                                      expected_start_time=when),
        sort=FlowRunSort.EXPECTED_START_TIME_ASC, limit=limit)
