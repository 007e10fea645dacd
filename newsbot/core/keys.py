"""The key a page stands under (state store, within-run dedup, database store) and the
site a URL belongs to: one rule each, used everywhere (the run, the offers feed, the store)."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

_AMP = re.compile(r"^/amp(?=/)|/amp/?$|\.amp(?=\.html$)")

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "ref_src", "cmpid", "ocid", "ito", "icid", "sr_share", "s_cid",
    "utm",
})
"""Query parameters that only say how a reader arrived (plus every utm_* one): dropped from
the key. Every other parameter may select the story (`story.php?id=1`) and is kept."""


def _tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(("utm_", "__twitter", "hsa_"))


MAX_KEY_BYTES = 1000
"""Longest key (UTF-8 bytes) stored as is: database indexes take a few KB a row at most
(PostgreSQL's B-tree 2704 bytes), and a hostile page can declare a 6 KB canonical URL."""


def site_of(url: str) -> str:
    """The site a URL belongs to: its lower-case host without www., with the port when one
    is given (a loopback copy of a site never mixes with the live one). Bounded like keys."""
    try:
        parts = urlsplit(url.strip())
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:  # a bad port: the host as written
        host, port = urlsplit(url.strip()).netloc.lower().rsplit(":", 1)[0], None
    if host.startswith("www."):
        host = host[4:]
    return bounded(f"{host}:{port}" if port else host)


def bounded(key: str) -> str:
    """`key` itself when short enough to index, else its start and the SHA-1 of the whole."""
    raw = key.encode("utf-8", "surrogatepass")
    if len(raw) <= MAX_KEY_BYTES:
        return key
    head = raw[: MAX_KEY_BYTES - 48].decode("utf-8", "ignore")
    return f"{head}#sha1={hashlib.sha1(raw).hexdigest()}"


def canonical_key(url: str) -> str:
    """The URL a page stands for: scheme-less, its site (site_of), no fragment, AMP prefix
    or trailing slash; the query kept without tracking parameters, sorted (w3lib's
    canonicalize_url); bounded in length (`bounded`)."""
    parts = urlsplit(url.strip())
    host = site_of(url)
    path = _AMP.sub("", parts.path) or "/"
    path = path.rstrip("/") or "/"
    query = ""
    if parts.query:
        kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
        if kept:
            # canonicalize_url sorts the arguments and normalises their percent-encoding.
            query = urlsplit(canonicalize_url(urlunsplit(("http", "h", "/", urlencode(kept), "")))).query
    return bounded(urlunsplit(("", host, path, query, "")))


def record_site(record) -> str:
    """The site a record is filed under (database store and offers feed alike)."""
    return site_of(record.get("canonical_url") or record.get("url") or "")


def record_key(record) -> str:
    """The key a record stands under: its canonical URL, else the URL it came from."""
    return canonical_key(record.get("canonical_url") or record["url"])
