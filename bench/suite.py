"""What is measured: the scenario apps, the servers they run on, and the expected answers."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.apps.common import FORTUNES, MESSAGE, ROW_COUNT, item_name, item_price
from fieldguide.load import load_catalog

SCENARIOS = ("json", "db", "template", "io_wait")


@dataclass(frozen=True)
class App:
    id: str
    name: str
    interface: str  # "wsgi" or "asgi"
    module: str
    package: str | None  # distribution whose version is recorded; None for the baselines
    advised_server: str
    advised_source: str | None  # the framework's deployment docs that advise that server

    @property
    def baseline(self) -> bool:
        return self.package is None

    @property
    def target(self) -> str:
        return f"{self.module}:app"


def _apps() -> dict[str, App]:
    """The two baselines, then every framework in data/frameworks/ (in the site's order), each
    on the server its own deployment docs advise; its app is bench/apps/<id>_app.py."""
    catalog = load_catalog(Path(__file__).resolve().parents[1])
    apps = [
        App("bare_wsgi", "bare WSGI", "wsgi", "bench.apps.bare_wsgi", None, "gunicorn", None),
        App("bare_asgi", "bare ASGI", "asgi", "bench.apps.bare_asgi", None, "uvicorn", None),
    ]
    apps += [
        App(
            f.id,
            f.name,
            f.interface.value,
            f"bench.apps.{f.id}_app",
            f.package,
            f.advised_server.server,
            f.advised_server.source,
        )
        for f in catalog.frameworks
    ]
    return {app.id: app for app in apps}


APPS = _apps()

BASELINE = {"wsgi": "bare_wsgi", "asgi": "bare_asgi"}
COMMON_SERVER = "granian"
SERVERS = ("gunicorn", "uvicorn", "hypercorn", "granian")


def server_command(server: str, app: App, port: int) -> list[str]:
    """The command line that serves `app` on 127.0.0.1:`port` with one worker process."""
    python = sys.executable
    if server == "gunicorn":
        return [
            python,
            "-m",
            "gunicorn",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            app.target,
        ]
    if server == "uvicorn":
        return [
            python,
            "-m",
            "uvicorn",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
            app.target,
        ]
    if server == "hypercorn":
        return [
            python,
            "-m",
            "hypercorn",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            app.target,
        ]
    if server == "granian":
        return [
            python,
            "-m",
            "granian",
            "--interface",
            app.interface,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--log-level",
            "warning",
            app.target,
        ]
    raise ValueError(f"unknown server {server!r}")


SERVER_SETTINGS = {
    "gunicorn": "one sync worker (gunicorn's default worker class), no access log (its default)",
    "uvicorn": "one process, loop and HTTP parser `auto` (uvloop and httptools, as installed by "
    "`uvicorn[standard]`), access log off",
    "hypercorn": "one worker process, its default asyncio worker class, access log off "
    "(its default)",
    "granian": "one worker, its default runtime and blocking threads, access log off (its default)",
}


def cells() -> list[tuple[str, str, str]]:
    """Every (app, server, role) pair: each app on its advised server and on the common one,
    and each baseline also on every server advised for a framework of its interface, so that
    every framework has a baseline on its own server."""
    pairs = []
    for app in APPS.values():
        servers = [app.advised_server]
        if app.baseline:
            for other in APPS.values():
                if other.interface == app.interface and other.advised_server not in servers:
                    servers.append(other.advised_server)
        pairs += [(app.id, server, "advised") for server in servers]
        pairs.append((app.id, COMMON_SERVER, "common"))
    return pairs


def check_answer(scenario: str, status: int, content_type: str, body: bytes) -> str | None:
    """None if the answer is what every app must send for `scenario`, else what is wrong."""
    if status != 200:
        return f"status {status}"
    if scenario == "template":
        if not content_type.startswith("text/html"):
            return f"content type {content_type!r}"
        text = body.decode()
        if "<script>" in text or "&lt;script&gt;" not in text:
            return "the <script> fortune is not escaped"
        if text.count("<tr>") != len(FORTUNES) + 1:
            return f"{text.count('<tr>')} table rows, expected {len(FORTUNES) + 1}"
        if "フレームワーク" not in text:
            return "the non-ASCII fortune is missing"
        return None
    if not content_type.startswith("application/json"):
        return f"content type {content_type!r}"
    data = json.loads(body)
    if scenario == "json":
        return None if data == {"message": MESSAGE} else f"body {data!r}"
    if scenario == "io_wait":
        return None if data == {"waited_ms": 20} else f"body {data!r}"
    item_id = data.get("id")
    if not isinstance(item_id, int) or not 1 <= item_id <= ROW_COUNT:
        return f"id {item_id!r}"
    expected = {"id": item_id, "name": item_name(item_id), "price": item_price(item_id)}
    return None if data == expected else f"body {data!r}"
