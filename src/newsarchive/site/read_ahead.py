"""What the speed layer's prefill pool does, on every core, for each article file it has not kept:
what this build will ask it for when it reads the file, by the same memoised functions.

- the reader's Markdown and tags (:func:`tags.parsed_file`);
- the figures of the body, its anchors and plain text (:func:`reported_figures.body_figures`);
- the words the story clusters count in the title and plain body (:func:`cluster_pages.tokens_ahead`):
  when Pelican's title is the file's, the build finds them.

``cache_config`` says what those values depend on besides the file: the taxonomy, the
excluded tags, the Markdown settings and the code that makes them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..incremental import precompute, unpacked
from ..model import settings
from ..model.code_digest import PACKAGE, code_digest
from . import cluster_pages, reported_figures, tags

# The code whose output the speed layer keeps for these values; editing it starts a new cache.
CODE = (PACKAGE / "analysis" / "tagging", PACKAGE / "analysis" / "research" / "figures.py",
        PACKAGE / "analysis" / "research" / "clusters.py",
        PACKAGE / "site" / "tags.py", PACKAGE / "site" / "reported_figures.py",
        PACKAGE / "site" / "cluster_pages.py", Path(__file__))


def read_ahead(raw: bytes, pelican_settings: dict) -> None:
    _, parsed = tags.parsed_file(raw, pelican_settings)
    _, plain, _ = reported_figures.body_figures(parsed.html)
    title = parsed.meta.get("title")
    if isinstance(title, list) and len(title) == 1 and isinstance(title[0], str):
        cluster_pages.tokens_ahead(cluster_pages.cluster_text(title[0], unpacked(plain)))


def cache_config(pelican_settings: dict) -> dict:
    tags_file = tags.taxonomy_folder(pelican_settings) / "tags.yaml"
    return {
        "code": code_digest(CODE),
        "taxonomy": hashlib.sha256(tags_file.read_bytes()).hexdigest() if tags_file.exists() else "",
        "exclude": list(settings.get(pelican_settings, "EXCLUDE_TAGS") or ()),
        "markdown": repr(sorted(pelican_settings.get("MARKDOWN", {}).items())),
    }


precompute(tags.PARSED, read_ahead, config=cache_config, warm=tags.site_tagger)
