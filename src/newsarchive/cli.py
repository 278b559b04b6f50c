"""The ``newsarchive`` command line: parses options, calls the modules, sets the exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from . import __version__
from .model.problems import Problems

if TYPE_CHECKING:  # the commands import what they use: `newsarchive build` stays small beside Pelican's process
    from .ingest.digest.read import DigestResult

app = typer.Typer(
    help="Turn plain-text news digests into a browsable, searchable static archive.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain help: with Rich markup, "[default: ...]" in a help text is taken for a tag and vanishes,
    # and every flag is shown with a "<bool>" value it does not take
    rich_markup_mode=None,
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
MaxInputOption = Annotated[
    int,
    typer.Option(
        "--max-input-mb", min=1,
        help="Refuse digests, HTML pages and feeds larger than this (MB); for a WARC file, the most of one record.",
    ),
]
TaxonomyOption = Annotated[
    Path | None,
    typer.Option("--taxonomy", help="Folder with tags.yaml and sources.yaml [default: taxonomy].", file_okay=False),
]
SETTINGS_FILE = "pelicanconf.py"


def _usage_error(message: str) -> NoReturn:
    err.print(message, markup=False)
    raise typer.Exit(2)


def _site_settings(settings: Path) -> dict:
    """The settings of the site ``export`` and ``bag`` read (its folders, its name); no build runs."""
    from pelican.settings import read_settings  # heavy optional: only the commands that read a site's settings

    if not settings.exists():
        _usage_error(f"{settings}: no such settings file (run from the site folder)")
    return read_settings(str(settings))


def _require_site(what: str) -> None:
    """Commands that read or write a site run in its folder (the one with pelicanconf.py)."""
    if not Path(SETTINGS_FILE).is_file():
        _usage_error(f"{Path.cwd()}: error: not a newsarchive site here (no {SETTINGS_FILE}): run `newsarchive "
                     f"init FOLDER` to start an archive, or {what} from an archive's folder")


def _taxonomy(given: Path | None, problems: Problems) -> Path:
    """The taxonomy folder: one named with --taxonomy must exist; a missing default one is a warning."""
    if given is not None:
        if not given.is_dir():
            _usage_error(f"{given}: error: no such taxonomy folder (it holds tags.yaml and sources.yaml)")
        return given
    folder = Path("taxonomy")
    if not folder.is_dir():
        problems.warn(str(folder), 0, "no taxonomy folder here: no curated tags or sources (places still come from "
                                      "the gazetteer); `newsarchive init` writes one with examples")
    return folder


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
    from .model.site_lock import SiteBusy, site_lock

    held = False
    try:
        with site_lock(site, command, wait=not no_wait, announce=lambda m: err.print(m, markup=False)):
            held = True
            yield
    except SiteBusy as exc:
        err.print(f"{site}: error: {exc}", markup=False)
        raise typer.Exit(1) from None
    except OSError as exc:
        if held:
            raise  # the command's own failure, not the lock's
        # a read-only site folder: the lock file cannot be made
        err.print(f"{exc.filename or site}: error: cannot take the site's lock: {exc.strerror or exc}", markup=False)
        raise typer.Exit(1) from None


def _finish(problems: Problems, strict: bool, summary: str | None = None, code: int | None = None) -> None:
    """Print every problem, then the one-line summary, and exit with the code they call for."""
    problems.print(sys.stderr)
    if summary:
        err.print(summary, markup=False)
    raise typer.Exit(problems.exit_code(strict) if code is None else code)


@app.command("import")
def import_command(
    digests: DigestArgs,
    content: Annotated[
        Path | None,
        typer.Option("--content", help="Folder to write articles into [default: content, in an archive's folder].",
                     file_okay=False),
    ] = None,
    digest_date: Annotated[
        str | None,
        typer.Option("--date", help="The date the digests were collected (YYYY-MM-DD): an upper bound for dates."),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Parse and report, write nothing.")] = False,
    taxonomy: TaxonomyOption = None,
    strict: StrictOption = False,
    no_wait: NoWaitOption = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune", help="Remove article files whose text is no longer in their input (never hand-edited ones)."
        ),
    ] = False,
    max_input_mb: MaxInputOption = 200,
) -> None:
    """Import digests, HTML pages, feeds and WARC files into CONTENT, one Markdown file per article.

    A re-import keeps each article in its file and URL, even after a title fix, and names the articles gone.

    Nothing is written when the taxonomy files have errors.
    """
    from .analysis.tagging.sources import load_sources
    from .analysis.tagging.taxonomy import load_taxonomy
    from .ingest.importer import import_digests
    from .ingest.limits import MB

    if content is None:
        _require_site("pass --content FOLDER, or run it")
        content = Path("content")
    collected = _parse_date(digest_date)
    found = Problems()
    taxonomy = _taxonomy(taxonomy, found)
    sources = load_sources(taxonomy / "sources.yaml")
    sources.problems[:0] = found.items
    tags = load_taxonomy(taxonomy / "tags.yaml")
    total = len(digests)

    def progress(path: Path, result: DigestResult) -> None:
        done = progress.count = getattr(progress, "count", 0) + 1
        err.print(f"[{done}/{total}] {path}: {len(result.articles)} articles", markup=False)

    with _locked(Path.cwd(), "import", no_wait):
        summary = import_digests(
            digests, content, Path.cwd(), sources, digest_date=collected, dry_run=dry_run, on_progress=progress,
            prune=prune, config_problems=tags.problems, max_bytes=max_input_mb * MB,
        )
    if dry_run:
        for path in summary.changes:
            print(f"would write {path}")
    for note in summary.notes:
        err.print(note, markup=False)
    _finish(summary.problems, strict, summary.describe(dry_run))


@app.command()
def check(
    digests: DigestArgs,
    taxonomy: TaxonomyOption = None,
    strict: StrictOption = False,
    max_input_mb: MaxInputOption = 200,
) -> None:
    """Read the inputs (any kind) and report every problem; write nothing."""
    from .analysis.tagging.sources import load_sources
    from .analysis.tagging.taxonomy import load_taxonomy
    from .ingest.importer import check_digests
    from .ingest.limits import MB

    found = Problems()
    taxonomy = _taxonomy(taxonomy, found)
    tags = load_taxonomy(taxonomy / "tags.yaml")
    count, problems = check_digests(
        digests, Path.cwd(), load_sources(taxonomy / "sources.yaml"), tags.problems, max_input_mb * MB
    )
    problems.items[:0] = found.items
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
    keep_going: Annotated[
        bool,
        typer.Option("--keep-going", help="Publish the site even when the build reports errors (a partial site)."),
    ] = False,
    output_clean: Annotated[
        bool,
        typer.Option(
            "--output-clean",
            help="Let the build replace an output folder that is not empty and was not made by newsarchive "
            "(never one of the site's own folders).",
        ),
    ] = False,
    no_wait: NoWaitOption = False,
) -> None:
    """Build the static site from content/ with Pelican, saying on stderr what it is doing."""
    from .build import build_site
    from .process import progress

    if settings is None:
        _require_site("run it")
    settings_file = settings or Path("publishconf.py" if publish else SETTINGS_FILE)
    if not settings_file.is_file():
        _usage_error(f"{settings_file}: error: no such settings file")
    progress.show(None if quiet else progress.Progress())
    try:
        report = build_site(settings_file, output, force=force, load_shared=False, keep_going=keep_going,
                            output_clean=output_clean, wait=not no_wait, publish=publish,
                            announce=lambda message: err.print(message, markup=False))
    finally:
        progress.show(None)
    _finish(report.problems, strict=False, summary=report.describe(), code=report.exit_code())


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (1-65535).", min=1, max=65535)] = 8000,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Folder to serve [default: output; with --watch, the folder the build writes].",
                     file_okay=False),
    ] = None,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Build first, then build again whenever content, taxonomy, theme or settings "
                                     "change; the open page reloads itself, and shows the errors of a failed build "
                                     "(the last good site stays served)."),
    ] = False,
) -> None:
    """Serve the built site at http://127.0.0.1:PORT/ (with --watch: and keep it built)."""
    import threading

    from .build import build_site, serve_site

    stop = threading.Event()
    live = None
    if watch:
        _require_site("run it")
        from .build.causes import shown
        from .build.live import LiveBuild
        from .build.watch import watch_and_rebuild
        from .process import progress

        live = LiveBuild()

        def rebuild() -> Path:
            report = build_site(Path(SETTINGS_FILE), output, load_shared=False,
                                announce=lambda message: err.print(message, markup=False))
            report.problems.print(sys.stderr)
            err.print(report.describe(), markup=False)
            live.finished([str(problem) for problem in report.problems.errors], len(report.problems.warnings),
                          report.published)
            return Path(shown(report.output))

        progress.show(None)
        served = rebuild()  # the settings' OUTPUT_PATH unless --output
        watcher = threading.Thread(target=watch_and_rebuild, args=(Path.cwd(), served, rebuild, stop), daemon=True)
    else:
        served = output or Path("output")
        if not served.is_dir():
            err.print(f"{served}: no built site here; run 'newsarchive build' first", markup=False)
            raise typer.Exit(1)
    served.mkdir(parents=True, exist_ok=True)

    def started(url: str) -> None:
        more = "; rebuilding on changes, and the open page reloads itself" if watch else ""
        err.print(f"Serving {served} at {url} (Ctrl-C to stop){more}", markup=False)
        if watch:
            watcher.start()

    try:
        serve_site(served, port, announce=started, live=live)
    except OSError as exc:
        err.print(f"127.0.0.1:{port}: error: cannot serve on this port: {exc.strerror or exc}; "
                  "try another --port", markup=False)
        raise typer.Exit(1) from None
    finally:
        stop.set()
    err.print("stopped", markup=False)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The new archive's folder (made if missing; must be empty).")],
    name: Annotated[str | None, typer.Option("--name", help="The archive's name [default: the folder's name].")] = None,
    url: Annotated[str, typer.Option("--url", help="The address it will be published at.")] = "",
    language: Annotated[str, typer.Option("--language", help="Its language, as a code such as en or fr.")] = "en",
    force: Annotated[
        bool, typer.Option("--force", help="In a folder that is not empty: add the missing files, overwrite none.")
    ] = False,
) -> None:
    """Start an archive: settings, a commented taxonomy, digests/ and content/, ready to import and build."""
    from .init_site import InitRefused, init_site
    from .model.packaged import EXAMPLE_SITEURL

    try:
        result = init_site(folder, name or folder.resolve().name, url or EXAMPLE_SITEURL, language, force)
    except InitRefused as exc:
        _usage_error(str(exc))
    for written in result.written:
        print(f"wrote {folder / written}")
    for kept in result.kept:
        print(f"kept {folder / kept} (already there)")
    if not url:
        err.print(f"{folder / 'publishconf.py'}: warning: SITEURL is the example address {EXAMPLE_SITEURL}; set it (or "
                  "--url) before you publish", markup=False)
    go = "" if folder.resolve() == Path.cwd().resolve() else f"cd {folder}, "
    err.print(f"Next: {go}put digests in digests/, then `newsarchive import digests/*` and `newsarchive build`",
              markup=False)


