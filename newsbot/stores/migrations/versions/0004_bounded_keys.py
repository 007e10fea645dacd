"""Indexed columns are bounded: article keys longer than newsbot.core.keys.MAX_KEY_BYTES are
re-keyed by a hash (a 6 KB canonical URL broke PostgreSQL's primary-key index), and the
offers index takes the first 200 characters of a plan's name.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    from newsbot.core.keys import MAX_KEY_BYTES, bounded

    conn = op.get_bind()
    for table in ("articles", "article_versions"):
        t = sa.table(table, sa.column("key", sa.Text))
        # Characters, not bytes, in SQL: every key that may be too long is checked in Python.
        long = [k for (k,) in conn.execute(sa.select(t.c.key).where(sa.func.length(t.c.key) > MAX_KEY_BYTES // 4))]
        for key in long:
            if bounded(key) != key:
                conn.execute(sa.update(t).where(t.c.key == key).values(key=bounded(key)))
    op.drop_index("offers_site_plan", "offers")
    op.create_index("offers_site_plan", "offers", ["site", sa.text("substr(plan, 1, 200)"), "first_seen"])


def downgrade():
    op.drop_index("offers_site_plan", "offers")
    op.create_index("offers_site_plan", "offers", ["site", "plan", "first_seen"])
