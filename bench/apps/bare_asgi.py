"""Baseline: a bare ASGI callable doing each scenario's work with no framework."""

from __future__ import annotations

import asyncio

from bench.apps.bare_wsgi import scenario_db, scenario_json, scenario_template
from bench.apps.common import IO_WAIT_SECONDS


async def scenario_io_wait() -> tuple[str, bytes]:
    await asyncio.sleep(IO_WAIT_SECONDS)
    return "application/json", b'{"waited_ms": %d}' % round(IO_WAIT_SECONDS * 1000)


async def _sync(handler) -> tuple[str, bytes]:
    return handler()


ROUTES = {
    "/json": lambda: _sync(scenario_json),
    "/db": lambda: _sync(scenario_db),
    "/template": lambda: _sync(scenario_template),
    "/io_wait": scenario_io_wait,
}


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    handler = ROUTES.get(scope["path"])
    if handler is None:
        status, content_type, body = 404, "text/plain", b"not found"
    else:
        status = 200
        content_type, body = await handler()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


application = app
