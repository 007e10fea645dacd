"""Devdiscourse (devdiscourse.com): development news site running Reuters/PTI feeds verbatim.

Sources: ../shared/reference/publishers.md (disclaimer "(This story has not been edited by
Devdiscourse staff and is auto-generated from a syndicated feed.)"); article URLs seen in
stored public code: /article/<section>/<7-digit id>-<slug> (find_string "devdiscourse.com/").
Sitemaps and markup: not learned from a stored page or robots.txt; discovery relies on the
robots.txt Sitemap: lines and the generic path finds the story.
"""

from .base import IST, Profile

PROFILE = Profile(
    name="devdiscourse",
    publisher="Devdiscourse",
    domains=("devdiscourse.com",),
    base_url="https://www.devdiscourse.com",
    site_names=("Devdiscourse", "Dev Discourse"),
    article_url=r"/article/[a-z0-9-]+/\d{5,8}-[a-z0-9-]+",
    robots_sitemaps=True,
    timezone=IST,
    date_order="DMY",
    currency="INR",
    # Its image captions ("Representative image. Image Credit: ANI") sit inside the story area.
    furniture=(r"representative image\b", r"image credit\s*:"),
    disclaimers=(
        r"\(?this story has not been edited by devdiscourse staff and is auto-generated from a syndicated feed\.?\)?",
    ),
    notes="Markup and sitemaps not learned: robots.txt discovery and the generic path.",
)
