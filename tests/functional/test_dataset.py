"""The dataset every build writes under data/: Frictionless validates it, and pandas-free readers
(csv, json) get the right rows and types."""

from __future__ import annotations

import csv
import json
import os

import pytest

pytestmark = pytest.mark.slow


def test_frictionless_validates_the_datapackage(sample_site):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(sample_site.output / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_finds_a_wrong_type(sample_site, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    data = sample_site.output / "data"
    for name in ("datapackage.json", "articles.json", "figures.csv"):
        (tmp_path / name).write_bytes((data / name).read_bytes())
    text = (data / "articles.csv").read_text(encoding="utf-8")
    text = text.replace(",day,2024-06-09,", ",day,9 June,", 1)  # a date_start that is not a date
    (tmp_path / "articles.csv").write_text(text, encoding="utf-8")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_articles_csv_round_trips_with_one_row_per_article(sample_site):
    with open(sample_site.output / "data/articles.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(list((sample_site.output / "articles").glob("*.html"))) == 21
    by_id = {row["id"]: row for row in rows}
    harbour = by_id["port-elvin-council-approves-harbour-wall-repairs-march-2024"]
    assert (harbour["date"], harbour["date_precision"]) == ("2024-03", "month")
    assert (harbour["date_start"], harbour["date_end"]) == ("2024-03-01", "2024-03-31")
    assert harbour["source"] == "Harbour Gazette" and harbour["collected"] == "2024-03-18"
    assert len(harbour["sha256"]) == 64 and harbour["lines"] == "1-15"
    election = by_id["westmarch-county-election-count-concludes"]
    assert election["date"] == "" and election["date_precision"] == "unknown"
    assert election["authors"] == "Leona Marsh; Idris Fenwick; Carla Munro"
    assert all(int(row["figures_count"]) >= 0 for row in rows)


def test_articles_json_holds_the_same_rows_with_lists(sample_site):
    items = json.loads((sample_site.output / "data/articles.json").read_text(encoding="utf-8"))
    with open(sample_site.output / "data/articles.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [item["id"] for item in items] == [row["id"] for row in rows]
    election = next(i for i in items if i["id"] == "westmarch-county-election-count-concludes")
    assert election["authors"] == ["Leona Marsh", "Idris Fenwick", "Carla Munro"]
    assert isinstance(election["figures_count"], int)


def test_figures_csv_lists_every_reported_figure_with_its_article(sample_site):
    with open(sample_site.output / "data/figures.csv", encoding="utf-8", newline="") as f:
        figures = list(csv.DictReader(f))
    with open(sample_site.output / "data/articles.csv", encoding="utf-8", newline="") as f:
        articles = {row["id"]: row for row in csv.DictReader(f)}
    assert figures
    assert len(figures) == sum(int(row["figures_count"]) for row in articles.values())
    for figure in figures:
        assert figure["article_id"] in articles and figure["url"].endswith("#" + figure["anchor"])
        assert figure["value"].isdigit() and figure["sentence"]


def test_datapackage_names_licences_rights_and_how_to_cite(sample_site):
    descriptor = json.loads((sample_site.output / "data/datapackage.json").read_text(encoding="utf-8"))
    titles = " ".join(licence.get("title", "") for licence in descriptor["licenses"])
    assert "GeoNames" in titles
    assert descriptor["rights"] and descriptor["citation"].startswith("newsarchive sample (2024)")
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert fields["date_start"]["type"] == "date" and fields["figures_count"]["type"] == "integer"
    assert all(f["description"] for f in fields.values())


def test_export_builds_when_the_output_is_missing_then_copies_the_last_builds_files(tmp_path):
    from newsarchive.export import export_dataset

    from ..conftest import REPO, make_site

    site = make_site(tmp_path / "site")
    import shutil

    shutil.copytree(REPO / "content", site / "content")
    said: list[str] = []
    old = os.getcwd()
    os.chdir(site)
    try:
        report = export_dataset(site / "pelicanconf.py", site / "output", site / "content", "data", "csv",
                                tmp_path / "out", said.append)
        assert report is not None and report.exit_code() == 0  # it had to build
        again = export_dataset(site / "pelicanconf.py", site / "output", site / "content", "data", "json",
                               tmp_path / "out", said.append)
    finally:
        os.chdir(old)
    assert again is None  # the last build is newer than the content: no build
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["articles.csv", "articles.json", "figures.csv"]
    assert (tmp_path / "out/articles.csv").read_bytes() == (site / "output/data/articles.csv").read_bytes()
    assert any("building first" in line for line in said)


def test_about_this_data_page_is_linked_from_the_footer_and_the_archives(sample_site):
    page = sample_site.page("data/index.html")
    assert "<h1>About this data</h1>" in page
    for name in ("datapackage.json", "articles.csv", "articles.json", "figures.csv"):
        assert f'href="/data/{name}"' in page
    assert "<code>date_precision</code>" in page and "<code>attribution</code>" in page
    assert "GeoNames" in page and "newsarchive sample (2024)" in page
    for other in ("index.html", "articles/weekend-road-closures.html", "archives.html"):
        assert 'href="/data/"' in sample_site.page(other), other
