"""Staff accounts and server-side sessions for the review web app; withdrawable corrections with
evidence; the review queue's sort and filter columns on documents.

Revision ID: 0004_users
Revises: 0003_text_origin
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004_users"
down_revision = "0003_text_origin"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
When = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", When, nullable=False),
        sa.Column("last_seen", When, nullable=False),
        sa.Column("expires_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.UniqueConstraint("token_hash", name="uq_sessions_token_hash"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE", name="fk_sessions_user_id_users"),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    with op.batch_alter_table("corrections") as batch:
        batch.add_column(sa.Column("evidence", Json))
        batch.add_column(sa.Column("withdrawn_at", When))
        batch.add_column(sa.Column("withdrawn_by", sa.String(200)))
    op.add_column("documents", sa.Column("kinds", sa.String(200)))  # min_confidence comes with 0002_identity
    _fill_review_columns()


def _fill_review_columns() -> None:
    """Existing documents get their queue columns from the stored effective record (read as plain
    JSON here, so this migration does not depend on later versions of the record model)."""
    bind = op.get_bind()
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("effective", Json),
                         sa.column("kinds", sa.String))
    for doc_pk, effective in bind.execute(sa.select(documents.c.id, documents.c.effective)).all():
        bind.execute(documents.update().where(documents.c.id == doc_pk).values(**review_columns(effective)))


def review_columns(effective: dict) -> dict:
    """As `pipeline.store.columns.review_columns`: the meeting kinds."""
    meeting = effective.get("meeting") or {}
    kinds = sorted({k.get("value") for k in meeting.get("kinds", []) if isinstance(k, dict) and k.get("value")})
    return {"kinds": f",{','.join(kinds)}," if kinds else None}


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35 too): a batch copy of `documents` would
    # drop the old table, and SQLite would cascade that drop to every dependent row.
    for table, column in (("documents", "kinds"), ("corrections", "withdrawn_by"),
                          ("corrections", "withdrawn_at"), ("corrections", "evidence")):
        op.drop_column(table, column)
    op.drop_table("sessions")
    op.drop_table("users")
