"""A draft (``Status: draft``) gets its own page under drafts/ and is listed nowhere, with and without
the speed layer: Pelican 4.12 stops the whole build on a draft when categories have no pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import build_in, make_site

pytestmark = pytest.mark.slow

DRAFT = """Title: Harbour works, not yet checked
Date: 2024-02-01
Status: draft
Source: Valley Courier
Tags: Harbour

The harbour wall works in Portmeadow are only a draft for now.
"""

PUBLISHED = """Title: Harbour works begin
Date: 2024-02-02
Source: Valley Courier

The harbour wall works in Portmeadow began on Friday.
"""


def _site_with_a_draft(root: Path, plugins: str) -> Path:
    make_site(root)
    conf = (root / "pelicanconf.py").read_text(encoding="utf-8")
    (root / "pelicanconf.py").write_text(conf.replace('["newsarchive.plugin"]', plugins), encoding="utf-8")
    articles = root / "content" / "articles" / "2024"
    articles.mkdir(parents=True)
    (articles / "harbour-works-draft.md").write_text(DRAFT, encoding="utf-8")
    (articles / "harbour-works-begin.md").write_text(PUBLISHED, encoding="utf-8")
    report = build_in(root)
    assert not [p for p in report.problems if p.severity == "error"], report.problems
    return root / "output"


@pytest.mark.parametrize("plugins", ['["newsarchive.plugin"]', '["newsarchive.site"]'])
def test_a_draft_has_its_page_and_is_listed_nowhere(tmp_path, plugins):
    output = _site_with_a_draft(tmp_path / "site", plugins)
    draft = (output / "drafts" / "harbour-works-not-yet-checked.html").read_text(encoding="utf-8")
    assert "only a draft for now" in draft
    assert (output / "articles" / "harbour-works-begin.html").is_file()
    listed = [p.relative_to(output) for p in output.rglob("*") if p.is_file() and "drafts" not in p.parts
              and p.suffix in {".html", ".xml", ".json", ".csv"}
              and "not-yet-checked" in p.read_text(encoding="utf-8", errors="replace")]
    assert listed == []
