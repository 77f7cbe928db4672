"""Why a record needs a person: the review queue's reasons and their order.

A reason is a dict {"kind", "field", "target", "message"}. Conflicts come from the overlay (a
corrected field whose machine value changed); the others are judged here on the machine record
each time it is stored, so a re-extraction that fixes a record also clears them.
"""
from __future__ import annotations

from pipeline.record import Record

LOW_CONFIDENCE = 0.5  # values below this are shown as doubtful and put the record in the queue

# The queue's order: most urgent first. An extractor that failed left a field empty, like "empty";
# a reader's warning (part of the text unreadable) is a doubt about the text, like "implausible".
PRIORITY = {"conflict": 0, "empty": 1, "extractor_failed": 1, "implausible": 2, "text_loss": 2, "low_confidence": 3}
MACHINE_KINDS = ("empty", "extractor_failed", "implausible", "text_loss", "low_confidence")


def _reason(kind: str, field: str, message: str) -> dict:
    return {"kind": kind, "field": field, "target": [field], "message": message}


def judge(record: Record) -> list[dict]:
    """The machine's own doubts about a record it just extracted."""
    return [_problem(p) for p in record.problems] + _doubts(record)


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
        return [_reason("low_confidence", low[0][0], f"low confidence: {listed}{more}")]
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
