"""Load check of the review web app: N staff open and save records at once against PostgreSQL.

Starts the real server (`thidua serve`) on an archive of generated reports in a schema of its
own, logs in CLIENTS editors, and has each of them, for SECONDS and without pause, open a random
record (several clients work on the same records, so conflicts happen) and save a new venue with
the version it saw. Then it prints requests/s, latency percentiles and the server's CPU per
request (its processes and their PostgreSQL connections: steadier than latency on a shared
machine), and checks the archive: every accepted save must be in the audit log with its author,
each record's final venue must be the last accepted save for it, and every refused save must
have been told "conflict" (409). Lost: 0.

The clients are threads of this process on plain keep-alive connections (http.client): on a
2-core machine they share the CPU with the server, so they should cost it as little as possible.

    python benchmarks/web_load.py                       # 20 clients, 30 s, 40 records
    python benchmarks/web_load.py --clients 5 --seconds 10

PostgreSQL: THIDUA_BENCH_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test).
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_reports  # noqa: E402
from benchmarks.storage_throughput import POSTGRES_URL, drop_schema, postgres_schema, thidua_command  # noqa: E402
from sqlalchemy import make_url  # noqa: E402

PASSWORD = "mat-khau-tai-thu"
APP_NAME = f"thidua-web-load-{os.getpid()}"  # marks the server's PostgreSQL connections (to count their CPU)
_CSRF = re.compile(rb'name="csrf" value="([^"]+)"')
_VERSION = re.compile(rb'name="version" value="(\d+)"')
_LOGIN_CSRF = re.compile(rb'name="login_csrf" value="([^"]+)"')
_CONFLICT = "người khác vừa sửa".encode()


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"open": [], "save": []})
    accepted: list[tuple[str, str, str]] = field(default_factory=list)  # (doc_id, user, venue)
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def prepare(url: str, folder: Path, docs: int, clients: int) -> list[str]:
    from extractors.run import process_path
    from pipeline.store import open_repository
    from pipeline.store.users import add_user

    repo = open_repository(url, folder / "archive")
    try:
        for path in write_reports(folder / "reports", docs, seed=7):
            result = process_path(path)
            repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                  result.record)
        for n in range(clients):
            add_user(repo.db, f"nv{n:02d}", "editor", PASSWORD)
        return repo.doc_ids()
    finally:
        repo.close()


def start_server(url: str, folder: Path, workers: int) -> tuple[subprocess.Popen, str]:
    """`thidua serve` on the archive, started (it boots while the caller prepares the archive)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "THIDUA_DATABASE_URL": url, "THIDUA_ARCHIVE_DIR": str(folder / "archive"),
           "THIDUA_OUTPUT_DIR": str(folder / "out"), "THIDUA_LOGIN_ATTEMPTS": "1000"}
    log = (folder / "server.log").open("w")  # a file, not a pipe nobody reads while the clients run
    server = subprocess.Popen([*thidua_command(), "serve", "--port", str(port), "--workers", str(workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=log, text=True)
    return server, f"http://127.0.0.1:{port}"


def wait_for(server: subprocess.Popen, base: str, folder: Path) -> None:
    import httpx

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/login", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not start: {(folder / 'server.log').read_text()}")


class Window:
    """The editing time every client shares: it starts once all of them have logged in."""

    def __init__(self, clients: int, seconds: float, on_open=None):
        self.seconds, self.start, self.on_open = seconds, 0.0, on_open
        self.ready = threading.Barrier(clients, action=self._open)

    def _open(self) -> None:
        if self.on_open is not None:
            self.on_open()
        self.start = time.monotonic()

    @property
    def until(self) -> float:
        return self.start + self.seconds


def client(base: str, user: str, docs: list[str], window: Window, tally: Tally, seed: int) -> None:
    """One editor's session; anything unexpected (a timeout, a page without its form) is an error."""
    try:
        _edit(base, user, docs, window, tally, seed)
    except Exception as exc:  # noqa: BLE001 - counted and reported, never lost in a thread
        window.ready.abort()  # the others do not wait for this one
        with tally.lock:
            tally.errors.append(f"{user}: {type(exc).__name__}: {exc}")


class Browser:
    """One editor's keep-alive connection (http.client: far cheaper than an httpx client, so the
    client threads take less of the cores the server needs), keeping the session cookie."""

    def __init__(self, base: str):
        host, port = base.removeprefix("http://").split(":")
        self.http = http.client.HTTPConnection(host, int(port), timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.http.request(method, path, body, headers)
        response = self.http.getresponse()
        data = response.read()
        for header in response.headers.get_all("set-cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0].strip('"')
            if "max-age=0" in header.lower() or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response.status, data

    def log_in(self, user: str) -> None:
        _, page = self.request("GET", "/login")
        token = _LOGIN_CSRF.search(page).group(1).decode()
        status, _ = self.request("POST", "/login", {"name": user, "password": PASSWORD, "login_csrf": token})
        if status != 303 or "thidua_session" not in self.cookies:
            raise RuntimeError(f"{user} could not log in (HTTP {status})")
        self.http.close()  # reconnects when the window opens (the server ends idle connections)


def _edit(base: str, user: str, docs: list[str], window: Window, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    browser = Browser(base)
    browser.log_in(user)
    window.ready.wait(timeout=300)
    until = window.until
    n = 0
    while time.monotonic() < until:
        doc = rng.choice(docs)
        t0 = time.perf_counter()
        status, page = browser.request("GET", "/record?" + urlencode({"doc": doc}))
        t1 = time.perf_counter()
        if status != 200:
            with tally.lock:
                tally.errors.append(f"open {doc}: HTTP {status}")
            continue
        venue = f"Hội trường {user}-{n}"
        n += 1
        status, answer = browser.request("POST", "/record/save", {
            "csrf": _CSRF.search(page).group(1).decode(), "doc": doc,
            "version": _VERSION.search(page).group(1).decode(), "f.meeting.venue": venue})
        t2 = time.perf_counter()
        with tally.lock:
            tally.latencies["open"].append(t1 - t0)
            tally.latencies["save"].append(t2 - t1)
            if status == 303:
                tally.accepted.append((doc, user, venue))
            elif status == 409 and _CONFLICT in answer:
                tally.conflicts += 1
            else:
                tally.errors.append(f"save {doc}: HTTP {status}")


def check(url: str, folder: Path, tally: Tally) -> tuple[int, int]:
    """(saves missing from the audit log, records whose final value is not the last accepted save)."""
    from pipeline.store import open_repository

    repo = open_repository(url, folder / "archive")
    try:
        lost, wrong_final = 0, 0
        for doc in sorted({d for d, _, _ in tally.accepted}):
            audit = [(e.actor, e.new_value) for e in repo.history(doc, "meeting.venue") if e.action == "correct"]
            mine = [(u, v) for d, u, v in tally.accepted if d == doc]
            lost += sum(1 for saved in mine if saved not in audit)
            final = repo.get(doc).record.meeting.venue
            if not audit or final is None or final.value != audit[-1][1]:
                wrong_final += 1
        return lost, wrong_final
    finally:
        repo.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


@dataclass
class LoadResult:
    tally: Tally
    elapsed: float
    lost: int         # accepted saves missing from the audit log
    wrong_final: int  # records whose final value is not the last accepted save
    cpu: tuple[float, float] = (0.0, 0.0)  # CPU seconds of the server and of its PostgreSQL connections


def run_load(url: str, folder: Path, clients: int = 20, seconds: float = 30, docs: int = 40,
             workers: int = 2) -> LoadResult:
    """Prepare an archive in `url` (a database of its own) and `folder`, start `thidua serve` on it,
    log `clients` editors in and let them save for `seconds`, stop the server, and check the archive."""
    (folder / "archive").mkdir(parents=True, exist_ok=True)
    postgres = make_url(url).get_backend_name() == "postgresql"
    server_url = make_url(url).update_query_dict({"application_name": APP_NAME}).render_as_string(
        hide_password=False) if postgres else url
    server, base = start_server(server_url, folder, workers)
    try:
        doc_ids = prepare(url, folder, docs, clients)
        wait_for(server, base, folder)
        tally = Tally()
        cpu_before = []
        window = Window(clients, seconds, on_open=lambda: cpu_before.extend(cpu_seconds(server, postgres)))
        threads = [threading.Thread(target=client, args=(base, f"nv{n:02d}", doc_ids, window, tally, n))
                   for n in range(clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - (window.start or started)  # the editing window, logins before it
        cpu = tuple(after - before for after, before in zip(cpu_seconds(server, postgres), cpu_before or (0.0, 0.0),
                                                            strict=True))
    finally:
        server.terminate()
        server.wait(20)
    lost, wrong_final = check(url, folder, tally)
    return LoadResult(tally, elapsed, lost, wrong_final, cpu)


def cpu_seconds(server: subprocess.Popen, postgres: bool) -> tuple[float, float]:
    """CPU seconds used so far by the server's processes and by their PostgreSQL connections."""
    import psutil
    import psycopg

    def used(process) -> float:
        try:
            times = process.cpu_times()
        except psutil.Error:  # ended meanwhile
            return 0.0
        return times.user + times.system

    root = psutil.Process(server.pid)
    web = used(root) + sum(used(p) for p in root.children(recursive=True))
    if not postgres:
        return web, 0.0
    conninfo = make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        pids = [pid for (pid,) in conn.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s",
                                               (APP_NAME,))]
    return web, sum(used(psutil.Process(pid)) for pid in pids if psutil.pid_exists(pid))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2, help="server processes (`thidua serve --workers`)")
    args = parser.parse_args()
    made = postgres_schema()
    if made is None:
        raise SystemExit(2)
    schema, url = made
    try:
        with tempfile.TemporaryDirectory(prefix="thidua-web-load-") as tmp:
            result = run_load(url, Path(tmp), args.clients, args.seconds, args.docs, args.workers)
            report(args, result)
    finally:
        drop_schema(schema)


def report(args, result: LoadResult) -> None:
    tally, elapsed, lost, wrong_final = result.tally, result.elapsed, result.lost, result.wrong_final
    everything = tally.latencies["open"] + tally.latencies["save"]
    print(f"web load on PostgreSQL: {args.clients} clients, {elapsed:.1f} s, {args.docs} records "
          f"({args.workers} server processes; the machine's 2 cores are shared with the clients and other work)")
    print(f"requests      {len(everything)}  ({len(everything) / elapsed:.1f} requests/s)")
    for name, values in (("open record", tally.latencies["open"]), ("save", tally.latencies["save"]),
                         ("all", everything)):
        print(f"{name:<13} p50 {percentile(values, 50) * 1000:6.0f} ms   p95 {percentile(values, 95) * 1000:6.0f} ms"
              f"   max {max(values, default=float('nan')) * 1000:6.0f} ms")
    server_ms, postgres_ms = (seconds * 1000 / max(1, len(everything)) for seconds in result.cpu)
    print(f"CPU/request   server {server_ms:.1f} ms + PostgreSQL {postgres_ms:.1f} ms "
          "(open and save together; steadier than latency on a shared machine)")
    p95 = percentile(everything, 95) * 1000
    print(f"p95 goal      < 200 ms: {'met' if p95 < 200 else 'NOT met'} ({p95:.0f} ms)")
    print(f"saves         {len(tally.accepted)} accepted, {tally.conflicts} refused as conflicts (told to the loser), "
          f"{len(tally.errors)} errors")
    for error in tally.errors[:5]:
        print(f"  error: {error}")
    print(f"lost          {lost} accepted saves missing from the history; "
          f"{wrong_final} records whose final value is not the last accepted save")
    if lost or wrong_final or tally.errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
