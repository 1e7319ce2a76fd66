"""Loopback HTTP(S) servers for calendar tests: ICS feeds with ETag/304, redirects,
slow and oversized answers, and TLS with its own certificate authority."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = "text/calendar; charset=utf-8"
    location: str | None = None
    chunk_delay: float = 0.0  # seconds between 1 KB chunks (a slow server)
    send_length: bool = True


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int


@dataclass
class FeedServer:
    """A threaded HTTP server serving ICS feeds, honouring ETag / If-Modified-Since."""

    host: str = "127.0.0.1"
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def start(self) -> FeedServer:
        feed = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                route = feed.routes.get(self.path.split("?")[0])
                status = route.status if route else 404
                headers = {k.lower(): v for k, v in self.headers.items()}
                if (route and route.etag and headers.get("if-none-match") == route.etag) or (
                    route
                    and route.last_modified
                    and headers.get("if-modified-since") == route.last_modified
                    and not route.etag
                ):
                    status = 304
                feed.hits.append(Hit(self.path, headers, status))
                body = route.body if route and status == 200 else b""
                if route is None:
                    body = b"not found"
                self.send_response(status)
                if route and route.etag:
                    self.send_header("ETag", route.etag)
                if route and route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if route and route.location:
                    self.send_header("Location", route.location)
                self.send_header("Content-Type", route.content_type if route else "text/plain")
                if route is None or route.send_length or status != 200:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                if status == 304:
                    return
                for start in range(0, len(body), 1024):
                    if route and route.chunk_delay:
                        time.sleep(route.chunk_delay)
                    try:
                        self.wfile.write(body[start : start + 1024])
                        self.wfile.flush()
                    except OSError:
                        return
                if route and not route.send_length and status == 200:
                    self.close_connection = True

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def port(self) -> int:
        assert self.server is not None
        return self.server.server_address[1]

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"

    def serve(self, path: str, body: bytes, **options: Any) -> str:
        self.routes[path] = Route(body=body, **options)
        return self.url(path)

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path.split("?")[0] == path]

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


@dataclass
class TlsServer(FeedServer):
    """A FeedServer on 127.0.0.2 speaking TLS for ``feeds.example.test``; records SNI."""

    name: str = "feeds.example.test"
    server_names: list[str] = field(default_factory=list)
    context: Any = None

    def start(self) -> TlsServer:
        super().start()
        assert self.server is not None
        self.server.socket = self.context.wrap_socket(self.server.socket, server_side=True)
        return self

    def url(self, path: str, host: str | None = None) -> str:
        return f"https://{host or self.name}:{self.port}{path}"
