"""The nightly inbox: which files are ready to ingest, and where they go afterwards.

A file is taken only when nobody has written to it for `min_age_s` (it may still be arriving
over the network), and Office lock files (`~$name.docx`) are never taken. After the run each
processed file (stored, or already archived) is moved to `archive_to` and each failed one to
`quarantine` with `<name>.reason.txt` beside it, both keeping their path relative to the inbox.
Moves never overwrite: a name already taken gets ` (2)`, ` (3)`... A file that changed while the
run was reading it stays in the inbox for the next run, so running twice is harmless.
Plain functions, no Prefect.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable

from pipeline.atomic import atomic_write
from pipeline.read.discover import refusal, wanted
from pipeline.read.document import DocumentResult, Status, shown_path


@dataclass(frozen=True)
class InboxFile:
    path: Path
    mtime_ns: int
    size: int


@dataclass
class InboxScan:
    inbox: Path
    ready: list[InboxFile] = field(default_factory=list)
    too_new: list[Path] = field(default_factory=list)  # written to less than min_age_s ago
    refused: dict[Path, str] = field(default_factory=dict)  # never opened: links out, FIFOs... -> why
    refused_files: list[InboxFile] = field(default_factory=list)  # the same, to file away as failed

    @property
    def paths(self) -> list[Path]:
        return [f.path for f in self.ready]

    def refused_results(self) -> list[DocumentResult]:
        """A failed result per refused entry, for the report and the quarantine."""
        return [DocumentResult.failed(path, reason) for path, reason in self.refused.items()]


@dataclass
class Moves:
    archived: list[Path] = field(default_factory=list)  # where processed files went
    quarantined: list[Path] = field(default_factory=list)  # where failed files went
    left: list[Path] = field(default_factory=list)  # changed during the run: left for the next one
    stuck: list[tuple[Path, str]] = field(default_factory=list)  # could not be moved: (file, why)

    def notes(self, archive_to: Path, quarantine: Path) -> list[str]:
        notes = [f"moved {len(self.archived)} file(s) to {shown_path(archive_to)}",
                 f"moved {len(self.quarantined)} failed file(s) to {shown_path(quarantine)} "
                 "(reasons in *.reason.txt)"]
        if self.left:
            notes.append(f"left {len(self.left)} file(s) in the inbox: they changed during the run")
        notes += [f"could not move {shown_path(path)}: {why}" for path, why in self.stuck]
        return notes


def scan_inbox(inbox: Path, *, exclude: Iterable[Path] = (), min_age_s: float = 60.0,
               now: float | None = None) -> InboxScan:
    """Report files under `inbox` (recursively; hidden folders and `exclude` skipped), split into
    those ready to ingest and those written to in the last `min_age_s` seconds. Entries that must
    not be opened (a symbolic link out of the inbox, a FIFO, a device) are refused with a reason."""
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox folder not found: {inbox}")
    excluded = {Path(p).resolve() for p in exclude}
    cutoff = (time.time() if now is None else now) - min_age_s
    scan = InboxScan(inbox)
    for folder, dirs, files in os.walk(inbox):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (Path(folder) / d).resolve() not in excluded)
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith((".", "~$")) or not wanted(path):
                continue
            try:
                stat = path.lstat()
            except OSError:  # gone since the listing
                continue
            reason = refusal(path, inbox)
            if reason:
                scan.refused[path] = reason
                scan.refused_files.append(InboxFile(path, stat.st_mtime_ns, stat.st_size))
            elif stat.st_mtime > cutoff:
                scan.too_new.append(path)
            else:
                scan.ready.append(InboxFile(path, stat.st_mtime_ns, stat.st_size))
    return scan


def unchanged(item: InboxFile) -> bool:
    """Still the file that was scanned (same size and modification time)?"""
    try:
        stat = item.path.lstat()
    except OSError:
        return False
    return stat.st_mtime_ns == item.mtime_ns and stat.st_size == item.size


def file_away(scan: InboxScan, results: Iterable[DocumentResult], archive_to: Path, quarantine: Path,
              when: dt.datetime | None = None) -> Moves:
    """Move each processed file to `archive_to` and each failed one to `quarantine` (with its
    reason beside it). Files without a result (the run stopped first), files that changed
    during the run and files already moved (a retry) stay where they are; so does a file that
    cannot be moved (it is named in the notes), and the others are still filed away."""
    by_path = {shown_path(f.path): f for f in [*scan.ready, *scan.refused_files]}
    moves = Moves()
    when = when or dt.datetime.now().astimezone()
    for result in results:
        item = by_path.get(shown_path(result.path))
        if item is None or not os.path.lexists(item.path):
            continue
        if not unchanged(item):
            moves.left.append(item.path)
            continue
        try:
            if result.status == Status.FAILED:
                target = move_into(item.path, scan.inbox, quarantine)
                write_reason(target, result.reason or "failed", item.path, when)
                moves.quarantined.append(target)
            else:
                moves.archived.append(move_into(item.path, scan.inbox, archive_to))
        except OSError as exc:  # shutil.Error and SpecialFileError are OSErrors too
            moves.stuck.append((item.path, str(exc.strerror or exc)))
    return moves


def move_into(path: Path, inbox: Path, folder: Path) -> Path:
    """Move `path` to the same place under `folder` as it had under `inbox`, never replacing a
    file already there. A symbolic link is moved as a link, never followed."""
    try:
        relative = (Path(os.path.realpath(path.parent)) / path.name).relative_to(Path(inbox).resolve())
    except ValueError:
        relative = Path(path.name)
    target = free_name(Path(folder) / relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), str(target))
    return target


def free_name(target: Path) -> Path:
    """`target`, or `name (2).ext`, `name (3).ext`... whichever does not exist yet."""
    candidate, n = target, 1
    while os.path.lexists(candidate) or os.path.lexists(reason_file(candidate)):
        n += 1
        candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
    return candidate


def reason_file(path: Path) -> Path:
    return path.with_name(path.name + ".reason.txt")


def write_reason(target: Path, reason: str, source: Path, when: dt.datetime) -> Path:
    note = reason_file(target)
    with atomic_write(note, "w", encoding="utf-8", errors="backslashreplace") as fh:
        fh.write(f"{reason}\n\nfile: {shown_path(source)}\nquarantined: {when.isoformat(timespec='seconds')}\n"
                 "Fix the file (or save it in a supported format) and put it back in the inbox.\n")
    return note
