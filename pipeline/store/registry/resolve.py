"""Deciding, inside one database session, which registry cluster a document is about and which
registry unit a written name means. Decisions are stored and never re-made: a person's merge or
split stays, and a name is looked up again only when it appears in a new scope."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.record import Record
from pipeline.store.registry.models import ClusterRow, UnitAliasRow, UnitResolutionRow, UnitRow
from pipeline.store.registry.names import (distinct_words, district_of, identity_words, kind_of, provinces_in,
                                     same_registry_unit, unit_key)
from pipeline.store.registry.scope import Scope, cluster_key, cluster_name_key, same_cluster_name, unit_names
from pipeline.store.models import utcnow

PENDING_BELOW = 0.75  # resolutions less sure than this are queued for staff


@dataclass
class _Alias:
    unit_id: int
    name: str
    key: str


@dataclass
class UnitIndex:
    """Every unit's spellings, by province, loaded once per sync (fuzzy matching reads them all)."""

    by_province: dict[str | None, list[_Alias]] = field(default_factory=dict)
    by_unit: dict[int, list[_Alias]] = field(default_factory=dict)
    in_scope: dict[str, set[int]] = field(default_factory=dict)
    canonical: dict[int, str] = field(default_factory=dict)  # unit id -> key of its canonical name
    resolved: dict[tuple[str, str], int | None] = field(default_factory=dict)  # (scope, key) -> unit id
    spelled: set[tuple[int, str]] = field(default_factory=set)  # (unit id, alias name) stored
    units: dict[int, UnitRow] = field(default_factory=dict)  # held here, so the session never reloads them

    @classmethod
    def load(cls, s: Session) -> UnitIndex:
        """One query per table; the units stay in the session, so later lookups cost nothing."""
        index = cls()
        units = index.units = {u.id: u for u in s.scalars(select(UnitRow))}
        index.canonical = {i: u.key for i, u in units.items()}
        for a in s.scalars(select(UnitAliasRow)):
            index._remember(units[a.unit_id].province, _Alias(a.unit_id, a.name, a.key))
        for scope, key, unit_id in s.execute(select(UnitResolutionRow.scope, UnitResolutionRow.key,
                                                    UnitResolutionRow.unit_id)):
            index.resolved[(scope, key)] = unit_id
            if unit_id is not None:
                index.in_scope.setdefault(scope, set()).add(unit_id)
        return index

    def add(self, province: str | None, unit_id: int, name: str, key: str) -> bool:
        """Remember a spelling; False when it was known already."""
        if (unit_id, name) in self.spelled:
            return False
        self._remember(province, _Alias(unit_id, name, key))
        return True

    def _remember(self, province: str | None, alias: _Alias) -> None:
        self.spelled.add((alias.unit_id, alias.name))
        self.by_province.setdefault(province, []).append(alias)
        self.by_unit.setdefault(alias.unit_id, []).append(alias)


def _units_matching(aliases: list[_Alias], test) -> set[int]:
    return {a.unit_id for a in aliases if test(a)}


def find_unit(index: UnitIndex, name: str, scope: str, province: str | None) -> tuple[int | None, float, str, list]:
    """(unit id, confidence, method, candidates): this scope's units first (exact spelling, then loose
    match), then the province's (exact spelling, then a loose match sharing a distinctive word)."""
    key = unit_key(name)
    local_ids = index.in_scope.get(scope, set())
    province_aliases = index.by_province.get(province, [])
    local = [a for unit_id in local_ids for a in index.by_unit.get(unit_id, [])]
    mine, ident = distinct_words(key), identity_words(key)

    def loose(a: _Alias) -> bool:  # like this spelling, and not unlike the unit's own name
        return same_registry_unit(key, a.key) and same_registry_unit(key, index.canonical.get(a.unit_id, a.key))

    steps = (
        (local, lambda a: a.key == key, 1.0, "alias"),
        (province_aliases, lambda a: a.key == key, 0.95, "alias"),
        (local, lambda a: loose(a) and (key in a.key or a.key in key), 0.9, "match"),
        (local, loose, 0.7, "fuzzy"),
        (province_aliases, lambda a: loose(a) and bool(ident & identity_words(a.key)), 0.8, "match"),
    )
    for aliases, test, confidence, method in steps:
        found = _units_matching(aliases, test)
        if len(found) == 1:
            return found.pop(), confidence, method, []
        if len(found) > 1:
            return None, 0.3, "ambiguous", sorted(found)
    return None, (0.85 if mine else 0.5), "new", []


def _better_name(new: str, old: str) -> bool:
    """A longer, more specific spelling names the unit better ('Liên đoàn Lao động huyện Kiên Lương')."""
    def rank(name: str) -> tuple:
        key = unit_key(name)  # 'LĐLĐ các huyện A' (a list's leftover) loses to 'LĐLĐ huyện A'
        return len(distinct_words(key)), len(key), "các" not in name.lower().split(), len(name)

    return rank(new) > rank(old)


