"""Contract for `streaming`: a CSV export streamed row by row, and server-sent events.

Each snippet runs on a real server on loopback (tests/servers.py): in-process ASGI clients
collect the whole body before returning it, so only a socket shows rows arriving while the
generator is still running. The generators are gated by a `threading.Event` the test holds,
so "arrived before the end" is proved without timing. Quart's generators are async, so their
stand-ins are too, and wait for the event in a thread so that the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import threading
from collections.abc import Iterator
from types import ModuleType

import httpx2
import pytest

from tests.servers import serve
from tests.support import catalog, isolation_marks, snippet_module

TASK = "streaming"
WAIT = 30  # seconds a gated generator waits for the test before failing it


@pytest.fixture
def snippet(framework: str) -> ModuleType:
    return snippet_module(TASK, framework)


@pytest.fixture
def http(snippet: ModuleType, framework: str) -> Iterator[httpx2.Client]:
    app = getattr(snippet, catalog().framework(framework).app_attribute)
    with serve(app) as url, httpx2.Client(base_url=url, timeout=WAIT) as client:
        yield client


def parse_events(text: str) -> list[dict[str, str]]:
    """The text/event-stream format: `field: value` lines, events separated by a blank line,
    lines starting with a colon are comments (FastAPI's keep-alive pings)."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        fields = {}
        for line in block.split("\n"):
            if line and not line.startswith(":"):
                name, _, value = line.partition(":")
                fields[name] = value.removeprefix(" ")
        if fields:
            events.append(fields)
    return events


def gated(original, first: list, rest: list, release: threading.Event):
    """A stand-in for one of the snippet's generators: yields `first`, waits until the test sets
    `release`, then yields `rest`; an async generator where the snippet's is one."""
    if inspect.isasyncgenfunction(original):

        async def gated_async(*args, **kwargs):
            for item in first:
                yield item
            assert await asyncio.to_thread(release.wait, WAIT), "the test never released it"
            for item in rest:
                yield item

        return gated_async

    def gated_sync(*args, **kwargs):
        yield from first
        assert release.wait(WAIT), "the test never released the generator"
        yield from rest

    return gated_sync


def test_csv_export_streams_every_row(http):
    response = http.get("/export.csv")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="report.csv"'
    assert "content-length" not in response.headers
    lines = response.text.splitlines()
    assert len(lines) == 1_001
    assert lines[:3] == ["number,square", "1,1", "2,4"]
    assert lines[-1] == "1000,1000000"


def test_csv_rows_arrive_while_the_generator_is_still_running(http, snippet, monkeypatch):
    release = threading.Event()

    rows = gated(snippet.report_rows, [("number", "square"), (1, 1)], [(2, 4)], release)
    monkeypatch.setattr(snippet, "report_rows", rows)

    with http.stream("GET", "/export.csv") as response:
        lines = response.iter_lines()
        assert next(lines) == "number,square"
        assert next(lines) == "1,1"
        release.set()
        assert list(lines) == ["2,4"]


def test_events_are_server_sent_events(http):
    response = http.get("/events")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    events = parse_events(response.text)
    assert [e["id"] for e in events] == ["25", "50", "75", "100"]
    assert {e["event"] for e in events} == {"progress"}
    assert [json.loads(e["data"]) for e in events] == [
        {"percent": 25},
        {"percent": 50},
        {"percent": 75},
        {"percent": 100},
    ]


def test_a_reconnecting_client_resumes_after_last_event_id(http):
    response = http.get("/events", headers={"Last-Event-ID": "50"})

    assert [e["id"] for e in parse_events(response.text)] == ["75", "100"]


def test_each_event_is_sent_as_soon_as_it_is_ready(http, snippet, monkeypatch):
    release = threading.Event()

    monkeypatch.setattr(snippet, "job_progress", gated(snippet.job_progress, [25], [50], release))

    with http.stream("GET", "/events") as response:
        chunks = response.iter_text()
        received = ""
        while "\n\n" not in received.replace("\r\n", "\n"):  # Litestar ends lines with CRLF
            received += next(chunks)
        assert parse_events(received) == [
            {"id": "25", "event": "progress", "data": '{"percent": 25}'}
        ]
        release.set()
        rest = "".join(chunks)
    assert [e["id"] for e in parse_events(received + rest)] == ["25", "50"]


# Browsers only send back ids the server gave them; a hand-made bad one meets each snippet's
# parsing: Django's int() raises, Flask's and Quart's headers.get(type=int) fall back to 0, FastAPI's
# int Header parameter is validated (422), and so are Django Ninja's (422) and Litestar's (400);
# the Starlette snippet reads only digits and starts from 0 otherwise.
MALFORMED_LAST_EVENT_ID = {
    "django": 500,
    "django_ninja": 422,
    "flask": 200,
    "quart": 200,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 200,
}


def test_a_malformed_last_event_id(http, framework):
    response = http.get("/events", headers={"Last-Event-ID": "abc"})

    assert response.status_code == MALFORMED_LAST_EVENT_ID[framework]


def test_fastapi_sets_proxy_headers_and_pings_an_idle_stream(monkeypatch):
    import fastapi.routing

    snippet = snippet_module(TASK, "fastapi")
    release = threading.Event()

    def idle_progress(after=0):
        assert release.wait(WAIT), "the test never released the generator"
        yield 100

    monkeypatch.setattr(snippet, "job_progress", idle_progress)
    monkeypatch.setattr(fastapi.routing, "_PING_INTERVAL", 0.05)

    with (
        serve(snippet.app) as url,
        httpx2.Client(base_url=url, timeout=WAIT) as client,
        client.stream("GET", "/events") as response,
    ):
        assert response.headers["x-accel-buffering"] == "no"
        assert response.headers["cache-control"] == "no-cache"
        chunks = response.iter_text()
        assert next(chunks).startswith(": ping\n\n")
        release.set()
        rest = "".join(chunks)
    assert [e["id"] for e in parse_events(rest)] == ["100"]


@pytest.mark.parametrize(
    "ninja",
    [
        pytest.param(
            "django_ninja", marks=[*isolation_marks("django_ninja"), pytest.mark.fresh_process]
        )
    ],
)
def test_ninja_sse_frames_carry_data_lines_only(ninja):
    """Why the Django Ninja snippet streams with Django's StreamingHttpResponse: Ninja's SSE[...]
    response type frames each item as a data line, with no id or event field to resume from."""
    snippet_module(TASK, ninja)  # configures Django before Ninja is imported
    from ninja.streaming import SSE

    assert SSE.format_chunk('{"percent": 25}') == 'data: {"percent": 25}\n\n'


def test_quart_sse_response_lifts_the_response_timeout():
    """Quart stops sending any response after RESPONSE_TIMEOUT (60 s by default) unless the
    response sets its own `timeout`; the SSE view sets None, the CSV export keeps the default
    (Ellipsis: use RESPONSE_TIMEOUT)."""
    snippet = snippet_module(TASK, "quart")

    async def timeouts():
        async with snippet.app.test_request_context("/events"):
            return (await snippet.events()).timeout, (await snippet.export()).timeout

    assert asyncio.run(timeouts()) == (None, Ellipsis)
