"""The store's tables, one schema for PostgreSQL and SQLite (SQLAlchemy Core).

JSON columns are JSONB on PostgreSQL and JSON text on SQLite. Times are UTC. The
migrations in newsbot/stores/migrations create and upgrade these tables; this module is
what the code reads and writes through, and must match the latest migration.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("key", sa.Text, primary_key=True, comment="canonical-URL key (newsbot.core.keys.record_key), bounded in length"),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("canonical_url", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("site", sa.Text, comment="host of the URL"),
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

article_versions = sa.Table(
    "article_versions", metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("fingerprint", sa.Text, primary_key=True),
    sa.Column("first_seen", TS, nullable=False),
    sa.Column("last_seen", TS, nullable=False),
    sa.Column("run", sa.Text),
    sa.Column("record", JSON, nullable=False),
)

offers = sa.Table(
    "offers", metadata,
    sa.Column("offer_key", sa.Text, primary_key=True, comment="SHA-1 of site, plan, price, currency, term, intro price and term"),
    sa.Column("site", sa.Text, nullable=False),
    sa.Column("publisher", sa.Text),
    sa.Column("plan", sa.Text),
    sa.Column("price", sa.Float),
    sa.Column("list_price", sa.Float, comment="the struck-through list price printed beside the sale price"),
    sa.Column("currency", sa.Text),
    sa.Column("price_text", sa.Text),
    sa.Column("term_months", sa.Float),
    sa.Column("term_text", sa.Text),
    sa.Column("monthly_price", sa.Float),
    sa.Column("intro", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("intro_price", sa.Float, comment="the introductory price; price is the regular one"),
    sa.Column("intro_term_months", sa.Float, comment="how long the introductory price lasts"),
    sa.Column("intro_term_text", sa.Text),
    sa.Column("flags", JSON),
    sa.Column("first_seen", TS, nullable=False),
    sa.Column("last_seen", TS, nullable=False),
    sa.Column("url", sa.Text, comment="a page the offer was seen on"),
)
# A plan's name is the page's text: the index takes its start only (migration 0004).
sa.Index("offers_site_plan", offers.c.site, sa.func.substr(offers.c.plan, 1, 200), offers.c.first_seen)

runs = sa.Table(
    "runs", metadata,
    sa.Column("run", sa.Text, primary_key=True),
    sa.Column("spider", sa.Text),
    sa.Column("started", TS),
    sa.Column("finished", TS),
    sa.Column("finish_reason", sa.Text),
    sa.Column("records", sa.Integer),
    sa.Column("failures", sa.Integer),
    sa.Column("store_unavailable", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("report", JSON, comment="the run report (<run>.report.json)"),
)

# --- stories across publishers (issue 16; migration 0005) -------------------------------------
stories = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.Text, primary_key=True, comment="the key of the story's first record"),
    sa.Column("agency", sa.Text),
    sa.Column("first_headline", sa.Text),
    sa.Column("first_published_at", TS),
    sa.Column("first_publisher", sa.Text),
    sa.Column("first_url", sa.Text),
    sa.Column("members", sa.Integer, nullable=False, comment="records in the story"),
    sa.Column("publishers", sa.Integer, nullable=False, comment="distinct publishers among them"),
    sa.Column("last_seen", TS, nullable=False),
)
sa.Index("stories_first_published", stories.c.first_published_at)

story_members = sa.Table(
    "story_members", metadata,
    sa.Column("key", sa.Text, primary_key=True, comment="the member record's key (articles.key)"),
    sa.Column("story", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("publisher", sa.Text),
    sa.Column("site", sa.Text),
    sa.Column("published_at", TS),
    sa.Column("lag_seconds", sa.Float, comment="seconds after the first record's publication"),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Column("relation", sa.Text, nullable=False, comment="first, copy, edited or partial"),
    sa.Column("headline", sa.Text),
    sa.Column("headline_changed", sa.Boolean),
    sa.Column("paragraphs_added", sa.Integer, comment="paragraphs not in the first record"),
    sa.Column("paragraphs_removed", sa.Integer, comment="paragraphs of the first record cut"),
    sa.Column("paragraphs_edited", sa.Integer, comment="paragraphs of the first record reworded"),
    sa.Column("last_seen", TS, nullable=False),
)
sa.Index("story_members_story", story_members.c.story)
