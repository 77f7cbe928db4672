"""Prefect around the command line: quiet, local settings, the local server, Ctrl-C, progress.

`thidua ingest`, `reextract` and `schedule` run real Prefect flows. When no Prefect API is
configured (PREFECT_API_URL, a Prefect profile), they run `prefect server start` on 127.0.0.1
for the length of the command, started before Prefect is imported here (the two start-ups
overlap), with its output in PREFECT_HOME/server.log (nothing of its shutdown reaches the
terminal), and, for `schedule`, with its scheduler running. Only public Prefect interfaces: its
command line, its settings (environment variables, `temporary_settings`) and its client.
Nothing here runs a pipeline step.
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from collections.abc import Callable, Iterator

if TYPE_CHECKING:  # pipeline.batches imports the storage: not at the command line's start
    from pipeline.batches import Progress

log = logging.getLogger("thidua.runtime")

# Prefect settings for thidua's own commands, unless the user set them: nothing leaves the
# machine, logs say what thidua did (the `thidua` loggers, also sent to the flow run's log in
# the UI), not what Prefect did (its INFO chatter stays out; warnings and errors still show).
PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",  # Prefect's client: no usage data, and no notice about it on a terminal
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "thidua",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}
STARTUP_TIMEOUT_S = 120.0  # the first start on a new PREFECT_HOME creates Prefect's database


class ServerError(Exception):
    """The local Prefect server could not be started (exit code 2)."""

    exit_code = 2


def configure_environment(environ: dict[str, str] | None = None, output_dir: Path | None = None) -> dict[str, str]:
    """Set thidua's Prefect defaults in `environ` (os.environ) where the user has not: the
    settings above and PREFECT_HOME = <THIDUA_OUTPUT_DIR>/.prefect. Must run before Prefect is
    imported to take effect in this process; child processes always see it."""
    environ = os.environ if environ is None else environ
    if output_dir is None:
        from pipeline.settings import get_settings

        output_dir = get_settings().output_dir
    environ.setdefault("PREFECT_HOME", str((Path(output_dir) / ".prefect").resolve()))
    for key, value in PREFECT_DEFAULTS.items():
        environ.setdefault(key, value)
    return environ


class ExpectedErrors(logging.Filter):
    """Keep Prefect's traceback of an expected problem (database gone, disk full), its crash lines
    after a Ctrl-C and any library's log of the Ctrl-C it caught off the terminal: the command
    reports these in one line of its own.
    The flow run's log keeps them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], KeyboardInterrupt):
            return False  # a library logging the Ctrl-C it caught (SQLAlchemy closing a connection)
        if not record.name.startswith("prefect"):
            return True
        from pipeline.store import StorageError

        if record.exc_info:
            return not isinstance(record.exc_info[1], StorageError)
        message = record.getMessage()
        if message.startswith("Finished in state Failed"):  # the task run's final line, no exc_info
            return not any(f"{kind.__name__}:" in message for kind in _subclasses(StorageError))
        return "aborted by an interrupt signal" not in message  # Ctrl-C: the command says so


def _subclasses(kind: type) -> list[type]:
    return [kind, *(sub for direct in kind.__subclasses__() for sub in _subclasses(direct))]


def quiet_third_party_logs() -> None:
    """HTTP requests, Dask and asyncio internals are not what happened; warnings still show.
    Prefect's background senders (loggers named after their class) only ever warn about
    themselves ("Still processing items" while the last events are sent at exit): errors only."""
    for name in ("httpx", "httpcore", "distributed", "asyncio", "urllib3", "alembic", "docket", "uvicorn"):
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger(name).level))
    for name in ("EventsWorker", "APILogWorker"):
        logging.getLogger(name).setLevel(max(logging.ERROR, logging.getLogger(name).level))


def quiet_prefect_at_exit() -> None:
    """Prefect's own noise at the end of a command, which says nothing about the user's run: its
    background senders' warnings (quiet_third_party_logs) and the resource tracker's."""
    quiet_third_party_logs()
    quiet_resource_tracker()


RESOURCE_TRACKER_QUIET = "ignore:resource_tracker:UserWarning"


