"""The registry's tables (migration 0005_registry), on the archive's metadata.

- units               canonical units: name, kind, province, district; `named_by_staff` keeps a
                      name a person chose from being replaced by a longer spelling.
- unit_aliases        every spelling seen for a unit (and the staff-given ones).
- clusters            one cluster across years and documents, keyed by scope (province, sector),
                      kind and number (or name when it has no number).
- document_clusters   which registry cluster a document is about, for the document version it was
                      decided on; `method` staff pins it.
- unit_resolutions    a written name, in a scope (a cluster, else a province), resolved to a unit
                      with a confidence; unit_id NULL and a low confidence = queued for staff.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.store.models import Base, Json, utcnow


class UnitRow(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(500), index=True)
    kind: Mapped[str | None] = mapped_column(String(64))
    province: Mapped[str | None] = mapped_column(String(100), index=True)
    district: Mapped[str | None] = mapped_column(String(200))
    named_by_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UnitAliasRow(Base):
    __tablename__ = "unit_aliases"
    __table_args__ = (UniqueConstraint("unit_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    key: Mapped[str] = mapped_column(String(500), index=True)


class ClusterRow(Base):
    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(500), unique=True)  # e.g. kien-giang/chinh-quyen/cum-2
    kind: Mapped[str] = mapped_column(String(8))  # cum | khoi
    number: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)  # as a report first wrote it
    name_key: Mapped[str] = mapped_column(String(500))  # folded name without the province
    province: Mapped[str | None] = mapped_column(String(100))
    sector: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DocumentClusterRow(Base):
    __tablename__ = "document_clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id", ondelete="SET NULL"), index=True)
    province: Mapped[str | None] = mapped_column(String(100))  # the document's scope, also without a cluster
    version: Mapped[int] = mapped_column(Integer)  # documents.version this was decided on
    method: Mapped[str] = mapped_column(String(16))  # auto | staff
    confidence: Mapped[float] = mapped_column(Float)


class UnitResolutionRow(Base):
    __tablename__ = "unit_resolutions"
    __table_args__ = (UniqueConstraint("scope", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(200))  # cluster:<id> | province:<name> | province:-
    key: Mapped[str] = mapped_column(String(500))
    name: Mapped[str] = mapped_column(Text)  # as first written
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(16))  # alias | match | fuzzy | new | ambiguous | staff
    candidates: Mapped[Any] = mapped_column(Json, nullable=True)  # unit ids, when ambiguous
    decided_by: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
