"""What a publisher profile holds: data, not code.

A profile names everything newsbot knows about one publisher: its domains, which URLs are
articles, where to discover them (robots.txt, sitemaps, news sitemaps, dated sitemap
indexes, RSS feeds, section listings), where its pages keep each part (CSS selectors, tried
in order), the texts it prints around wire copy (disclaimers, furniture), its paywall and
premium markers, its wire sections, its clock and its currency.

Adding a publisher is adding one module beside this one that defines `PROFILE`; the
package finds it (see `newsbot/core/profiles/__init__.py`) and `tests/test_profiles.py` then
demands a fixture page for it. See docs/adding-a-publisher.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta, timezone, tzinfo

SOURCES = ("sitemaps", "feeds", "listings")
"""Discovery source kinds a crawl can be limited to (`-a sources=...`)."""


@dataclass(frozen=True)
class Listing:
    """A section or "latest news" listing: numbered pages of cards linking to articles."""

    url: str
    """Path with `{n}` for the page number, e.g. "/latest-news/page-{n}"."""
    link: str
    """CSS selector of an article link's href, inside a card (or the page when no card)."""
    card: str | None = None
    """CSS selector of one card; its date and premium badge belong to its link."""
    date: str | None = None
    """CSS selector (inside the card) of the printed date, used as the page's lastmod."""
    pages: int = 3
    """Pages to read by default (`-a listing_pages=N` overrides)."""


@dataclass(frozen=True)
class Profile:
    """Everything about one publisher, as data."""

    name: str
    """Short id, e.g. "business_standard": the `-a profile=` value and the output folder."""
    publisher: str
    """The publisher's name as records give it."""
    domains: tuple[str, ...]
    """Registered domains (subdomains match too)."""
    base_url: str = ""
    """The live site's root, where discovery starts (`-a base_url=` points elsewhere)."""
    site_names: tuple[str, ...] = ()
    """og:site_name / JSON-LD publisher names that identify the publisher without a URL."""
    article_url: str = r"."
    """Regex an article URL matches (searched in the whole URL)."""
    url_date: str | None = None
    """Regex with named groups yy or yyyy, mm, dd that reads the publication day from an
    article URL (for since/until when a sitemap gives no date)."""

    # --- discovery -------------------------------------------------------------------------
    robots_sitemaps: bool = True
    """Read the Sitemap: lines of robots.txt."""
    sitemaps: tuple[str, ...] = ()
    """Sitemaps, sitemap indexes and news sitemaps to read beyond robots.txt (paths or URLs)."""
    dated_sitemaps: tuple[str, ...] = ()
    """Sitemaps named by date: `{yyyy}`, `{mm}`, `{dd}`, `{month}` (lower-case month name),
    `{Month}` (capitalised) are filled for every day from `since` to `until` (default: yesterday and today)."""
    feeds: tuple[str, ...] = ()
    """RSS or Atom feeds (paths or URLs)."""
    listings: tuple[Listing, ...] = ()
    """Section or latest-news listings."""

    # --- page regions ----------------------------------------------------------------------
    timezone: tzinfo = timezone.utc
    """Zone of dates printed without one."""
    date_order: str = "DMY"
    """How the publisher prints all-number dates: "DMY" (day first, Indian sites) or "MDY"."""
    currency: str = "INR"
    """ISO 4217 code of prices printed without a symbol."""
    headline: tuple[str, ...] = ("h1",)
    standfirst: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    """Selectors of the printed date line ("Last Updated : Mar 28 2026 | 7:32 AM IST")."""
    section: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    story: tuple[str, ...] = ()
    """The story container; the first selector that finds a non-empty one wins. Empty: the
    generic path (trafilatura) finds the story."""
    story_fallback_json: tuple[str, ...] = ()
    """Path into `script#__NEXT_DATA__` JSON to the story HTML, for client-rendered pages."""
    byline_credit: tuple[str, ...] = ()
    """Byline blocks that may carry a wire credit ("Press Trust of India Geneva/New Delhi")."""
    noise: tuple[str, ...] = ()
    """Elements inside the story that are not story (ads, "Also Read")."""
    furniture: tuple[str, ...] = ()
    """Regexes of lines the publisher prints in or after the story that are furniture, not
    story ("Track Latest News Live on NDTV.com ..."); matched case-insensitively at the start."""
    paywall: tuple[str, ...] = ()
    """Paywall or plan widgets."""
    premium_marker: tuple[str, ...] = ()
    """Elements that mark a premium (subscribers-only) story."""
    after_story: tuple[str, ...] = ()
    """Furniture after the story (topics line, prompts, "First Published")."""
    disclaimers: tuple[str, ...] = ()
    """Regexes of the publisher's own syndication disclaimers."""
    wire_sections: tuple[str, ...] = ()
    """URL path parts whose pages must carry a wire credit (the coverage monitor's list)."""
    notes: str = ""
    """What is known and not known about the markup, in a sentence or two."""

    _compiled: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self):
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"profile name must be lower-case letters, digits and _: {self.name!r}")
        if not self.domains:
            raise ValueError(f"profile {self.name}: no domains")
        if self.date_order not in ("DMY", "MDY"):
            raise ValueError(f"profile {self.name}: date_order must be DMY or MDY")
        for pattern in (self.article_url, self.url_date or "", *self.disclaimers, *self.furniture):
            re.compile(pattern)  # a bad pattern fails at import, naming itself

    def matches_host(self, host: str) -> bool:
        host = host.lower().split(":")[0]
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def _re(self, pattern: str, flags=0) -> re.Pattern:
        key = (pattern, flags)
        if key not in self._compiled:
            self._compiled[key] = re.compile(pattern, flags)
        return self._compiled[key]

    def is_article_url(self, url: str) -> bool:
        return self._re(self.article_url).search(url) is not None

    def day_of_url(self, url: str) -> date | None:
        """The publication day an article URL carries, when the profile knows how to read it."""
        if not self.url_date:
            return None
        m = self._re(self.url_date).search(url)
        if not m:
            return None
        parts = m.groupdict()
        year = int(parts["yyyy"]) if parts.get("yyyy") else 2000 + int(parts["yy"])
        try:
            return date(year, int(parts["mm"]), int(parts["dd"]))
        except ValueError:
            return None

    def dated_sitemap_paths(self, since: date, until: date) -> list[str]:
        """The dated sitemaps covering since..until, each once, in date order."""
        out: list[str] = []
        day = since
        while day <= until:
            for template in self.dated_sitemaps:
                path = template.format(yyyy=f"{day.year:04d}", mm=f"{day.month:02d}", dd=f"{day.day:02d}",
                                       month=day.strftime("%B").lower(), Month=day.strftime("%B"))
                if path not in out:
                    out.append(path)
            day += timedelta(days=1)
        return out

    @property
    def disclaimer_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(self._re(p, re.I) for p in self.disclaimers)

    @property
    def furniture_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(self._re(p, re.I) for p in self.furniture)

    @property
    def discovery(self) -> list[str]:
        """The discovery sources, named for `newsbot profiles`."""
        out = []
        if self.robots_sitemaps:
            out.append("robots.txt")
        out += list(self.sitemaps) + list(self.dated_sitemaps) + list(self.feeds)
        out += [listing.url for listing in self.listings]
        return out

    @property
    def day_first(self) -> bool:
        """Numeric dates put the day first (DMY: 03/04/2026 is 3 April)."""
        return self.date_order == "DMY"


IST = timezone(timedelta(hours=5, minutes=30), "IST")
