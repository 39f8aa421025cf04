"""The databases a snippet's contract runs on: SQLite always, PostgreSQL when DATABASE_URL is set.

A snippet that stores data reads `DATABASE_URL` from the environment when it is imported (Flask
and FastAPI build their engine at import, Django its settings). So every test of such a task runs
in a forked child (`pytest.mark.forked`, tests/forking.py), one child per snippet and database,
where the `database` fixture first points `DATABASE_URL` at that child's database and only then
is the snippet imported. Each test starts from empty tables, as in Django's own test runner:

- `sqlite`: a file in a temporary directory, one per child;
- `postgresql`: a new schema in the database named by the outer `DATABASE_URL` (reached through
  `search_path`), one per child, dropped when the run ends; skipped when `DATABASE_URL` is not
  set. The role needs CREATE on that database (the owner has it); nothing outside the run's own
  schemas is touched.

After each test the tables are emptied: Django's `flush` command for Django (it also restores
the rows its `post_migrate` handlers make), `TRUNCATE ... RESTART IDENTITY` on PostgreSQL and
`DELETE` on SQLite for the others; the migration tools' own tables are kept.

`.ci/run` starts a PostgreSQL server and sets `DATABASE_URL`, so CI runs both.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import httpx2
import pytest

from tests.support import ROOT, catalog, client, snippet_module, uses_django

POSTGRES_SKIP = "DATABASE_URL not set: PostgreSQL run skipped"

# Django's dj-database-url wants postgresql://; SQLAlchemy needs the driver named (psycopg 3).
DJANGO_SCHEME = "postgresql"
SQLALCHEMY_SCHEME = "postgresql+psycopg"
# Litestar's, Quart's and Starlette's snippets use SQLAlchemy's asyncio engine (as Litestar's and
# Starlette's docs do; Quart has no ORM of its own): aiosqlite for SQLite (psycopg 3 is async
# already).
ASYNC_SQLITE = frozenset({"litestar", "quart", "starlette"})


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
    """Database tests import the snippet in a forked child, for every framework."""
    return [pytest.mark.forked] if uses_database(task) else []


def outer_url() -> str | None:
    return os.environ.get("DATABASE_URL")


def _base_postgres_url(url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)


def url_for(framework: str, url: str) -> str:
    """The same database, spelled the way the framework's snippet expects it."""
    if url.startswith("sqlite://") and framework in ASYNC_SQLITE:
        return url.replace("sqlite://", "sqlite+aiosqlite://", 1)
    if not url.startswith("postgresql://"):
        return url
    scheme = DJANGO_SCHEME if uses_django(framework) else SQLALCHEMY_SCHEME
    return url.replace("postgresql://", scheme + "://", 1)


def sqlalchemy_url(url: str) -> str:
    """DATABASE_URL as SQLAlchemy's sync engine wants it, whichever framework's spelling it is in."""
    if url.startswith("sqlite+aiosqlite://"):
        return url.replace("sqlite+aiosqlite://", "sqlite://", 1)
    if not url.startswith("postgres"):
        return url
    return _base_postgres_url(url).replace("postgresql://", SQLALCHEMY_SCHEME + "://", 1)


RUN = secrets.token_hex(4)  # names this run's PostgreSQL schemas (fg_<RUN>_<pid>)
KEPT_TABLES = {
    "alembic_version",
    "alembic_versions",
    "django_migrations",
}  # Advanced Alchemy: plural
_databases: dict[str, str] = {}  # this process's database of each kind


def postgres_schema(url: str) -> str:
    """A new schema for this process; returns the URL whose connections use it (search_path)."""
    import psycopg

    base = _base_postgres_url(url)
    name = f"fg_{RUN}_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options={quote(f'-csearch_path={name}')}"


