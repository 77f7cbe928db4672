"""The CPU split that benchmarks/ingest_vs_extract.py prints, and on which the account of the
ingest's speed rests: a real `thidua ingest` on two extraction processes, its process tree
sampled while it runs, each process counted under what it is."""
import os
import subprocess

import pytest

from benchmarks.corpus import write_reports
from benchmarks.processes import ProcessTree, thidua_command

pytestmark = pytest.mark.slow


def test_an_ingests_cpu_is_split_between_its_workers_and_itself_with_no_prefect_server(tmp_path):
    folder = tmp_path / "reports"
    write_reports(folder, 120, seed=5)
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    env["THIDUA_OUTPUT_DIR"] = str(tmp_path / "outputs")
    proc = subprocess.Popen([*thidua_command(), "ingest", str(folder), "--workers", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with ProcessTree(proc.pid) as tree:
        _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-2000:]

    cpu = tree.cpu()
    assert set(cpu) == {"workers", "command", "all"}  # no Prefect API configured: no server started
    assert cpu["workers"] > 0.3  # 120 reports extracted in the forkserver's children, not here
    assert cpu["command"] > 0.5  # imports, hashing, storing
    assert cpu["all"] == pytest.approx(cpu["workers"] + cpu["command"])
    assert tree.peak_rss > 200 * 1024 * 1024  # the command, the forkserver and two workers
