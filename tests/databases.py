"""The databases a snippet's contract runs on: SQLite always, PostgreSQL when DATABASE_URL is set.

A snippet that stores data reads `DATABASE_URL` from the environment when it is imported (Flask
and FastAPI build their engine at import, Django its settings). So every test of such a task runs
in a forked process (`pytest.mark.isolate`), where the `database` fixture first points
`DATABASE_URL` at a fresh database and only then is the snippet imported:

- `sqlite`: a new file in the test's temporary directory;
- `postgresql`: a new schema in the database named by the outer `DATABASE_URL` (reached through
  `search_path`), dropped after the test; skipped when `DATABASE_URL` is not set. The role
  needs CREATE on that database (the owner has it); nothing outside its own schemas is touched.

`.ci/run` starts a PostgreSQL server and sets `DATABASE_URL`, so CI runs both.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx2
import pytest

from tests.support import ROOT, catalog, client, snippet_module

POSTGRES_SKIP = "DATABASE_URL not set: PostgreSQL run skipped"

# Django's dj-database-url wants postgresql://; SQLAlchemy needs the driver named (psycopg 3).
URL_SCHEME = {"django": "postgresql"}
SQLALCHEMY_SCHEME = "postgresql+psycopg"


@functools.cache
def uses_database(task: str) -> bool:
    """A task stores data when one of its snippets reads DATABASE_URL."""
    cells = catalog().tasks[task].support.values()
    return any(
        "DATABASE_URL" in (ROOT / cell.evidence.snippet).read_text(encoding="utf-8")
        for cell in cells
        if cell.evidence and cell.evidence.snippet
    )


def database_marks(task: str) -> list[pytest.MarkDecorator]:
    """Database tests import the snippet in a fresh process, for every framework."""
    return [pytest.mark.isolate(timeout=120)] if uses_database(task) else []


def outer_url() -> str | None:
    return os.environ.get("DATABASE_URL")


def _base_postgres_url(url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)


def url_for(framework: str, url: str) -> str:
    """The same database, spelled the way the framework's snippet expects it."""
    if not url.startswith("postgresql://"):
        return url
    return url.replace("postgresql://", URL_SCHEME.get(framework, SQLALCHEMY_SCHEME) + "://", 1)


def sqlalchemy_url(url: str) -> str:
    """DATABASE_URL as SQLAlchemy wants it, whichever framework's spelling it is in."""
    return url_for("sqlalchemy", _base_postgres_url(url)) if url.startswith("postgres") else url


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A throwaway schema; yields the URL whose connections use it (search_path)."""
    import psycopg

    base = _base_postgres_url(url)
    name = f"fg_{secrets.token_hex(6)}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {name}")
    try:
        separator = "&" if "?" in base else "?"
        yield f"{base}{separator}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {name} CASCADE")


def database_params() -> list[pytest.ParameterSet]:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=pytest.mark.skipif(not outer_url(), reason=POSTGRES_SKIP),
        ),
    ]


@contextmanager
def fresh_database(kind: str, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty database of this kind."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    url = outer_url()
    assert url, POSTGRES_SKIP
    with postgres_schema(url) as schema_url:
        yield schema_url


@pytest.fixture(params=database_params())
def database(
    request: pytest.FixtureRequest, framework: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Points DATABASE_URL at an empty database before the snippet is imported; yields its kind."""
    with fresh_database(request.param, tmp_path) as url:
        monkeypatch.setenv("DATABASE_URL", url_for(framework, url))
        yield request.param


def create_tables(task: str, framework: str) -> None:
    """What a reader runs once before starting the app. Flask and FastAPI snippets create their
    tables themselves (at import, at startup); Django's are created by `migrate`."""
    if framework == "django":
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def insert(task: str, framework: str, model: str, rows: list[dict]) -> list[int]:
    """Store rows straight through the snippet's own ORM (test data, not under test); return ids."""
    module = snippet_module(task, framework)
    cls = getattr(module, model)
    if framework == "django":
        return [cls.objects.create(**row).pk for row in rows]
    objects = [cls(**row) for row in rows]
    if framework == "flask":
        with module.app.app_context():
            module.db.session.add_all(objects)
            module.db.session.commit()
            return [o.id for o in objects]
    from sqlmodel import Session

    with Session(module.engine) as session:
        session.add_all(objects)
        session.commit()
        return [o.id for o in objects]


@contextmanager
def database_client(task: str, framework: str) -> Iterator[httpx2.Client]:
    with client(task, framework) as http:
        create_tables(task, framework)
        yield http


@pytest.fixture
def db_http(
    request: pytest.FixtureRequest, framework: str, database: str
) -> Iterator[httpx2.Client]:
    """Like `http`, on an empty database of each kind (`database`: sqlite, postgresql)."""
    task = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    with database_client(task, framework) as session:
        yield session


@contextmanager
def differences_client(task: str, framework: str, tmp_path: Path) -> Iterator[httpx2.Client]:
    """For tests/test_differences.py: database tasks get an empty SQLite database (the test runs
    forked, see database_marks); other tasks the plain client."""
    if not uses_database(task):
        with client(task, framework) as http:
            yield http
        return
    os.environ["DATABASE_URL"] = url_for(framework, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with database_client(task, framework) as http:
        yield http
