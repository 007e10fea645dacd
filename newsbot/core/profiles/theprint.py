"""ThePrint (theprint.in): a WordPress site that runs PTI/ANI/Reuters copy with its own note.

Sources: ../shared/reference/publishers.md (disclaimer "This report is auto-generated from
<agency> news service. ThePrint holds no responsibility for its content."); stored public
code listing https://theprint.in/news-sitemap.xml and https://theprint.in/feed/
(find_string "theprint.in/feed"). Article URLs: /<section>/<slug>/<numeric id>/.
Markup: not learned from a stored page. The profile sets no story selector, so the generic
path (trafilatura) finds the story; the profile adds the domain, discovery and disclaimer.
"""

from .base import IST, Profile

PROFILE = Profile(
    name="theprint",
    publisher="ThePrint",
    domains=("theprint.in",),
    base_url="https://theprint.in",
    site_names=("ThePrint", "The Print"),
    article_url=r"/[a-z0-9-]+/[a-z0-9-]+/\d{5,8}/?(?:$|[?#])",
    robots_sitemaps=True,
    sitemaps=("/news-sitemap.xml",),
    feeds=("/feed/",),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    furniture=(r"subscribe to our channels on youtube", r"support our journalism", r"also read:"),
    disclaimers=(
        r"this report is auto-generated from (?:pti|ani|reuters|ians)(?: news service)?\. "
        r"theprint holds no responsibility for its content\.?",
    ),
    wire_sections=(),
    notes="Markup not learned: the generic path carries the story.",
)
