"""Why a record needs a person: the review queue's reasons and their order.

A reason is a dict {"kind", "field", "target", "message"} (low confidence adds "fields", every
doubtful field). Its target names what it is about the way the overlay names what a correction
is about (`overlay.target`), so a correction of that field settles it. Conflicts come from the
overlay (a corrected field whose machine value changed); the others are judged here on the
machine record each time it is stored, so a re-extraction that fixes a record also clears them.
"""
from __future__ import annotations

import pipeline.store.overlay as ov
from pipeline.record import LOW_CONFIDENCE, Record
from pipeline.store.errors import InvalidCorrection


# The queue's order: most urgent first. An extractor that failed left a field empty, like "empty";
# a reader's warning (part of the text unreadable) is a doubt about the text, like "implausible".
PRIORITY = {"conflict": 0, "empty": 1, "extractor_failed": 1, "implausible": 2, "text_loss": 2, "low_confidence": 3}
MACHINE_KINDS = ("empty", "extractor_failed", "implausible", "text_loss", "low_confidence")


def field_target(field: str, export: dict) -> list:
    """What a reason on `field` (a field path, or "record"/"text") is about, as `overlay.target`
    gives it for a correction: [base, item key, attr, is_item]. "record" and "text" are about no
    field: no correction settles them, a person marks them reviewed."""
    try:
        path = ov.parse_path(field)
    except InvalidCorrection:
        return [field, None, None, False]
    if path.index is None:
        return [path.base, None, None, False]
    item = ov.get_value(export, ov.FieldPath(path.base, path.index))
    return [path.base, None if item is ov.MISSING else ov.item_key(path, item), path.attr, True]


def target(reason: dict, export: dict) -> list:
    """A stored reason's target. Archives written before targets had this shape hold [field]
    alone; `export` (the record the reason is about) gives such a target its item key."""
    stored = reason.get("target")
    if isinstance(stored, list) and len(stored) == 4:
        return stored
    return field_target(str(reason.get("field") or ""), export)


def settled(reasons: list[dict], correction: list, export: dict) -> list[dict]:
    """The reasons still open after a correction about `correction` (an `overlay.target`)."""
    return [r for r in reasons if not ov.covers(correction, target(r, export))]


def judge(record: Record) -> list[dict]:
    """The machine's own doubts about a record it just extracted."""
    export = record.to_export()
    return [{**r, "target": field_target(r["field"], export)}
            for r in [*(_problem(p) for p in record.problems), *_doubts(record)]]


def _reason(kind: str, field: str, message: str, **extra) -> dict:
    return {"kind": kind, "field": field, "message": message, **extra}


def _problem(problem) -> dict:
    if problem.field == "text":
        return _reason("text_loss", "text", f"part of the text could not be read: {problem.error}; "
                                            "check the values against the original file")
    return _reason("extractor_failed", problem.field, f"extracting {problem.field} failed ({problem.error}): "
                                                      "left empty, fill it in by hand")


def _doubts(record: Record) -> list[dict]:
    kinds = [k for k in record.meeting.kinds if k.value != "khac"]  # "other" is what is left when nothing fits
    found = [record.cluster, record.meeting.date, record.meeting.period, *kinds, *record.members,
             *record.participants, *record.ranks, *record.heads, *record.legal_refs]
    if not any(v is not None for v in found):
        return [_reason("empty", "record", "nothing extracted besides the title: check the text, "
                                             "or fill the record in by hand")]
    low = [(name, conf) for name, conf in record.confidences() if conf < LOW_CONFIDENCE]
    if low:
        listed = ", ".join(f"{name} ({conf:.2f})" for name, conf in low[:3])
        more = f" and {len(low) - 3} more" if len(low) > 3 else ""
        return [_reason("low_confidence", low[0][0], f"low confidence: {listed}{more}",
                        fields=[name for name, _ in low])]
    return []


def kind(reason: dict) -> str:
    return reason.get("kind", "conflict")  # archives before 0002 only had conflicts


def merge(existing: list[dict], machine: list[dict], conflicts: list[dict]) -> list[dict]:
    """The reasons after a new machine record: conflicts kept and added, machine doubts replaced."""
    kept = [r for r in existing if kind(r) not in MACHINE_KINDS]
    seen = {r["message"] for r in kept}
    new = [r for r in [*({"kind": "conflict", **c} for c in conflicts), *machine] if r["message"] not in seen]
    return [*kept, *new]


def priority(reasons: list[dict]) -> int | None:
    return min((PRIORITY.get(kind(r), 0) for r in reasons), default=None)
