"""Effective records written as CSV and XLSX (JSON Lines is the CLI's `write_jsonl` of the same
GOLD_FORMAT dicts). Every writer goes through a temporary file renamed into place at the end, so
a full disk or a crash never leaves half an export under the real name.
"""
from __future__ import annotations

import csv
import errno
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from pipeline.storage.errors import StorageError, StorageFull

SCALAR_COLUMNS = ("doc_id", "title", "published", "author", "meeting.date", "meeting.period", "meeting.venue",
                  "cluster.name", "cluster.kind", "cluster.number")
LIST_FIELDS = ("meeting.kinds", "members", "participants", "ranks", "heads", "legal_refs")
ORIGIN_COLUMN = "text_origin"  # how the text was obtained (reader, legacy encoding, OCR confidence)
CSV_COLUMNS = (*SCALAR_COLUMNS, *LIST_FIELDS, ORIGIN_COLUMN)
# XLSX: one sheet per list field; items that are plain strings get a named column.
ITEM_COLUMNS = {"meeting.kinds": ("kind",), "members": ("unit",), "participants": ("name", "title", "organization"),
                "ranks": ("unit", "rank", "score"), "heads": ("unit", "role", "year"), "legal_refs": ("symbol",)}


def _get(export: dict, dotted: str) -> Any:
    value: Any = export
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def csv_row(export: dict) -> dict[str, Any]:
    """One document as one row; list fields as JSON arrays (Vietnamese kept as is)."""
    row = {name: _get(export, name) for name in SCALAR_COLUMNS}
    row.update({name: json.dumps(_get(export, name) or [], ensure_ascii=False) for name in LIST_FIELDS})
    row[ORIGIN_COLUMN] = export.get(ORIGIN_COLUMN)
    return row


@contextmanager
def atomic_output(out: Path, mode: str = "w", **open_args) -> Iterator[Any]:
    """A file handle on `<out>.tmp`, renamed to `out` only when the block succeeds."""
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, mode, **open_args) as fh:
            yield fh
        os.replace(tmp, out)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise StorageFull(f"disk full while writing {out}; nothing was written") from None
        raise StorageError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_csv(records: Iterable[dict], out: Path) -> int:
    """UTF-8 with a BOM, so Excel shows Vietnamese correctly when the file is double-clicked."""
    count = 0
    with atomic_output(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for export in records:
            writer.writerow(csv_row(export))
            count += 1
    return count


def write_xlsx(records: Iterable[dict], out: Path) -> int:
    """Sheet `records`: one row per document; then one sheet per list field, one row per item
    with its doc_id and its index (the `[i]` of `thidua records set`). Records are read in full
    first (10,000 are a few tens of MB), so a failing source never leaves a half-built workbook."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    records = list(records)
    book = Workbook(write_only=True)
    main = book.create_sheet("records")
    sheets = {name: book.create_sheet(name) for name in LIST_FIELDS}

    def cells(sheet, values):
        row = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=_clean(value))
            if isinstance(value, str):
                cell.data_type = "s"  # text starting with "=" stays text, never a formula
            row.append(cell)
        return row

    main.append(cells(main, (*SCALAR_COLUMNS, ORIGIN_COLUMN)))
    for name, sheet in sheets.items():
        sheet.append(cells(sheet, ("doc_id", "index", *ITEM_COLUMNS[name])))
    count = 0
    for export in records:
        main.append(cells(main, [*(_get(export, c) for c in SCALAR_COLUMNS), export.get(ORIGIN_COLUMN)]))
        for name, sheet in sheets.items():
            for i, item in enumerate(_get(export, name) or []):
                values = [item.get(c) for c in ITEM_COLUMNS[name]] if isinstance(item, dict) else [item]
                sheet.append(cells(sheet, [export["doc_id"], i, *values]))
        count += 1
    with atomic_output(out, "wb") as fh:
        book.save(fh)
    return count


def _clean(value: Any) -> Any:
    """XLSX cannot hold most control characters; everything else (all of Vietnamese) is kept."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value
