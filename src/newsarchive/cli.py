"""The ``newsarchive`` command line: parses options, calls the modules, sets the exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from . import __version__
from .problems import Problems

if TYPE_CHECKING:  # the commands import what they use: `newsarchive build` stays small beside Pelican's process
    from .digest.read import DigestResult

app = typer.Typer(
    help="Turn plain-text news digests into a browsable, searchable static archive.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DigestArgs = Annotated[
    list[Path],
    typer.Argument(
        help="Digests (.txt), saved HTML pages, RSS/Atom feeds, WARC files.",
        exists=True, dir_okay=False, readable=True, show_default=False,
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Treat warnings as failures (exit 1).")]
NoWaitOption = Annotated[
    bool,
    typer.Option("--no-wait", help="When another build or import of this site is running, exit 1 instead of waiting."),
]
TaxonomyOption = Annotated[
    Path, typer.Option("--taxonomy", help="Folder with tags.yaml and sources.yaml.", file_okay=False)
]


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


@contextmanager
def _locked(site: Path, command: str, no_wait: bool) -> Iterator[None]:
    """Hold the site's lock (one build or import at a time); exit 1 if busy and ``no_wait``."""
    from .site_lock import SiteBusy, site_lock

    try:
        with site_lock(site, command, wait=not no_wait, announce=lambda m: err.print(m, markup=False)):
            yield
    except SiteBusy as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(1) from None


def _finish(problems: Problems, strict: bool, summary: str | None = None) -> None:
    """Print every problem, then the one-line summary, and exit with the code they call for."""
    problems.print(sys.stderr)
    if summary:
        err.print(summary, markup=False)
    raise typer.Exit(problems.exit_code(strict))


@app.command("import")
def import_command(
    digests: DigestArgs,
    content: Annotated[Path, typer.Option("--content", help="Folder to write articles into.", file_okay=False)] = Path(
        "content"
    ),
    digest_date: Annotated[
        str | None,
        typer.Option("--date", help="The date the digests were collected (YYYY-MM-DD): an upper bound for dates."),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Parse and report, write nothing.")] = False,
    taxonomy: TaxonomyOption = Path("taxonomy"),
    strict: StrictOption = False,
    no_wait: NoWaitOption = False,
) -> None:
    """Import digests, HTML pages, feeds and WARC files into CONTENT, one Markdown file per article."""
    from .importer import import_digests
    from .tagging.sources import load_sources

    collected = _parse_date(digest_date)
    sources = load_sources(taxonomy / "sources.yaml")
    total = len(digests)

    def progress(path: Path, result: DigestResult) -> None:
        done = progress.count = getattr(progress, "count", 0) + 1
        err.print(f"[{done}/{total}] {path}: {len(result.articles)} articles", markup=False)

    with _locked(Path.cwd(), "import", no_wait):
        summary = import_digests(
            digests, content, Path.cwd(), sources, digest_date=collected, dry_run=dry_run, on_progress=progress
        )
    if dry_run:
        for path in summary.changes:
            print(f"would write {path}")
    _finish(summary.problems, strict, summary.describe(dry_run))


@app.command()
def check(digests: DigestArgs, taxonomy: TaxonomyOption = Path("taxonomy"), strict: StrictOption = False) -> None:
    """Read the inputs (any kind) and report every problem; write nothing."""
    from .importer import check_digests
    from .tagging.sources import load_sources

    count, problems = check_digests(digests, Path.cwd(), load_sources(taxonomy / "sources.yaml"))
    counts = f"{len(problems.errors)} errors, {len(problems.warnings)} warnings"
    summary = f"{count} articles in {len(digests)} inputs; {counts}"
    _finish(problems, strict, summary)


@app.command()
def build(
    publish: Annotated[bool, typer.Option("--publish", help="Use publishconf.py (absolute URLs, feeds).")] = False,
    output: Annotated[Path | None, typer.Option("--output", help="Folder to write the site into.")] = None,
    settings: Annotated[
        Path | None, typer.Option("--settings", help="Pelican settings file (default pelicanconf.py).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Build even when no input changed since the last build.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress lines on stderr: only problems and the summary.")
    ] = False,
) -> None:
    """Build the static site from content/ with Pelican, saying on stderr what it is doing."""
    from . import progress
    from .build import build_site

    settings_file = settings or Path("publishconf.py" if publish else "pelicanconf.py")
    if not settings_file.exists():
        err.print(f"{settings_file}: no such settings file (run from the site folder)", markup=False)
        raise typer.Exit(2)
    progress.show(None if quiet else progress.Progress())
    try:
        report = build_site(settings_file, output, force=force, load_shared=False)
    finally:
        progress.show(None)
    _finish(report.problems, strict=False, summary=report.describe())


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
    output: Annotated[Path, typer.Option("--output", help="Folder to serve.", file_okay=False)] = Path("output"),
) -> None:
    """Serve the built site at http://127.0.0.1:PORT/."""
    from .build import serve_site

    if not output.is_dir():
        err.print(f"{output}: no built site here; run 'newsarchive build' first", markup=False)
        raise typer.Exit(1)
    serve_site(output, port, announce=lambda url: err.print(f"Serving {output} at {url} (Ctrl-C to stop)"))


