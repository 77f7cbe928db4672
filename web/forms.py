"""The record form: built from a record (to show) or from what a person submitted (to save, or
to show again after a conflict or a typing mistake), and turned into field corrections.

Rows of a list remember `orig`, their index in the record the page was made from; new rows have
none. Saving compares the submission with that record and sends only what changed, as the paths
`thidua records set` takes: item fields first, then removals (last first), then additions.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pipeline.record import KINDS, LOW_CONFIDENCE, SCALARS, Record, clean_text
from pipeline.store import InvalidInput
from pipeline.store import overlay as ov

LIST_ATTRS = {"participants": ("name", "title", "organization"), "members": ("unit",),
              "ranks": ("unit", "rank", "score"), "heads": ("unit", "role", "year"), "legal_refs": ("symbol",)}
KEY_ATTR = {"participants": "name", "members": "unit", "ranks": "unit", "heads": "unit", "legal_refs": "symbol"}
INT_ATTRS = {"rank", "year"}
DATES = {"published", "meeting.date"}


class FormError(ValueError):
    """A value that does not fit its field; `where` names the input."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where = where


@dataclass
class Row:
    values: dict[str, str]
    orig: int | None = None
    remove: bool = False
    evidence: tuple[int, int] | None = None
    confidence: float | None = None
    by_person: bool = False

    @property
    def low(self) -> bool:
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE


@dataclass
class RecordForm:
    scalars: dict[str, str] = field(default_factory=dict)
    scalar_info: dict[str, Row] = field(default_factory=dict)  # evidence/confidence of each scalar
    cluster: dict[str, str] = field(default_factory=dict)
    cluster_info: Row | None = None
    kinds: list[str] = field(default_factory=list)
    kinds_sent: bool = True  # the kinds checkboxes were on the submitted form
    lists: dict[str, list[Row]] = field(default_factory=dict)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def date_text(iso: str | None) -> str:
    """A stored date (ISO) as the page shows it: dd/mm/yyyy, the form the placeholder asks for."""
    try:
        return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""
    except ValueError:
        return iso or ""


def digits(text: str | None, max_digits: int = 9) -> int | None:
    """A whole number written in ASCII digits, or None: `str.isdigit` also says yes to "²" or "٣",
    which `int` refuses or reads as another number."""
    if text and len(text) <= max_digits and text.isascii() and text.isdigit():
        return int(text)
    return None


def _row(found, values: dict[str, Any], orig: int | None = None) -> Row:
    ev = found.evidence if found is not None else None
    return Row({k: _text(v) for k, v in values.items()}, orig,
               evidence=(ev.start, ev.end) if ev else None,
               confidence=found.confidence if found is not None else None,
               by_person=found is not None and ev is None and found.confidence == 1.0)


def from_record(record: Record) -> RecordForm:
    export = record.to_export()
    form = RecordForm()
    for name in SCALARS:
        found = _dig(record, name)
        value = ov.field_value(export, name)
        form.scalars[name] = date_text(value) if name in DATES else _text(value)
        form.scalar_info[name] = _row(found, {})
    cluster = export["cluster"] or {}
    form.cluster = {k: _text(cluster.get(k)) for k in ("name", "kind", "number")}
    form.cluster_info = _row(record.cluster, {}) if record.cluster else None
    form.kinds = list(export["meeting"]["kinds"])
    for base, attrs in LIST_ATTRS.items():
        items = getattr(record, base)
        form.lists[base] = [_row(item, {a: getattr(item, a) for a in attrs}, i) for i, item in enumerate(items)]
    return form


def _dig(record: Record, dotted: str):
    obj: Any = record
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def from_submission(data: dict[str, list[str]]) -> RecordForm:
    """The form as submitted (a multi-dict of strings): nothing is interpreted yet."""
    def one(key: str) -> str:  # what the person typed, spaced as a stored value is
        return clean_text((data.get(key) or [""])[-1])

    # A field that was not sent at all is left as it is (a partial form changes only what it has).
    form = RecordForm(scalars={n: one(f"f.{n}") for n in SCALARS if f"f.{n}" in data},
                      cluster={k: one(f"cluster.{k}") for k in ("name", "kind", "number")} if "cluster.name" in data
                      else {},
                      kinds=[k for k in KINDS if k in (data.get("kinds") or [])], kinds_sent="kinds-sent" in data)
    for base, attrs in LIST_ATTRS.items():
        numbers = sorted({n for n in (digits(key.split("-")[1]) for key in data if key.startswith(f"{base}-"))
                          if n is not None})
        rows = []
        for n in numbers:
            prefix = f"{base}-{n}-"
            orig = one(prefix + "orig")
            ev = one(prefix + "ev").split(":")
            span = [digits(p, 12) for p in ev] if ev != [""] else []
            if (orig and digits(orig) is None) or (span and (len(span) != 2 or None in span)):
                raise InvalidInput("biểu mẫu bị hỏng (số dòng hoặc vị trí trong văn bản sai); hãy mở lại bản ghi")
            rows.append(Row({a: one(prefix + a) for a in attrs}, digits(orig), remove=bool(one(prefix + "remove")),
                            evidence=(span[0], span[1]) if span else None))
        form.lists[base] = rows
    return form


# --- values ------------------------------------------------------------------------------------

def _date(where: str, text: str) -> str | None:
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise FormError(where, "ngày phải có dạng ngày/tháng/năm, ví dụ 15/12/2023")


def _number(where: str, text: str, integer: bool) -> int | float | None:
    if not text:
        return None
    if integer:
        number = digits(text)
        if number is None:
            raise FormError(where, "phải là số nguyên, viết bằng chữ số 0-9")
        return number
    try:
        if not text.isascii():
            raise ValueError(text)
        return float(text.replace(",", "."))
    except ValueError:
        raise FormError(where, "phải là một số, viết bằng chữ số 0-9") from None


def scalar_value(name: str, text: str) -> Any:
    if name in DATES:
        return _date(f"f.{name}", text)
    if name == "meeting.period":
        return _number("f.meeting.period", text, True)
    return text or None


def cluster_value(values: dict[str, str]) -> dict | None:
    if not values.get("name"):
        return None
    kind = values.get("kind") or "cum"
    if kind not in ("cum", "khoi"):
        raise FormError("cluster.kind", "loại phải là cụm hoặc khối")
    return {"name": values["name"], "kind": kind, "number": _number("cluster.number", values.get("number", ""), True)}


def item_value(base: str, n: int, row: Row) -> Any:
    """A row as its GOLD_FORMAT item (a string for members and legal references)."""
    key = KEY_ATTR[base]
    if not row.values.get(key):
        raise FormError(f"{base}-{n}-{key}", "không được để trống")
    if len(LIST_ATTRS[base]) == 1:
        return row.values[key]
    item: dict[str, Any] = {}
    for attr in LIST_ATTRS[base]:
        text = row.values.get(attr, "")
        if attr in INT_ATTRS:
            item[attr] = _number(f"{base}-{n}-{attr}", text, True)
        elif attr == "score":
            item[attr] = _number(f"{base}-{n}-{attr}", text, False)
        elif attr == "role":
            if text not in ("truong", "pho"):
                raise FormError(f"{base}-{n}-role", "vai trò phải là trưởng hoặc phó")
            item[attr] = text
        else:
            item[attr] = text or None
    if base == "ranks" and item["rank"] is None:
        raise FormError(f"{base}-{n}-rank", "không được để trống")
    return item