def quiet_resource_tracker(environ: dict[str, str] | None = None) -> None:
    """multiprocessing's resource tracker (a process of its own) warns about "leaked semaphore
    objects" when a process using a pool ends without its finalisers (a served flow run stopped
    with the server), and then removes them itself: nothing is lost, nothing for the user to do.
    Its warning filters come from the command line of the process that starts it (-W), so the
    filter goes into sys.warnoptions here and PYTHONWARNINGS for the flow runs' processes."""
    environ = os.environ if environ is None else environ
    if RESOURCE_TRACKER_QUIET not in sys.warnoptions:
        sys.warnoptions.append(RESOURCE_TRACKER_QUIET)
    current = environ.get("PYTHONWARNINGS", "")
    if RESOURCE_TRACKER_QUIET not in current.split(","):
        environ["PYTHONWARNINGS"] = ",".join(filter(None, [current, RESOURCE_TRACKER_QUIET]))


def prefect_home() -> Path:
    """PREFECT_HOME (configure_environment sets it), created with its parents before Prefect is
    imported: Prefect creates only the last folder and warns when the output folder is new."""
    home = Path(os.environ.get("PREFECT_HOME") or configure_environment()["PREFECT_HOME"])
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServerError(f"cannot create the Prefect folder {home}: {exc.strerror or exc}") from None
    return home


# --- Ctrl-C ------------------------------------------------------------------------------

_ctrl_c = threading.Event()


def watch_ctrl_c() -> None:
    """Ctrl-C raises KeyboardInterrupt as usual, and is remembered: a library may turn the
    KeyboardInterrupt into another exception (pydantic, while Prefect starts), and the command
    must still say "interrupted", not show that exception's traceback; and one raised while a
    finaliser runs (which drops it: `schedule` would ignore the first Ctrl-C) is delivered again.
    Main thread only."""
    import _thread
    import signal

    def on_sigint(signum, frame):
        _ctrl_c.set()
        raise KeyboardInterrupt

    def unraisable(args) -> None:
        if args.exc_type is not None and issubclass(args.exc_type, KeyboardInterrupt) and _ctrl_c.is_set():
            _thread.interrupt_main()  # it came while a finaliser ran, which drops it: deliver it again
            return
        default_unraisable(args)

    default_unraisable = sys.unraisablehook
    sys.unraisablehook = unraisable
    signal.signal(signal.SIGINT, on_sigint)


def ctrl_c_seen() -> bool:
    return _ctrl_c.is_set()


def stop_if_interrupted() -> None:
    """A safe point (a run starting, a batch stored): a Ctrl-C that a library swallowed (it came
    while a finaliser ran) still stops the command here."""
    if _ctrl_c.is_set():
        raise KeyboardInterrupt


# --- the local server ----------------------------------------------------------------------

# Background services a command's own server does not need (public settings): nothing is
# scheduled, late or paused on a server that lives as long as one `thidua ingest`.
ONE_COMMAND_SERVICES_OFF = {f"PREFECT_SERVER_SERVICES_{name}_ENABLED": "false" for name in (
    "SCHEDULER", "LATE_RUNS", "FOREMAN", "CANCELLATION_CLEANUP", "PAUSE_EXPIRATIONS", "REPOSSESSOR", "DB_VACUUM")}


