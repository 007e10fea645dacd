"""The Scrapy-free core: the record, keys, page -> record extraction, publisher profiles,
the vocabularies and wire stories. The spider, the CLI, the tests and the benches call it;
it imports nothing from crawling/ or run/."""
