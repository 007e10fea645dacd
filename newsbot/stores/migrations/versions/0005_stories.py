"""Stories across publishers (issue 16): `stories`, one row per wire story, and
`story_members`, one row per record that ran it, with what it changed against the first.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        "stories",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("agency", sa.Text),
        sa.Column("first_headline", sa.Text),
        sa.Column("first_published_at", TS),
        sa.Column("first_publisher", sa.Text),
        sa.Column("first_url", sa.Text),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("publishers", sa.Integer, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
    )
    op.create_table(
        "story_members",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("story", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("publisher", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("published_at", TS),
        sa.Column("lag_seconds", sa.Float),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("relation", sa.Text, nullable=False),
        sa.Column("headline", sa.Text),
        sa.Column("headline_changed", sa.Boolean),
        sa.Column("paragraphs_added", sa.Integer),
        sa.Column("paragraphs_removed", sa.Integer),
        sa.Column("paragraphs_edited", sa.Integer),
        sa.Column("last_seen", TS, nullable=False),
    )
    op.create_index("story_members_story", "story_members", ["story"])
    op.create_index("stories_first_published", "stories", ["first_published_at"])


def downgrade():
    op.drop_index("stories_first_published", "stories")
    op.drop_index("story_members_story", "story_members")
    op.drop_table("story_members")
    op.drop_table("stories")