class LocalServer:
    """`prefect server start` in a child process on 127.0.0.1, with its output in a log file.

    Prefect's own public command, not its ephemeral mode: that one starts only when the first
    client call needs it (after Prefect is imported here, so the two start-ups cannot overlap),
    prints to the terminal, and has no scheduler. `scheduler=True` runs every background
    service, so that deployment schedules create runs; otherwise the services a short-lived
    server needs no more than the ones Prefect's ephemeral server runs (ONE_COMMAND_SERVICES_OFF)."""

    def __init__(self, home: Path, scheduler: bool = False):
        self.home = Path(home)
        self.scheduler = scheduler
        self.port: int | None = None
        self.process: subprocess.Popen | None = None
        self.log_path = self.home / "server.log"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def spawn(self) -> None:
        """Start the child process (returns at once; `wait_ready` waits for it)."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        env = {**os.environ, "PREFECT_HOME": str(self.home), "PREFECT_SERVER_UI_ENABLED": "false",
               **({} if self.scheduler else ONE_COMMAND_SERVICES_OFF)}
        env.pop("PREFECT_API_URL", None)
        with open(self.log_path, "ab") as log_file:
            log_file.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} server on port {self.port}\n".encode())
            log_file.flush()
            self.process = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(self.port),
                 "--no-ui", "--analytics-off", "--log-level", "ERROR", "--no-prompt"],
                env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                # Ctrl-C is for the command, which then still reports to the server and stops it
                start_new_session=True,
                preexec_fn=_end_with_parent if sys.platform.startswith("linux") else None)

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    if self._port_taken():  # by another program, meanwhile: another one
                        self.spawn()
                        continue
                    raise ServerError(f"the local Prefect server exited with code {self.process.returncode}; "
                                      f"see {self.log_path}")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        self.stop()
        raise ServerError(f"the local Prefect server did not start within {timeout:.0f} s; see {self.log_path}")

    def _port_taken(self) -> bool:
        try:
            tail = self.log_path.read_text(errors="replace")[-2000:]
        except OSError:
            return False
        return f"Port {self.port} is already in use" in tail or "address already in use" in tail

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def _end_with_parent() -> None:
    """In the server process, before it starts (Linux): SIGTERM when the command that started it
    dies, even by SIGKILL, so that no server outlives it."""
    import ctypes
    import signal

    PR_SET_PDEATHSIG = 1
    with contextlib.suppress(Exception):  # best effort
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def prefect_api(scheduler: bool = False, meanwhile: Callable[[], None] | None = None) -> Iterator[str | None]:
    """Make sure a Prefect API is there for the length of the block; yields its URL (None when
    Prefect's settings already name one, from the environment or a profile).

    Without one, the local server is started *before* Prefect is imported here, so that both
    start-ups (and `meanwhile`, e.g. a database check) run side by side; on the way out the logs
    and events still queued are sent and the server is stopped, with nothing printed.

    Flow runs started in the block send no heartbeats (unless PREFECT_FLOWS_HEARTBEAT_FREQUENCY
    is set): they let a long-lived server notice a crashed worker's runs, while a command that
    runs its flow in the foreground says itself when it fails; and ending the heartbeat thread
    costs up to a second per run. Runs by Prefect workers keep them."""
    server: LocalServer | None = None
    home = prefect_home()
    if "prefect" not in sys.modules and not os.environ.get("PREFECT_API_URL"):
        server = LocalServer(home, scheduler=scheduler)
        server.spawn()  # on a hunch: most users have no Prefect profile
    try:
        if meanwhile is not None:
            meanwhile()
        import prefect.context
        import prefect.settings
        from prefect.settings import PREFECT_API_URL

        quiet = {} if "PREFECT_FLOWS_HEARTBEAT_FREQUENCY" in os.environ else {"flows.heartbeat_frequency": None}
        configured = PREFECT_API_URL.value()
        if configured:
            if server is not None:
                server.stop()
                server = None
            check_reachable(configured)
            with prefect.settings.temporary_settings(updates=quiet):
                yield None
            return
        if server is None:
            server = LocalServer(Path(os.environ.get("PREFECT_HOME") or prefect.settings.PREFECT_HOME.value()),
                                 scheduler=scheduler)
            server.spawn()
        server.wait_ready()
        os.environ["PREFECT_API_URL"] = server.api_url
        # no UI (--no-ui): no "View at" link to a page that does not exist; a user's UI_URL counts
        no_ui = "PREFECT_UI_URL" not in os.environ
        if no_ui:
            os.environ["PREFECT_UI_URL"] = ""
        prefect.context.refresh_global_settings_context()
        log.debug("Prefect server at %s (log: %s)", server.api_url, server.log_path)
        try:
            with prefect.settings.temporary_settings(updates=quiet):
                yield server.api_url
        finally:
            drain_prefect_workers()
            os.environ.pop("PREFECT_API_URL", None)
            if no_ui:
                os.environ.pop("PREFECT_UI_URL", None)
            prefect.context.refresh_global_settings_context()
    finally:
        if server is not None:
            server.stop()


def check_reachable(api_url: str, timeout: float = 10.0) -> None:
    """One clear line (exit code 2) when the configured Prefect API does not answer at all."""
    import httpx

    try:
        httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout)
    except httpx.HTTPError as exc:
        raise ServerError(f"cannot reach the Prefect API at {api_url} (PREFECT_API_URL): "
                          f"{type(exc).__name__}: {exc}") from None


def drain_prefect_workers(timeout: float = 10.0) -> None:
    """Send the logs and events Prefect still holds, before the server goes away."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout)
        except Exception:  # noqa: BLE001 - best effort at shutdown
            log.debug("could not drain %s", worker.__name__, exc_info=True)


# --- what the flows need from their surroundings ---------------------------------------------

progress_hook: contextvars.ContextVar[Progress | None] = contextvars.ContextVar("thidua_progress", default=None)


def current_progress() -> Progress:
    """Where the running flow reports its progress (nowhere, outside the command line)."""
    from pipeline.batches import NoProgress

    return progress_hook.get() or NoProgress()


@contextmanager
def reporting_progress(progress: Progress) -> Iterator[None]:
    token = progress_hook.set(progress)
    try:
        yield
    finally:
        progress_hook.reset(token)
