"""Baseline: a bare WSGI callable doing each scenario's work with no framework."""

from __future__ import annotations

import html
import json
import random
import time

from sqlalchemy import text

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT
from bench.apps.models import make_engine

engine = make_engine()
SELECT_ITEM = text("SELECT id, name, price FROM item WHERE id = :id")


def _json(body: object) -> tuple[str, bytes]:
    return "application/json", json.dumps(body).encode()


def scenario_json() -> tuple[str, bytes]:
    return _json({"message": MESSAGE})


def scenario_db() -> tuple[str, bytes]:
    with engine.connect() as connection:
        row = connection.execute(SELECT_ITEM, {"id": random.randint(1, ROW_COUNT)}).one()
    return _json({"id": row.id, "name": row.name, "price": row.price})


def scenario_template() -> tuple[str, bytes]:
    rows = "".join(
        f"<tr><td>{number}</td><td>{html.escape(message)}</td></tr>\n"
        for number, message in FORTUNES
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><title>Fortunes</title></head>\n<body>\n'
        f"<table>\n<tr><th>id</th><th>message</th></tr>\n{rows}</table>\n</body>\n</html>\n"
    )
    return "text/html; charset=utf-8", page.encode()


def scenario_io_wait() -> tuple[str, bytes]:
    time.sleep(IO_WAIT_SECONDS)
    return _json({"waited_ms": round(IO_WAIT_SECONDS * 1000)})


ROUTES = {
    "/json": scenario_json,
    "/db": scenario_db,
    "/template": scenario_template,
    "/io_wait": scenario_io_wait,
}


def application(environ, start_response):
    handler = ROUTES.get(environ.get("PATH_INFO", ""))
    if handler is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    content_type, body = handler()
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


app = application
