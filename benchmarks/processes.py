"""What the benchmarks watch of a `thidua` command while it runs: its whole process tree (the
command, the extraction workers its pool forks, the local Prefect server), sampled with psutil
for the peak of the summed memory and the CPU seconds of each kind of process."""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import psutil


def thidua_command() -> list[str]:
    """The `thidua` of this interpreter's environment (or the same entry point through -c)."""
    script = Path(sys.executable).with_name("thidua")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]


class ProcessTree:
    """A background sampler of the tree under `pid`: `peak_rss` (bytes, summed over the tree) and
    `cpu()` (seconds by kind: "workers" forked by the pool's forkserver, "server" for
    `prefect server start`, "command" for the rest). Sampled every `every_s`, so the last moments
    of a process are missed. `extra`: pids outside the tree counted as "server" (a Prefect server
    started beforehand), for what they did while the sampler ran."""

    def __init__(self, pid: int, every_s: float = 0.05, extra: tuple[int, ...] = ()):
        self.pid, self.every_s, self.peak_rss = pid, every_s, 0
        self._seen: dict[int, tuple[str, float]] = {}
        self._kinds: dict[int, str] = {}
        self._extra = {p: _cpu_seconds(p) for p in extra}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProcessTree:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        for pid, before in self._extra.items():
            self._seen[pid] = ("server", _cpu_seconds(pid) - before)

    def cpu(self) -> dict[str, float]:
        """CPU seconds (user + system) by kind, and "all"."""
        totals: dict[str, float] = {}
        for kind, seconds in self._seen.values():
            totals[kind] = totals.get(kind, 0.0) + seconds
        totals["all"] = sum(seconds for _, seconds in self._seen.values())
        return totals

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            time.sleep(self.every_s)

    def _sample(self) -> None:
        try:
            root = psutil.Process(self.pid)
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        rss = 0
        for process in tree:
            try:
                with process.oneshot():
                    rss += process.memory_info().rss
                    times = process.cpu_times()
                    kind = self._kind(process)
                self._seen[process.pid] = (kind, times.user + times.system)
            except psutil.Error:
                continue
        self.peak_rss = max(self.peak_rss, rss)

    def _kind(self, process: psutil.Process) -> str:
        if process.pid not in self._kinds:
            parent = process.ppid()
            if process.pid != self.pid and parent != self.pid and parent not in self._kinds:
                self._kind(psutil.Process(parent))  # the parent first: is it the forkserver?
            if self._kinds.get(parent) in ("forkserver", "workers"):  # a worker, or a program it runs
                kind = "workers"
            else:
                line = " ".join(process.cmdline())
                if "multiprocessing.forkserver" in line and parent == self.pid:
                    kind = "forkserver"
                elif "prefect server start" in line:
                    kind = "server"
                else:
                    kind = "command"
            self._kinds[process.pid] = kind
        kind = self._kinds[process.pid]
        return "command" if kind == "forkserver" else kind


def _cpu_seconds(pid: int) -> float:
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return times.user + times.system
