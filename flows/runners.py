"""Which Prefect task runner the flows use, chosen when a run starts (not at import).

Threads in the flow's process by default: each batch task spreads its files over the local
extraction pool (pipeline/pool.py), and the flow stores one batch while the next is extracted.
With THIDUA_DASK_ADDRESS, Prefect's DaskTaskRunner sends each batch to a Dask worker.
"""
from prefect.context import FlowRunContext
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from pipeline.settings import get_settings


def default_task_runner() -> TaskRunner:
    """Dask when THIDUA_DASK_ADDRESS names a scheduler (batches then run on its workers, one
    process per worker thread), else threads in this process."""
    address = get_settings().dask_address
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    return ThreadPoolTaskRunner(max_workers=4)


class SettingsTaskRunner(TaskRunner):
    """default_task_runner(), chosen as a flow run starts: the settings are read then, not when
    the flow's module is imported (a deployment's worker, THIDUA_DASK_ADDRESS set later)."""

    def __init__(self):
        super().__init__()
        self.chosen: TaskRunner | None = None

    def duplicate(self) -> "SettingsTaskRunner":
        return type(self)()

    def __enter__(self) -> "SettingsTaskRunner":
        super().__enter__()
        self.chosen = default_task_runner()
        self.chosen.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.chosen is not None:
                self.chosen.__exit__(*exc)
        finally:
            super().__exit__(*exc)

    def submit(self, task, parameters, wait_for=None, dependencies=None):
        return self.chosen.submit(task, parameters, wait_for=wait_for, dependencies=dependencies)


def parallelism() -> tuple[int, int]:
    """(processes per batch, batches in flight) for the current flow run's task runner: on this
    machine one batch at a time uses every core and the next is extracted while one is stored;
    on Dask each batch is one task on one worker thread, and there is a batch per thread."""
    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    runner = getattr(runner, "chosen", None) or runner  # SettingsTaskRunner: the runner it chose
    if runner is None or isinstance(runner, ThreadPoolTaskRunner):
        return get_settings().effective_workers, 2
    if isinstance(runner, ProcessPoolTaskRunner):  # each batch in one of its processes
        return 1, 2 * get_settings().effective_workers
    threads = 0
    client = getattr(runner, "client", None)
    if client is not None:
        try:
            threads = sum(client.nthreads().values())
        except Exception:  # noqa: BLE001 - an unknown runner: be modest
            threads = 0
    return 1, max(2, 2 * threads)
