"""axe-core in Chromium: no serious or critical violation on each kind of page."""

from __future__ import annotations

import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _pages(site) -> list[str]:
    out = site.output
    pages = ["/", "/archives.html", "/archives/undated.html", "/404.html", "/tags.html", "/sources.html", "/data/"]
    pages.append("/articles/" + sorted((out / "articles").glob("*.html"))[0].name)
    pages.append("/sources/" + sorted((out / "sources").glob("*.html"))[0].name)
    pages += ["/tags/" + p.name for p in sorted((out / "tags").glob("*.html"))[:1]]
    pages += ["/" + p.relative_to(out).as_posix() for p in sorted((out / "archives").glob("[0-9]*/index.html"))[:1]]
    # a story cluster, its index and an article with "Figures reported" and "Also reported by"
    pages += ["/clusters.html", "/clusters/flood-water-forces-evacuations-in-millbrook.html",
              "/articles/river-arden-bursts-its-banks-in-millbrook.html"]
    return pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations(browser, served_site, axe_source, scheme):
    base, site = served_site
    media = {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", media)
    found = {}
    try:
        for page in _pages(site):
            browser.get(base + page)
            bad = axe_violations(browser, axe_source)
            if bad:
                found[page] = bad
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert found == {}
