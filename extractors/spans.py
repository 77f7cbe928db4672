"""Labelled spans on the Doc for what the components found: units (members, ranked and head units),
people, titles, dates and roles, each from its evidence offsets (token-aligned, expanded)."""
from __future__ import annotations

from spacy.tokens import Doc, Span


def _span(doc: Doc, evidence, label: str) -> Span | None:
    if evidence is None or evidence.end <= evidence.start:
        return None
    return doc.char_span(evidence.start, evidence.end, label=label, alignment_mode="expand")


def write(doc: Doc) -> Doc:
    """Fill doc.spans["units"], ["people"], ["dates"] and ["roles"]."""
    units = [_span(doc, m.evidence, "UNIT") for m in doc._.members or []]
    units += [_span(doc, r.evidence, "RANKED_UNIT") for r in doc._.ranks or []]
    people = [_span(doc, p.evidence, "PERSON") for p in doc._.participants or []]
    dates = [_span(doc, v.evidence, label) for v, label in ((doc._.published, "PUBLISHED"),
                                                           (doc._.meeting_date, "MEETING_DATE")) if v]
    roles = [_span(doc, h.evidence, h.role.upper()) for h in doc._.heads or []]
    for key, found in (("units", units), ("people", people), ("dates", dates), ("roles", roles)):
        doc.spans[key] = [s for s in found if s is not None]
    return doc