tags_app = typer.Typer(help="Inspect the automatic tags.", no_args_is_help=True)
app.add_typer(tags_app, name="tags")


@tags_app.command("explain")
def tags_explain(
    articles: Annotated[
        list[Path],
        typer.Argument(help="Article Markdown files.", exists=True, dir_okay=False, readable=True, show_default=False),
    ],
    taxonomy: TaxonomyOption = Path("taxonomy"),
    settings: Annotated[
        Path, typer.Option("--settings", help="Pelican settings file whose EXCLUDE_TAGS apply.", dir_okay=False)
    ] = Path("pelicanconf.py"),
) -> None:
    """Print each tag of ARTICLES with its type, the rule and the lines that gave it, then every
    spelling that was not taken or tag that was removed, and why."""
    from .tagging.article import tag_article
    from .tagging.explain import explain
    from .tagging.tagger import tagger_for

    tagger = tagger_for(taxonomy)
    problems = Problems()
    problems.extend(tagger.taxonomy.problems)
    exclude = _exclude_tags(settings)
    for path in articles:
        decisions: list = []
        evidence = tag_article(path.read_text(encoding="utf-8"), tagger, exclude, decisions)
        print(f"{path}: {len(evidence)} tags")
        for line in explain(evidence, decisions):
            print(line)
    _finish(problems, strict=False)


@tags_app.command("review")
def tags_review(
    content: Annotated[Path, typer.Argument(help="Folder of article files.", file_okay=False, exists=True)] = Path(
        "content"),
    taxonomy: TaxonomyOption = Path("taxonomy"),
    limit: Annotated[int, typer.Option("--limit", help="Evidence lines shown per tag.", min=0)] = 3,
) -> None:
    """List the person, place and organisation tags that came from rules or the gazetteer rather
    than tags.yaml, most articles first, with evidence: accept one by adding it to tags.yaml, or
    reject its spelling under reject: there."""
    from .tagging.review import review

    problems = Problems()
    for line in review(sorted(content.rglob("*.md")), taxonomy, limit, problems):
        print(line)
    _finish(problems, strict=False)


def _exclude_tags(settings_file: Path) -> list[str]:
    """EXCLUDE_TAGS of a Pelican settings file, or none when there is no such file."""
    if not settings_file.exists():
        return []
    from pelican.settings import read_settings

    return list(read_settings(str(settings_file)).get("EXCLUDE_TAGS") or ())


def _version(value: bool) -> None:
    if value:
        print(f"newsarchive {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn plain-text news digests into a browsable, searchable static archive."""
