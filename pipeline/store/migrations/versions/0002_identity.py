"""Document identity by source, every name a file was seen under, runs, review order, and search
without diacritics.

- source_names: each path an original was found at (the same bytes under two names are one
  original with both names); a changed file at a known path is a new version of its document.
- runs: what each backfill/nightly run did, so `thidua status` and the next `schedule` can say
  that a scheduled run failed.
- documents.review_priority / min_confidence: the review queue's order.
- sources.search_text: the text without diacritics ("cum thi dua" finds "Cụm thi đua"), indexed
  by FTS5 (SQLite) or a tsvector (PostgreSQL); documents.cluster_key is compared the same way.

Existing documents keep their ids (the file stem); new ones get the stem plus a short hash.

Revision ID: 0002_identity
Revises: 0001_archive
"""
import hashlib

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from pipeline.normalise.text import unaccent

revision = "0002_identity"
down_revision = "0001_archive"
branch_labels = None
depends_on = None

When = sa.DateTime(timezone=True)


def path_key(path: str) -> str:
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()


def least_confidence(effective: dict) -> float | None:
    """The least certain value of a stored record (plain JSON: independent of later record models)."""
    meeting = effective.get("meeting") or {}
    found = [effective.get(k) for k in ("title", "published", "author", "cluster")]
    found += [meeting.get(k) for k in ("date", "period", "venue")] + list(meeting.get("kinds") or [])
    for name in ("members", "participants", "ranks", "heads", "legal_refs"):
        found += effective.get(name) or []
    confidences = [v.get("confidence", 1.0) for v in found if isinstance(v, dict)]
    return min(confidences, default=None)


def upgrade() -> None:
    op.create_table(
        "source_names",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("path_key", sa.String(64), nullable=False),
        sa.Column("seen_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_source_names"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE",
                                name="fk_source_names_source_id_sources"),
        sa.UniqueConstraint("source_id", "path_key", name="uq_source_names_source_id_path_key"),
    )
    op.create_index("ix_source_names_path_key", "source_names", ["path_key"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("started_at", When, nullable=False),
        sa.Column("finished_at", When),
        sa.Column("stored", sa.Integer, nullable=False, server_default="0"),
        sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("message", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )
    op.create_index("ix_runs_kind_id", "runs", ["kind", "id"])
    op.add_column("documents", sa.Column("review_priority", sa.Integer))
    op.add_column("documents", sa.Column("min_confidence", sa.Float))
    op.add_column("sources", sa.Column("search_text", sa.Text))

    bind = op.get_bind()
    for source_id, source_path, text in bind.execute(sa.text(
            "SELECT id, source_path, normalized_text FROM sources")).all():
        bind.execute(sa.text("UPDATE sources SET search_text = :t WHERE id = :id"),
                     {"t": unaccent(text or ""), "id": source_id})
        bind.execute(sa.text("INSERT INTO source_names (source_id, path, path_key, seen_at) "
                             "VALUES (:s, :p, :k, CURRENT_TIMESTAMP)"),
                     {"s": source_id, "p": source_path, "k": path_key(source_path)})
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("cluster_name", sa.Text),
                         sa.column("needs_review", sa.Boolean), sa.column("effective", sa.JSON().with_variant(
                             postgresql.JSONB(), "postgresql")))
    for doc_id, name, flagged, effective in bind.execute(sa.select(
            documents.c.id, documents.c.cluster_name, documents.c.needs_review, documents.c.effective)).all():
        bind.execute(sa.text("UPDATE documents SET cluster_key = :k, review_priority = :p, min_confidence = :c "
                             "WHERE id = :id"),
                     {"k": " ".join(unaccent(name).split()) if name else None, "p": 0 if flagged else None,
                      "c": least_confidence(effective or {}), "id": doc_id})
    op.create_index("ix_documents_review_order", "documents", ["needs_review", "review_priority", "min_confidence"])

    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE sources_unaccented USING fts5(search_text, content='sources', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
        op.execute("INSERT INTO sources_unaccented(sources_unaccented) VALUES ('rebuild')")
        op.execute("CREATE TRIGGER sources_unaccented_insert AFTER INSERT ON sources BEGIN "
                   "INSERT INTO sources_unaccented(rowid, search_text) VALUES (new.id, new.search_text); END")
        op.execute("CREATE TRIGGER sources_unaccented_delete AFTER DELETE ON sources BEGIN "
                   "INSERT INTO sources_unaccented(sources_unaccented, rowid, search_text) "
                   "VALUES ('delete', old.id, old.search_text); END")
        op.execute("CREATE TRIGGER sources_unaccented_update AFTER UPDATE OF search_text ON sources BEGIN "
                   "INSERT INTO sources_unaccented(sources_unaccented, rowid, search_text) "
                   "VALUES ('delete', old.id, old.search_text); "
                   "INSERT INTO sources_unaccented(rowid, search_text) VALUES (new.id, new.search_text); END")
    elif bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE sources ADD COLUMN search_vector_unaccented tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('simple'::regconfig, left(coalesce(search_text, ''), 1000000))) STORED")
        op.execute("CREATE INDEX ix_sources_search_vector_unaccented ON sources "
                   "USING gin (search_vector_unaccented)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("sources_unaccented_insert", "sources_unaccented_delete", "sources_unaccented_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS sources_unaccented")
    elif bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE sources DROP COLUMN IF EXISTS search_vector_unaccented")
    op.drop_index("ix_documents_review_order", "documents")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35 too): a batch copy of a table would drop
    # the old one, and SQLite would cascade that drop to every dependent row.
    for table, column in (("sources", "search_text"), ("documents", "min_confidence"),
                          ("documents", "review_priority")):
        op.drop_column(table, column)
    op.drop_table("runs")
    op.drop_table("source_names")
