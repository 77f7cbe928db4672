"""The extractor code stays readable: ruff-clean (errors, warnings, imports, line length 120) with
cyclomatic complexity at most 12 (ruff's C901), and no function over 40 lines."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXTRACTORS = Path(__file__).resolve().parents[2] / "extractors"


def _ruff() -> list[str]:
    here = Path(sys.executable).with_name("ruff")
    if here.is_file():
        return [str(here)]
    if shutil.which("ruff"):
        return ["ruff"]
    if os.environ.get("CI"):
        pytest.fail("ruff is not installed: pip install -c constraints.txt -e '.[dev]'")
    pytest.skip("ruff is not installed: pip install -c constraints.txt -e '.[dev]'")


def test_extractors_are_ruff_clean_with_complexity_at_most_12():
    out = subprocess.run(
        [*_ruff(), "check", "--select", "E,F,W,I,C901", str(EXTRACTORS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=EXTRACTORS.parent,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_extractor_function_is_over_40_lines():
    long = []
    for path in sorted(EXTRACTORS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 40:
                long.append(f"{path.name}:{node.lineno} {node.name}")
    assert not long


def test_no_extractor_module_is_over_400_lines():
    assert not [p.name for p in EXTRACTORS.glob("*.py") if len(p.read_text(encoding="utf-8").splitlines()) > 400]
