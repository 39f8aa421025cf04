"""Real servers on loopback, for what in-process clients cannot show: bytes arriving while the
app is still producing them (streaming), and protocols such as WebSocket that need a socket.

`serve(app)` runs a WSGI app on Werkzeug's threaded server and an ASGI app on uvicorn, each in a
daemon thread on a free port of 127.0.0.1, and yields the base URL.
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from werkzeug.serving import WSGIRequestHandler, make_server

STARTUP_TIMEOUT = 30.0


def is_asgi(app: object) -> bool:
    return inspect.iscoroutinefunction(app) or inspect.iscoroutinefunction(type(app).__call__)


@contextmanager
def serve(app: object) -> Iterator[str]:
    if is_asgi(app):
        with _uvicorn(app) as url:
            yield url
    else:
        with _werkzeug(app) as url:
            yield url


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        pass


@contextmanager
def _werkzeug(app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(STARTUP_TIMEOUT)


@contextmanager
def _uvicorn(app) -> Iterator[str]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(STARTUP_TIMEOUT)
