"""What the package carries for any site, found with ``importlib.resources``: the theme (the
default ``THEME`` of ``newsarchive build``, and the templates the plugin falls back on under any
other theme) and the skeleton of a new archive that ``newsarchive init`` writes."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_HERE = files("newsarchive")
THEME = Path(str(_HERE / "theme"))
TEMPLATES = THEME / "templates"
SKELETON = Path(str(_HERE / "skeleton"))
# the SITEURL the skeleton's publishconf.py has until the archive's owner sets theirs (`init --url`);
# `build --publish` warns while it is still there
EXAMPLE_SITEURL = "https://archive.example.org"
