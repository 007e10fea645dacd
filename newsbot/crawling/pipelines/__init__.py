"""Item pipelines, one job each, in the order settings.ITEM_PIPELINES runs them:

    extract.ExtractPipeline        page -> record (or a failure with its reason)
    dedup.CanonicalDedupPipeline   one record per canonical URL within a run
    state.IncrementalStatePipeline skip what an earlier run delivered unchanged; mark updates
    (spidermon's ItemValidationPipeline validates against the record's JSON Schema)
    validate.InvalidRecordPipeline keep invalid records, with their errors, in the failures feed
    offers.OfferFeedPipeline       one offers-feed line per publisher plan
"""
