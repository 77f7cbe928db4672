"""../shared beside the repository (the evaluation's scorer, gold sets, seeds and constructions):
tests that read it skip in a user's clone without it, and fail when CI is set, where a missing
../shared would otherwise hide every test of it behind a skip."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, whether it exists or not."""
    return SHARED.joinpath(*parts)


def need_shared(*parts: str) -> Path:
    """The path under ../shared that a test reads; skip (fail with CI set) when it is missing."""
    path = shared_path(*parts)
    if not path.exists():
        problem = f"{path} not found (the evaluation data beside the repository)"
        if os.environ.get("CI"):
            pytest.fail(f"{problem}; CI is set, so this test must run: check out ../shared beside the repository")
        pytest.skip(problem)
    return path
