"""`newsarchive serve --watch` over a small site, for the HTTP and browser tests of the live page."""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .conftest import REPO, free_port, make_site

ARTICLES = 3  # enough for lists and related articles; few, so that each build takes seconds
ADDED = "A paragraph added while serving."
STATE = "/__newsarchive__/build"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


@dataclass
class WatchedSite:
    root: Path
    article: Path  # the article file the tests edit
    url: str  # its page, as served
    base: str
    log: Path  # the server's terminal (stderr)
    original: str = ""

    def __post_init__(self) -> None:
        self.original = self.article.read_text(encoding="utf-8")

    @property
    def article_shown(self) -> str:
        """The article file's path as the build names it (from the site folder)."""
        return self.article.relative_to(self.root).as_posix()

    def add_paragraph(self) -> None:
        self.article.write_text(self.original.rstrip("\n") + f"\n\n{ADDED}\n", encoding="utf-8")

    def remove_title(self) -> None:
        """A broken edit: Pelican cannot do without the title, so the build fails."""
        kept = [line for line in self.original.split("\n") if not line.startswith("Title:")]
        self.article.write_text("\n".join(kept), encoding="utf-8")

    def state(self) -> dict:
        return json.loads(fetch(self.base + STATE) or "{}")

    def wait_until(self, check, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():
                return True
            time.sleep(0.2)
        return False

    def terminal(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serve_watch(root: Path) -> Iterator[WatchedSite]:
    """A site of a few sample articles, served by ``newsarchive serve --watch`` once its first build
    is served; stopped with Ctrl-C on exit."""
    make_site(root)
    articles = sorted((REPO / "content" / "articles").rglob("*.md"))[:ARTICLES]
    for source in articles:
        target = root / source.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    article = root / articles[0].relative_to(REPO)
    slug = next(line.split(":", 1)[1].strip() for line in article.read_text(encoding="utf-8").splitlines()
                if line.startswith("Slug:"))
    port = free_port()
    log = root.parent / "serve-watch.log"
    with open(log, "w", encoding="utf-8") as terminal:
        server = subprocess.Popen([sys.executable, "-m", "newsarchive", "serve", "--watch", "--port", str(port)],
                                  cwd=root, stdout=subprocess.DEVNULL, stderr=terminal)
    base = f"http://127.0.0.1:{port}"
    site = WatchedSite(root, article, f"{base}/articles/{slug}.html", base, log)
    try:
        assert site.wait_until(lambda: "</html>" in (fetch(site.url) or ""), 120), \
            f"the first build is served:\n{site.terminal()}"
        yield site
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
