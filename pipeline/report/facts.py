"""What the reports are built from: the effective (corrected) records, each placed in its registry
cluster, with every unit name resolved to its registry unit. Loaded once; the reports are pure
functions of it (and plain dataclasses, so the web app can show them as they are)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import select

from pipeline.record import Record
from pipeline.store.registry import Registry, cluster_label
from pipeline.store.registry.models import ClusterRow, DocumentClusterRow, UnitResolutionRow, UnitRow
from pipeline.store.registry.names import fold, unit_key
from pipeline.store.registry.resolve import PENDING_BELOW
from pipeline.store.db import Database
from pipeline.store.errors import InvalidInput, NotFound
from pipeline.store.models import CorrectionRow, DocumentRow


@dataclass(frozen=True)
class DocRef:
    doc_id: str
    title: str | None
    date: dt.date | None  # the meeting's date, else the publication date
    year: int | None  # the year under review (meeting period, else the meeting date's year)
    kinds: tuple[str, ...]
    needs_review: bool
    corrected: bool


@dataclass(frozen=True)
class UnitRef:
    id: int | None  # None: the registry could not decide (queued for staff)
    name: str  # canonical name, or the name as written when unresolved
    written: str
    confidence: float

    @property
    def pending(self) -> bool:
        return self.confidence < PENDING_BELOW

    @property
    def key(self) -> str:
        return f"#{self.id}" if self.id is not None else unit_key(self.written)


@dataclass(frozen=True)
class ClusterInfo:
    id: int
    key: str
    label: str
    kind: str
    number: int | None
    name: str
    province: str | None
    sector: str | None


@dataclass(frozen=True)
class RankFact:
    cluster_id: int | None
    year: int | None
    unit: UnitRef
    rank: int
    score: float | None
    doc: DocRef


@dataclass(frozen=True)
class HeadFact:
    cluster_id: int | None
    year: int | None  # the year the unit holds the role
    role: str  # truong | pho
    unit: UnitRef
    doc: DocRef


@dataclass(frozen=True)
class MemberFact:
    cluster_id: int | None
    year: int | None
    unit: UnitRef
    doc: DocRef


@dataclass
class Facts:
    clusters: dict[int, ClusterInfo] = field(default_factory=dict)
    docs: dict[str, DocRef] = field(default_factory=dict)
    doc_cluster: dict[str, int | None] = field(default_factory=dict)
    ranks: list[RankFact] = field(default_factory=list)
    heads: list[HeadFact] = field(default_factory=list)
    members: list[MemberFact] = field(default_factory=list)
    units: dict[int, str] = field(default_factory=dict)  # id -> canonical name

    def find_clusters(self, query: str | None) -> list[ClusterInfo]:
        """Clusters whose key, label or name has every word of `query` (accents optional; words of
        four letters or more may be cut short: 'kien' for Kiên Giang)."""
        found = sorted(self.clusters.values(), key=lambda c: c.label)
        if not query:
            return found
        if query.strip() in {c.key for c in found}:
            return [c for c in found if c.key == query.strip()]
        words = fold(query).replace("/", " ").split()

        def hit(c: ClusterInfo) -> bool:
            hay = fold(f"{c.key.replace('/', ' ').replace('-', ' ')} {c.label} {c.name}").split()
            return all(any(w == h or len(w) >= 4 and h.startswith(w) for h in hay) for w in words)

        return [c for c in found if hit(c)]

    def members_of(self, cluster: ClusterInfo) -> dict[int | None, list[UnitRef]]:
        """The units named as members of a cluster, year by year (a cluster page's member list)."""
        years: dict[int | None, dict[str, UnitRef]] = {}
        for m in self.members:
            if m.cluster_id == cluster.id:
                years.setdefault(m.year, {}).setdefault(m.unit.key, m.unit)
        return {y: sorted(units.values(), key=lambda u: u.name)
                for y, units in sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0]))}

    def cluster(self, query: str) -> ClusterInfo:
        found = self.find_clusters(query)
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFound(f"no cluster matches {query!r} (see `thidua report clusters`)")
        listed = "; ".join(f"{c.key} ({c.label})" for c in found[:8])
        raise InvalidInput(f"{query!r} matches {len(found)} clusters: {listed}; give the key or more words")


