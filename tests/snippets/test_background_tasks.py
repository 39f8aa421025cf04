"""Contract for `background_tasks`: the sign-up answers 202 before the welcome email is sent,
and the email is sent afterwards.

One assertion set for every framework; a harness per framework supplies what "the work" is:

- Django and Django Ninja: django.tasks with django-tasks-db. The snippet's own
  `db_worker --batch` command runs in a subprocess, only after the response has come back.
- Flask: RQ. A redis-server of its own on a Unix socket in the test's directory, and
  `rq worker --burst`, again only after the response. Skipped when redis-server is missing.
- FastAPI, Litestar, Quart and Starlette: BackgroundTasks, a BackgroundTask on the Response
  (Litestar, Starlette), or Quart's app.add_background_task, served by uvicorn on loopback (the
  in-process TestClient would wait for the task). The task is held by an event until the response
  has arrived.

So "did not wait" is proved by order, never by timing.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest
from starlette.testclient import TestClient

from tests.servers import serve
from tests.support import BASE_URL, ROOT, isolation_marks

TASK = "background_tasks"
WAIT = 60  # seconds before a worker or a held task counts as stuck
EMAIL = "ada@example.org"
SENT = f"Welcome email sent to {EMAIL}"


@dataclass
class Harness:
    http: httpx2.Client
    results: Callable[[httpx2.Response], list[str]]
    run_work: Callable[[], None]


def subprocess_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def job_results(http: httpx2.Client, finished: str) -> Callable[[httpx2.Response], list[str]]:
    def results(response: httpx2.Response) -> list[str]:
        job = http.get(f"/jobs/{response.json()['job']}").json()
        return [job["result"]] if job["status"] == finished else []

    return results


@contextmanager
def django_harness(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snippet: str = "django_app"
) -> Iterator[Harness]:
    monkeypatch.chdir(tmp_path)
    module = importlib.import_module(f"snippets.{TASK}.{snippet}")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    def run_work():
        worker = [sys.executable, "-m", f"snippets.{TASK}.{snippet}", "db_worker"]
        options = ["--batch", "--no-startup-delay", "--no-reload", "--verbosity", "0"]
        subprocess.run(
            worker + options, cwd=tmp_path, env=subprocess_env(), check=True, timeout=WAIT
        )

    transport = httpx2.WSGITransport(app=module.application)
    with httpx2.Client(transport=transport, base_url=BASE_URL) as http:
        yield Harness(http, job_results(http, "SUCCESSFUL"), run_work)


REDIS_SKIP = "redis-server not installed (apt-get install redis-server; .ci/run does)"


@contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    """A private redis-server listening on a Unix socket only; yields its URL."""
    socket = directory / "redis.sock"
    server = subprocess.Popen(
        [
            *("redis-server", "--port", "0", "--unixsocket", str(socket)),
            *("--save", "", "--appendonly", "no", "--dir", str(directory)),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + WAIT
        while not socket.exists():
            assert server.poll() is None and time.monotonic() < deadline, "redis did not start"
            time.sleep(0.02)
        yield f"unix://{socket}"
    finally:
        server.terminate()
        server.wait(WAIT)


@contextmanager
def flask_harness(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Harness]:
    if shutil.which("redis-server") is None:
        pytest.skip(REDIS_SKIP)
    with redis_server(tmp_path) as url:
        monkeypatch.setenv("REDIS_URL", url)
        monkeypatch.delitem(sys.modules, f"snippets.{TASK}.flask_app", raising=False)
        module = importlib.import_module(f"snippets.{TASK}.flask_app")

        def run_work():
            rq = Path(sys.executable).with_name("rq")
            subprocess.run(
                [str(rq), "worker", "--burst", "--quiet", "--url", url],
                cwd=ROOT,
                env=subprocess_env(),
                check=True,
                timeout=WAIT,
            )

        transport = httpx2.WSGITransport(app=module.app)
        try:
            with httpx2.Client(transport=transport, base_url=BASE_URL) as http:
                yield Harness(http, job_results(http, "finished"), run_work)
        finally:
            module.redis.close()


@contextmanager
def response_task_harness(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, framework: str = "fastapi"
) -> Iterator[Harness]:
    """FastAPI's BackgroundTasks, Litestar's and Starlette's BackgroundTask and Quart's
    add_background_task run after the response, in the web process, on a real server."""
    module = importlib.import_module(f"snippets.{TASK}.{framework}_app")
    monkeypatch.setattr(module, "outbox", [])
    release, done = threading.Event(), threading.Event()
    send = module.send_welcome_email

    def held_until_released(email):
        assert release.wait(WAIT), "the test never released the task"
        send(email)
        done.set()

    monkeypatch.setattr(module, "send_welcome_email", held_until_released)

    def run_work():
        release.set()
        assert done.wait(WAIT), "the background task did not finish"

    with serve(module.app) as url, httpx2.Client(base_url=url, timeout=WAIT) as http:
        try:
            yield Harness(http, lambda response: list(module.outbox), run_work)
        finally:
            release.set()


def django_ninja_harness(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return django_harness(tmp_path, monkeypatch, snippet="django_ninja_app")


HARNESSES = {
    "django": django_harness,
    "django_ninja": django_ninja_harness,
    "flask": flask_harness,
    "quart": functools.partial(response_task_harness, framework="quart"),
    "fastapi": response_task_harness,
    "litestar": functools.partial(response_task_harness, framework="litestar"),
    "starlette": functools.partial(response_task_harness, framework="starlette"),
}


def test_the_response_comes_before_the_work(framework, tmp_path, monkeypatch):
    with HARNESSES[framework](tmp_path, monkeypatch) as harness:
        response = harness.http.post("/signups", json={"email": EMAIL})

        assert response.status_code == 202
        assert harness.results(response) == []

        harness.run_work()

        assert harness.results(response) == [SENT]


@pytest.mark.parametrize(
    ("snippet", "pending"),
    [
        pytest.param("django", "READY", id="django", marks=isolation_marks("django")),
        pytest.param(
            "django_ninja", "READY", id="django_ninja", marks=isolation_marks("django_ninja")
        ),
        pytest.param("flask", "queued", id="flask"),
    ],
)
def test_the_queued_job_reports_its_status(snippet, pending, tmp_path, monkeypatch):
    with HARNESSES[snippet](tmp_path, monkeypatch) as harness:
        response = harness.http.post("/signups", json={"email": EMAIL})
        job = response.json()["job"]

        assert response.json()["status"] == pending
        assert harness.http.get(f"/jobs/{job}").json()["status"] == pending


@pytest.mark.parametrize(
    ("backend", "status"),
    [
        pytest.param("immediate.ImmediateBackend", "SUCCESSFUL", id="immediate"),
        pytest.param("dummy.DummyBackend", "READY", id="dummy"),
    ],
)
@pytest.mark.forked
def test_django_builtin_backends_do_not_run_work_after_the_response(
    backend, status, tmp_path, monkeypatch
):
    """Django's own backends: ImmediateBackend runs the task inside enqueue(), so the 202 comes
    after the work; DummyBackend stores it and never runs it."""
    from django.test import override_settings

    tasks = {"default": {"BACKEND": f"django.tasks.backends.{backend}"}}
    with django_harness(tmp_path, monkeypatch) as harness, override_settings(TASKS=tasks):
        response = harness.http.post("/signups", json={"email": EMAIL})

    assert response.status_code == 202
    assert response.json()["status"] == status


@pytest.mark.parametrize("snippet", ["fastapi", "starlette", "litestar"])
def test_the_testclient_waits_for_background_tasks(snippet, monkeypatch):
    """A trap when testing FastAPI, Starlette or Litestar (with Litestar's own TestClient): the
    client returns only after the background tasks ran, so it cannot show that the response came
    first (the contract above uses a real server)."""
    from litestar.testing import TestClient as LitestarTestClient

    module = importlib.import_module(f"snippets.{TASK}.{snippet}_app")
    monkeypatch.setattr(module, "outbox", [])
    test_client = LitestarTestClient if snippet == "litestar" else TestClient

    with test_client(module.app) as http:
        response = http.post("/signups", json={"email": EMAIL})

    assert response.status_code == 202
    assert module.outbox == [SENT]


def test_quart_test_client_does_not_wait_but_test_app_does(monkeypatch):
    """Unlike FastAPI's and Litestar's TestClient, Quart's test client returns while the task is
    still running; leaving `app.test_app()` waits for it, as Quart's shutdown does."""
    module = importlib.import_module(f"snippets.{TASK}.quart_app")
    monkeypatch.setattr(module, "outbox", [])
    release = threading.Event()
    send = module.send_welcome_email

    def held_until_released(email):
        assert release.wait(WAIT), "the test never released the task"
        send(email)

    monkeypatch.setattr(module, "send_welcome_email", held_until_released)

    async def sign_up():
        async with module.app.test_app() as test_app:
            response = await test_app.test_client().post("/signups", json={"email": EMAIL})
            during = list(module.outbox)
            release.set()
        return response.status_code, during, list(module.outbox)

    assert asyncio.run(sign_up()) == (202, [], [SENT])


# Refused before any work is queued: 422 from the Pydantic models of FastAPI and Django Ninja,
# 400 from Litestar's msgspec struct and from the other snippets' own check of the body.
MISSING_EMAIL_STATUS = {
    "django": 400,
    "django_ninja": 422,
    "flask": 400,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 400,
}


# JSON that is no object with an email (a bare value, a string that contains "email"), and no JSON
@pytest.mark.parametrize("body", [b"{}", b"null", b"[]", b"1", b'"an email"', b"{"], ids=repr)
def test_a_body_without_an_email_is_refused(framework, body, tmp_path, monkeypatch):
    with HARNESSES[framework](tmp_path, monkeypatch) as harness:
        response = harness.http.post(
            "/signups", content=body, headers={"Content-Type": "application/json"}
        )

    unparsed = body == b"{" and framework == "django_ninja"  # Ninja: 400 before validation
    assert response.status_code == (400 if unparsed else MISSING_EMAIL_STATUS[framework])


# An id in the format the queues hand out (a UUID for django-tasks-db and RQ) that was never
# issued, and one in no format at all: the routes take any string. The snippets without a job
# store (FastAPI, Litestar, Quart, Starlette) have no /jobs route, so they answer 404 too.
@pytest.mark.parametrize("job", ["0b0e8f8c-5f3a-4c1e-9d2b-7a6f1e4c3b2a", "not-a-job"])
def test_an_unknown_job_is_404(framework, job, tmp_path, monkeypatch):
    with HARNESSES[framework](tmp_path, monkeypatch) as harness:
        response = harness.http.get(f"/jobs/{job}")

    assert response.status_code == 404
