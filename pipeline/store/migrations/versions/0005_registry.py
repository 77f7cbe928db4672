"""Unit and cluster registry: canonical units, their aliases, clusters keyed by scope, which
cluster each document is about, and how written unit names resolve to units.

Revision ID: 0005_registry
Revises: 0001_archive
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005_registry"
down_revision = "0004_users"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
When = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(64)),
        sa.Column("province", sa.String(100)),
        sa.Column("district", sa.String(200)),
        sa.Column("named_by_staff", sa.Boolean, nullable=False),
        sa.Column("created_at", When, nullable=False),
        sa.Column("updated_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
    )
    op.create_index("ix_units_key", "units", ["key"])
    op.create_index("ix_units_province", "units", ["province"])

    op.create_table(
        "unit_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("key", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_unit_aliases"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], ondelete="CASCADE", name="fk_unit_aliases_unit_id_units"),
        sa.UniqueConstraint("unit_id", "name", name="uq_unit_aliases_unit_id_name"),
    )
    op.create_index("ix_unit_aliases_unit_id", "unit_aliases", ["unit_id"])
    op.create_index("ix_unit_aliases_key", "unit_aliases", ["key"])

    op.create_table(
        "clusters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("number", sa.Integer),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.String(500), nullable=False),
        sa.Column("province", sa.String(100)),
        sa.Column("sector", sa.String(100)),
        sa.Column("created_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_clusters"),
        sa.UniqueConstraint("key", name="uq_clusters_key"),
    )

    op.create_table(
        "document_clusters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("cluster_id", sa.Integer),
        sa.Column("province", sa.String(100)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document_clusters"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_document_clusters_document_id_documents"),
        sa.ForeignKeyConstraint(["cluster_id"], ["clusters.id"], ondelete="SET NULL",
                                name="fk_document_clusters_cluster_id_clusters"),
        sa.UniqueConstraint("document_id", name="uq_document_clusters_document_id"),
    )
    op.create_index("ix_document_clusters_cluster_id", "document_clusters", ["cluster_id"])

    op.create_table(
        "unit_resolutions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scope", sa.String(200), nullable=False),
        sa.Column("key", sa.String(500), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("unit_id", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("candidates", Json),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("updated_at", When, nullable=False),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_unit_resolutions"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], ondelete="SET NULL",
                                name="fk_unit_resolutions_unit_id_units"),
        sa.UniqueConstraint("scope", "key", name="uq_unit_resolutions_scope_key"),
    )
    op.create_index("ix_unit_resolutions_unit_id", "unit_resolutions", ["unit_id"])


def downgrade() -> None:
    for table in ("unit_resolutions", "document_clusters", "clusters", "unit_aliases", "units"):
        op.drop_table(table)
