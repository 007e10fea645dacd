"""The key a page stands under in the state store and in within-run dedup: one function,
used by the run state extension (newsbot/extensions/state.py) and everything that asks it."""

from __future__ import annotations

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


def canonical_key(url: str) -> str:
    """The URL a page stands for: scheme-less, lower-case host without www., no fragment,
    AMP prefix or trailing slash; the query kept without tracking parameters, sorted
    (w3lib's canonicalize_url)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port:
        host = f"{host}:{parts.port}"
    path = _AMP.sub("", parts.path) or "/"
    path = path.rstrip("/") or "/"
    query = ""
    if parts.query:
        kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
        if kept:
            # canonicalize_url sorts the arguments and normalises their percent-encoding.
            query = urlsplit(canonicalize_url(urlunsplit(("http", "h", "/", urlencode(kept), "")))).query
    return urlunsplit(("", host, path, query, ""))


def record_key(record) -> str:
    """The key a record stands under: its canonical URL, else the URL it came from."""
    return canonical_key(record.get("canonical_url") or record["url"])
