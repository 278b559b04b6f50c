"""`newsarchive serve --watch`: the served site follows an edit within seconds, the page is told of
each build, and a broken edit leaves the last good site served with its errors on every page."""

from __future__ import annotations

import html

import pytest

from ..watching import ADDED, fetch, serve_watch

pytestmark = pytest.mark.slow

RELOAD_SCRIPT = '<script src="/__newsarchive__/reload.js"'


def test_an_edit_is_served_within_seconds_and_a_broken_one_shows_its_errors_on_the_last_good_site(tmp_path):
    with serve_watch(tmp_path / "site") as site:
        first = site.state()
        assert first["ok"] and first["errors"] == [], first
        built = (site.root / "output" / site.url.split("/", 3)[3]).read_text(encoding="utf-8")
        script = f'{RELOAD_SCRIPT} data-build="{first["build"]}"></script>'
        assert fetch(site.url) == built.replace("</body>", script + "</body>"), \
            "the page is served as built, with the reloading script before </body>"
        css = "theme/css/site.css"
        assert fetch(f"{site.base}/{css}") == (site.root / "output" / css).read_text(encoding="utf-8")

        site.add_paragraph()
        assert site.wait_until(lambda: ADDED in (fetch(site.url) or "")), "the edit is served within a minute"
        assert site.state()["build"] > first["build"], "the endpoint reports the new build"
        assert 'role="alert"' not in fetch(site.url)

        site.remove_title()
        assert site.wait_until(lambda: not site.state().get("ok", True)), "the failed build is reported"
        error = f"{site.article_shown}:1: error: the header has no 'Title:' line"
        assert any(line.startswith(error) for line in site.state()["errors"]), site.state()
        served = fetch(site.url)
        assert ADDED in served, "the last good site stays served"
        banner = served[served.index('role="alert"'):]
        assert html.escape(error) in banner, "the banner lists the error, escaped"
        assert fetch(site.base + "/").count('role="alert"') == 1, "every page shows the banner"

        site.article.write_text(site.original, encoding="utf-8")
        assert site.wait_until(lambda: 'role="alert"' not in (fetch(site.url) or "")), "a good build removes it"
        assert ADDED not in fetch(site.url) and site.state()["ok"]
        output_pages = list((site.root / "output").rglob("*.html"))
    terminal = site.terminal()
    assert output_pages and not any(b"__newsarchive__" in path.read_bytes() for path in output_pages), \
        "nothing of serve mode is written into output/"
    assert "Traceback" not in terminal and "GET /__newsarchive__" not in terminal
    assert f"{error} (the header is" in terminal, "the broken build's error is shown in the terminal"

