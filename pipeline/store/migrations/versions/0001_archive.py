"""Archive tables: documents, sources (originals + normalised text), machine records,
corrections, record versions, audit log, and full-text search over the normalised text.

Revision ID: 0001_archive
Revises:
Create Date: 2024-06-01
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_archive"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
When = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("source_revision", sa.Integer, nullable=False),
        sa.Column("effective", Json, nullable=False),
        sa.Column("needs_review", sa.Boolean, nullable=False),
        sa.Column("review_reasons", Json, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("cluster_name", sa.Text),
        sa.Column("cluster_key", sa.String(500)),
        sa.Column("cluster_number", sa.Integer),
        sa.Column("year", sa.Integer),
        sa.Column("created_at", When, nullable=False),
        sa.Column("updated_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("doc_id", name="uq_documents_doc_id"),
    )
    op.create_index("ix_documents_needs_review", "documents", ["needs_review"])
    op.create_index("ix_documents_cluster_key", "documents", ["cluster_key"])
    op.create_index("ix_documents_year", "documents", ["year"])

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("ext", sa.String(16), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("normalized_text", sa.Text, nullable=False),
        sa.Column("ingested_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_sources_document_id_documents"),
        sa.UniqueConstraint("sha256", name="uq_sources_sha256"),
        sa.UniqueConstraint("document_id", "revision", name="uq_sources_document_id_revision"),
    )
    op.create_index("ix_sources_document_id", "sources", ["document_id"])

    op.create_table(
        "machine_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("record", Json, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("extracted_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_machine_records"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_machine_records_document_id_documents"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE",
                                name="fk_machine_records_source_id_sources"),
    )
    op.create_index("ix_machine_records_document_id_id", "machine_records", ["document_id", "id"])
    op.create_index("ix_machine_records_source_id", "machine_records", ["source_id"])

    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("field", sa.String(200), nullable=False),
        sa.Column("anchor", Json),
        sa.Column("value", Json),
        sa.Column("old_value", Json),
        sa.Column("machine_value", Json),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_corrections"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_corrections_document_id_documents"),
    )
    op.create_index("ix_corrections_document_id_id", "corrections", ["document_id", "id"])

    op.create_table(
        "record_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("machine_record_id", sa.Integer),
        sa.Column("correction_id", sa.Integer),
        sa.Column("record", Json, nullable=False),
        sa.Column("created_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_record_versions"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_record_versions_document_id_documents"),
        sa.ForeignKeyConstraint(["machine_record_id"], ["machine_records.id"], ondelete="CASCADE",
                                name="fk_record_versions_machine_record_id_machine_records"),
        sa.ForeignKeyConstraint(["correction_id"], ["corrections.id"], ondelete="CASCADE",
                                name="fk_record_versions_correction_id_corrections"),
        sa.UniqueConstraint("document_id", "version", name="uq_record_versions_document_id_version"),
    )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("field", sa.String(200)),
        sa.Column("old_value", Json),
        sa.Column("new_value", Json),
        sa.Column("reason", sa.Text),
        sa.Column("at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_audit_log_document_id_documents"),
    )
    op.create_index("ix_audit_log_document_id_id", "audit_log", ["document_id", "id"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # External-content FTS5 index over sources.normalized_text, kept in step by triggers.
        # Case-insensitive, diacritics kept: "ban", "bán" and "bạn" are different Vietnamese words.
        op.execute("CREATE VIRTUAL TABLE sources_fts USING fts5(normalized_text, content='sources', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
        op.execute("CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN "
                   "INSERT INTO sources_fts(rowid, normalized_text) VALUES (new.id, new.normalized_text); END")
        op.execute("CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN "
                   "INSERT INTO sources_fts(sources_fts, rowid, normalized_text) "
                   "VALUES ('delete', old.id, old.normalized_text); END")
        op.execute("CREATE TRIGGER sources_fts_update AFTER UPDATE OF normalized_text ON sources BEGIN "
                   "INSERT INTO sources_fts(sources_fts, rowid, normalized_text) "
                   "VALUES ('delete', old.id, old.normalized_text); "
                   "INSERT INTO sources_fts(rowid, normalized_text) VALUES (new.id, new.normalized_text); END")
    elif dialect == "postgresql":
        # A stored tsvector (so ranking needs no re-parsing) under a GIN index. 'simple' lower-cases
        # and keeps diacritics, like the SQLite tokenizer. left(): tsvector has a 1 MB limit.
        op.execute("ALTER TABLE sources ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('simple'::regconfig, left(normalized_text, 1000000))) STORED")
        op.execute("CREATE INDEX ix_sources_search_vector ON sources USING gin (search_vector)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("sources_fts_insert", "sources_fts_delete", "sources_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS sources_fts")
    for table in ("audit_log", "record_versions", "corrections", "machine_records", "sources", "documents"):
        op.drop_table(table)
