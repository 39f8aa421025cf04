"""One client API for every snippet, WSGI or ASGI, so a contract is written once per task."""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2
import pytest
from starlette.testclient import TestClient

from fieldguide.load import Catalog, load_catalog
from fieldguide.models import Interface, Support

ROOT = Path(__file__).resolve().parents[1]
BASE_URL = "http://localhost"


@functools.cache
def catalog() -> Catalog:
    return load_catalog(ROOT)


def frameworks_with_snippet(task: str) -> list[str]:
    return [
        f.id
        for f in catalog().frameworks
        if (cell := catalog().tasks[task].support[f.id]).evidence and cell.evidence.snippet
    ]


def cells_with_snippet() -> list[tuple[str, str, Support]]:
    """(task, framework, cell) for every support cell that has a tested snippet."""
    return [
        (task.id, framework, cell)
        for task in catalog().tasks.values()
        for framework, cell in task.support.items()
        if cell.evidence and cell.evidence.snippet
    ]


def isolation_marks(framework: str) -> list[pytest.MarkDecorator]:
    """Django's settings can be configured once per process: its tests run in a forked child,
    one per snippet (tests/forking.py)."""
    return [pytest.mark.forked] if catalog().framework(framework).isolated else []


def uses_django(framework: str) -> bool:
    """Django and the frameworks built on it (Django Ninja): their process-wide settings are why
    they are `isolated`, and their users, tables and migrations are Django's."""
    return catalog().framework(framework).isolated


def media_type(response: httpx2.Response) -> str:
    """The content type without its parameters: `application/json; charset=utf-8` is JSON too."""
    return response.headers["content-type"].split(";")[0].strip()


def snippet_params(task: str) -> list[Any]:
    return [
        pytest.param(framework, id=framework, marks=isolation_marks(framework))
        for framework in frameworks_with_snippet(task)
    ]


def snippet_module(task: str, framework: str) -> Any:
    return importlib.import_module(f"snippets.{task}.{framework}_app")


def load_app(task: str, framework: str) -> Any:
    return getattr(snippet_module(task, framework), catalog().framework(framework).app_attribute)


@contextmanager
def coverage_paused() -> Iterator[None]:
    """Stop measuring coverage for a while, here and in subprocesses (coverage's `subprocess`
    patch hands them its settings through COVERAGE_PROCESS_CONFIG): for site builds, which run
    MkDocs in this process, include snippet files as text and run none of their code, and take
    three times as long when traced. If a build ever ran snippet code, the 100% snippet
    coverage gate would say so, never hide it."""
    import coverage

    running = coverage.Coverage.current()
    saved = {
        name: os.environ.pop(name)
        for name in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")
        if name in os.environ
    }
    if running is not None:
        running.stop()
    try:
        yield
    finally:
        os.environ.update(saved)
        if running is not None:
            running.start()


@contextmanager
def client(task: str, framework: str) -> Iterator[httpx2.Client]:
    """An httpx2 client wired to the snippet's app in-process (lifespan included for ASGI).

    Redirects are not followed, for WSGI and ASGI alike, so tests see the 3xx itself."""
    app = load_app(task, framework)
    if catalog().framework(framework).interface == Interface.wsgi:
        with httpx2.Client(transport=httpx2.WSGITransport(app=app), base_url=BASE_URL) as http:
            yield http
    else:
        with TestClient(app, base_url=BASE_URL, follow_redirects=False) as http:
            yield http
