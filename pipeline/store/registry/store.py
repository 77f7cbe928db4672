"""The registry as staff use it: bring it up to date with the archive (`sync`), list units, clusters
and the names waiting for a person, and merge, rename or split units. Every change a person makes
is kept with their name and is never undone by a later sync."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipeline.record import Record
from pipeline.store.registry.models import ClusterRow, DocumentClusterRow, UnitAliasRow, UnitResolutionRow, UnitRow
from pipeline.store.registry.names import fold, unit_key
from pipeline.store.registry.resolve import PENDING_BELOW, UnitIndex, add_alias, find_cluster, resolve_name
from pipeline.store.registry.scope import document_scope, unit_names
from pipeline.store.db import Database
from pipeline.store.errors import InvalidInput, NotFound
from pipeline.store.models import DocumentRow, SourceRow, utcnow


@dataclass
class SyncSummary:
    documents: int  # documents (re)considered
    clusters: int  # clusters in the registry
    units: int
    pending: int  # names waiting for a person


@dataclass
class UnitInfo:
    id: int
    name: str
    kind: str | None
    province: str | None
    district: str | None
    aliases: list[str] = field(default_factory=list)
    lowest_confidence: float = 1.0
    named_by_staff: bool = False


@dataclass
class PendingName:
    name: str
    scope: str  # a cluster's label, or a province
    confidence: float
    method: str
    unit: str | None  # the unit it was attached to, when any
    candidates: list[str] = field(default_factory=list)


def cluster_label(c: ClusterRow) -> str:
    """'Cụm thi đua số 2 · Kiên Giang · Chính quyền' (what staff read; the key is for commands)."""
    name = f"{'Cụm' if c.kind == 'cum' else 'Khối'} thi đua số {c.number}" if c.number is not None else c.name
    where = c.province or ("liên tỉnh" if c.key.startswith("lien-tinh/") else "tỉnh chưa rõ")
    return " · ".join(x for x in (name, where, c.sector) if x)


class Registry:
    def __init__(self, db: Database):
        self.db = db

    # --- keeping up with the archive ------------------------------------------------------------

    def sync(self) -> SyncSummary:
        """Decide the cluster of every new or changed document and resolve the unit names it holds.
        Nothing new: one read, no write (reports call this every time)."""
        with self.db.session() as s:
            todo = self._todo(s)
        if todo:
            with self.db.session(write=True) as s:
                todo = self._todo(s)  # again, inside the write transaction
                index = UnitIndex.load(s)
                placed = {p.document_id: p for p in s.scalars(select(DocumentClusterRow))}
                for doc_pk, version in todo:
                    self._sync_document(s, index, doc_pk, version, placed.get(doc_pk))
        with self.db.session() as s:
            pending = s.query(UnitResolutionRow).filter(UnitResolutionRow.confidence < PENDING_BELOW).count()
            return SyncSummary(len(todo), s.query(ClusterRow).count(), s.query(UnitRow).count(), pending)

    @staticmethod
    def _todo(s: Session) -> list[tuple[int, int]]:
        """(document pk, version) of documents not yet placed at their current version, oldest year first."""
        rows = s.execute(select(DocumentRow.id, DocumentRow.doc_id, DocumentRow.version, DocumentRow.year,
                                DocumentClusterRow.version).outerjoin(
            DocumentClusterRow, DocumentClusterRow.document_id == DocumentRow.id)).all()
        stale = [r for r in rows if r[4] != r[2]]
        return [(r[0], r[2]) for r in sorted(stale, key=lambda r: (r[3] or 9999, r[1]))]

    @staticmethod
    def _sync_document(s: Session, index: UnitIndex, doc_pk: int, version: int,
                       placed: DocumentClusterRow | None) -> None:
        doc = s.get(DocumentRow, doc_pk)
        record = Record.model_validate(doc.effective)
        text = s.scalar(select(SourceRow.normalized_text).where(SourceRow.document_id == doc_pk,
                                                                SourceRow.revision == doc.source_revision))
        scope = document_scope(record, text)
        if placed is not None and placed.method == "staff":
            cluster = s.get(ClusterRow, placed.cluster_id) if placed.cluster_id else None
            confidence = placed.confidence
        elif record.cluster is not None:
            cluster, confidence = find_cluster(s, record, scope)
        else:
            cluster, confidence = None, scope.confidence
        if placed is None:
            placed = DocumentClusterRow(document_id=doc_pk, method="auto")
            s.add(placed)
        placed.cluster_id = cluster.id if cluster else None
        placed.province = cluster.province if cluster and cluster.province else scope.province
        placed.version, placed.confidence = version, confidence
        where = f"cluster:{cluster.id}" if cluster else f"province:{scope.province or '-'}"
        for name in unit_names(record):
            resolve_name(s, index, name, where, placed.province)

    # --- reading ----------------------------------------------------------------------------------

    def units(self, query: str | None = None) -> list[UnitInfo]:
        """Units with their spellings; `query` keeps those whose name or a spelling holds these words
        (accents optional)."""
        with self.db.session() as s:
            aliases: dict[int, list[str]] = {}
            for unit_id, name in s.execute(select(UnitAliasRow.unit_id, UnitAliasRow.name).order_by(UnitAliasRow.id)):
                aliases.setdefault(unit_id, []).append(name)
            lowest: dict[int, float] = {}
            for unit_id, conf in s.execute(select(UnitResolutionRow.unit_id, UnitResolutionRow.confidence)):
                if unit_id is not None:
                    lowest[unit_id] = min(conf, lowest.get(unit_id, 1.0))
            found = []
            for u in s.scalars(select(UnitRow).order_by(UnitRow.province, UnitRow.name)):
                spelled = [u.name, *aliases.get(u.id, [])]
                if query and not any(fold(query) in fold(x) for x in spelled):
                    continue
                found.append(UnitInfo(u.id, u.name, u.kind, u.province, u.district,
                                      [a for a in aliases.get(u.id, []) if a != u.name], lowest.get(u.id, 1.0),
                                      u.named_by_staff))
            return found

    def unit(self, ref: str) -> UnitInfo:
        """One unit by id, name, spelling or unique words (raises NotFound / InvalidInput)."""
        self.sync()
        with self.db.session() as s:
            unit_id = self._unit(s, ref).id
        return next(u for u in self.units() if u.id == unit_id)

    def pending(self) -> list[PendingName]:
        """Names the registry is not sure of: ambiguous, or matched loosely; a person decides."""
        with self.db.session() as s:
            labels = {f"cluster:{c.id}": cluster_label(c) for c in s.scalars(select(ClusterRow))}
            names = {u.id: u.name for u in s.scalars(select(UnitRow))}
            rows = s.scalars(select(UnitResolutionRow).where(UnitResolutionRow.confidence < PENDING_BELOW)
                             .order_by(UnitResolutionRow.scope, UnitResolutionRow.key))
            return [PendingName(r.name, labels.get(r.scope, r.scope.split(":", 1)[1]), r.confidence, r.method,
                                names.get(r.unit_id), [names[i] for i in r.candidates or [] if i in names])
                    for r in rows]

    # --- staff changes ----------------------------------------------------------------------------

    @staticmethod
    def _unit(s: Session, ref: str) -> UnitRow:
        """A unit by id, by name or spelling (exact, after expanding abbreviations), or by unique words."""
        ref = ref.strip()
        if ref.isdigit():
            unit = s.get(UnitRow, int(ref))
            if unit is None:
                raise NotFound(f"no unit with id {ref} (see `thidua units list`)")
            return unit
        key = unit_key(ref)
        ids = set(s.scalars(select(UnitRow.id).where(UnitRow.key == key)))
        ids |= set(s.scalars(select(UnitAliasRow.unit_id).where(UnitAliasRow.key == key)))
        if not ids:
            ids = {u.id for u in s.scalars(select(UnitRow)) if fold(ref) in fold(u.name)}
        if len(ids) == 1:
            return s.get(UnitRow, ids.pop())
        if not ids:
            raise NotFound(f"no unit named {ref!r} (see `thidua units list`)")
        listed = ", ".join(f"{u.id} {u.name} ({u.province or 'liên tỉnh'})" for u in
                           s.scalars(select(UnitRow).where(UnitRow.id.in_(ids)).order_by(UnitRow.id)))
        raise InvalidInput(f"{ref!r} names several units: {listed}; give the id")

    def merge(self, source: str, target: str, *, user: str) -> str:
        """Make SOURCE (a unit, or a written name waiting for a person) part of TARGET."""
        _need_user(user)
        self.sync()  # decide on new documents first, so the change applies to them too
        with self.db.session(write=True) as s:
            into = self._unit(s, target)
            waiting = list(s.scalars(select(UnitResolutionRow).where(UnitResolutionRow.key == unit_key(source),
                                                                     UnitResolutionRow.unit_id.is_(None))))
            if waiting:
                self._decide(waiting, into.id, user)
                add_alias(s, None, into.id, waiting[0].name)
                return f"{source!r} ({len(waiting)} place(s)) now means unit {into.id} {into.name}"
            unit = self._unit(s, source)
            if unit.id == into.id:  # confirming what the registry guessed
                rows = list(s.scalars(select(UnitResolutionRow).where(UnitResolutionRow.unit_id == into.id)))
                self._decide(rows, into.id, user)
                return f"unit {into.id} {into.name}: {len(rows)} resolution(s) confirmed"
            for alias in s.scalars(select(UnitAliasRow).where(UnitAliasRow.unit_id == unit.id)):
                add_alias(s, None, into.id, alias.name)
            self._decide(list(s.scalars(select(UnitResolutionRow).where(UnitResolutionRow.unit_id == unit.id))),
                         into.id, user)
            gone = f"{unit.id} {unit.name}"
            s.delete(unit)
            into.updated_at = utcnow()
            return f"unit {gone} merged into {into.id} {into.name}"

    def rename(self, ref: str, new_name: str, *, user: str) -> str:
        _need_user(user)
        if not unit_key(new_name):
            raise InvalidInput("the new name is empty")
        self.sync()
        with self.db.session(write=True) as s:
            unit = self._unit(s, ref)
            old = unit.name
            add_alias(s, None, unit.id, old)
            add_alias(s, None, unit.id, new_name.strip())
            unit.name, unit.key, unit.named_by_staff = new_name.strip(), unit_key(new_name), True
            unit.updated_at = utcnow()
            return f"unit {unit.id} renamed from {old!r} to {unit.name!r} by {user}"

    def split(self, ref: str, names: list[str], *, user: str, into: str | None = None) -> str:
        """Move the spellings NAMES (and every place they were resolved) off a unit: to a new unit
        named after the first of them, or to INTO."""
        _need_user(user)
        self.sync()  # decide on new documents first, so the change applies to them too
        with self.db.session(write=True) as s:
            unit = self._unit(s, ref)
            keys = {unit_key(n) for n in names}
            mine = {a.key for a in s.scalars(select(UnitAliasRow).where(UnitAliasRow.unit_id == unit.id))}
            missing = [n for n in names if unit_key(n) not in mine]
            if missing or unit.key in keys:
                raise InvalidInput(f"unit {unit.id} {unit.name} has no other spelling {missing or names!r}; "
                                   "see its spellings with `thidua units list`")
            if into:
                target = self._unit(s, into)
            else:
                target = UnitRow(name=names[0].strip(), key=unit_key(names[0]), kind=unit.kind, province=unit.province,
                                 district=None, named_by_staff=True)
                s.add(target)
                s.flush()
            s.execute(delete(UnitAliasRow).where(UnitAliasRow.unit_id == unit.id, UnitAliasRow.key.in_(keys)))
            for name in names:
                add_alias(s, None, target.id, name.strip())
            moved = list(s.scalars(select(UnitResolutionRow).where(UnitResolutionRow.unit_id == unit.id,
                                                                   UnitResolutionRow.key.in_(keys))))
            self._decide(moved, target.id, user)
            return f"{len(moved)} resolution(s) of {names!r} moved from unit {unit.id} to {target.id} {target.name}"

    @staticmethod
    def _decide(rows: list[UnitResolutionRow], unit_id: int, user: str) -> None:
        for r in rows:
            r.unit_id, r.confidence, r.method, r.candidates = unit_id, 1.0, "staff", None
            r.decided_by, r.updated_at = user.strip(), utcnow()


def _need_user(user: str | None) -> None:
    if not user or not user.strip():
        raise InvalidInput("a registry change needs the name of the person making it (--user)")