def drop_run_schemas(url: str) -> None:
    import psycopg

    with psycopg.connect(_base_postgres_url(url), autocommit=True) as connection:
        names = connection.execute(
            "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, %s)", (f"fg_{RUN}_",)
        ).fetchall()
        for (name,) in names:
            connection.execute(f"DROP SCHEMA {name} CASCADE")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The parent drops the schemas its children made (children never finish a session)."""
    if outer_url():
        drop_run_schemas(outer_url())


def database_params() -> list[pytest.ParameterSet]:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=pytest.mark.skipif(not outer_url(), reason=POSTGRES_SKIP),
        ),
    ]


def empty_django_database() -> None:
    """Django's `flush`: what a TransactionTestCase does between tests."""
    from django.conf import settings

    if not settings.configured:
        return
    from django.core.management import call_command
    from django.db import connection

    if "django_migrations" in connection.introspection.table_names():
        call_command("flush", interactive=False, verbosity=0)


def empty_tables(url: str) -> None:
    """Delete every row (but the migration tools' own) and restart the ids at 1."""
    from sqlalchemy import MetaData, create_engine, text

    engine = create_engine(sqlalchemy_url(url))
    try:
        tables = MetaData()
        tables.reflect(bind=engine)
        emptied = [t for t in reversed(tables.sorted_tables) if t.name not in KEPT_TABLES]
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                if emptied:
                    names = ", ".join(
                        connection.dialect.identifier_preparer.quote(t.name) for t in emptied
                    )
                    connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
                return
            for table in emptied:
                connection.execute(table.delete())
            if "sqlite_sequence" in tables.tables:
                connection.execute(text("DELETE FROM sqlite_sequence"))
    finally:
        engine.dispose()


@contextmanager
def process_database(
    kind: str, framework: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """This process's database of `kind` (made on first use), emptied when the test is done."""
    if kind not in _databases:
        if kind == "sqlite":
            _databases[kind] = f"sqlite:///{tmp_path_factory.mktemp('db') / 'db.sqlite3'}"
        else:
            url = outer_url()
            assert url, POSTGRES_SKIP
            _databases[kind] = postgres_schema(url)
    url = _databases[kind]
    try:
        yield url
    finally:
        if uses_django(framework):
            empty_django_database()
        else:
            empty_tables(url)


@pytest.fixture(params=database_params())
def database(
    request: pytest.FixtureRequest,
    framework: str,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    """Points DATABASE_URL at this child's database, with empty tables; yields its kind."""
    with process_database(request.param, framework, tmp_path_factory) as url:
        monkeypatch.setenv("DATABASE_URL", url_for(framework, url))
        yield request.param


def create_tables(task: str, framework: str) -> None:
    """What a reader runs once before starting the app. Flask and FastAPI snippets create their
    tables themselves (at import, at startup); Django's are created by `migrate`."""
    if uses_django(framework):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def insert(task: str, framework: str, model: str, rows: list[dict]) -> list[int]:
    """Store rows straight through the snippet's own ORM (test data, not under test); return ids."""
    module = snippet_module(task, framework)
    cls = getattr(module, model)
    if uses_django(framework):
        return [cls.objects.create(**row).pk for row in rows]
    objects = [cls(**row) for row in rows]
    if framework == "flask":
        with module.app.app_context():
            module.db.session.add_all(objects)
            module.db.session.commit()
            return [o.id for o in objects]
    if framework in ASYNC_SQLITE:
        return insert_with_a_sync_engine(objects)
    from sqlmodel import Session

    with Session(module.engine) as session:
        session.add_all(objects)
        session.commit()
        return [o.id for o in objects]


def insert_with_a_sync_engine(objects: list) -> list[int]:
    """Litestar's, Quart's and Starlette's snippets only have an async engine; test data goes in through a
    sync one."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    engine = create_engine(sqlalchemy_url(os.environ["DATABASE_URL"]))
    try:
        with Session(engine) as session:
            session.add_all(objects)
            session.commit()
            return [o.id for o in objects]
    finally:
        engine.dispose()


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
def differences_client(
    task: str, framework: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx2.Client]:
    """For tests/test_differences.py: database tasks get this child's SQLite database, emptied
    after the request (the test runs forked, see database_marks); other tasks the plain client."""
    if not uses_database(task):
        with client(task, framework) as http:
            yield http
        return
    with process_database("sqlite", framework, tmp_path_factory) as url:
        os.environ["DATABASE_URL"] = url_for(framework, url)
        with database_client(task, framework) as http:
            yield http
