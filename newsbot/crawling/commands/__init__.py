"""Project commands for `scrapy` (COMMANDS_MODULE): `scrapy crawl` with newsbot's exit codes."""
