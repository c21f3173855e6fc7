"""A local static server that behaves like GitHub Pages: missing paths get /404.html."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    quiet = False

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def make_server(root: Path, port: int = 0, quiet: bool = False) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(type("Handler", (PagesLikeHandler,), {"quiet": quiet}), directory=str(root))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_in_background(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start a quiet server on a free port; the caller shuts it down."""
    server = make_server(root, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