theme_app = typer.Typer(help="The site's theme.", no_args_is_help=True)
app.add_typer(theme_app, name="theme")


@theme_app.command("copy")
def theme_copy(
    target: Annotated[Path, typer.Argument(help="Where to put the copy.")] = Path("theme"),
) -> None:
    """Copy the packaged theme into this archive, to change it; then set THEME = "theme" in pelicanconf.py."""
    import shutil

    from .model.packaged import THEME

    if target.exists():
        _usage_error(f"{target}: error: already exists; the theme is copied only into a new folder")
    shutil.copytree(THEME, target)
    err.print(f"copied the theme into {target}/; set THEME = {str(target)!r} in pelicanconf.py to use it",
              markup=False)


tags_app = typer.Typer(help="Inspect the automatic tags.", no_args_is_help=True)
app.add_typer(tags_app, name="tags")


@tags_app.command("explain")
def tags_explain(
    articles: Annotated[
        list[Path],
        typer.Argument(help="Article Markdown files.", exists=True, dir_okay=False, readable=True, show_default=False),
    ],
    taxonomy: TaxonomyOption = None,
    settings: Annotated[
        Path, typer.Option("--settings", help="Pelican settings file whose EXCLUDE_TAGS apply.", dir_okay=False)
    ] = Path("pelicanconf.py"),
) -> None:
    """Print each tag of ARTICLES with its type, the rule and the lines that gave it, then every
    spelling that was not taken or tag that was removed, and why."""
    from .analysis.tagging.article import tag_article
    from .analysis.tagging.explain import explain
    from .analysis.tagging.tagger import tagger_for

    problems = Problems()
    tagger = tagger_for(_taxonomy(taxonomy, problems))
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
    taxonomy: TaxonomyOption = None,
    limit: Annotated[int, typer.Option("--limit", help="Evidence lines shown per tag.", min=0)] = 3,
) -> None:
    """List the person, place and organisation tags that came from rules or the gazetteer rather
    than tags.yaml, most articles first, with evidence: accept one by adding it to tags.yaml, or
    reject its spelling under reject: there."""
    from .analysis.tagging.review import review

    problems = Problems()
    for line in review(sorted(content.rglob("*.md")), _taxonomy(taxonomy, problems), limit, problems):
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


