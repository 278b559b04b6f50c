"""The build's parent process: runs Pelican in a forked child, checks what changed since the last
build, indexes the pages for search beside it, and swaps the finished site in.

It never imports the site's features (``newsarchive.plugin``) at module level: what it needs from
the build's child it is told through :mod:`newsarchive.process.forked`'s notes.
"""

from .run import BuildReport, build_site, serve_site

__all__ = ["BuildReport", "build_site", "serve_site"]
