"""File names as people and the archive see them.

A file name is bytes on Linux: a name that is not UTF-8 (an old zip, a Windows share) is shown
with its bad bytes escaped (`bad\\xff.txt`), never as a crash; a document id is made from it
in NFC (the form a keyboard types, whatever macOS or a zip stored) with nothing unprintable.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from pipeline.read.document import shown_path

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\ufffd\\/]+")


def absolute(path: Path | str) -> str:
    """Where a file was found, as the archive records it: absolute, shown as above."""
    return shown_path(os.path.abspath(os.fsdecode(os.fsencode(str(path)))))


def doc_stem(path: Path | str) -> str:
    """The readable part of a document id: the file name without extension, NFC, printable."""
    raw = os.fsencode(Path(path).stem).decode("utf-8", "replace")
    stem = _UNPRINTABLE.sub("_", unicodedata.normalize("NFC", raw)).strip()
    return stem or "document"


ID_LENGTHS = (8, 12, 16, 64)  # a new document's id takes the shortest of these sha256 prefixes that is free


def make_doc_id(path: Path | str, sha256: str, length: int = 8) -> str:
    """A document id unique per source: `baocao-1a2b3c4d` (stem, then the start of the first
    original's sha256). Two reports named `baocao.txt` in two folders get two ids."""
    return f"{doc_stem(path)}-{sha256[:length]}"


ID_SUFFIX = re.compile(r"-[0-9a-f]{8,64}")  # what `make_doc_id` adds to a file's stem


def path_key(where: str) -> str:
    """A fixed-size key for a path of any length or encoding (the index of where files were found)."""
    return hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
