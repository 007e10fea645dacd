"""Articles, their versions and runs.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        "articles",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("canonical_url", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("headline", sa.Text),
        sa.Column("published_at", TS),
        sa.Column("agency", sa.Text),
        sa.Column("access", sa.Text),
        sa.Column("fingerprint", sa.Text, nullable=False),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
        sa.Column("run", sa.Text),
        sa.Column("record", JSON, nullable=False),
    )
    op.create_table(
        "article_versions",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("fingerprint", sa.Text, primary_key=True),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
        sa.Column("run", sa.Text),
        sa.Column("record", JSON, nullable=False),
    )
    op.create_table(
        "runs",
        sa.Column("run", sa.Text, primary_key=True),
        sa.Column("spider", sa.Text),
        sa.Column("started", TS),
        sa.Column("finished", TS),
        sa.Column("finish_reason", sa.Text),
        sa.Column("records", sa.Integer),
        sa.Column("failures", sa.Integer),
        sa.Column("report", JSON),
    )


def downgrade():
    op.drop_table("runs")
    op.drop_table("article_versions")
    op.drop_table("articles")
