"""Field paths and the overlay of human corrections on machine records. Pure: no database.

A correction names a field the way GOLD_FORMAT shows it (`title`, `meeting.venue`, `cluster`,
`members`, `participants[0].title`, `legal_refs[2]`) and holds a value in GOLD_FORMAT shape.
The effective record is the machine record with every correction applied in order.

List items move when the extractor changes (participants[0] may be someone else after a
re-extraction), so a correction on a list item remembers the item's key (a participant's name,
a unit, a symbol) and is re-applied to the item with that key, wherever it now is.

When new machine values arrive (re-extraction, a new file version) and the machine's value for
a corrected field changed and still differs from the correction, or a correction that applied
before no longer can, the record gets a review reason; the correction is never lost or changed.
A correction the machine merely never agreed with is not flagged again: a person already decided.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

from pydantic import ValidationError

from pipeline.record import FIELDS, ITEM_ATTRS, LISTS, SCALARS, Record
from pipeline.store.errors import InvalidCorrection

# The GOLD_FORMAT fields, derived from Record (pipeline/record.py): FIELDS, in its order, is the unit
# of audit-log diffs; SCALARS are a Value[T] in Record.
WRAPPED_ITEMS = {"meeting.kinds": "value", "members": "unit", "legal_refs": "symbol"}  # plain strings in GOLD_FORMAT
OBJECT_ATTRS = {name: attrs for name, attrs in ITEM_ATTRS.items() if name not in WRAPPED_ITEMS}

MISSING = object()  # a list item that does not exist (distinct from a null value)


def _norm(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


ITEM_KEY: dict[str, Callable[[Any], Any]] = {
    "meeting.kinds": _norm, "members": _norm, "legal_refs": _norm,
    "participants": lambda item: _norm(item.get("name")),
    "ranks": lambda item: _norm(item.get("unit")),
    "heads": lambda item: [_norm(item.get("unit")), item.get("role")],
}


@dataclass(frozen=True)
class FieldPath:
    """`base` (dotted, no index), optionally `[index]`, optionally `.attr` of that item."""

    base: str
    index: int | None = None
    attr: str | None = None

    def __str__(self) -> str:
        text = self.base if self.index is None else f"{self.base}[{self.index}]"
        return f"{text}.{self.attr}" if self.attr else text

    @property
    def top(self) -> str:
        """The GOLD_FORMAT field this path belongs to (what the audit log diffs)."""
        return "cluster" if self.base.startswith("cluster") else self.base

    def at(self, index: int) -> FieldPath:
        return FieldPath(self.base, index, self.attr)


_PATH = re.compile(r"^(?P<base>[a-z_]+(?:\.[a-z_]+)?)(?:\[(?P<index>\d+)\](?:\.(?P<attr>[a-z_]+))?)?$")


def parse_path(text: str) -> FieldPath:
    """Parse and check a field path; the error lists what is allowed."""
    m = _PATH.match(text.strip())
    path = FieldPath(m["base"], int(m["index"]) if m["index"] is not None else None, m["attr"]) if m else None
    if path is None or not _known(path):
        raise InvalidCorrection(f"unknown field {text!r}; use one of {', '.join(FIELDS)}, cluster.name, "
                                "a list item like members[0], or an item field like participants[0].title")
    return path


def _known(p: FieldPath) -> bool:
    if p.index is None:
        if p.base.startswith("cluster."):
            return p.base.split(".", 1)[1] in OBJECT_ATTRS["cluster"]
        return p.base in FIELDS
    if p.base not in LISTS:
        return False
    return p.attr is None or p.attr in OBJECT_ATTRS.get(p.base, ())


# --- reading values in GOLD_FORMAT shape -------------------------------------------------------

def _dig(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if obj is None:
            return None
        obj = obj[part]
    return obj


def get_value(export: dict, path: FieldPath) -> Any:
    """The value at `path` in a GOLD_FORMAT dict; MISSING for a list item that is not there."""
    value = _dig(export, path.base)
    if path.index is None:
        return value
    if path.index >= len(value):
        return MISSING
    item = value[path.index]
    return item[path.attr] if path.attr else item


def item_key(path: FieldPath, item: Any) -> Any:
    return ITEM_KEY[path.base](item)


def find_item(items: list, path: FieldPath, key: Any, prefer: int | None = None) -> int | None:
    """Index of the item with `key`, preferring position `prefer` when it matches."""
    if prefer is not None and prefer < len(items) and item_key(path, items[prefer]) == key:
        return prefer
    return next((i for i, item in enumerate(items) if item_key(path, item) == key), None)


# --- writing values into a Record dump -----------------------------------------------------------

HUMAN = {"evidence": None, "confidence": 1.0}  # what a value set by a person carries instead of machine evidence


def _item_to_record(base: str, item: Any) -> dict:
    if base in WRAPPED_ITEMS:
        if not isinstance(item, (str, int, float)) or isinstance(item, bool):
            raise InvalidCorrection(f"an item of {base} is a plain string, got {item!r}")
        key = WRAPPED_ITEMS[base]
        return {key: item, **({"canonical": None} if base == "members" else {}), **HUMAN}
    return _object_to_record(base, item)


def _object_to_record(base: str, value: Any) -> dict:
    allowed = OBJECT_ATTRS[base]
    if not isinstance(value, dict):
        raise InvalidCorrection(f"{base} takes a JSON object with keys {', '.join(allowed)}, got {value!r}")
    extra = set(value) - set(allowed)
    if extra:
        raise InvalidCorrection(f"{base} has no key(s) {', '.join(sorted(extra))}; allowed: {', '.join(allowed)}")
    return {**value, **HUMAN}


def to_record_value(base: str, value: Any) -> Any:
    """A whole GOLD_FORMAT field value turned into the Record's shape (no evidence, confidence 1)."""
    if base in SCALARS:
        return None if value is None else {"value": value, **HUMAN}
    if base == "cluster":
        return None if value is None else _object_to_record("cluster", value)
    if base in LISTS:
        if not isinstance(value, list):
            raise InvalidCorrection(f"{base} is a list; give a JSON array (use [] to empty it)")
        return [_item_to_record(base, item) for item in value]
    raise InvalidCorrection(f"unknown field {base!r}")


