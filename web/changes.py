"""From a submitted record form to field corrections, and back onto a newer record.

`changes()` compares the form with the record the page was made from and gives the corrections
to store. After a conflict (someone saved the record meanwhile), `rebase()` puts those same
changes on top of the newer record, so the person sees the other's change and keeps their own
input to save again; nothing of either is lost.
"""
from __future__ import annotations

from typing import Any

from pipeline.record import Record
from pipeline.store import overlay as ov
from pipeline.store.editing import Change
from web.forms import (DATES, KEY_ATTR, LIST_ATTRS, SCALARS, FormError, RecordForm, Row, _text, cluster_value,
                       date_text, from_record, item_value, scalar_value)


def changes(form: RecordForm, base: dict, text: str) -> list[Change]:
    """The corrections that turn `base` (GOLD_FORMAT) into what the form says; FormError when a
    value does not fit. `base` is compared as the page showed it: values read through the record
    model, one line each (an archive may hold "Ủy\nban", which an input shows as "Ủy ban")."""
    base = ov.from_export(base).to_export()
    out: list[Change] = []
    for name in SCALARS:
        if name not in form.scalars:  # not on the submitted form
            continue
        value = scalar_value(name, form.scalars[name])
        if value != ov.field_value(base, name):
            out.append(Change(name, value))
    cluster = cluster_value(form.cluster) if form.cluster else base["cluster"]
    if cluster != base["cluster"]:
        out.append(Change("cluster", cluster))
    if form.kinds_sent and set(form.kinds) != set(base["meeting"]["kinds"]):  # checkboxes: no order, no twice
        out.append(Change("meeting.kinds", list(form.kinds)))
    for name in LIST_ATTRS:
        out += _list_changes(name, form.lists.get(name, []), ov.field_value(base, name), text)
    return out


def _item_edits(name: str, index: int, value: Any, old: Any) -> list[Change]:
    if len(LIST_ATTRS[name]) == 1:
        return [] if value == old else [Change(f"{name}[{index}]", value)]
    return [Change(f"{name}[{index}].{attr}", value[attr]) for attr in LIST_ATTRS[name] if value[attr] != old[attr]]


def _evidence(row: Row, text: str) -> dict | None:
    if row.evidence is None:
        return None
    start, end = row.evidence
    if not 0 <= start < end <= len(text):
        return None
    return {"start": start, "end": end, "text": text[start:end]}


def _list_changes(name: str, rows: list[Row], items: list, text: str) -> list[Change]:
    edits: list[Change] = []
    removals: list[int] = []
    additions: list[Change] = []
    kept: set[int] = set()
    for n, row in enumerate(rows):
        if row.orig is not None and row.orig < len(items) and row.orig not in kept:
            kept.add(row.orig)
            if row.remove:
                removals.append(row.orig)
            else:
                edits += _item_edits(name, row.orig, item_value(name, n, row), items[row.orig])
        elif row.orig is None and not row.remove and any(row.values.values()):
            additions.append(Change("", item_value(name, n, row), _evidence(row, text)))
    length = len(items) - len(removals)
    for k, change in enumerate(additions):
        change.field = f"{name}[{length + k}]"
    return edits + [Change(f"{name}[{i}]", None) for i in sorted(removals, reverse=True)] + additions


def _row_values(name: str, value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return {a: _text(value.get(a)) for a in LIST_ATTRS[name]}
    return {KEY_ATTR[name]: _text(value)}


def rebase(pending: list[Change], current: Record, base: dict) -> RecordForm:
    """The form for `current` with the person's `pending` changes (made against `base`) on top."""
    form = from_record(current)
    now = current.to_export()
    for change in pending:
        path = ov.parse_path(change.field)
        if path.index is None:
            _rebase_field(form, change)
            continue
        rows, before = form.lists[path.base], ov.field_value(base, path.base)
        if path.index >= len(before):  # an added item
            ev = change.evidence
            rows.append(Row(_row_values(path.base, change.value), evidence=(ev["start"], ev["end"]) if ev else None))
            continue
        key = ov.item_key(path, before[path.index])
        where = ov.find_item(ov.field_value(now, path.base), path, key, prefer=path.index)
        if where is None:  # the other person removed the item: keep the edit as a new row
            if change.value is not None:
                values = _row_values(path.base, before[path.index])
                if path.attr:
                    values[path.attr] = _text(change.value)
                rows.append(Row(values))
            continue
        row = rows[where]
        if change.value is None and path.attr is None:
            row.remove = True
        elif path.attr:
            row.values[path.attr] = _text(change.value)
        else:
            row.values = _row_values(path.base, change.value)
    return form


def _rebase_field(form: RecordForm, change: Change) -> None:
    if change.field == "cluster":
        form.cluster = {k: _text((change.value or {}).get(k)) for k in ("name", "kind", "number")}
    elif change.field == "meeting.kinds":
        form.kinds = list(change.value)
    else:
        form.scalars[change.field] = date_text(change.value) if change.field in DATES else _text(change.value)


__all__ = ["FormError", "changes", "rebase"]
