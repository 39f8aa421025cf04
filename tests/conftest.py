"""Fixtures shared by the contract tests: `framework` is parametrized from the data."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import httpx2
import pytest

from tests.support import client, snippet_params


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
)


def pytest_configure(config: pytest.Config) -> None:
    for name in WARM_MODULES:
        importlib.import_module(name)
