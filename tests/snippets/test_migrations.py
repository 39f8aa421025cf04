"""Contract for `migrations`: each framework's migration tool builds the schema from an empty
database, a second migration adds a column, and both can be reversed.

The tools run as the reader runs them (`manage.py migrate`, `flask db upgrade`, `alembic upgrade`)
in a subprocess, or through their Python API where a test needs a revision in between. The
schema is read back with SQLAlchemy's inspector. Runs on SQLite, and on PostgreSQL when
DATABASE_URL is set."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.databases import database_marks, sqlalchemy_url
from tests.support import ROOT, snippet_module, uses_django

# Each test starts from a database with no tables at all, in its own process.
pytestmark = [*database_marks("migrations"), pytest.mark.fresh_process]
TASK = "migrations"
ALEMBIC_INI = {
    "fastapi": "snippets/migrations/fastapi_migrations/alembic.ini",
    "quart": "snippets/migrations/quart_migrations/alembic.ini",
    "starlette": "snippets/migrations/starlette_migrations/alembic.ini",
}
TABLE = {"django": "migrations_book", "django_ninja": "migrations_book"}  # app label prefix
CLI = {
    "django": [sys.executable, "-m", "snippets.migrations.django_app"],
    "django_ninja": [sys.executable, "-m", "snippets.migrations.django_ninja_app"],
    "flask": [sys.executable, "-m", "flask", "--app", "snippets.migrations.flask_app", "db"],
    "quart": [sys.executable, "-m", "alembic", "-c", ALEMBIC_INI["quart"]],
    "fastapi": [sys.executable, "-m", "alembic", "-c", ALEMBIC_INI["fastapi"]],
    "litestar": [
        *(sys.executable, "-m", "litestar", "--app", "snippets.migrations.litestar_app:app"),
        "database",
    ],
    "starlette": [sys.executable, "-m", "alembic", "-c", ALEMBIC_INI["starlette"]],
}
UPGRADE = {
    "django": ["migrate"],
    "django_ninja": ["migrate"],
    "flask": ["upgrade"],
    "quart": ["upgrade", "head"],
    "fastapi": ["upgrade", "head"],
    "litestar": ["upgrade", "--no-prompt"],
    "starlette": ["upgrade", "head"],
}
SECOND_MIGRATION_SQL = {
    "django": ["sqlmigrate", "migrations", "0002"],
    "django_ninja": ["sqlmigrate", "migrations", "0002"],
    "flask": ["upgrade", "0001:0002", "--sql"],
    "quart": ["upgrade", "0001:0002", "--sql"],
    "fastapi": ["upgrade", "0001:0002", "--sql"],
    "litestar": ["upgrade", "0001:0002", "--sql", "--no-prompt"],
    "starlette": ["upgrade", "0001:0002", "--sql"],
}

CHECK = {
    "django": ["makemigrations", "--check", "--dry-run"],
    "django_ninja": ["makemigrations", "--check", "--dry-run"],
    "flask": ["check"],
    "quart": ["check"],
    "fastapi": ["check"],
    "litestar": ["check"],
    "starlette": ["check"],
}


@pytest.fixture
def framework_db(framework, database):
    """The empty database the snippet will use (DATABASE_URL is already set)."""
    return framework


def table(framework):
    return TABLE.get(framework, "book")


def run(framework, args):
    result = subprocess.run(
        CLI[framework] + args, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def columns(framework):
    """The book table's column names, or None when the table does not exist."""
    engine = create_engine(sqlalchemy_url(os.environ["DATABASE_URL"]))
    try:
        inspector = inspect(engine)
        if not inspector.has_table(table(framework)):
            return None
        return [column["name"] for column in inspector.get_columns(table(framework))]
    finally:
        engine.dispose()


def execute(framework, sql, **params):
    engine = create_engine(sqlalchemy_url(os.environ["DATABASE_URL"]))
    try:
        with engine.begin() as connection:
            result = connection.execute(text(sql.format(table=table(framework))), params)
            return result.all() if result.returns_rows else None
    finally:
        engine.dispose()


