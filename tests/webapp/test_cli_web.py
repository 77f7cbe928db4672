"""`thidua user ...` and `thidua serve` as staff and administrators run them."""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


THIDUA = [sys.executable, "-c", "from flows.cli import main; main()"]


def thidua(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([*THIDUA, *args], input=stdin, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2], env=os.environ.copy())


def test_user_add_with_the_password_on_stdin(storage_env):
    from pipeline.store import open_database
    from pipeline.store.users import authenticate

    done = thidua("user", "add", "Nguyễn Thị Lan", "--role", "editor", stdin="mat-khau-cua-lan\n")
    assert done.returncode == 0 and "added user Nguyễn Thị Lan (editor)" in done.stderr
    db = open_database()
    try:
        assert authenticate(db, "Nguyễn Thị Lan", "mat-khau-cua-lan").role == "editor"
        assert authenticate(db, "Nguyễn Thị Lan", "sai") is None
    finally:
        db.close()
    for args, stdin, message in [
        (("user", "add", "Nguyễn Thị Lan", "--role", "editor"), "mat-khau-khac\n", "already exists"),
        (("user", "add", "minh", "--role", "boss"), "mat-khau-khac\n", "unknown role 'boss'"),
        (("user", "add", "minh", "--role", "viewer"), "ngan\n", "at least 8 characters"),
    ]:
        failed = thidua(*args, stdin=stdin)
        assert failed.returncode == 2, failed.stderr
        assert message in failed.stderr and "Traceback" not in failed.stderr
        assert len(failed.stderr.strip().splitlines()) == 1
    changed = thidua("user", "set", "Nguyễn Thị Lan", "--role", "admin", "--disable")
    assert changed.returncode == 0 and "admin, disabled" in changed.stderr
    assert "Nguyễn Thị Lan\tadmin\tdisabled" in thidua("user", "list").stdout


def test_serve_answers_with_the_login_page(storage_env):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([*THIDUA, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", follow_redirects=True, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"thidua serve did not start: {server.stderr.read() if server.poll() else ''}")
                time.sleep(0.2)
        assert response.status_code == 200 and "Đăng nhập" in response.text
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert "no user yet" in err and f"serving on http://127.0.0.1:{port}/" in err and "Traceback" not in err
