"""An extractor for the lost-worker test: a page carrying the marker kills the process that
extracts it (as the kernel's OOM killer or a crash in compiled code would), every other page
goes through the real extractor."""

import os
import signal

from newsbot.crawling.pipelines.extract import extract_record as real

MARKER = b"<!-- kills-its-worker -->"


def extract_record(body, url, content_type, profile, locator="trafilatura"):
    if MARKER in body:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(body, url, content_type, profile, locator)
