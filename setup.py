"""Only for Scrapyd eggs: `scrapyd-deploy` runs `setup.py bdist_egg`. All metadata, the
Scrapy settings entry point included, lives in pyproject.toml."""

from setuptools import setup

setup()
