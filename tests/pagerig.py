"""Web pages served over real HTTP on 127.0.0.1, for intake by link (bot/ingest/intake/pages.py).

    with PageServer() as site:
        site.add("/a", ARTICLE)                          # an article page
        report = fetch_report(site.url("/a"), local_settings())

A plain module, so the pages tests and the bot's end-to-end tests share it. Each path answers
as told: a page with its content type, a redirect, a page that stalls or trickles until the
server stops, or a body with no Content-Length. ``hits`` counts the requests per path.
"""

from __future__ import annotations

import os

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")  # before httpx reads proxy settings
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from bot.settings import Settings, load_settings

Behaviour = Literal["page", "redirect", "stall", "trickle", "unsized"]

# Written for these tests, in the style of a pro-government outlet's announcement.
ARTICLE = """<!doctype html>
<html><head><meta charset="utf-8">
<title>Forty councillors move to the ruling party | Kampuchea Daily Wire</title>
<meta property="og:site_name" content="Kampuchea Daily Wire">
<meta property="og:title" content="Forty councillors move to the ruling party">
<meta name="author" content="Sok Dara">
<meta property="article:published_time" content="2026-11-30T08:15:00+07:00">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article>
<h1>Forty councillors move to the ruling party</h1>
<p>More than forty commune councillors of the Candlelight Party in Takeo province joined the
Cambodian People's Party on 28 November 2026, the provincial party chief told reporters.</p>
<p>The councillors received their membership cards at a ceremony at the provincial hall,
where they were welcomed by senior officials from the capital.</p>
<p>Party officials said the new members would take part in the commune work of the coming
season, and that further announcements were expected in the weeks ahead.</p>
</article>
<footer>Copyright Kampuchea Daily Wire</footer>
</body></html>
"""


def article(site: str, title: str, published: str, *paragraphs: str) -> str:
    """A news page: the site's name, the headline and date in its metadata, the paragraphs in
    an <article> between the site's navigation and footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title} | {site}</title>'
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{published}"></head><body>'
        f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article>'
        f"<footer>{site}</footer></body></html>"
    )


EMPTY_PAGE = "<!doctype html><html><head><title>Home</title></head><body></body></html>"


@dataclass
class Route:
    behaviour: Behaviour
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    location: str = ""
    headers: dict[str, str] = field(default_factory=dict)


class PageServer:
    """A threaded HTTP server on ``host`` (any 127.x address) serving the routes added."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.answer(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = int(self.httpd.server_address[1])
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def add(
        self,
        path: str,
        body: str | bytes = ARTICLE,
        *,
        content_type: str | None = "text/html; charset=utf-8",
        behaviour: Behaviour = "page",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve ``body`` at ``path`` (with ``headers`` besides its type); returns its URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(behaviour, data, content_type, status, headers=headers or {})
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route("redirect", status=status, location=location)
        return self.url(path)

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?", 1)[0]
        self.hits[path] += 1
        route = self.routes.get(path)
        if route is None:
            request.send_response(404)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        request.send_response(route.status)
        if route.behaviour == "redirect":
            request.send_header("Location", route.location)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        if route.content_type:
            request.send_header("Content-Type", route.content_type)
        for name, value in route.headers.items():
            request.send_header(name, value)
        if route.behaviour == "page":
            request.send_header("Content-Length", str(len(route.body)))
        else:  # no length: the body ends when the connection closes
            request.send_header("Connection", "close")
        request.end_headers()
        if route.behaviour == "stall":
            self.stopping.wait()  # headers only; the body never comes
            return
        if route.behaviour == "trickle":
            for byte in route.body:  # a byte at a time, until the body or the server ends
                if self.stopping.wait(0.05):
                    return
                request.wfile.write(bytes([byte]))
                request.wfile.flush()
            return
        request.wfile.write(route.body)
        request.close_connection = route.behaviour == "unsized"

    def __enter__(self) -> PageServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def local_settings(**env: str) -> Settings:
    """Settings that let links reach 127.0.0.1 (only), with ``env`` over them."""
    return load_settings({"DESK_INTAKE_ALLOW_PRIVATE": "127.0.0.1", **env}, env_file=None)
