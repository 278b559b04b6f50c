"""`newsarchive serve --watch`: the served site follows an edit within seconds; a broken edit leaves
the last good site served."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from ..conftest import REPO, free_port, make_site

pytestmark = pytest.mark.slow


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _page(url)
        if page is not None and text in page:
            return True
        time.sleep(0.3)
    return False


def test_an_edit_is_served_within_seconds_and_a_broken_one_keeps_the_last_good_site(tmp_path):
    site = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", site / "content")
    article = sorted((site / "content" / "articles").rglob("*.md"))[0]
    slug = next(line.split(":", 1)[1].strip() for line in article.read_text(encoding="utf-8").splitlines()
                if line.startswith("Slug:"))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsarchive", "serve", "--watch", "--port", str(port)],
                              cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/articles/{slug}.html"
    try:
        assert _wait_for(url, "</html>", 120), "the first build is served"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.rstrip("\n") + "\n\nA paragraph added while serving.\n", encoding="utf-8")
        assert _wait_for(url, "A paragraph added while serving.", 60), "the edit is served within a minute"
        untitled = "\n".join(line for line in text.split("\n") if not line.startswith("Title:"))
        article.write_text(untitled, encoding="utf-8")
        time.sleep(8)
        assert "A paragraph added while serving." in (_page(url) or ""), "the last good site stays served"
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=60)
    assert "Traceback" not in err
    assert "the header has no 'Title:' line" in err, "the broken build's error is shown in the terminal"
