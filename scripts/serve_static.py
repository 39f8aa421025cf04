"""Serve a built site on loopback the way a static host does: gzip for text, cache headers.

Used by scripts/lighthouse.sh, so page weights are measured as readers receive them from any
ordinary static host (which compresses text), not as Python's plain http.server sends them.

    python3 scripts/serve_static.py SITE_DIR PORT
"""

from __future__ import annotations

import functools
import gzip
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

TEXT = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.endswith(TEXT)):
            return super().do_GET()
        try:
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read(), compresslevel=9)
        except OSError:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def main() -> None:
    site, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=site)
    ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
