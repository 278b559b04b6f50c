"""Build the site with Pelican and serve it; Pelican's complaints become problems."""

from __future__ import annotations

import functools
import http.server
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problems


@dataclass
class BuildReport:
    output: Path
    problems: Problems = field(default_factory=Problems)
    articles: int = 0
    seconds: float = 0.0

    def describe(self) -> str:
        return (
            f"built {self.articles} articles into {self.output} in {self.seconds:.1f} s; "
            f"{len(self.problems.errors)} errors, {len(self.problems.warnings)} warnings"
        )


class _ProblemHandler(logging.Handler):
    """Turns Pelican's warnings and errors into problems (Pelican names the file in the message)."""

    def __init__(self, problems: Problems):
        super().__init__(level=logging.WARNING)
        self.problems = problems

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        path = getattr(record, "source_path", None) or "pelican"
        if record.levelno >= logging.ERROR:
            self.problems.error(str(path), 0, message)
        else:
            self.problems.warn(str(path), 0, message)


def build_site(settings_file: Path, output: Path | None = None) -> BuildReport:
    from pelican import Pelican
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(output)} if output else {}
    settings = read_settings(str(settings_file), override=override)
    report = BuildReport(Path(settings["OUTPUT_PATH"]))
    handler = _ProblemHandler(report.problems)
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(handler)
    started = time.perf_counter()
    try:
        pelican = Pelican(settings)
        counter = _ArticleCounter()
        from pelican import signals

        signals.article_generator_finalized.connect(counter)
        try:
            pelican.run()
        except Exception as exc:  # a template or plugin bug: report it as one problem, not a traceback
            report.problems.error(str(settings_file), 0, f"build failed: {type(exc).__name__}: {exc}")
        finally:
            signals.article_generator_finalized.disconnect(counter)
        report.articles = counter.count
    finally:
        pelican_logger.removeHandler(handler)
    report.seconds = time.perf_counter() - started
    return report


class _ArticleCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, generator) -> None:
        self.count = len(generator.articles) + len(getattr(generator, "translations", []))


def serve_site(output: Path, port: int, announce: Callable[[str], None]) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        announce(f"http://127.0.0.1:{port}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
