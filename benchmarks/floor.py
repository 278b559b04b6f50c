"""The least time any build of a site can take on this machine, from two steps it cannot skip.

A newsarchive build parses every article with Python-Markdown (the reader the issue keeps) and
indexes every article page with Pagefind (the search the site ships). Both are measured here
in CPU seconds, each in its cheapest form: one ``Markdown`` instance reset between files
(Pelican makes a new one per file) with nothing else read, and one Pagefind run over the
article pages alone. Two cores cannot do that work in less than its sum divided by two,
however the rest of the build (tagging, clusters, rendering, writing) is arranged, even if
that rest cost nothing. ``make bench`` prints that floor beside Pelican's cold build.
"""

from __future__ import annotations

import copy
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Floor:
    markdown_cpu_seconds: float  # Python-Markdown over every content file
    pagefind_cpu_seconds: float  # Pagefind over the article pages, one run
    cpus: int

    @property
    def seconds(self) -> float:
        """The wall time below which no build on ``cpus`` cores can do both."""
        return (self.markdown_cpu_seconds + self.pagefind_cpu_seconds) / max(self.cpus, 1)


def markdown_cpu_seconds(content: Path, markdown_settings: dict) -> float:
    """CPU seconds to convert every Markdown file under ``content`` as Pelican's reader would
    (its ``MARKDOWN`` settings and the ``meta`` extension), with one reused instance."""
    from markdown import Markdown

    settings = copy.deepcopy(markdown_settings)
    extensions = settings.setdefault("extensions", [])
    if "markdown.extensions.meta" not in extensions:
        extensions.append("markdown.extensions.meta")
    texts = [path.read_text(encoding="utf-8") for path in sorted(content.rglob("*.md"))]
    converter = Markdown(**settings)
    started = time.process_time()
    for text in texts:
        converter.reset()
        converter.convert(text)
    return time.process_time() - started


def children_cpu_seconds() -> float:
    """CPU seconds (user and system) of this process's finished children and theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def pagefind_cpu_seconds(output: Path, glob: str) -> float | None:
    """CPU seconds of one Pagefind run over the pages of ``output`` that ``glob`` matches (its
    bundle goes to a temporary folder); None when Pagefind fails."""
    from newsarchive.incremental.search_index import pagefind_command

    with tempfile.TemporaryDirectory(prefix="floor-pagefind-") as bundle:
        before = children_cpu_seconds()
        run = subprocess.run(pagefind_command(output, glob, Path(bundle)), capture_output=True, text=True,
                             check=False)
        used = children_cpu_seconds() - before
    if run.returncode:
        print(f"[bench] Pagefind for the floor failed: {run.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    return used


def measure_floor(content: Path, markdown_settings: dict, output: Path, glob: str, cpus: int) -> Floor | None:
    pagefind = pagefind_cpu_seconds(output, glob)
    if pagefind is None:
        return None
    return Floor(round(markdown_cpu_seconds(content, markdown_settings), 2), round(pagefind, 2), cpus)
