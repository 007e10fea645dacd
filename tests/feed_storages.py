"""Feed storages that hand the feed over only when the run ends (as S3, FTP or GCS do), for
the delivery tests: `atclose:///path` copies the feed there at the end; `failclose:///path`
fails at that moment, as an unreachable bucket would."""

import shutil

from scrapy.extensions.feedexport import BlockingFeedStorage


class AtCloseStorage(BlockingFeedStorage):
    def __init__(self, uri, *, feed_options=None):
        self.path = uri.split("://", 1)[1]
        self.fail = uri.startswith("failclose:")

    def _store_in_thread(self, file):
        if self.fail:
            raise OSError(f"cannot upload the feed to {self.path}")
        file.seek(0)
        with open(self.path, "wb") as out:
            shutil.copyfileobj(file, out)
        file.close()
