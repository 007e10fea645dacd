"""LatestLY (latestly.com): WordPress site with an /agency-news/ section of IANS/PTI/ANI copy.

Sources: ../shared/reference/publishers.md (disclaimer "(This is an unedited and
auto-generated story from Syndicated News feed, LatestLY Staff may not have modified or
edited the content body)"); article URLs seen in stored public code:
/<section>/<slug>-<7-digit id>.html and /agency-news/<slug>-<id>.html, images under
/wp-content/ (find_string "latestly.com/"). Sitemaps and markup: not learned; robots.txt
discovery and the generic path carry it.
"""

from .base import IST, Profile

PROFILE = Profile(
    name="latestly",
    publisher="LatestLY",
    domains=("latestly.com",),
    base_url="https://www.latestly.com",
    site_names=("LatestLY", "Latestly"),
    article_url=r"-\d{6,8}\.html(?:$|[?#])",
    robots_sitemaps=True,
    timezone=IST,
    date_order="DMY",
    currency="INR",
    furniture=(r"\(?the above story first appeared on latestly",),
    disclaimers=(
        r"\(?this is an unedited and auto-generated story from syndicated news feed, latestly staff may not "
        r"have modified or edited the content body\)?",
    ),
    wire_sections=("agency-news",),
    notes="Markup not learned: the generic path carries the story.",
)