def alembic_config(framework):
    from alembic.config import Config

    return Config(ROOT / ALEMBIC_INI[framework])


def upgrade(framework, revision):
    """In-process equivalent of the upgrade command, up to "0001" or "0002"."""
    module = snippet_module(TASK, framework)
    if uses_django(framework):
        from django.core.management import call_command

        call_command("migrate", "migrations", revision, verbosity=0)
    elif framework == "flask":
        import flask_migrate

        with module.app.app_context():
            flask_migrate.upgrade(revision=revision)
    elif framework == "litestar":
        from advanced_alchemy.extensions.litestar import AlembicCommands

        AlembicCommands(sqlalchemy_config=module.alchemy).upgrade(revision)
    else:
        from alembic import command

        command.upgrade(alembic_config(framework), revision)


def downgrade(framework, revision):
    """In-process equivalent of the downgrade command, down to "0001" or "base" (no tables)."""
    module = snippet_module(TASK, framework)
    if uses_django(framework):
        from django.core.management import call_command

        call_command(
            "migrate", "migrations", "zero" if revision == "base" else revision, verbosity=0
        )
    elif framework == "flask":
        import flask_migrate

        with module.app.app_context():
            flask_migrate.downgrade(revision=revision)
    elif framework == "litestar":
        from advanced_alchemy.extensions.litestar import AlembicCommands

        AlembicCommands(sqlalchemy_config=module.alchemy).downgrade(revision)
    else:
        from alembic import command

        command.downgrade(alembic_config(framework), revision)


def test_the_tool_builds_the_schema_from_an_empty_database(framework_db):
    framework = framework_db
    assert columns(framework) is None

    run(framework, UPGRADE[framework])

    assert columns(framework) == ["id", "title", "year"]


def test_second_migration_adds_a_column_and_keeps_the_rows(framework_db):
    framework = framework_db
    upgrade(framework, "0001")
    assert columns(framework) == ["id", "title"]
    execute(framework, "INSERT INTO {table} (title) VALUES (:title)", title="Dune")

    upgrade(framework, "0002")

    assert columns(framework) == ["id", "title", "year"]
    assert execute(framework, "SELECT title, year FROM {table}") == [("Dune", None)]


def test_migrations_reverse_to_an_empty_schema(framework_db):
    framework = framework_db
    upgrade(framework, "0002")

    downgrade(framework, "0001")
    assert columns(framework) == ["id", "title"]

    downgrade(framework, "base")
    assert columns(framework) is None


def test_the_tool_prints_the_sql_of_the_second_migration(framework_db):
    framework = framework_db
    upgrade(framework, "0001")

    sql = run(framework, SECOND_MIGRATION_SQL[framework]).upper()

    assert "ALTER TABLE" in sql
    assert "ADD COLUMN" in sql
    assert "YEAR" in sql


# What each CHECK command says when nothing is left to migrate: Django's makemigrations, or
# Alembic's check (behind Flask-Migrate, Advanced Alchemy's CLI and plain Alembic alike).
NOTHING_TO_MIGRATE = {
    "django": "No changes detected",
    "django_ninja": "No changes detected",
    "flask": "No new upgrade operations detected",
    "quart": "No new upgrade operations detected",
    "fastapi": "No new upgrade operations detected",
    "litestar": "No new upgrade operations detected",
    "starlette": "No new upgrade operations detected",
}


def test_models_match_the_migrations(framework_db):
    """Autogenerate/makemigrations finds nothing left to migrate."""
    framework = framework_db
    upgrade(framework, "0002")

    output = run(framework, CHECK[framework])

    assert NOTHING_TO_MIGRATE[framework] in output


def test_the_app_serves_the_migrated_table(db_http, framework):
    upgrade(framework, "0002")
    execute(framework, "INSERT INTO {table} (title, year) VALUES ('Dune', 1965)")

    response = db_http.get("/books")

    assert response.status_code == 200
    assert response.json() == [{"id": 1, "title": "Dune", "year": 1965}]
