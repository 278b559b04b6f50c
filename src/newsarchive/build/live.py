"""``newsarchive serve --watch``: the page open in the browser follows the build.

Only in serve mode, and only in what the server sends: each HTML page goes out with a small
script and stylesheet of this server's own (``/__newsarchive__/reload.js`` and ``serve.css``),
never written into the output, which stays byte for byte what a plain build makes. The script
asks ``/__newsarchive__/build`` once a second for the number of the last build and reloads the
page when it changes. While the last build has failed, the last good site stays served and the
server puts a banner (``role="alert"``) listing the build's errors, escaped, at the top of every
page; the next good build takes it away (the page reloads again).

Why polling the standard library's server rather than the ``livereload`` package or Server-Sent
Events: one small number a second on 127.0.0.1 needs no new dependency and no WebSocket server;
an open event stream would hold one of the server's threads per open tab; and polling outlives a
restart of the server without a reconnect protocol. The script and stylesheet are same-origin
files, not inline code, so a theme's Content-Security-Policy that allows ``'self'`` allows them.
"""

from __future__ import annotations

import html
import http.server
import io
import json
import os
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from importlib.resources import files

PREFIX = "/__newsarchive__/"  # the server's own addresses: the state of the build, the script, its stylesheet
_OWN_FILES = {"reload.js": "text/javascript; charset=utf-8", "serve.css": "text/css; charset=utf-8"}
_SHOWN_ERRORS = 50  # more are in the terminal


@dataclass(frozen=True)
class BuildState:
    """What the page is told: the number of the last build and, when it failed, its errors
    (``path:line: severity: message``) and how many warnings it had."""

    number: int = 0
    errors: tuple[str, ...] = ()
    warnings: int = 0

    def as_json(self) -> dict:
        return {"build": self.number, "ok": not self.errors, "errors": list(self.errors), "warnings": self.warnings}


class LiveBuild:
    """The last build's state, set by the thread that rebuilds and read by the server's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = BuildState()

    @property
    def state(self) -> BuildState:
        with self._lock:
            return self._state

    def finished(self, errors: list[str], warnings: int, published: bool) -> None:
        """A build ended: open pages reload when it published a site or its errors changed (a build
        that found nothing changed publishes nothing and changes nothing)."""
        with self._lock:
            previous = self._state
            if published or tuple(errors) != previous.errors:
                self._state = BuildState(previous.number + 1, tuple(errors), warnings if errors else 0)


def inject(page: bytes, state: BuildState) -> bytes:
    """``page`` as served: the stylesheet in its head, the banner of a failed build at the start
    of its body, and the reloading script at its end."""
    lower = page.lower()
    script = f'<script src="{PREFIX}reload.js" data-build="{state.number}"></script>'.encode()
    end = lower.rfind(b"</body>")
    page = page[:end] + script + page[end:] if end >= 0 else page + script
    if not state.errors:
        return page
    start = lower.find(b"<body")
    start = lower.find(b">", start) + 1 if start >= 0 else 0
    page = page[:start] + banner(state).encode("utf-8") + page[start:]
    style = f'<link rel="stylesheet" href="{PREFIX}serve.css">'.encode()
    head = lower.find(b"</head>")
    return page[:head] + style + page[head:] if head >= 0 else style + page


def banner(state: BuildState) -> str:
    """The failed build's errors, each escaped, as an alert at the top of the page."""
    count = len(state.errors)
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in state.errors[:_SHOWN_ERRORS])
    more = [f"{count - _SHOWN_ERRORS} more errors"] if count > _SHOWN_ERRORS else []
    if state.warnings:
        more.append(f"{state.warnings} warning{'s' * (state.warnings != 1)}")
    rest = f"<p>And {' and '.join(more)}: see the terminal.</p>" if more else ""
    return (
        '<section class="newsarchive-build-errors" aria-labelledby="newsarchive-build-errors">'
        '<div role="alert">'
        f'<h2 id="newsarchive-build-errors">The last build failed with {count} error{"s" * (count != 1)}; '
        "what you see is the last good build</h2>"
        f"<ul>{items}</ul>{rest}"
        "<p>Fix them and save: this page reloads by itself after the next good build.</p>"
        "</div></section>"
    )


_NOTHING_BUILT = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    b'<meta name="viewport" content="width=device-width, initial-scale=1"><title>Nothing built yet</title></head>'
    b"<body><main><h1>Nothing built yet</h1><p>No build has succeeded yet, so there is no site to show.</p>"
    b"</main></body></html>"
)


class LiveHandler(http.server.SimpleHTTPRequestHandler):
    """The static server of ``serve --watch``: the output's files as they are, but HTML pages with
    :func:`inject`, never cached (the banner comes and goes without the file changing), and
    ``/__newsarchive__/`` for the script, its stylesheet and the build's state."""

    def __init__(self, *args, live: LiveBuild, **kwargs) -> None:
        self.live = live
        super().__init__(*args, **kwargs)

    def send_head(self):
        route = urllib.parse.urlsplit(self.path).path
        if route.startswith(PREFIX):
            return self._own(route[len(PREFIX):])
        page = self._html_file(route)
        if page is None:
            return super().send_head()
        if page == "":  # a folder without a page and no good build yet
            return self._send(_NOTHING_BUILT, "text/html; charset=utf-8", inject_state=True)
        try:
            with open(page, "rb") as opened:
                body = opened.read()
        except OSError:
            self.send_error(http.HTTPStatus.NOT_FOUND, "File not found")
            return None
        return self._send(body, "text/html; charset=utf-8", inject_state=True)

    def _html_file(self, route: str) -> str | None:
        """The HTML file this request asks for; "" for a folder without one while no build has
        succeeded; None for everything the base class serves as it is."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not route.endswith("/"):
                return None  # the base class redirects to the folder's address
            for index in ("index.html", "index.htm"):
                if os.path.isfile(os.path.join(path, index)):
                    return os.path.join(path, index)
            return "" if self.live.state.errors else None
        if os.path.isfile(path) and self.guess_type(path) == "text/html":
            return path
        return None

    def _own(self, name: str):
        if name == "build":
            body = json.dumps(self.live.state.as_json()).encode("utf-8")
            return self._send(body, "application/json")
        if name not in _OWN_FILES:
            self.send_error(http.HTTPStatus.NOT_FOUND, "File not found")
            return None
        return self._send((files(__package__) / "live_files" / name).read_bytes(), _OWN_FILES[name])

    def _send(self, body: bytes, content_type: str, inject_state: bool = False) -> io.BytesIO:
        if inject_state:
            body = inject(body, self.live.state)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def log_request(self, code="-", size="-") -> None:
        """The terminal shows requests for the site, not the page's polling."""
        if not self.path.startswith(PREFIX):
            super().log_request(code, size)


class QuietServer(http.server.ThreadingHTTPServer):
    """A page reloaded while its request was being answered closes the connection: not an error."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)