def _parent(dump: dict, dotted: str) -> tuple[dict, str]:
    *parents, last = dotted.split(".")
    node = dump
    for part in parents:
        node = node[part]
    return node, last


def set_value(dump: dict, path: FieldPath, value: Any) -> None:
    """Write `value` (GOLD_FORMAT shape) at `path` into a Record dump; the index must exist or be
    one past the end (append). A null list item removes the item."""
    if path.index is None:
        if path.base.startswith("cluster."):
            cluster = dump.get("cluster")
            if cluster is None:
                raise InvalidCorrection("the record has no cluster; set the whole cluster, e.g. cluster "
                                        "'{\"name\": \"Cụm thi đua số 2\", \"kind\": \"cum\", \"number\": 2}'")
            cluster[path.base.split(".", 1)[1]] = value
            cluster.update(HUMAN)
            return
        node, key = _parent(dump, path.base)
        node[key] = to_record_value(path.base, value)
        return
    node, key = _parent(dump, path.base)
    items: list = node[key]
    if path.index > len(items) or (path.index == len(items) and (path.attr or value is None)):
        raise InvalidCorrection(f"{path} does not exist: {path.base} has {len(items)} item(s); "
                                f"add a whole item as {path.base}[{len(items)}]")
    if path.attr:
        items[path.index][path.attr] = value
        items[path.index].update(HUMAN)
    elif value is None:
        del items[path.index]
    elif path.index == len(items):
        items.append(_item_to_record(path.base, value))
    else:
        items[path.index] = _item_to_record(path.base, value)


def validate(dump: dict) -> Record:
    """A Record from a dump, or one line saying which value does not fit."""
    try:
        return Record.model_validate(dump)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ""
        for part in err["loc"]:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else part)
        where = where.removesuffix(".value")
        raise InvalidCorrection(f"invalid value for {where or 'record'}: {err['msg']} "
                                f"(got {_short(err.get('input'))})") from None


def from_export(export: dict) -> Record:
    """A Record (without evidence) from a GOLD_FORMAT object: the inverse of Record.to_export."""
    dump = Record(doc_id=export["doc_id"]).model_dump(mode="json")
    for name in FIELDS:
        value: Any = export
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        node, key = _parent(dump, name)
        node[key] = to_record_value(name, [] if value is None and name in LISTS else value)
    return validate(dump)


# --- corrections ---------------------------------------------------------------------------------

@dataclass
class Correction:
    """A field-level override as the overlay needs it (the repository adds who/when/why)."""

    field: str
    value: Any
    anchor: Any = None  # key of the list item the correction was made on; None: not a list item, or an append
    machine_value: Any = None  # the machine's value there when the correction was made (for the record)
    evidence: dict | None = None  # where in the text a person found an item they added ({start, end, text})


@dataclass
class Overlaid:
    record: Record
    review_reasons: list[dict]  # {"field", "target", "message"}: what a person should look at, and why


def _target_key(path: FieldPath, correction: Correction) -> Any:
    """Which list item a correction is about: its anchor, or for an append the new item's key."""
    if correction.anchor is not None:
        return correction.anchor
    if path.attr is None and correction.value is not None:
        return item_key(path, correction.value)
    return None


def target(correction: Correction) -> list:
    """What a correction is about, independent of list positions: [base, item key, attr, is_item]."""
    path = parse_path(correction.field)
    if path.index is None:
        return [path.base, None, None, False]
    return [path.base, _target_key(path, correction), path.attr, True]


def covers(later: list, earlier: list) -> bool:
    """Whether a later correction about `later` makes one about `earlier` irrelevant."""
    if later == earlier:
        return True
    l_base, l_key, l_attr, l_item = later
    e_base, e_key, _, e_item = earlier
    if not l_item:  # a whole field (or cluster) replaces everything inside it
        return l_base == ("cluster" if e_base.startswith("cluster") else e_base)
    return l_attr is None and e_item and (l_base, l_key) == (e_base, e_key)


