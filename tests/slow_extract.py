"""An extractor for the page time-limit test: a page carrying the marker takes a minute
(as a pathological page would), every other page goes through the real extractor."""

import time

from newsbot.crawling.pipelines.extract import extract_record as real

MARKER = b"<!-- takes-a-minute -->"


def extract_record(body, url, content_type, profile, locator="trafilatura"):
    if MARKER in body:
        time.sleep(60)
    return real(body, url, content_type, profile, locator)
