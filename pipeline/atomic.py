"""Output files written safely: the one way thidua writes an export, a JSON Lines file or a note.

The data goes to a fresh temporary file in the target's own folder (created with O_EXCL by
`tempfile`, so nothing planted under a predictable name is ever written through), flushed to disk
and only then renamed over the target: a crash or a full disk never leaves half a file under the
real name. The target must be a regular file or not exist yet, in a folder that exists: a symlink,
a FIFO or a device (`/dev/full`, `/proc/self/fd/1`) is refused rather than replaced or written
into, and a missing folder is an error rather than silently created.
"""
from __future__ import annotations

import json
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from collections.abc import Iterable, Iterator


class UnsafeOutput(OSError):
    """The target cannot be written safely (not a regular file, folder missing): a usage error."""


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def check_target(out: Path) -> None:
    """Raise UnsafeOutput unless `out` is a regular file or does not exist, in an existing folder."""
    out = Path(out)
    try:
        mode = os.lstat(out).st_mode
    except (FileNotFoundError, NotADirectoryError):
        parent = out.parent
        if not parent.is_dir():
            what = "not a folder" if parent.exists() else "folder not found"
            raise UnsafeOutput(f"{what}: {parent} (create it first)") from None
        return
    if not stat.S_ISREG(mode):
        raise UnsafeOutput(f"not a regular file ({_kind(mode)}); give a file name to write")


@contextmanager
def atomic_write(out: Path, mode: str = "w", *, suffix: str = ".tmp", permissions: int | None = None,
                 **open_args: Any) -> Iterator[IO]:
    """A handle on a new temporary file beside `out` (`.NAME.XXXXXXXX` + `suffix`), renamed to
    `out` when the block succeeds (and removed when it fails or raises), with `permissions` (by
    default read-write as the umask allows). Raises UnsafeOutput before writing anything, OSError
    on I/O."""
    out = Path(out)
    check_target(out)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=suffix)
    try:
        with open(fd, mode, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        check_target(out)  # planted meanwhile: still never replaced
        os.chmod(tmp, 0o666 & ~_umask() if permissions is None else permissions)
        os.replace(tmp, out)
        _fsync_dir(out.parent)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_jsonl(items: Iterable[Any], out: Path) -> int:
    """Write one JSON object per line (UTF-8, Vietnamese as is) atomically; how many were written."""
    count = 0
    with atomic_write(out, "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    return count


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
