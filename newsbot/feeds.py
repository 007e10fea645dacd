"""Feed URI parameters: one run id for all of a run's files, and the output folder."""

from __future__ import annotations


def uri_params(params: dict, spider) -> dict:
    """FEED_URI_PARAMS hook: adds %(run)s (the run's start time, the same in every feed of
    the run) and %(output)s (the NEWSBOT_OUTPUT_DIR setting)."""
    out = dict(params)
    out["run"] = getattr(spider, "run_id", params.get("time"))
    out["output"] = spider.settings.get("NEWSBOT_OUTPUT_DIR", "output").rstrip("/")
    return out


from pathlib import Path  # noqa: E402

from scrapy.extensions.feedexport import FileFeedStorage  # noqa: E402


class UnbufferedFileFeedStorage(FileFeedStorage):
    """Local feed files written through at once: a killed run leaves every record it
    counted as delivered on disk (the state store marks delivery right after the write)."""

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open(self.write_mode, buffering=0)
