"""Find the input files under the paths a user gives."""
from __future__ import annotations

from pathlib import Path

from pipeline.readers import READERS

# In folders, these are reports we cannot read yet: listed as failed so nothing goes unnoticed.
# Anything else in a folder (gold .json, README.md, scripts) is not a report and is ignored.
NOT_YET_SUPPORTED: dict[str, str] = {}  # every report format found so far is read (scans by OCR)


def wanted(path: Path) -> bool:
    """A file in a folder that is (or claims to be) a report: a format we read, or one we list
    as not supported yet."""
    suffix = path.suffix.lower()
    return suffix in READERS or suffix in NOT_YET_SUPPORTED


def discover(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Return (files to process, paths that do not exist). Folders are walked recursively."""
    files: list[Path] = []
    missing: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(p.startswith(".") for p in f.relative_to(path).parts) and wanted(f):
                    files.append(f)
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    return list(dict.fromkeys(files)), missing
