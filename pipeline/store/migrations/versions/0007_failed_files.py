"""Failed files: the sha256 of each original that could not be read, with its reason, so a re-run
of a folder skips the same bytes (`thidua ingest --retry-failed` tries them again).

Revision ID: 0007_failed_files
Revises: 0006_fixity
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_failed_files"
down_revision = "0006_fixity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "failed_files",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_failed_files"),
    )


def downgrade() -> None:
    op.drop_table("failed_files")
