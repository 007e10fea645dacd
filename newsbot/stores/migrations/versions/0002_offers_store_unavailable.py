"""Offers over time; runs say whether the store went away during them.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        "offers",
        sa.Column("offer_key", sa.Text, primary_key=True),
        sa.Column("site", sa.Text, nullable=False),
        sa.Column("publisher", sa.Text),
        sa.Column("plan", sa.Text),
        sa.Column("price", sa.Float),
        sa.Column("list_price", sa.Float),
        sa.Column("currency", sa.Text),
        sa.Column("price_text", sa.Text),
        sa.Column("term_months", sa.Float),
        sa.Column("term_text", sa.Text),
        sa.Column("monthly_price", sa.Float),
        sa.Column("intro", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("flags", JSON),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
        sa.Column("url", sa.Text),
    )
    op.create_index("offers_site_plan", "offers", ["site", "plan", "first_seen"])
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("store_unavailable", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("store_unavailable")
    op.drop_index("offers_site_plan", "offers")
    op.drop_table("offers")