@app.command()
def export(
    outdir: Annotated[Path, typer.Argument(help="Folder to write the files into.", file_okay=False)],
    fmt: Annotated[
        str, typer.Option("--format", help="csv (articles, figures), json (articles) or datapackage (all).")
    ] = "datapackage",
    settings: Annotated[
        Path, typer.Option("--settings", help="Pelican settings file of the site.")
    ] = Path("pelicanconf.py"),
) -> None:
    """Write the dataset of the last build (building first when it is missing or older than the content)."""
    from .export import FORMATS, export_dataset

    if fmt not in FORMATS:
        err.print(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}", markup=False)
        raise typer.Exit(2)
    site = _site_settings(settings)
    report = export_dataset(settings, Path(site["OUTPUT_PATH"]), Path(site["PATH"]),
                            site.get("NEWSARCHIVE_DATA_PATH", "data"), fmt, outdir,
                            announce=lambda message: err.print(message, markup=False))
    if report is not None and report.exit_code():
        _finish(report.problems, strict=False, summary=report.describe(), code=report.exit_code())


@app.command()
def bag(
    output: Annotated[Path, typer.Argument(help="The built site (e.g. output).", file_okay=False)],
    bagdir: Annotated[Path, typer.Argument(help="New folder for the BagIt bag.", file_okay=False)],
    settings: Annotated[
        Path, typer.Option("--settings", help="Pelican settings file of the site.")
    ] = Path("pelicanconf.py"),
) -> None:
    """Write a BagIt bag (RFC 8493) of OUTPUT, content/ and the inputs inside the site folder, for deposit."""
    from .deposit import BagError, make_bag
    from .model.output_folder import BUILD_STAMP_FILE

    site = _site_settings(settings)
    try:
        made = make_bag(output, bagdir, Path.cwd(), Path(site["PATH"]), str(site.get("SITENAME", "")),
                        Path(site.get("CACHE_PATH") or "cache") / BUILD_STAMP_FILE,
                        announce=lambda message: err.print(message, markup=False))
    except BagError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    made.validate()
    size, files = str(made.info.get("Payload-Oxum", "0.0")).split(".")
    err.print(f"wrote the bag {bagdir}: {files} files, {size} bytes; it validates", markup=False)
