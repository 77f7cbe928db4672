"""Tables as an office clerk expects them: XLSX with a bold, frozen header row, an autofilter,
column widths that fit, real date cells and pictures; CSV in UTF-8 with a BOM (Excel shows
Vietnamese) and dates as dd/mm/yyyy. Every file is written to a temporary name and renamed into
place, so a full disk or a crash never leaves half a file under the real name."""
from __future__ import annotations

import csv
import datetime as dt
import errno
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Iterator, Sequence

from pipeline.atomic import UnsafeOutput, atomic_write
from pipeline.store.errors import StorageError, StorageFull

DATE_FORMAT = "DD/MM/YYYY"
MAX_WIDTH = 60


@dataclass
class Sheet:
    title: str  # at most 31 characters in Excel; longer titles are cut
    headers: Sequence[str]
    rows: list[Sequence[Any]] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)  # PNGs placed to the right of the table


@contextmanager
def output_errors(out: Path) -> Iterator[None]:
    """Problems writing `out` as storage errors: an unsafe target (a symlink, a device, a missing
    folder: the commands check it first, for a usage error) and other I/O problems become
    StorageError, a full disk StorageFull."""
    try:
        yield
    except UnsafeOutput as exc:
        raise StorageError(f"cannot write {out}: {exc}") from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise StorageFull(f"disk full while writing {out}; nothing was written") from None
        raise StorageError(f"cannot write {out}: {exc.strerror or exc}") from None


@contextmanager
def atomic_output(out: Path, mode: str = "w", **open_args) -> Iterator[Any]:
    """A file handle on a temporary file beside `out` (pipeline/atomic.py), renamed to `out`
    only when the block succeeds; problems as in `output_errors`."""
    with output_errors(out), atomic_write(out, mode, **open_args) as fh:
        yield fh


def _clean(value: Any) -> Any:
    """XLSX cannot hold most control characters; everything else (all of Vietnamese) is kept."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def sheet_title(title: str, taken: set[str]) -> str:
    """Excel's rules: 31 characters, none of []:*?/\\, unique in the workbook."""
    base = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip()[:31] or "Sheet"
    name, i = base, 2
    while name.lower() in taken:
        name = f"{base[:31 - len(str(i)) - 1]}~{i}"
        i += 1
    taken.add(name.lower())
    return name


def _fill(ws, sheet: Sheet) -> None:
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.append([_clean(h) for h in sheet.headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [len(str(h)) for h in sheet.headers]
    for row in sheet.rows:
        ws.append([_clean(v) for v in row])
        for i, value in enumerate(row):
            widths[i] = max(widths[i], 10 if isinstance(value, dt.date) else len(str(value or "")))
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # text starting with "=" stays text, never a formula
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, width + 2)
    ws.freeze_panes = "A2"
    if sheet.headers:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.headers))}{max(1, len(sheet.rows) + 1)}"
    for n, image in enumerate(sheet.images):
        ws.add_image(Image(str(image)), f"{get_column_letter(len(sheet.headers) + 2)}{1 + n * 25}")


def write_workbook(sheets: Sequence[Sheet], out: Path) -> None:
    """One worksheet per Sheet, in order."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for sheet in sheets:
        _fill(book.create_sheet(sheet_title(sheet.title, taken)), sheet)
    with atomic_output(out, "wb") as fh:
        book.save(fh)


def csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value


def write_csv_table(headers: Sequence[str], rows: list[Sequence[Any]], out: Path) -> int:
    with atomic_output(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([csv_value(v) for v in row])
    return len(rows)
