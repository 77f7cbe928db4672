"""Fixity: when each archived original was last re-read and found whole (`thidua verify`, the
nightly sample), so the nightly run checks those verified longest ago first.

Revision ID: 0006_fixity
Revises: 0005_registry (the lead re-chains it after the other migrations of this round)
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_fixity"
down_revision = "0005_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sources", sa.Column("verified_at", sa.DateTime(timezone=True)))
    op.create_index("ix_sources_verified_at", "sources", ["verified_at"])


def downgrade() -> None:
    op.drop_index("ix_sources_verified_at", "sources")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("verified_at")
