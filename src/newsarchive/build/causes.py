"""Pelican's complaints and failures as problems that point at their cause: the article file and
its header line, the template file and line, the feed and the article in it, never the settings
file when something better is known.

Pelican logs "Could not process %s" for an article it could not read (the reason is the exception
being handled, which it does not print unless ``DEBUG``), "Skipping %s: could not find information
about '%s'" for a missing header field, and the plugin logs taxonomy problems as ``path:line:
message``. An exception that stops Pelican is traced back to a template (Jinja2 rewrites its
traceback to the template's file and line) or to the feed being written.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from ..model.problems import Problems

_PATH_LINE = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+): (?:(?:error|warning): )?(?P<message>.*)$", re.S)
# What XML 1.0 forbids (and U+FFFE/U+FFFF): a feed or sitemap with one of them cannot be written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Header fields Pelican cannot do without, and how the header writes them.
_HEADER_NAMES = {"title": "Title", "date": "Date"}


@dataclass(frozen=True)
class Cause:
    path: str
    line: int
    message: str


def shown(path: str | os.PathLike) -> str:
    """A path as the user would write it: relative to the current folder when below it."""
    text = os.fspath(path)
    if os.path.isabs(text):
        here = os.getcwd() + os.sep
        if text.startswith(here):
            return text[len(here):]
    return text


class ProblemHandler(logging.Handler):
    """Turns Pelican's warnings and errors into problems, each against the file it names."""

    def __init__(self, problems: Problems, content: Path):
        super().__init__(level=logging.WARNING)
        self.problems = problems
        self.content = content

    def emit(self, record: logging.LogRecord) -> None:
        cause = self.cause_of(record)
        if record.levelno >= logging.ERROR:
            self.problems.error(cause.path, cause.line, cause.message)
        else:
            self.problems.warn(cause.path, cause.line, cause.message)

    def cause_of(self, record: logging.LogRecord) -> Cause:
        message = " ".join(record.getMessage().split())
        given = _PATH_LINE.match(message)
        if given:  # the plugin's own "path:line: message"
            return Cause(shown(given["path"]), int(given["line"]), given["message"])
        source = getattr(record, "source_path", None) or self._named_file(record.args)
        if source is None:
            return Cause("pelican", 0, message)
        path = shown(source)
        missing = re.search(r"could not find information about '(\w+)'", message)
        exc = sys.exc_info()[1] if message.startswith("Could not process") else None  # being handled
        field = missing[1] if missing else _missing_field(exc)
        if field:
            name = _HEADER_NAMES.get(field, field.capitalize())
            return Cause(path, 1, f"the header has no '{name}:' line (the header is the lines before the "
                                  "first blank line); the article was left out")
        if message.startswith("Could not process"):
            reason = f": {_reason(exc)}" if exc is not None else ""
            return Cause(path, _line_of(exc, source), f"could not be read{reason}; the article was left out")
        return Cause(path, 0, message.replace(str(source), "").strip(" :") or message)

    def _named_file(self, args) -> str | None:
        for value in args if isinstance(args, tuple) else (args,):
            source = getattr(value, "source_path", None)
            if isinstance(source, str):
                return source
            if isinstance(value, str | os.PathLike):
                for candidate in (Path(value), self.content / value):
                    if candidate.is_file():
                        return str(candidate.resolve())
        return None


def cause_of_failure(exc: BaseException, settings: dict, settings_file: Path) -> Cause:
    """Where an exception that stopped Pelican comes from: a template's file and line, the feed
    being written (and the article in it that cannot be written as XML), else the settings file."""
    reason = _reason(exc)
    template = _template_frame(exc, settings)
    if template is not None:
        return Cause(shown(template[0]), template[1], f"template error: {reason}")
    feed = _feed_frame(exc)
    if feed is not None:
        path, elements = feed
        culprit = _article_with_forbidden_character(elements)
        if culprit is not None:
            return Cause(*culprit, f"cannot be written into the feed {path}: it holds a character XML does "
                                   f"not allow ({reason})")
        return Cause(path, 0, f"the feed could not be written: {reason}")
    return Cause(shown(settings_file), 0, f"build failed: {reason}")


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _missing_field(exc: BaseException | None) -> str | None:
    """The header field whose absence raised ``exc`` (an attribute or key Pelican cannot do without)."""
    if isinstance(exc, AttributeError):
        name = exc.name
    elif isinstance(exc, KeyError) and exc.args:
        name = exc.args[0]
    else:
        return None
    return name if isinstance(name, str) and name in _HEADER_NAMES else None


def _line_of(exc: BaseException | None, source: str) -> int:
    """The line of ``source`` the exception names, else 0."""
    if exc is not None and getattr(exc, "filename", None) and os.path.abspath(exc.filename) == os.path.abspath(source):
        return getattr(exc, "lineno", 0) or 0
    return 0


def _template_frame(exc: BaseException, settings: dict) -> tuple[str, int] | None:
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None)
    if filename and lineno and str(filename).endswith((".html", ".xml", ".txt", ".j2")):  # TemplateSyntaxError
        return str(filename), int(lineno)
    themes = [os.path.abspath(settings.get("THEME") or "theme")]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        name = frame.filename
        if name.endswith((".html", ".xml", ".j2")) or any(name.startswith(t + os.sep) for t in themes):
            return name, frame.lineno or 0
    return None


def _feed_frame(exc: BaseException) -> tuple[str, list] | None:
    """The feed's path and its articles, from the frame of Pelican's ``Writer.write_feed``."""
    tb = exc.__traceback__
    found = None
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "write_feed" and "elements" in frame.f_locals:
            local = frame.f_locals
            found = (shown(local.get("complete_path") or local.get("path") or "feed"), list(local["elements"] or []))
        tb = tb.tb_next
    return found


def _article_with_forbidden_character(elements: list) -> tuple[str, int] | None:
    for element in elements:
        texts = [getattr(element, name, "") for name in ("title", "summary", "_content")]
        if any(isinstance(text, str) and _NOT_XML.search(text) for text in texts):
            source = getattr(element, "source_path", None)
            if source:
                return shown(source), _first_line_with_forbidden_character(source)
    return None


def _first_line_with_forbidden_character(source: str) -> int:
    try:
        with open(source, encoding="utf-8", errors="replace") as file:
            for number, line in enumerate(file, 1):
                if _NOT_XML.search(line):
                    return number
    except OSError:
        pass
    return 0
