"""The extractor's pipeline components, registered with spaCy's @Language.factory. Each reads the
document's Context (normalised text, lines, sentences) and what earlier components left on the Doc,
and writes one Doc extension; the order is in extractors/pipeline.cfg and `nlp.analyze_pipes()`
checks that every component's `requires` is assigned before it."""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from extractors import (
    author,
    cluster,
    heads,
    kinds,
    legal_refs,
    meeting_date,
    members,
    participants,
    period,
    published,
    ranks,
    span_layer,
    title,
    venue,
    vocab,
)
from extractors import spans as doc_spans
from extractors.language import ThiduaVietnamese  # noqa: F401  (registers the language and extensions)
from pipeline.record import Meeting, Problem, Record

log = logging.getLogger(__name__)
LISTS = {"legal_refs", "ranks", "kinds", "participants", "heads", "members"}  # empty is [], not None
# the record field each Doc extension becomes, where the names differ
RECORD_FIELD = {"meeting_date": "meeting.date", "venue": "meeting.venue", "kinds": "meeting.kinds",
                "period": "meeting.period"}


class Step:
    """A component that runs one extractor's `find(ctx)` and stores the result in `doc._.<name>`.
    An extractor that raises costs its own field only: the field is left empty and the error is
    kept in `doc._.problems`, which the record carries (and the review queue shows)."""

    def __init__(self, name: str, find):
        self.name, self.find = name, find

    def __call__(self, doc: Doc) -> Doc:
        try:  # (limits.FileTimeout is not an Exception: when the file's time is up, the whole file stops)
            value = self.find(doc._.context)
        except Exception as exc:  # noqa: BLE001 - one extractor's bug must not cost the other fields
            value = failed(doc, self.name, exc)
        setattr(doc._, self.name, value)
        return doc


def failed(doc: Doc, name: str, exc: Exception):
    """Note that the extractor of `doc._.<name>` raised; returns the field's empty value."""
    field, error = RECORD_FIELD.get(name, name), f"{type(exc).__name__}: {exc}"
    log.warning("%s: extracting %s failed (%s); it is left empty", doc._.context.document.id, field, error)
    log.debug("%s extractor traceback", name, exc_info=True)
    doc._.problems = [*(doc._.problems or []), Problem(field=field, error=error)]
    return [] if name in LISTS else None


def _step(field: str, find, requires: tuple[str, ...] = ()) -> None:
    def make(nlp: Language, name: str) -> Step:
        return Step(field, find)

    Language.factory(f"thidua_{field}", assigns=[f"doc._.{field}"],
                     requires=[r if r.startswith("doc.") else f"doc._.{r}" for r in requires], func=make)


@Language.factory("thidua_cues", assigns=["doc.spans"])
def make_cues(nlp: Language, name: str) -> SpanRuler:
    """Kind cues (patterns/kinds.jsonl, label = the kind) and meeting verbs (patterns/domain.jsonl,
    label "meeting_verb") as spans in doc.spans["cues"], matched on lower-cased syllable tokens."""
    ruler = SpanRuler(nlp, name, spans_key="cues", phrase_matcher_attr="LOWER", validate=True, overwrite=True)
    rows = [*vocab.entries("kinds"), *(e for e in vocab.entries("domain") if e["label"] == "meeting_verb")]
    ruler.add_patterns([{"label": e["label"], "pattern": e["pattern"]} for e in rows])
    return ruler


@Language.factory("thidua_span_layer", assigns=["doc.spans"])
def make_span_layer(nlp: Language, name: str) -> span_layer.SpanLayer:
    """Units, roles, years, titles and people as labelled spans in doc.spans["unit_mentions"],
    ["role_mentions"], ["year_mentions"], ["title_mentions"], ["person_mentions"] (extractors/span_layer.py),
    marked once, before every relation step; the UNIT index goes on the context for the unit readers."""
    return span_layer.SpanLayer(nlp)


_step("title", title.find)
_step("published", published.find, ("title",))
_step("author", author.find)
_step("cluster", cluster.find)
_step("legal_refs", legal_refs.find)
_step("ranks", ranks.find, ("doc.spans",))  # the span layer's units
Language.factory("thidua_kinds", assigns=["doc._.kinds"], requires=["doc._.title", "doc._.ranks", "doc.spans"],
                 func=lambda nlp, name: Step("kinds", kinds.find))
_step("period", period.find, ("title", "kinds"))
_step("venue", venue.find, ("meeting_date",))
_step("participants", participants.find, ("author",))
_step("heads", heads.find, ("period", "published", "participants", "kinds", "ranks", "doc.spans"))  # units, roles


@Language.factory("thidua_meeting_date", assigns=["doc._.meeting_date", "doc._.period"],
                  requires=["doc._.published", "doc._.period", "doc._.kinds"])
def make_meeting_date(nlp: Language, name: str):
    """The meeting's date; failing an explicit year, the period under review follows from it."""

    def find(ctx):
        doc = ctx.doc
        found = meeting_date.find(ctx, doc._.published, doc._.period, ctx.kind_values)
        if doc._.period is None:
            doc._.period = period.from_meeting_date(ctx, found)
        return found

    return Step("meeting_date", find)


@Language.factory("thidua_members", assigns=["doc._.members"], requires=["doc._.heads", "doc._.ranks", "doc.spans"])
def make_members(nlp: Language, name: str):
    return Step("members", lambda ctx: members.find(ctx, ctx.doc._.heads or [], ctx.doc._.ranks or [],
                                                    ctx.doc._.participants or []))


@Language.factory("thidua_spans", assigns=["doc.spans"], requires=["doc._.members", "doc._.participants"])
def make_spans(nlp: Language, name: str):
    """Labelled spans for what was found (units, people, titles, dates, roles), for display and analysis."""

    def component(doc: Doc) -> Doc:
        try:
            return doc_spans.write(doc)
        except Exception as exc:  # noqa: BLE001 - spans are for display; the record stands without them
            failed(doc, "spans", exc)
            return doc

    return component


@Language.factory("thidua_record", assigns=["doc._.record"],
                  requires=["doc._.title", "doc._.published", "doc._.author", "doc._.cluster", "doc._.legal_refs",
                            "doc._.kinds", "doc._.period", "doc._.meeting_date", "doc._.venue", "doc._.members"])
def make_record(nlp: Language, name: str):
    """The typed record, assembled last from the Doc's extensions."""

    def component(doc: Doc) -> Doc:
        ctx = doc._.context
        meeting = Meeting(kinds=doc._.kinds or [], period=doc._.period, date=doc._.meeting_date, venue=doc._.venue)
        doc._.record = Record(doc_id=ctx.document.id, sha256=ctx.document.sha256 or None,
                              source_path=ctx.document.path, title=doc._.title, published=doc._.published,
                              author=doc._.author, cluster=doc._.cluster, legal_refs=doc._.legal_refs or [],
                              ranks=doc._.ranks or [], meeting=meeting, participants=doc._.participants or [],
                              heads=doc._.heads or [], members=doc._.members or [],
                              problems=doc._.problems or [])
        return doc

    return component
