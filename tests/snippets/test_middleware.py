"""Contract for `middleware`: a Server-Timing header on every response, errors included."""

import re
import time
from contextlib import contextmanager

import httpx2
import pytest
from starlette.testclient import TestClient

from fieldguide.models import Interface
from tests.support import BASE_URL, catalog, load_app

TIMING = re.compile(r"^app;dur=(\d+\.\d{3})$")

# Where the frameworks part ways; the page's "What differs" section explains both.
HEADER_ON_UNHANDLED_500 = {
    "django": True,
    "django_ninja": True,
    "flask": True,
    "quart": True,
    "fastapi": False,
    "litestar": True,
    "starlette": False,
}
# Litestar raises 404 and 405 in its router, before any route's middleware stack is called.
HEADER_ON_ROUTER_ERRORS = {"litestar": False}


def timed(http, method: str, path: str):
    start = time.perf_counter()
    response = http.request(method, path)
    elapsed_ms = (time.perf_counter() - start) * 1000
    return response, elapsed_ms


def assert_timed(response, elapsed_ms: float) -> None:
    match = TIMING.match(response.headers.get("server-timing", ""))
    assert match, response.headers
    assert 0 <= float(match[1]) <= elapsed_ms


def test_successful_response_is_timed(http):
    response, elapsed_ms = timed(http, "GET", "/hello")

    assert response.status_code == 200
    assert response.json() == {"message": "Hello"}
    assert_timed(response, elapsed_ms)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/nowhere", 404), ("GET", "/hello/extra", 404), ("POST", "/hello", 405)],
)
def test_router_errors_are_timed_as_the_page_says(http, framework, method, path, status):
    response, elapsed_ms = timed(http, method, path)

    assert response.status_code == status
    if HEADER_ON_ROUTER_ERRORS.get(framework, True):
        assert_timed(response, elapsed_ms)
    else:
        assert "server-timing" not in response.headers


def test_each_response_gets_its_own_measurement(http):
    values = {http.get("/hello").headers["server-timing"] for _ in range(5)}

    assert len(values) > 1


@contextmanager
def client_that_returns_500s(framework: str):
    """Starlette's TestClient re-raises server errors unless told not to; WSGI apps answer 500."""
    app = load_app("middleware", framework)
    if catalog().framework(framework).interface == Interface.asgi:
        with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as http:
            yield http
    else:
        with httpx2.Client(transport=httpx2.WSGITransport(app=app), base_url=BASE_URL) as http:
            yield http


def test_unhandled_exception_is_a_500_timed_as_the_page_says(framework):
    with client_that_returns_500s(framework) as http:
        response, elapsed_ms = timed(http, "GET", "/fail")

    assert response.status_code == 500
    assert ("server-timing" in response.headers) is HEADER_ON_UNHANDLED_500[framework]
    if HEADER_ON_UNHANDLED_500[framework]:
        assert_timed(response, elapsed_ms)
