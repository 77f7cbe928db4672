"""One command, one look at the files: within `once_per_command()` (a `thidua ingest`), the paths
given are discovered once and each file hashed once, whoever asks (the no-change check before
Prefect starts, then the flow's own planning). Imports nothing, so the command line can enter it
before anything else starts."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_memo: dict[str, dict[Any, Any]] | None = None


@contextmanager
def once_per_command() -> Iterator[None]:
    global _memo
    outer, _memo = _memo, {"found": {}, "hashes": {}}
    try:
        yield
    finally:
        _memo = outer


def remembered(kind: str) -> dict[Any, Any] | None:
    """The command's memo of `kind` ("found", "hashes"), or None outside `once_per_command`."""
    return None if _memo is None else _memo[kind]
