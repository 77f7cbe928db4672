"""Effective records for a clerk: CSV (one row per document, lists joined with "; ") and XLSX (a
documents sheet, then one row per member, participant, rank, head and cited document on their own
sheets), with Vietnamese headers and labels, real dates, a "corrected" marker and the review flag.
JSON Lines (`write_jsonl`) stays GOLD_FORMAT for programs. `export_records` is the `thidua export` step.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Iterable

from sqlalchemy import select

from pipeline import atomic
from pipeline.store.sheets import Sheet, atomic_output, output_errors, write_csv_table, write_workbook

__all__ = ["DOC_HEADERS", "FORMATS", "ExportedRecord", "ITEM_SHEETS", "atomic_output", "export_metadata",
           "export_records", "write_csv", "write_jsonl", "write_xlsx"]

FORMATS = ("jsonl", "csv", "xlsx")

KIND_LABELS = {"cham_diem": "Chấm điểm", "ky_ket_giao_uoc": "Ký kết giao ước", "so_ket": "Sơ kết",
               "tong_ket": "Tổng kết", "trien_khai": "Triển khai", "khac": "Khác"}
CLUSTER_KIND = {"cum": "Cụm", "khoi": "Khối"}
FIELD_LABELS = {"title": "Tiêu đề", "published": "Ngày đăng", "author": "Tác giả", "meeting.date": "Ngày họp",
                "meeting.kinds": "Loại hội nghị", "meeting.period": "Năm thi đua", "meeting.venue": "Địa điểm",
                "cluster": "Cụm/Khối", "members": "Thành viên", "participants": "Người tham dự",
                "ranks": "Xếp hạng", "heads": "Trưởng, phó cụm/khối", "legal_refs": "Văn bản viện dẫn"}
YES = "có"
DOC_HEADERS = ("Mã văn bản", "Tiêu đề", "Ngày đăng", "Tác giả", "Ngày họp", "Loại hội nghị", "Năm thi đua",
               "Địa điểm", "Cụm/Khối", "Loại", "Số", "Thành viên", "Người tham dự", "Xếp hạng",
               "Trưởng, phó cụm/khối", "Văn bản viện dẫn", "Đã sửa", "Cần xem lại", "Cách lấy văn bản")
ITEM_PREFIX = ("Mã văn bản", "Tiêu đề", "Ngày họp", "Cụm/Khối")
ITEM_SUFFIX = ("Thứ tự (để sửa)", "Đã sửa", "Cần xem lại")
# sheet title, GOLD_FORMAT list field, the item's own columns
ITEM_SHEETS = (("Thành viên", "members", ("Đơn vị",)),
               ("Người tham dự", "participants", ("Họ và tên", "Chức vụ", "Cơ quan")),
               ("Xếp hạng", "ranks", ("Hạng", "Đơn vị", "Điểm")),
               ("Trưởng, phó cụm", "heads", ("Vai trò", "Năm", "Đơn vị")),
               ("Văn bản viện dẫn", "legal_refs", ("Số, ký hiệu",)))


@dataclass(frozen=True)
class ExportedRecord:
    export: dict  # GOLD_FORMAT
    needs_review: bool = False
    corrected: frozenset[str] = frozenset()  # GOLD_FORMAT fields a person corrected


def export_metadata(db) -> dict[str, tuple[bool, frozenset[str]]]:
    """doc_id -> (needs review, corrected fields) for every document (two small queries)."""
    from pipeline.store.models import CorrectionRow, DocumentRow
    from pipeline.store.overlay import parse_path

    with db.session() as s:
        ids = dict(s.execute(select(DocumentRow.id, DocumentRow.doc_id)).all())
        fields: dict[int, set[str]] = {}
        for doc_pk, name in s.execute(select(CorrectionRow.document_id, CorrectionRow.field)):
            fields.setdefault(doc_pk, set()).add(parse_path(name).top)
        review = dict(s.execute(select(DocumentRow.doc_id, DocumentRow.needs_review)).all())
    return {doc_id: (bool(review[doc_id]), frozenset(fields.get(pk, ()))) for pk, doc_id in ids.items()}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def role_label(role: str, cluster: dict | None) -> str:
    kind = CLUSTER_KIND.get((cluster or {}).get("kind"), "Cụm")
    return f"{kind} {'trưởng' if role == 'truong' else 'phó'}"


def _score(score: float | None) -> str:
    return "" if score is None else (f"{score:g}".replace(".", ",") + " điểm")


def _joined(e: dict) -> dict[str, str]:
    """The list fields as text a person reads: '1. huyện A (96,5 điểm); 2. huyện B'."""
    people = [p["name"] + "".join(f", {x}" for x in (p.get("title"), p.get("organization")) if x)
              for p in e["participants"]]
    ranks = [f"{r['rank']}. {r['unit']}" + (f" ({_score(r['score'])})" if r.get("score") is not None else "")
             for r in e["ranks"]]
    heads = [f"{role_label(h['role'], e['cluster'])}" + (f" {h['year']}" if h.get("year") else "") + f": {h['unit']}"
             for h in e["heads"]]
    return {"kinds": "; ".join(KIND_LABELS.get(k, k) for k in e["meeting"]["kinds"]),
            "members": "; ".join(e["members"]), "participants": "; ".join(people), "ranks": "; ".join(ranks),
            "heads": "; ".join(heads), "legal_refs": "; ".join(e["legal_refs"])}


def _corrected(item: ExportedRecord, fields: Iterable[str] | None = None) -> str:
    hit = item.corrected if fields is None else item.corrected & set(fields)
    ordered = [FIELD_LABELS[f] for f in FIELD_LABELS if f in hit] + sorted(hit - set(FIELD_LABELS))
    return f"{YES} ({', '.join(ordered)})" if hit else ""


def document_row(item: ExportedRecord) -> list[Any]:
    e = item.export
    m, c, j = e["meeting"], e["cluster"] or {}, _joined(e)
    return [e["doc_id"], e["title"], _date(e["published"]), e["author"], _date(m["date"]), j["kinds"], m["period"],
            m["venue"], c.get("name"), CLUSTER_KIND.get(c.get("kind"), ""), c.get("number"), j["members"],
            j["participants"], j["ranks"], j["heads"], j["legal_refs"], _corrected(item),
            YES if item.needs_review else "", e.get("text_origin") or ""]


def _item_values(field: str, value: Any, e: dict) -> list[Any]:
    if field == "participants":
        return [value["name"], value.get("title"), value.get("organization")]
    if field == "ranks":
        return [value["rank"], value["unit"], value.get("score")]
    if field == "heads":
        return [role_label(value["role"], e["cluster"]), value.get("year"), value["unit"]]
    return [value]


def item_rows(item: ExportedRecord, field: str) -> list[list[Any]]:
    e = item.export
    head = [e["doc_id"], e["title"], _date(e["meeting"]["date"]) or _date(e["published"]),
            (e["cluster"] or {}).get("name")]
    tail = [_corrected(item, [field]), YES if item.needs_review else ""]
    return [[*head, *_item_values(field, value, e), i, *tail] for i, value in enumerate(e[field] or [])]


def _items(records: Iterable[dict | ExportedRecord]) -> Iterable[ExportedRecord]:
    for r in records:
        yield r if isinstance(r, ExportedRecord) else ExportedRecord(r)


def write_csv(records: Iterable[dict | ExportedRecord], out: Path) -> int:
    """One row per document; every list in one cell, items joined with '; ' (never JSON)."""
    return write_csv_table(DOC_HEADERS, [document_row(item) for item in _items(records)], out)


def write_xlsx(records: Iterable[dict | ExportedRecord], out: Path) -> int:
    """Sheet 'Văn bản' (one row per document), then one sheet per list with one row per item, its
    document's id, title and date, its index (the `[i]` of `thidua records set`) and the markers.
    Records are read in full first, so a failing source never leaves a half-built workbook."""
    items = list(_items(records))
    sheets = [Sheet("Văn bản", DOC_HEADERS, [document_row(i) for i in items])]
    for title, field, columns in ITEM_SHEETS:
        sheets.append(Sheet(title, (*ITEM_PREFIX, *columns, *ITEM_SUFFIX),
                            [row for i in items for row in item_rows(i, field)]))
    write_workbook(sheets, out)
    return len(items)


def write_jsonl(records: Iterable[dict], out: Path) -> int:
    """GOLD_FORMAT, one record per line, for programs; a full disk is StorageFull, nothing written."""
    with output_errors(out):
        return atomic.write_jsonl(records, out)


def with_origin(record) -> dict:
    """GOLD_FORMAT plus how the text was obtained, for the spreadsheets people read."""
    return {**record.to_export(), "text_origin": record.origin.describe() if record.origin else None}


def export_records(repo, fmt: str, out: Path, cluster: str | None = None, year: int | None = None,
                   needs_review: bool | None = None) -> int:
    """Write the effective records (corrections applied) of `repo` to `out` as jsonl, csv or xlsx;
    how many were written."""
    records = repo.iter_effective(cluster, year, needs_review)
    if fmt == "jsonl":
        return write_jsonl((r.to_export() for r in records), out)
    meta = export_metadata(repo.db)
    items = (ExportedRecord(e, *meta.get(e["doc_id"], (False, frozenset()))) for e in map(with_origin, records))
    return (write_csv if fmt == "csv" else write_xlsx)(items, out)
