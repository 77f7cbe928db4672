"""Prefect for the flow tests: one real Prefect server for the whole session, shared by the
pytest-xdist workers (tests/prefect_server.py), PREFECT_HOME in a temporary folder, and thidua's
quiet, offline Prefect settings.

The environment is set here, before any test module imports Prefect; `thidua` subprocesses
inherit it (and start their own local server in the same PREFECT_HOME).
"""
import atexit
import os
import shutil
import tempfile

import pytest

from flows.runtime import PREFECT_DEFAULTS

if "PREFECT_HOME" not in os.environ:
    _home = tempfile.mkdtemp(prefix="thidua-prefect-home-")
    atexit.register(shutil.rmtree, _home, ignore_errors=True)
    os.environ["PREFECT_HOME"] = _home
for _key, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_key, _value)
os.environ.pop("PREFECT_API_URL", None)  # never a real server from the developer's shell


@pytest.fixture(scope="session", autouse=True)
def prefect_server(tmp_path_factory):
    """The session's Prefect API server for every test in tests/flows (started by the first
    worker that gets here; in-process Prefect uses it through its settings, as under
    `prefect_test_harness`)."""
    from prefect_server import session_root, shared_server, using

    with using(shared_server(session_root(tmp_path_factory))):
        yield
