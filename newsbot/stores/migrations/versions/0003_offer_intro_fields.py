"""Offers keep their introductory price and term ("$1 for 6 months, then $17.99 every 4 weeks").

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("offers") as batch:
        batch.add_column(sa.Column("intro_price", sa.Float))
        batch.add_column(sa.Column("intro_term_months", sa.Float))
        batch.add_column(sa.Column("intro_term_text", sa.Text))


def downgrade():
    with op.batch_alter_table("offers") as batch:
        batch.drop_column("intro_term_text")
        batch.drop_column("intro_term_months")
        batch.drop_column("intro_price")