def load_facts(db: Database) -> Facts:
    """Sync the registry with the archive, then read every effective record with its cluster and units."""
    Registry(db).sync()
    facts = Facts()
    with db.session() as s:
        facts.clusters = {c.id: ClusterInfo(c.id, c.key, cluster_label(c), c.kind, c.number, c.name, c.province,
                                            c.sector) for c in s.scalars(select(ClusterRow))}
        facts.units = dict(s.execute(select(UnitRow.id, UnitRow.name)).all())
        resolved = {(r.scope, r.key): r for r in s.scalars(select(UnitResolutionRow))}
        corrected = set(s.scalars(select(CorrectionRow.document_id).distinct()))
        rows = s.execute(select(DocumentRow.id, DocumentRow.effective, DocumentRow.needs_review, DocumentRow.year,
                                DocumentClusterRow.cluster_id, DocumentClusterRow.province)
                         .outerjoin(DocumentClusterRow, DocumentClusterRow.document_id == DocumentRow.id)
                         .order_by(DocumentRow.doc_id))
        for doc_pk, effective, needs_review, year, cluster_id, province in rows:
            record = Record.model_validate(effective)
            doc = _doc_ref(record, year, bool(needs_review), doc_pk in corrected)
            scope = f"cluster:{cluster_id}" if cluster_id else f"province:{province or '-'}"
            _add_record(facts, record, doc, cluster_id, partial(_unit_ref, scope=scope, resolved=resolved,
                                                                units=facts.units))
    return facts


def _doc_ref(record: Record, year: int | None, needs_review: bool, corrected: bool) -> DocRef:
    date = record.meeting.date.value if record.meeting.date else (record.published.value if record.published else None)
    return DocRef(record.doc_id, record.title.value if record.title else None, date, year,
                  tuple(k.value for k in record.meeting.kinds), needs_review, corrected)


def _unit_ref(name: str, scope: str, resolved: dict, units: dict[int, str]) -> UnitRef:
    row = resolved.get((scope, unit_key(name)))
    if row is None or row.unit_id is None or row.unit_id not in units:
        return UnitRef(None, name, name, row.confidence if row is not None else 0.0)
    return UnitRef(row.unit_id, units[row.unit_id], name, row.confidence)


def _add_record(facts: Facts, record: Record, doc: DocRef, cluster_id: int | None, ref) -> None:
    facts.docs[doc.doc_id] = doc
    facts.doc_cluster[doc.doc_id] = cluster_id
    year = doc.year
    facts.members += [MemberFact(cluster_id, year, ref(m.unit), doc) for m in record.members]
    facts.ranks += [RankFact(cluster_id, year, ref(r.unit), r.rank, r.score, doc) for r in record.ranks]
    facts.heads += [HeadFact(cluster_id, h.year if h.year is not None else year, h.role, ref(h.unit), doc)
                    for h in record.heads]


# A report that says the places are shared ("đồng hạng", "bằng điểm"), or counts the units of one
# place ("02 đơn vị nhì", "hai đơn vị xếp hạng Ba", "hạng Nhì: 02 đơn vị"), states a tie.
_PLACE = r"(?:(?:xep |dat |duoc xep |duoc )?(?:hang|giai|thu|vi tri) )?(?:nhat|nhi|ba|tu|[1-9])"
_SEVERAL = r"(?:0?[2-9]|hai|ba|bon|nam) (?:don vi|tap the|co quan|dia phuong)"
TIE_WORDS = re.compile(r"\b(dong hang|dong xep hang|dong xep thu|dong giai|bang diem|bang nhau|ngang diem"
                       rf"|{_SEVERAL},? {_PLACE}|(?:hang|giai) (?:nhat|nhi|ba|tu|[1-9]) ?[:-]? ?{_SEVERAL})\b")


def states_tie(text: str | None) -> bool:
    return bool(TIE_WORDS.search(fold(text or "")))


def tie_reader(db: Database):
    """doc_ids -> those whose current text states a tie ('đồng hạng'): one query per 500 documents."""
    from pipeline.store.models import SourceRow

    def ties_stated(doc_ids: set[str]) -> set[str]:
        ids, found = sorted(doc_ids), set()
        with db.session() as s:
            for i in range(0, len(ids), 500):
                rows = s.execute(select(DocumentRow.doc_id, SourceRow.normalized_text)
                                 .join(SourceRow, SourceRow.document_id == DocumentRow.id)
                                 .where(DocumentRow.doc_id.in_(ids[i:i + 500]),
                                        SourceRow.revision == DocumentRow.source_revision))
                found |= {doc_id for doc_id, text in rows if states_tie(text)}
        return found

    return ties_stated
