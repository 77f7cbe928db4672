"""Originals, kept byte for byte in a content-addressed folder: root/ab/cd/<sha256>.<ext>.

A file is copied to a temporary name, hashed while copying, flushed to disk and only then
renamed into place (pipeline/atomic.py), so the archive never holds half a file under a real name. Archived files
are made read-only: originals are never modified.
"""
from __future__ import annotations

import errno
import hashlib
import time
from pathlib import Path

from pipeline.atomic import atomic_write
from pipeline.store.errors import StorageError, StorageFull

CHUNK = 1 << 20
PARTIAL_SUFFIX = ".partial"


class FileChanged(StorageError):
    """The file's bytes changed between hashing and archiving (someone is still writing it)."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class OriginalsArchive:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, sha256: str, ext: str) -> Path:
        name = f"{sha256}.{ext.lstrip('.').lower()}" if ext.strip(".") else sha256
        return self.root / sha256[:2] / sha256[2:4] / name

    def put(self, source: Path, sha256: str) -> Path:
        """Archive `source`, whose bytes must hash to `sha256`; a no-op when already there."""
        dest = self.path_for(sha256, Path(source).suffix)
        if dest.exists():
            return dest
        try:
            if not dest.parent.is_dir():  # a stat: cheaper than mkdir failing on most files of a backfill
                dest.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with open(source, "rb") as src, atomic_write(dest, "wb", suffix=PARTIAL_SUFFIX, permissions=0o444) as out:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                if digest.hexdigest() != sha256:  # before the rename: nothing is kept
                    raise FileChanged(f"{source} changed while it was being archived; run again when it is complete")
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StorageFull(f"disk full while archiving {source} into {self.root}; nothing of it was kept, "
                                  "free some space and run again") from None
            raise StorageError(f"cannot archive {source} into {self.root}: {exc.strerror or exc}") from None
        return dest

    def sweep_partials(self, older_than_s: float = 3600) -> int:
        """Remove temporary files a killed run left behind (never a complete original)."""
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - older_than_s
        removed = 0
        for tmp in self.root.glob(f"*/*/.*{PARTIAL_SUFFIX}"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
            except OSError:
                pass
        return removed
