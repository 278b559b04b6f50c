"""Under plain ``pelican`` (not ``newsarchive build``), what the build's parent process otherwise
does: the search index of the finished output (``finalized``), and the static files our pages
need when the site's theme is another one.

``newsarchive build`` indexes the article pages itself, part by part as Pelican writes them
(:mod:`.search`); it says so by putting its callback in the settings, and then this does nothing.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from .. import search as search_index
from ..packaged import THEME
from ..problems import Problems
from . import settings
from .search import ARTICLE_PARTS

logger = logging.getLogger(__name__)


def index_for_search(pelican) -> None:
    """``finalized``: Pagefind over the output Pelican just wrote."""
    under_newsarchive_build = pelican.settings.get(ARTICLE_PARTS) is not None
    if under_newsarchive_build or not settings.get(pelican.settings, "NEWSARCHIVE_SEARCH_INDEX"):
        return
    output = Path(pelican.output_path)
    run = search_index.IndexRun(
        output=output,
        article_save_as=pelican.settings.get("ARTICLE_SAVE_AS") or "",
        shard_size=settings.get(pelican.settings, "NEWSARCHIVE_SEARCH_SHARD_SIZE") or 0,
    )
    problems = Problems()
    logger.info("building the search index of %s with Pagefind", output)
    if not search_index.build_index(run, problems):
        for problem in problems:
            logger.error("%s", f"{problem.path}: {problem.message} (NEWSARCHIVE_SEARCH_INDEX = False builds without)")


def copy_static_files_of_our_pages(pelican) -> None:
    """``finalized``: under another theme, the scripts and styles our pages (search, cite) use, into
    the theme's static folder of the output, without replacing any file of that theme."""
    if Path(pelican.settings["THEME"]).resolve() == THEME.resolve():
        return
    target = Path(pelican.output_path) / pelican.settings.get("THEME_STATIC_DIR", "theme")
    source = THEME / "static"
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)
