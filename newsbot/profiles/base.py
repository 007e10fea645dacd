"""What a publisher profile holds: data, not code.

A profile names where a publisher's pages keep each part (CSS selectors, tried in order),
which URLs are articles, and the texts it is known to print. Adding a publisher is adding
one file beside this one and naming it in `newsbot/profiles/__init__.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo


@dataclass(frozen=True)
class Profile:
    """Where one publisher's pages keep each part."""

    name: str
    """Short id, e.g. "business_standard"."""
    publisher: str
    """The publisher's name as records give it."""
    domains: tuple[str, ...]
    """Registered domains (subdomains match too)."""
    site_names: tuple[str, ...] = ()
    """og:site_name / JSON-LD publisher names that identify the publisher without a URL."""
    article_url: str = r"."
    """Regex an article URL's path matches."""
    timezone: tzinfo = timezone.utc
    """Zone of dates printed without one."""
    day_first: bool | None = None
    """Numeric dates put the day first (03/04/2026 is 3 April: Indian and British sites);
    False month first (US); None unknown."""
    headline: tuple[str, ...] = ("h1",)
    standfirst: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    """Selectors of the printed date line ("Last Updated : Mar 28 2026 | 7:32 AM IST")."""
    section: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    story: tuple[str, ...] = ()
    """The story container; the first selector that finds a non-empty one wins."""
    story_fallback_json: tuple[str, ...] = ()
    """Path into `script#__NEXT_DATA__` JSON to the story HTML, for client-rendered pages."""
    byline_credit: tuple[str, ...] = ()
    """Byline blocks that may carry a wire credit ("Press Trust of India Geneva/New Delhi")."""
    noise: tuple[str, ...] = ()
    """Elements inside the story that are not story (ads, "Also Read")."""
    paywall: tuple[str, ...] = ()
    """Paywall or plan widgets."""
    premium_marker: tuple[str, ...] = ()
    """Elements that mark a premium (subscribers-only) story."""
    after_story: tuple[str, ...] = ()
    """Furniture after the story (topics line, prompts, "First Published")."""
    disclaimers: tuple[str, ...] = ()
    """Regexes of the publisher's own disclaimers, beyond the general kinds."""
    furniture: tuple[str, ...] = ()
    """Regexes of the publisher's own furniture lines (prompts, appeals), beyond the general kinds."""

    def matches_host(self, host: str) -> bool:
        host = host.lower().split(":")[0]
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def is_article_url(self, url: str) -> bool:
        return re.search(self.article_url, url) is not None

    @property
    def disclaimer_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.I) for p in self.disclaimers)

    @property
    def furniture_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.I) for p in self.furniture)


IST = timezone(timedelta(hours=5, minutes=30), "IST")