def _maybe_rename(index: UnitIndex, unit: UnitRow, name: str) -> None:
    if not unit.named_by_staff and _better_name(name, unit.name):
        unit.name, unit.key, unit.updated_at = name, unit_key(name), utcnow()
        index.canonical[unit.id] = unit.key
        unit.kind = unit.kind or kind_of(name)
        unit.district = unit.district or district_of(name)


def resolve_name(s: Session, index: UnitIndex, name: str, scope: str, province: str | None) -> int | None:
    """The unit id this name means in this scope (None: waiting for a person); decided once."""
    key = unit_key(name)
    if (scope, key) in index.resolved or not key:
        known = index.resolved.get((scope, key))
        if known is not None:
            _maybe_rename(index, index.units[known], name)
            add_alias(s, index, known, name)
        return known
    named = list(provinces_in(name))
    province = named[0] if len(named) == 1 else province
    unit_id, confidence, method, candidates = find_unit(index, name, scope, province)
    if method == "new":
        unit = UnitRow(name=name, key=key, kind=kind_of(name), province=province, district=district_of(name),
                       named_by_staff=False)
        s.add(unit)
        s.flush()
        unit_id = unit.id
        index.canonical[unit_id], index.units[unit_id] = key, unit
    elif unit_id is not None:
        _maybe_rename(index, index.units[unit_id], name)
    if unit_id is not None:
        add_alias(s, index, unit_id, name)
        index.in_scope.setdefault(scope, set()).add(unit_id)
    s.add(UnitResolutionRow(scope=scope, key=key, name=name, unit_id=unit_id, confidence=confidence, method=method,
                            candidates=candidates or None, updated_at=utcnow()))
    index.resolved[(scope, key)] = unit_id
    return unit_id


def add_alias(s: Session, index: UnitIndex | None, unit_id: int, name: str) -> None:
    """Store a spelling of a unit once. Without an index (staff changes) the database is asked."""
    name, key = name.strip(), unit_key(name)
    if index is not None:
        if index.add(index.units[unit_id].province, unit_id, name, key):
            s.add(UnitAliasRow(unit_id=unit_id, name=name, key=key))
        return
    exists = s.scalar(select(UnitAliasRow.id).where(UnitAliasRow.unit_id == unit_id, UnitAliasRow.name == name))
    if exists is None:
        s.add(UnitAliasRow(unit_id=unit_id, name=name, key=key))
        s.flush()


def _shares_units(s: Session, cluster_id: int, record: Record) -> bool:
    names = set(s.scalars(select(UnitResolutionRow.key).where(UnitResolutionRow.scope == f"cluster:{cluster_id}")))
    return any(same_registry_unit(unit_key(n), k) for n in unit_names(record) for k in names)


def find_cluster(s: Session, record: Record, scope: Scope) -> tuple[ClusterRow, float]:
    """The registry cluster for this record's cluster in this scope (created when new)."""
    kind, number, name = record.cluster.kind, record.cluster.number, record.cluster.name
    name_key = cluster_name_key(name)
    query = select(ClusterRow).where(ClusterRow.kind == kind).order_by(ClusterRow.id)
    query = query.where(ClusterRow.number == number) if number is not None else query.where(ClusterRow.number.is_(None))
    same = [c for c in s.scalars(query) if number is not None or same_cluster_name(c.name_key, name_key)]

    def joinable(c: ClusterRow) -> bool:
        """Same known province: unless both sectors are known and differ. Otherwise (a province
        unknown on either side) only with a unit in common: 'Cụm số 4' alone says nothing."""
        if scope.province is not None and c.province == scope.province:
            return c.sector is None or scope.sector is None or c.sector == scope.sector or \
                _shares_units(s, c.id, record)
        if c.province is not None and scope.province is not None:
            return False
        return _shares_units(s, c.id, record)

    exact = [c for c in same if scope.province and c.province == scope.province and c.sector == scope.sector]
    if exact:
        return exact[0], scope.confidence
    near = [c for c in same if joinable(c)]
    if near:
        return near[0], min(scope.confidence, 0.7 if len(near) == 1 else 0.5)
    key = cluster_key(kind, number, name_key, scope)
    taken = set(s.scalars(select(ClusterRow.key).where(ClusterRow.key.like(f"{key}%"))))
    key = next(k for k in (key, *(f"{key}-{i}" for i in range(2, len(taken) + 3))) if k not in taken)
    row = ClusterRow(key=key, kind=kind, number=number, name=name,
                     name_key=name_key, province=scope.province, sector=scope.sector)
    s.add(row)
    s.flush()
    return row, scope.confidence
