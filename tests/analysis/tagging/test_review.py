"""`newsarchive tags review`: the tags rules and the gazetteer gave, with counts and evidence."""

from typer.testing import CliRunner

from newsarchive.analysis.tagging.review import review
from newsarchive.cli import app
from newsarchive.model.problems import Problems

from ...conftest import REPO

ARTICLE = "Title: {title}\n\n{body}\n"


def write(folder, name, title, body):
    path = folder / f"{name}.md"
    path.write_text(ARTICLE.format(title=title, body=body), encoding="utf-8")
    return path


def test_review_lists_rule_and_gazetteer_tags_most_articles_first(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write(content, "a", "Talks", "Spokesman Ahmed Jaber said talks in Copenhagen failed.")
    write(content, "b", "Talks again", "Ahmed Jaber said more, and Syria agreed.")
    lines = review(sorted(content.glob("*.md")), REPO / "taxonomy", 3, Problems())
    assert lines[0] == "person (1 not in tags.yaml):"
    assert lines[1].startswith("  Ahmed Jaber: 2 articles (rule: ")
    assert any(line.endswith("a.md:3: 'Ahmed Jaber'") for line in lines)
    assert "  Copenhagen: 1 articles (gazetteer)" in lines
    assert not any("Syria" in line for line in lines)  # curated in tags.yaml: nothing to review


def test_review_command_runs_on_a_content_folder(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    write(content, "a", "Talks", "Spokesman Ahmed Jaber said talks failed.")
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["tags", "review", str(content)])
    assert result.exit_code == 0, result.output
    assert "Ahmed Jaber: 1 articles" in result.output


def test_explain_command_applies_exclude_tags_of_the_settings_file(tmp_path, monkeypatch):
    article = write(tmp_path, "a", "Talks in Syria", "Talks in Syria failed.")
    settings = tmp_path / "conf.py"
    settings.write_text("EXCLUDE_TAGS = ['Syria']\n", encoding="utf-8")
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["tags", "explain", str(article), "--settings", str(settings)])
    assert result.exit_code == 0, result.output
    assert "removed Syria by EXCLUDE_TAGS" in result.output
    assert "place: Syria" not in result.output
