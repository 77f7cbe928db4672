"""One Prefect API server for the whole test session, shared by every pytest-xdist worker.

The first worker that needs it starts it (under a file lock, in the session's shared temporary
folder); the others find its address there. It runs as a process of its own that ends when the
pytest process that owns the session ends (even a killed one), and the controlling process stops
it at the end of the session (`stop_shared_server`, from tests/conftest.py). Before, each worker
started its own through `prefect_test_harness` (~20 s of both cores per start on this machine).

Run as a script, it is that server: `python prefect_server.py OWNER_PID PORT`.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

INFO = "prefect-server.json"
STARTUP_TIMEOUT_S = 180.0


def session_root(tmp_path_factory) -> Path:
    """The folder every worker of this session shares (the controller's basetemp under xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def owner_pid() -> int:
    """The pytest process the session belongs to: the xdist controller, or this process."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shared_server(root: Path) -> str:
    """The API URL of the session's server, started here if no worker has started it yet."""
    info = root / INFO
    with (root / "prefect-server.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if info.is_file():
            url = json.loads(info.read_text())["url"]
            if healthy(url):
                return url
        port = _free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1",
               "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{root / 'prefect-test.db'}"}
        env.pop("PREFECT_API_URL", None)
        log = (root / "prefect-server.log").open("ab")
        proc = subprocess.Popen([sys.executable, "-P", __file__, str(owner_pid()), str(port)], env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}/api"
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"the Prefect test server did not start; see {root / 'prefect-server.log'}")
            time.sleep(0.1)
        info.write_text(json.dumps({"url": url, "pid": proc.pid}))
        return url


def stop_shared_server(root: Path) -> None:
    info = root / INFO
    if not info.is_file():
        return
    pid = json.loads(info.read_text())["pid"]
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)  # started by this process (no xdist): reap it
            os.killpg(pid, 0)
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)
    info.unlink(missing_ok=True)


@contextlib.contextmanager
def using(url: str) -> Iterator[None]:
    """Prefect in this process (and the subprocesses it starts) talks to `url`, as under
    `prefect_test_harness`."""
    import prefect.context
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: url}), \
            prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()):
        yield


def _serve(owner: int, port: int) -> None:
    import uvicorn

    def watch() -> None:  # the session's pytest is gone (ended, or killed): so is its server
        while True:
            time.sleep(1.0)
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    uvicorn.run("prefect.server.api.server:create_app", factory=True, host="127.0.0.1", port=port,
                log_level="error", lifespan="on")


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]))