def machine_value_now(machine_export: dict, path: FieldPath, correction: Correction) -> Any:
    """The machine's current value for what the correction is about (following list items by key)."""
    if path.index is None:
        return get_value(machine_export, path)
    key = _target_key(path, correction)
    items = _dig(machine_export, path.base)
    where = find_item(items, path, key, prefer=path.index) if key is not None else None
    return None if where is None else get_value(machine_export, path.at(where))


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 80 else text[:77] + "..."


def apply_correction(dump: dict, export: dict, correction: Correction) -> str | None:
    """Apply one correction to `dump` (whose GOLD_FORMAT is `export`); a reason when it cannot."""
    path = parse_path(correction.field)
    if path.index is not None:
        items = _dig(export, path.base)
        key = _target_key(path, correction)
        where = find_item(items, path, key, prefer=path.index) if key is not None else None
        if where is None:
            if correction.anchor is not None and correction.value is not None:
                return (f"the item {_short(correction.anchor)} this correction was made on is no longer in the "
                        f"machine output; correction {_short(correction.value)} not applied")
            if correction.anchor is not None:  # a removal: already gone
                return None
            where = len(items)  # an append of an item the machine does not have
        path = path.at(where)
    try:
        set_value(dump, path, correction.value)
    except InvalidCorrection as exc:
        return f"correction {_short(correction.value)} no longer applies ({exc})"
    if correction.evidence and path.index is not None and path.attr is None and correction.value is not None:
        node, key = _parent(dump, path.base)
        node[key][path.index]["evidence"] = correction.evidence
    return None


def _apply_all(machine: Record, corrections: list[Correction]) -> tuple[Record, dict[int, str]]:
    dump = machine.model_dump(mode="json")
    problems: dict[int, str] = {}
    for i, correction in enumerate(corrections):
        export = validate(dump).to_export() if parse_path(correction.field).index is not None else {}
        problem = apply_correction(dump, export, correction)
        if problem:
            problems[i] = problem
    return validate(dump), problems


def live(corrections: list[Correction]) -> list[int]:
    """Indexes of the corrections no later correction replaces (the ones still in force)."""
    targets = [target(c) for c in corrections]
    return [i for i, t in enumerate(targets) if not any(covers(later, t) for later in targets[i + 1:])]


def overlay(machine: Record, corrections: list[Correction], previous: Record | None = None) -> Overlaid:
    """The effective record: machine values with every correction applied in order.

    With `previous` (the machine record this one replaces), also the review reasons the change
    raises: a corrected value the machine has now changed its mind about (and still disagrees
    with), or a correction that applied before and no longer can.
    """
    record, problems = _apply_all(machine, corrections)
    reasons: list[dict] = []
    if previous is not None and corrections:
        before_problems = _apply_all(previous, corrections)[1]
        now_export, before_export = machine.to_export(), previous.to_export()
        for i in live(corrections):
            correction = corrections[i]
            path = parse_path(correction.field)
            where = {"field": correction.field, "target": target(correction)}
            if i in problems:
                if i not in before_problems:
                    reasons.append({**where, "message": f"{correction.field}: {problems[i]}"})
                continue
            now = machine_value_now(now_export, path, correction)
            before = machine_value_now(before_export, path, correction)
            if now != before and now != correction.value:
                reasons.append({**where, "message": f"{correction.field}: the machine now says {_short(now)} "
                                f"(it said {_short(before)}); correction {_short(correction.value)} kept"})
    return Overlaid(record, reasons)


def prepare_correction(machine: Record, effective: Record, field: str, value: Any) -> tuple[Correction, Any, Any]:
    """Check a person's correction against the current records.

    Returns the correction to store (value in canonical GOLD_FORMAT shape, anchor, machine value),
    the effective value it replaces, and the new effective value. Raises InvalidCorrection with a
    one-line reason when the path or value does not fit.
    """
    path = parse_path(field)
    export = effective.to_export()
    anchor = None
    if path.index is not None:
        item = get_value(export, FieldPath(path.base, path.index))
        anchor = None if item is MISSING else item_key(path, item)
    old = get_value(export, path)
    dump = effective.model_dump(mode="json")
    set_value(dump, path, value)
    new_record = validate(dump)
    new_export = new_record.to_export()
    if path.index is not None and value is None:
        canonical = None
    elif path.index is not None and path.attr is None and path.index == len(_dig(export, path.base)):
        canonical = _dig(new_export, path.base)[-1]
    else:
        canonical = get_value(new_export, path)
    correction = Correction(field=str(path), value=canonical, anchor=anchor)
    correction.machine_value = machine_value_now(machine.to_export(), path, correction)
    return correction, (None if old is MISSING else old), canonical


def changed_fields(old: dict, new: dict) -> list[str]:
    """Top-level GOLD_FORMAT fields whose values differ (the audit log's unit of change)."""
    return [name for name in FIELDS if _dig(old, name) != _dig(new, name)]


def field_value(export: dict, name: str) -> Any:
    """The value of a top-level GOLD_FORMAT field (`meeting.venue`, `cluster`, `members`...)."""
    return _dig(export, name)
