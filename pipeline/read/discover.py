"""Find the input files under the paths a user gives."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.read import NOT_REGULAR, NOT_YET_SUPPORTED, READERS


OUTSIDE = "symbolic link to outside the folder (not followed)"


@dataclass
class Found:
    """What the paths a user gave hold: files to process, paths that do not exist, and entries
    of folders refused without being opened (path -> one-line reason)."""

    files: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    refused: dict[Path, str] = field(default_factory=dict)
    empty: list[Path] = field(default_factory=list)  # folders given that hold no report at all


def wanted(path: Path) -> bool:
    """A file in a folder that is (or claims to be) a report: a format we read, or one we list
    as not supported yet. Word's lock files (`~$name.docx`, left while a file is open) are not."""
    suffix = path.suffix.lower()
    return not path.name.startswith("~$") and (suffix in READERS or suffix in NOT_YET_SUPPORTED)


def find_reports(paths: list[Path]) -> Found:
    """Files named explicitly are taken as they are (the reader says what is wrong with them).
    Folders are walked recursively, in sorted order, skipping hidden entries; inside them a
    symbolic link is followed only to a place inside the same folder, and a FIFO, device or
    socket is refused without being opened."""
    found = Found()
    for path in map(Path, paths):
        if path.is_dir():
            before = len(found.files) + len(found.refused)
            _walk(path, found)
            if len(found.files) + len(found.refused) == before:
                found.empty.append(path)
        elif os.path.lexists(path):
            found.files.append(path)
        else:
            found.missing.append(path)
    found.files = [f for f in dict.fromkeys(found.files) if f not in found.refused]
    return found


def holds_reports(folder: Path) -> bool:
    """Does the folder hold anything `find_reports` would list (stops at the first)? Cheap even
    for a large folder, so a command can say "no reports found" before starting anything."""
    for parent, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(not name.startswith(".") and wanted(Path(parent) / name) for name in names):
            return True
        if any(os.path.islink(Path(parent) / d) for d in dirs):
            return True  # reported by find_reports when it points out of the folder
    return False


def discover(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files to process, paths that do not exist); see `find_reports` (refused entries left out)."""
    found = find_reports(paths)
    return found.files, found.missing


def refusal(entry: Path, root: Path) -> str | None:
    """Why a folder entry must not be read (a link out of `root`, not a regular file), or None."""
    try:
        info = os.lstat(entry)
    except OSError:
        return None  # gone since the listing: the reader says so
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(entry))
        return None if target.is_relative_to(Path(os.path.realpath(root))) else OUTSIDE
    return None if stat.S_ISREG(info.st_mode) else NOT_REGULAR


def _walk(root: Path, found: Found) -> None:
    files: list[Path] = []
    for folder, dirs, names in os.walk(root):  # symlinked folders are listed, never entered
        for name in sorted(dirs):
            path = Path(folder) / name
            if not name.startswith(".") and os.path.islink(path) and refusal(path, root) == OUTSIDE:
                found.refused[path] = OUTSIDE
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(Path(folder) / d))
        for name in names:
            path = Path(folder) / name
            if name.startswith(".") or not wanted(path):
                continue
            reason = refusal(path, root)
            if reason:
                found.refused[path] = reason
            else:
                files.append(path)
    found.files.extend(sorted(files))
