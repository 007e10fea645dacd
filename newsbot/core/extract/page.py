"""Page loading: bytes in, decoded text out, with HTML or plain text sniffed.

Everything that can go wrong with the raw bytes is decided here, once, so the extractors
get either a `Page` or a `PageError` with a clear reason.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass, field

from w3lib.encoding import html_to_unicode, resolve_encoding

MAX_PAGE_BYTES = 20 * 1024 * 1024
"""Pages above this size (after decompression) are refused rather than parsed."""


class PageError(ValueError):
    """A page that cannot be read as a news page; the message says why."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass
class Page:
    """A decoded page."""

    text: str
    """The decoded page text (HTML source or plain text)."""
    is_html: bool
    """True when the text is HTML markup."""
    encoding: str
    """The encoding used to decode the bytes."""
    flags: list[str] = field(default_factory=list)
    """What had to be repaired while decoding ("encoding_repaired", ...)."""


_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|p|div|article)[\s>]", re.IGNORECASE)


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    # Control bytes other than tab/newline/CR/form feed/escape mark a binary file (counted in C).
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > max(8, len(sample) // 50)


def sniff_html(data: bytes) -> bool:
    """True when the bytes look like HTML rather than plain text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if _HTML_SNIFF.match(head):
        return True
    return bool(_HTML_ANYWHERE.search(data[:65536]))


_CHUNK = 64 * 1024


def gunzip_bounded(data: bytes, limit: int = MAX_PAGE_BYTES) -> bytes:
    """Decompress gzip data in chunks, stopping as soon as the output passes `limit`: a
    small bomb never grows past the limit in memory. Concatenated gzip members are read
    in turn. Raises PageError ("too_large" or "bad_gzip")."""
    out = bytearray()
    pending = data
    while pending:
        stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while pending:
                out += stream.decompress(pending, _CHUNK)
                if len(out) > limit:
                    raise PageError("too_large", f"more than {limit} bytes once decompressed, limit {limit}")
                pending = stream.unconsumed_tail
                if stream.eof:
                    break
        except zlib.error as exc:
            raise PageError("bad_gzip", str(exc)) from exc
        if not stream.eof:
            raise PageError("bad_gzip", "compressed data ended early")
        pending = stream.unused_data
        if pending[:2] != b"\x1f\x8b":
            break  # trailing bytes after the last member are ignored, as gzip(1) does
    return bytes(out)


def _is_utf8_text(data: bytes) -> bool:
    """True for bytes that hold non-ASCII text and are valid UTF-8 throughout."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cp1252_bytes(err: UnicodeError):
    """Codec error handler: each byte UTF-8 cannot read, read as windows-1252 (latin-1 for
    the five bytes windows-1252 leaves undefined)."""
    bad = err.object[err.start:err.end]
    out = []
    for b in bad:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([b]).decode("latin-1"))
    return "".join(out), err.end


_CP1252_BYTES = "newsbot-cp1252-bytes"
codecs.register_error(_CP1252_BYTES, _cp1252_bytes)


def load_page(data: bytes, content_type: str | None = None) -> Page:
    """Decode page bytes (gzip transparently); raise PageError for input that is no page."""
    if len(data) > MAX_PAGE_BYTES:
        raise PageError("too_large", f"{len(data)} bytes, limit {MAX_PAGE_BYTES}")
    if data[:2] == b"\x1f\x8b":
        data = gunzip_bounded(data, MAX_PAGE_BYTES)
    if len(data) > MAX_PAGE_BYTES:
        raise PageError("too_large", f"{len(data)} bytes, limit {MAX_PAGE_BYTES}")
    if not data.strip():
        raise PageError("empty", "the page has no content")
    if _looks_binary(data):
        raise PageError("binary", "the content is not text")
    is_html = sniff_html(data)
    if content_type and "html" in content_type.lower():
        is_html = True
    header = f"text/html; {content_type}" if content_type else None
    encoding, text = html_to_unicode(header, data)
    flags: list[str] = []
    if encoding != "utf-8" and not encoding.startswith(("utf-16", "utf-32")) and _is_utf8_text(data):
        # UTF-8 bytes under a legacy declaration (a meta or server saying iso-8859-1 or
        # gb2312): read as declared they are mojibake; valid UTF-8 with non-ASCII text is
        # no accident, so the bytes win over the label.
        text, encoding = data.decode("utf-8"), "utf-8"
        flags.append("encoding_repaired")
    elif "\ufffd" in text and encoding == "utf-8":
        # Bytes that are no UTF-8 in a UTF-8 page (one stray windows-1252 byte, or a page
        # written in windows-1252 and labelled utf-8): those bytes alone are read as
        # windows-1252; the rest of the page stays as it is ("₹" never becomes "â‚¹").
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors=_CP1252_BYTES)
            flags.append("encoding_repaired")
    elif "\ufffd" in text:
        # The declared legacy encoding did not fit the bytes: decode again with the usual fallback.
        fallback = resolve_encoding("cp1252")
        try:
            repaired = data.decode(fallback)
        except UnicodeDecodeError:
            repaired = None
        if repaired is not None and "\ufffd" not in repaired:
            text, encoding = repaired, fallback
            flags.append("encoding_repaired")
        else:
            flags.append("undecodable_bytes")
    if not text.strip():
        raise PageError("empty", "the page has no text")
    return Page(text=text.lstrip("\ufeff"), is_html=is_html, encoding=encoding, flags=flags)
