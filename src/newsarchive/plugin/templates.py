"""Our pages under any theme: a template the site's theme lacks (``source.html``,
``cluster.html``, ``partials/...``) is taken from the theme the package carries.

Pelican's generators each load templates through their own Jinja2 environment, made before
``generator_init``; the receiver puts the packaged templates behind the theme's loader, so
the theme's own templates always win.
"""

from __future__ import annotations

from jinja2 import ChoiceLoader, FileSystemLoader

from ..packaged import TEMPLATES


def fall_back_on_packaged_templates(generator) -> None:
    """``generator_init``: the packaged templates after the theme's."""
    loader = generator.env.loader
    if getattr(loader, "newsarchive_fallback", False):
        return
    fallback = ChoiceLoader([loader, FileSystemLoader(str(TEMPLATES))])
    fallback.newsarchive_fallback = True
    generator.env.loader = fallback
