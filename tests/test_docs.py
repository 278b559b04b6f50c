"""The reference in docs/ stays true to the code: every command and option of the command line is in
docs/commands.md and nothing there or in any other page is invented; every setting of the registry is
in docs/settings.md; links between the pages lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from newsarchive.cli import app
from newsarchive.model.settings import markdown_table

from .conftest import REPO

DOCS = REPO / "docs"
PAGES = sorted(DOCS.glob("*.md")) + [REPO / "README.md"]
COMMANDS_PAGE = DOCS / "commands.md"
# a code span or line that runs newsarchive: `newsarchive build --publish`, `.venv/bin/newsarchive serve`,
# `SITEURL=... newsarchive build`, `- run: newsarchive build` (a workflow); up to a comment
COMMAND_LINE = re.compile(r"\s*(?:- run:\s*)?(?:[A-Z_]+=\S+\s+)*(?:\S*/)?newsarchive((?: [a-z][a-z-]*)*)[^#|;&]*")
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])(?![\w-])")


def _commands() -> dict:
    """Every command by its name as typed (``newsarchive``, ``newsarchive tags explain``)."""
    found = {}

    def walk(command, name: str) -> None:
        found[name] = command
        for sub_name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{name} {sub_name}")

    walk(typer.main.get_command(app), "newsarchive")
    return found


COMMANDS = _commands()
LEAVES = {name: command for name, command in COMMANDS.items()
          if name == "newsarchive" or not hasattr(command, "commands")}  # Typer may bring its own Click


def _options(command) -> set[str]:
    names = {"--help"}
    for param in command.params:
        if param.param_type_name == "option":
            names.update(param.opts + param.secondary_opts)
    return names


def _arguments(command) -> list[str]:
    return [param.name.upper() for param in command.params if param.param_type_name == "argument"]


def _code(text: str) -> list[str]:
    """The code of a Markdown page: each line of a fenced block, each inline code span."""
    fragments, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced:
            fragments.append(line)
        else:
            fragments.extend(re.findall(r"`([^`]+)`", line))
    return fragments


def _sections(text: str) -> dict[str, str]:
    """The sections of commands.md headed `` ## `newsarchive ...` ``, by command name."""
    sections, name = {}, None
    for line in text.split("\n"):
        heading = re.fullmatch(r"## `(newsarchive(?: [a-z-]+)*)`", line)
        if heading:
            name = heading[1]
            sections[name] = ""
        elif line.startswith("## "):
            name = None
        elif name:
            sections[name] += line + "\n"
    return sections


SECTIONS = _sections(COMMANDS_PAGE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(LEAVES))
def test_every_command_has_a_section_naming_each_of_its_options_and_arguments(name):
    assert name in SECTIONS, f"docs/commands.md has no section '## `{name}`'"
    described = "\n".join(line for line in SECTIONS[name].split("\n") if line.startswith("- "))  # the list
    command = LEAVES[name]
    for option in sorted(_options(command) - {"--help"}):
        assert re.search(rf"`{re.escape(option)}[ `]", described), f"{name}: {option} is not described"
    for argument in _arguments(command):
        assert re.search(rf"`{argument}(\.\.\.)?`", described), f"{name}: its argument {argument} is not described"


def test_every_section_and_option_in_commands_md_is_the_program_s():
    assert set(SECTIONS) <= set(LEAVES), f"sections for commands that do not exist: {set(SECTIONS) - set(LEAVES)}"
    for name, section in SECTIONS.items():
        named = {match for fragment in _code(section) if "newsarchive " not in fragment
                 for match in OPTION.findall(fragment) if match.startswith("--")}
        assert named <= _options(LEAVES[name]), f"{name}: options it does not have: {named - _options(LEAVES[name])}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(REPO).as_posix())
def test_every_command_line_in_the_docs_runs_a_real_command_with_its_own_options(page):
    wrong = []
    for fragment in _code(page.read_text(encoding="utf-8")):
        match = COMMAND_LINE.match(fragment)
        if match is None:
            continue
        words = match[1].split()
        while words and " ".join(["newsarchive", *words]) not in COMMANDS:
            words.pop()  # the rest are arguments (`newsarchive import digests`)
        name = " ".join(["newsarchive", *words])
        if match[1] and not words:
            wrong.append(f"{fragment!r}: no command {match[1].split()[0]!r}")
            continue
        given = set(OPTION.findall(match.group(0)))
        if given - _options(COMMANDS[name]):
            wrong.append(f"{fragment!r}: {name} has no {sorted(given - _options(COMMANDS[name]))}")
    assert not wrong, "\n".join(wrong)


def test_docs_settings_lists_every_setting_of_the_registry():
    settings = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert markdown_table() in settings, "refresh with: .venv/bin/python -m newsarchive.model.settings"


def _anchors(page: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown page."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(REPO).as_posix())
def test_links_between_pages_lead_to_a_file_and_heading_that_exist(page):
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)|src=\"([^\"]+)\"", page.read_text(encoding="utf-8")):
        target = next(t for t in target if t)
        if re.match(r"[a-z]+:", target):
            continue  # an address on the web
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            broken.append(f"{target} (no such heading)")
    assert not broken, broken
