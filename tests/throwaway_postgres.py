"""A PostgreSQL cluster of the test's own (initdb + pg_ctl in a temporary folder, on a free port),
for tests that stop or restart the server: the shared server on 5432 is never touched.

As root the cluster runs as the `postgres` user (the server refuses to run as root). Without the
server binaries the test is skipped with the install command, unless CI is set.
"""
from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

INSTALL = "apt-get install postgresql"


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


class Cluster:
    def __init__(self, folder: Path, bin_dir: Path):
        self.folder, self.bin = folder, bin_dir
        self.data, self.log = folder / "data", folder / "server.log"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*as_postgres, str(self.bin / tool), *args], capture_output=True, text=True,
                              timeout=120)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{tool} {args[0]}: {done.stderr.strip()} {log}")

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", action, "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", *extra)

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        self._ctl("start")

    def stop(self) -> None:
        self._ctl("stop", "-m", "fast")

    def restart(self) -> None:
        """What an administrator's `systemctl restart postgresql` does: every connection is cut."""
        self._ctl("restart", "-m", "fast")


@pytest.fixture
def throwaway_postgres():
    bin_dir = _bin_dir()
    if bin_dir is None:
        problem = "the PostgreSQL server binaries are not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{problem} (CI is set, so this test must run; {INSTALL})")
        pytest.skip(f"{problem}; install them with: {INSTALL}")
    folder = Path(tempfile.mkdtemp(prefix="thidua-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = Cluster(folder, bin_dir)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):  # already stopped
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
