"""How each file version's text was obtained: reader's converter (LibreOffice), encoding, legacy
conversion (TCVN3, VNI, VIQR), plausibility (share of Vietnamese syllables), OCR pages and mean
word confidence.

Revision ID: 0003_text_origin
Revises: 0001_archive
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_text_origin"
down_revision = "0002_identity"
branch_labels = None
depends_on = None

COLUMNS = (
    ("converter", sa.String(64)),
    ("encoding", sa.String(32)),
    ("conversion", sa.String(32)),
    ("plausibility", sa.Float),
    ("ocr_pages", sa.Integer),
    ("ocr_confidence", sa.Float),
)


# Plain ALTER TABLE (no batch copy): on SQLite a copied `sources` would lose its search triggers.
def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("sources", sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    for name, _ in reversed(COLUMNS):
        op.drop_column("sources", name)
