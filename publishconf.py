"""Production settings: ``newsarchive build --publish`` (or ``make publish``)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://archive.example.org")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
SOURCE_FEED_ATOM = "feeds/sources/{slug}.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
