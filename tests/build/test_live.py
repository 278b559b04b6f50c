"""The live page of `serve --watch` (build/live.py) without a build: what the server adds to a page,
its endpoint, its banner, and that every other file goes out as it is."""

from __future__ import annotations

import contextlib
import functools
import json
import threading
import urllib.error
import urllib.request

import pytest

from newsarchive.build.live import PREFIX, BuildState, LiveBuild, LiveHandler, QuietServer, inject

PAGE = (b'<!DOCTYPE html>\n<html lang="en">\n<head><title>t</title></head>\n'
        b'<body class="x">\n<p>text</p>\n</body>\n</html>\n')
FAILED = ["content/articles/2024/a.md:3: error: <script>alert('x')</script> & more"]


def test_a_page_gets_the_reloading_script_before_the_end_of_its_body():
    served = inject(PAGE, BuildState(number=4))
    script = b'<script src="/__newsarchive__/reload.js" data-build="4"></script>'
    assert served == PAGE.replace(b"</body>", script + b"</body>")


def test_a_failed_build_puts_its_errors_escaped_in_an_alert_at_the_start_of_the_body():
    served = inject(PAGE, BuildState(number=5, errors=tuple(FAILED), warnings=2)).decode("utf-8")
    head, body = served.split('<body class="x">')
    assert '<link rel="stylesheet" href="/__newsarchive__/serve.css"></head>' in head
    assert body.startswith('<section class="newsarchive-build-errors"') and 'role="alert"' in body
    assert "<script>alert" not in served
    assert "content/articles/2024/a.md:3: error: &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in body
    assert "failed with 1 error" in body and "2 warnings" in body


def test_a_page_without_head_or_body_tags_still_gets_script_and_banner():
    served = inject(b"<P>bare</P>", BuildState(number=1, errors=("a:1: error: b",))).decode("utf-8")
    assert served.endswith('data-build="1"></script>') and 'role="alert"' in served and "<P>bare</P>" in served


def test_the_build_number_changes_when_a_site_is_published_or_the_errors_change():
    live = LiveBuild()
    live.finished([], 0, published=True)
    assert live.state.number == 1
    live.finished([], 0, published=False)  # nothing changed since the last build: nothing to reload
    assert live.state.number == 1
    live.finished(FAILED, 3, published=False)
    assert live.state == BuildState(2, tuple(FAILED), 3)
    live.finished(FAILED, 3, published=False)
    assert live.state.number == 2
    live.finished([], 0, published=False)  # fixed back to the last good site
    assert live.state == BuildState(3, (), 0)


@contextlib.contextmanager
def served(folder, live):
    """The server of ``serve --watch`` over ``folder`` on a free port; shut down on exit."""
    handler = functools.partial(LiveHandler, directory=str(folder), live=live)
    with QuietServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            thread.join(10)


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture
def output(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.html").write_bytes(PAGE)
    (tmp_path / "index.html").write_bytes(PAGE)
    (tmp_path / "data.json").write_bytes(b'{"a": "</body>"}')
    (tmp_path / "empty").mkdir()
    return tmp_path


def test_the_server_adds_to_html_pages_only_and_tells_the_build(output):
    live = LiveBuild()
    live.finished([], 0, published=True)
    with served(output, live) as base:
        status, headers, body = get(base + "/articles/a.html", {"If-Modified-Since": "Tue, 01 Jan 2999 00:00:00 GMT"})
        assert status == 200 and headers["Cache-Control"] == "no-store", "never a stale 304: the banner comes and goes"
        assert body == inject(PAGE, live.state) and int(headers["Content-Length"]) == len(body)
        assert get(base + "/")[2] == body, "a folder's index page too"
        assert get(base + "/data.json")[2] == b'{"a": "</body>"}', "other files go out byte for byte"
        status, headers, state = get(base + PREFIX + "build")
        assert headers["Content-Type"] == "application/json"
        assert json.loads(state) == {"build": 1, "ok": True, "errors": [], "warnings": 0}
        script = get(base + PREFIX + "reload.js")
        assert script[0] == 200 and b"/__newsarchive__/build" in script[2] and b"location.reload" in script[2]
        assert get(base + PREFIX + "serve.css")[1]["Content-Type"].startswith("text/css")
        assert get(base + PREFIX + "secrets")[0] == 404
        assert get(base + PREFIX + "../index.html")[0] == 404

        live.finished(FAILED, 0, published=False)
        assert json.loads(get(base + PREFIX + "build")[2]) == {"build": 2, "ok": False, "errors": FAILED,
                                                               "warnings": 0}
        assert b'role="alert"' in get(base + "/articles/a.html")[2]
        status, _, nothing = get(base + "/empty/")
        assert status == 200 and b"Nothing built yet" in nothing and b'role="alert"' in nothing, \
            "while the build fails, a folder with no page says so, with the errors"
