"""Contract for `async_views`: an async view awaits two I/O calls at once.

Besides the answer, these tests observe where each framework runs the coroutine: on the
server's event loop (FastAPI, Django under ASGI) or on a new event loop, in a new thread, for
every request (Flask's `async def` views, through asgiref's `async_to_sync`).
"""

from __future__ import annotations

import asyncio
import inspect
import sys
import threading
from types import ModuleType

import httpx2
import pytest

from tests.support import (
    BASE_URL,
    catalog,
    frameworks_with_snippet,
    isolation_marks,
    media_type,
    snippet_module,
    uses_django,
)

TASK = "async_views"


# Each test starts the snippet afresh on its own database.
pytestmark = pytest.mark.fresh_process


def load(framework: str, tmp_path, monkeypatch) -> ModuleType:
    """The snippet module; Django's gets its tables in a fresh SQLite file in `tmp_path`."""
    monkeypatch.chdir(tmp_path)
    module = snippet_module(TASK, framework)
    if uses_django(framework):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    return module


@pytest.fixture
def snippet(framework: str, tmp_path, monkeypatch) -> ModuleType:
    return load(framework, tmp_path, monkeypatch)


def is_asgi(app) -> bool:
    return inspect.iscoroutinefunction(type(app).__call__)


def get_all(module: ModuleType, framework: str, paths: list[str]) -> list[httpx2.Response]:
    """Send the requests through one server: one event loop for ASGI apps, as uvicorn runs
    them; for WSGI apps, one after the other in this thread, as a sync worker would."""
    app = getattr(module, catalog().framework(framework).app_attribute)
    if is_asgi(app):

        async def send_all() -> list[httpx2.Response]:
            transport = httpx2.ASGITransport(app=app)
            async with httpx2.AsyncClient(transport=transport, base_url=BASE_URL) as http:
                return [await http.get(p) for p in paths]

        return asyncio.run(send_all())
    with httpx2.Client(transport=httpx2.WSGITransport(app=app), base_url=BASE_URL) as http:
        return [http.get(p) for p in paths]


def test_dashboard_gathers_both_results(snippet, framework):
    (response,) = get_all(snippet, framework, ["/dashboard"])

    assert response.status_code == 200
    assert media_type(response) == "application/json"
    body = response.json()
    assert body["weather"] == {"city": "Lyon", "celsius": 21}
    assert body["news"] == [{"title": "Async views reach every framework"}]


def test_the_two_calls_are_in_flight_at_the_same_time(snippet, framework, monkeypatch):
    log: list[str] = []

    def recording(name: str, result: object):
        async def fetch():
            log.append(f"start {name}")
            await asyncio.sleep(0)
            log.append(f"end {name}")
            return result

        return fetch

    monkeypatch.setattr(snippet, "fetch_weather", recording("weather", {}))
    monkeypatch.setattr(snippet, "fetch_news", recording("news", []))

    (response,) = get_all(snippet, framework, ["/dashboard"])

    assert response.status_code == 200
    assert log == ["start weather", "start news", "end weather", "end news"]


# Where the coroutine runs: on the server's own loop, or on a loop made for each request.
RUNS_ON_THE_SERVER_LOOP = {
    "django": True,
    "django_ninja": True,
    "flask": False,
    "quart": True,
    "fastapi": True,
    "litestar": True,
    "starlette": True,
}


def test_where_the_event_loop_comes_from(snippet, framework, monkeypatch):
    seen: list[tuple[asyncio.AbstractEventLoop, int]] = []
    original = snippet.fetch_news

    async def watching():
        seen.append((asyncio.get_running_loop(), threading.get_ident()))
        return await original()

    monkeypatch.setattr(snippet, "fetch_news", watching)

    responses = get_all(snippet, framework, ["/dashboard", "/dashboard"])

    assert [r.status_code for r in responses] == [200, 200]
    (first_loop, first_thread), (second_loop, second_thread) = seen
    if RUNS_ON_THE_SERVER_LOOP[framework]:
        assert first_loop is second_loop
        assert first_thread == second_thread == threading.get_ident()
    else:
        assert first_loop is not second_loop
        assert threading.get_ident() not in (first_thread, second_thread)


# Django and Django Ninja: the same ORM and the same handlers (Django's own, under ASGI or WSGI).
DJANGO_BASED = [
    pytest.param(f, id=f, marks=isolation_marks(f))
    for f in frameworks_with_snippet(TASK)
    if uses_django(f)
]


@pytest.mark.parametrize("django_based", DJANGO_BASED)
def test_django_awaits_the_orm(django_based, tmp_path, monkeypatch):
    snippet = load(django_based, tmp_path, monkeypatch)
    from django.contrib.auth.models import User

    User.objects.create_user("ada")
    User.objects.create_user("grace")

    (response,) = get_all(snippet, django_based, ["/dashboard"])

    assert response.json()["users"] == 2


@pytest.mark.parametrize("django_based", DJANGO_BASED)
def test_django_under_wsgi_runs_each_async_view_in_its_own_loop(
    django_based, tmp_path, monkeypatch
):
    """The same Django view served by WSGI (as `runserver` does) gets a one-off event loop per
    request, like Flask's."""
    snippet = load(django_based, tmp_path, monkeypatch)
    from django.core.wsgi import get_wsgi_application

    loops: list[asyncio.AbstractEventLoop] = []
    original = snippet.fetch_news

    async def watching():
        loops.append(asyncio.get_running_loop())
        return await original()

    monkeypatch.setattr(snippet, "fetch_news", watching)
    transport = httpx2.WSGITransport(app=get_wsgi_application())
    with httpx2.Client(transport=transport, base_url=BASE_URL) as http:
        assert [http.get("/dashboard").status_code for _ in range(2)] == [200, 200]

    assert loops[0] is not loops[1]


def test_flask_without_the_async_extra(monkeypatch):
    from snippets.async_views.flask_app import app

    monkeypatch.setitem(sys.modules, "asgiref.sync", None)
    with (
        app.test_request_context("/dashboard"),
        pytest.raises(RuntimeError, match=r"Install Flask with the 'async' extra"),
    ):
        app.ensure_sync(app.view_functions["dashboard"])()
