"""Each article's teaser rendered once per build, however many lists show it.

A list page (a tag's, a source's, an author's, a month's, the index) shows its articles as
teasers: title, date, source, byline and tag chips (``partials/teaser.html``). An article
is on ten or so such pages, so rendering the teaser anew on each was half of all rendering
(22 s of a 10,000-article build's 43). A teaser depends only on the article, its heading
level and ``SITEURL``; the template ``teaser(article, heading)`` renders it the first time
and gives back the same markup after that, until the build ends.

The teaser partial therefore sees ``article``, ``heading`` and ``SITEURL`` (and Jinja's
globals), not the page's other variables: what it shows cannot depend on the page it is on.
With relative URLs each depth of page has its own ``SITEURL`` (".", "..", "../.."); a teaser
is kept once for all of them, rendered with a placeholder that each call replaces by its
``SITEURL``, escaped as ``{{ SITEURL }}`` would print it. So the partial may print ``SITEURL``
and test whether it is empty (an empty one has its own copy), but not compute with it.
Whether a list page is rendered at all is decided before (the speed layer's linking writer), from the
fingerprint of the articles it lists.
"""

from __future__ import annotations

import secrets

from jinja2 import pass_context
from markupsafe import Markup, escape

from ..incremental import renders_template
from .drawn_once import DrawnOnce

TEASER_TEMPLATE = "partials/teaser.html"
TEASER_FUNCTION = "teaser"  # its name in templates
renders_template(TEASER_FUNCTION, TEASER_TEMPLATE)  # a page's fingerprint follows it as an include

_TEASERS = DrawnOnce(TEASER_TEMPLATE)  # by article, heading and SITEURL (or the placeholder)
# Printed in place of a non-empty SITEURL, then replaced. New for each build (``forget``), so no
# text can hold it; never escaped (no markup character); it never reaches a page.
_placeholder = ["\x00SITEURL\x00"]


@pass_context
def teaser(context, article, heading: str = "h2") -> Markup:
    """The article's teaser as the list's heading level shows it, rendered once per build."""
    siteurl = context.get("SITEURL") or ""
    if not siteurl:
        return _rendered(context, article, heading, "")
    placeholder = _placeholder[0]
    shared = _rendered(context, article, heading, placeholder)
    return Markup(str(shared).replace(placeholder, str(escape(siteurl))))


def _rendered(context, article, heading: str, siteurl: str) -> Markup:
    return _TEASERS.draw(context.environment, article, (heading, siteurl), article=article, heading=heading,
                         SITEURL=siteurl)


def install(generator) -> None:
    """``generator_init``: the templates of every generator can call ``teaser``."""
    generator.env.globals[TEASER_FUNCTION] = teaser


def forget(*_args, **_kwargs) -> None:
    """``initialized`` and ``finalized``: each build renders its own teasers (and lets them go)."""
    _TEASERS.forget()
    _placeholder[0] = f"\x00SITEURL-{secrets.token_hex(8)}\x00"
