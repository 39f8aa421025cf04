"""Fixtures shared by the contract tests: `framework` is parametrized from the data."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from fieldguide.build import build_site
from tests.support import ROOT, client, coverage_paused, snippet_params

# Records which snippets' contract tests passed (build/test-outcomes.json); the build reads it to
# decide which matrix cells may say "tested here" (fieldguide/evidence.py).
# tests.databases: the database fixtures and the end-of-run cleanup of PostgreSQL schemas.
pytest_plugins = ["tests.outcomes", "tests.forking", "tests.databases"]


def task_of(module_name: str) -> str:
    return module_name.rsplit(".", 1)[-1].removeprefix("test_")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "framework" in metafunc.fixturenames and metafunc.module.__name__.startswith(
        "tests.snippets."
    ):
        metafunc.parametrize("framework", snippet_params(task_of(metafunc.module.__name__)))


@pytest.fixture
def http(request: pytest.FixtureRequest, framework: str) -> Iterator[httpx2.Client]:
    """A client for this module's task, talking to `framework`'s snippet."""
    with client(task_of(request.module.__name__), framework) as session:
        yield session


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `site` every test that reads the built site, so `make test` can run them after the
    contract tests whose outcomes the build reads (the contract tests run on several workers).
    The browser tests' `built` asks for `built_site` only when it runs, so it counts too."""
    for item in items:
        if {"built_site", "built"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's site, built once per run by the strict build (tests/test_site.py and the
    browser tests read it). It is first asked for after the contract tests, so it says *tested
    here* where this run proved it."""
    target = tmp_path_factory.mktemp("build") / "site"
    with coverage_paused():
        seconds = build_site(ROOT, target)
    print(f"strict build: {seconds:.1f} s")
    return target


# Forked Django tests reuse the modules the parent process has imported. Importing the part of
# Django that needs no settings once, here, saves about a second per forked test. The parent
# never configures settings (tests/test_isolation.py checks), so each snippet still configures
# its own in its own process.
WARM_MODULES = (
    "django.core.wsgi",
    "django.core.management",
    "django.db.models",
    "django.test",
    "rest_framework.compat",
    # database tasks (tests/databases.py) fork every framework's tests
    "dj_database_url",
    "django.db.backends.sqlite3.base",
    "django.db.backends.postgresql.base",
    "django.db.migrations.executor",
    "sqlalchemy.orm",
    "sqlmodel",
    "flask_sqlalchemy",
    "marshmallow",
)


def pytest_configure(config: pytest.Config) -> None:
    for name in WARM_MODULES:
        importlib.import_module(name)
