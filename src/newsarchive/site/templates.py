"""Our pages under any theme: a template the site's theme lacks (``source.html``,
``cluster.html``, ``partials/...``) is taken from the theme the package carries, and so are the
scripts and styles those pages use.

Pelican's generators each load templates through their own Jinja2 environment, made before
``generator_init``; the receiver puts the packaged templates behind the theme's loader, so
the theme's own templates always win.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader

from ..model.packaged import TEMPLATES, THEME


def fall_back_on_packaged_templates(generator) -> None:
    """``generator_init``: the packaged templates after the theme's."""
    loader = generator.env.loader
    if getattr(loader, "newsarchive_fallback", False):
        return
    fallback = ChoiceLoader([loader, FileSystemLoader(str(TEMPLATES))])
    fallback.newsarchive_fallback = True
    generator.env.loader = fallback


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
