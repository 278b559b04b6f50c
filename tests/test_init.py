"""`newsarchive init` and the command line's usage errors: starting an archive outside the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsarchive.cli import app

from .conftest import REPO

INPUTS = REPO / "tests" / "data" / "inputs"
COMMAND = [sys.executable, "-m", "newsarchive"]


def run(folder: Path, *args: str):
    old = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(app, [str(a) for a in args])
    finally:
        os.chdir(old)


def test_init_writes_a_ready_archive(tmp_path):
    result = run(tmp_path, "init", "mine", "--name", "Harbour <Archive>", "--url", "https://harbour.example",
                 "--language", "fr")
    assert result.exit_code == 0, result.output
    site = tmp_path / "mine"
    for name in ("pelicanconf.py", "publishconf.py", "taxonomy/tags.yaml", "taxonomy/sources.yaml",
                 "digests/README.md", ".gitignore", "README.md"):
        assert (site / name).is_file(), name
    assert (site / "content" / "articles").is_dir()
    settings = (site / "pelicanconf.py").read_text(encoding="utf-8")
    assert "SITENAME = 'Harbour <Archive>'" in settings and "DEFAULT_LANG = 'fr'" in settings
    assert "'https://harbour.example'" in (site / "publishconf.py").read_text(encoding="utf-8")
    compile(settings, "pelicanconf.py", "exec")  # the settings are Python that Pelican can read


def test_init_refuses_a_folder_that_is_not_empty_and_force_adds_only_missing_files(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "README.md").write_text("my own notes\n", encoding="utf-8")
    refused = run(tmp_path, "init", "mine")
    assert refused.exit_code == 2 and "is not empty" in refused.output
    assert not (tmp_path / "mine" / "pelicanconf.py").exists()
    forced = run(tmp_path, "init", "mine", "--force")
    assert forced.exit_code == 0, forced.output
    assert (tmp_path / "mine" / "README.md").read_text(encoding="utf-8") == "my own notes\n"
    assert (tmp_path / "mine" / "pelicanconf.py").is_file() and "kept" in forced.output


@pytest.mark.slow
def test_a_new_archive_builds_and_its_home_page_says_what_to_do_next(tmp_path):
    assert run(tmp_path, "init", "mine").exit_code == 0
    site = tmp_path / "mine"
    done = subprocess.run([*COMMAND, "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert "This archive has no articles yet" in home and "newsarchive import digests/*" in home
    assert (site / "output" / "theme" / "css" / "site.css").is_file(), "the packaged theme"


def test_import_and_build_outside_an_archive_say_to_run_init(tmp_path):
    (tmp_path / "d.txt").write_text("Title\n\nSource: X\n\nText.\n", encoding="utf-8")
    for args in (("import", "d.txt"), ("build",)):
        result = run(tmp_path, *args)
        assert result.exit_code == 2, result.output
        assert "not a newsarchive site here" in result.output and "newsarchive init" in result.output
    assert not (tmp_path / "content").exists(), "nothing was created in the wrong folder"


def test_a_taxonomy_folder_named_but_missing_is_a_usage_error(tmp_path):
    assert run(tmp_path, "init", "mine").exit_code == 0
    shutil.copy(INPUTS / "harbour-wall.txt", tmp_path / "mine" / "digests")
    result = run(tmp_path / "mine", "import", "digests/harbour-wall.txt", "--taxonomy", "nosuchdir")
    assert result.exit_code == 2 and "nosuchdir: error: no such taxonomy folder" in result.output


def test_a_missing_default_taxonomy_is_a_warning_naming_it(tmp_path):
    assert run(tmp_path, "init", "mine").exit_code == 0
    shutil.rmtree(tmp_path / "mine" / "taxonomy")
    shutil.copy(INPUTS / "harbour-wall.txt", tmp_path / "mine" / "digests")
    result = run(tmp_path / "mine", "import", "digests/harbour-wall.txt")
    assert result.exit_code == 0, result.output
    assert "taxonomy: warning: no taxonomy folder here" in result.output


def test_a_typo_in_a_command_is_a_usage_error(tmp_path):
    result = run(tmp_path, "biuld")
    assert result.exit_code == 2 and "No such command" in result.output


def test_theme_copy_puts_the_packaged_theme_in_the_archive(tmp_path):
    result = run(tmp_path, "theme", "copy")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "theme" / "templates" / "base.html").is_file()
    assert run(tmp_path, "theme", "copy").exit_code == 2, "never over an existing folder"


QUICKSTART = """AUTHOR = 'Someone'
SITENAME = 'A Pelican blog'
SITEURL = ''
PATH = 'content'
TIMEZONE = 'UTC'
DEFAULT_LANG = 'en'
PLUGINS = ['newsarchive.plugin']
"""
NO_NEWSARCHIVE_PAGES = """
SOURCE_SAVE_AS = SOURCES_SAVE_AS = CLUSTER_SAVE_AS = CLUSTERS_SAVE_AS = SEARCH_SAVE_AS = ''
SYNDICATION_SAVE_AS = ''
ARCHIVE_YEAR_SAVE_AS = ARCHIVE_MONTH_SAVE_AS = ARCHIVE_UNDATED_SAVE_AS = ''
"""


@pytest.mark.slow
@pytest.mark.parametrize("own_pages", [True, False])
def test_a_plain_pelican_site_with_the_default_theme_builds_with_the_plugin(tmp_path, own_pages):
    from newsarchive.analysis.tagging.sources import load_sources
    from newsarchive.ingest.importer import import_digests

    site = tmp_path / "blog"
    site.mkdir()
    (site / "pelicanconf.py").write_text(QUICKSTART + ("" if own_pages else NO_NEWSARCHIVE_PAGES), encoding="utf-8")
    import_digests(sorted((REPO / "digests").glob("*.txt")), site / "content", REPO,
                   load_sources(REPO / "taxonomy" / "sources.yaml"))
    done = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelicanconf.py"], cwd=site,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    output = site / "output"
    assert (output / "index.html").is_file() and (output / "theme" / "css" / "main.css").is_file(), "Pelican's theme"
    assert (output / "pagefind" / "pagefind.js").is_file(), "the search index, also under plain pelican"
    sources = sorted((output / "sources").glob("*.html")) if (output / "sources").exists() else []
    if own_pages:
        assert sources, "the source pages, from the packaged templates"
        page = sources[0].read_text(encoding="utf-8")
        assert '<meta charset="utf-8"' in page.lower() or "charset" in page, "the theme's own head is kept"
        assert (output / "theme" / "js" / "search.js").is_file(), "our pages' scripts are there"
    else:
        assert sources == [] and not (output / "clusters").exists() and not (output / "search.html").exists()


@pytest.mark.slow
def test_a_wheel_installed_outside_the_repository_starts_imports_and_builds_an_archive(tmp_path):
    """The wheel carries the theme and the skeleton: built here, installed in a new venv whose
    other packages are this one's (no download), run in a folder far from the repository."""
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                            "-w", str(tmp_path / "dist"), str(REPO)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("newsarchive-*.whl"))
    env = tmp_path / "venv"
    venv.create(env, with_pip=False)
    site_packages = next((env / "lib").glob("python3*/site-packages"))
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p, "pelican").is_dir()]
    (site_packages / "dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    python = env / "bin" / "python"
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                                str(wheel)], capture_output=True, text=True, timeout=600)
    if installed.returncode != 0:  # pip older than 22.3 has no --python: unpack the wheel instead
        import zipfile

        zipfile.ZipFile(wheel).extractall(site_packages)
    where = subprocess.run([str(python), "-c", "import newsarchive; print(newsarchive.__file__)"],
                           capture_output=True, text=True, check=True).stdout
    assert str(site_packages) in where and str(REPO) not in where
    work = tmp_path / "elsewhere"
    work.mkdir()
    command = [str(python), "-m", "newsarchive"]
    assert subprocess.run([*command, "init", "archive"], cwd=work, capture_output=True, timeout=60).returncode == 0
    archive = work / "archive"
    shutil.copy(INPUTS / "harbour-wall.txt", archive / "digests")
    shutil.copy(INPUTS / "harbour-wall.html", archive / "digests")
    imported = subprocess.run([*command, "import", "digests/harbour-wall.txt", "digests/harbour-wall.html"],
                              cwd=archive, capture_output=True, text=True, timeout=300)
    assert imported.returncode == 0, imported.stderr
    done = subprocess.run([*command, "build", "--quiet"], cwd=archive, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (archive / "output" / "theme" / "css" / "site.css").is_file()
    assert len(list((archive / "output" / "articles").glob("*.html"))) >= 1


def test_init_says_what_to_do_next_from_where_the_user_is(tmp_path):
    elsewhere = run(tmp_path, "init", "mine")
    assert "Next: cd mine, put digests in digests/" in elsewhere.output
    (tmp_path / "here").mkdir()
    here = run(tmp_path / "here", "init", ".")
    assert here.exit_code == 0, here.output
    assert "Next: put digests in digests/" in here.output and "cd ." not in here.output


def test_the_suggested_import_of_digests_star_skips_the_readme_init_wrote(tmp_path):
    assert run(tmp_path, "init", "mine").exit_code == 0
    site = tmp_path / "mine"
    shutil.copy(INPUTS / "harbour-wall.txt", site / "digests")
    inputs = sorted(str(p.relative_to(site)) for p in (site / "digests").iterdir())  # what the shell gives
    assert "digests/README.md" in inputs
    result = run(site, "import", *inputs)
    assert result.exit_code == 0, result.output
    assert "digests/README.md: warning: skipped: a README describes its folder" in result.output
    assert not [p for p in (site / "content").rglob("*.md") if "README" in p.read_text(encoding="utf-8")]
