"""Contract for `dependency_injection`: handlers get a per-request database connection, and a
test can hand them its own database through each framework's own mechanism."""

import asyncio
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from starlette.testclient import TestClient

from tests.support import BASE_URL, snippet_module

SCHEMA = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"


def make_database(path: Path, *texts: str) -> Path:
    with sqlite3.connect(path) as db:
        db.execute(SCHEMA)
        db.executemany("INSERT INTO notes (text) VALUES (?)", [(t,) for t in texts])
    db.close()
    return path


def add_note(path: Path, text: str) -> None:
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO notes (text) VALUES (?)", (text,))
    db.close()


def wsgi_client(app) -> httpx2.Client:
    return httpx2.Client(transport=httpx2.WSGITransport(app=app), base_url=BASE_URL)


@contextmanager
def client_with_database(framework: str, path: Path) -> Iterator[httpx2.Client]:
    """Each framework's own way for a test to replace the database the handlers receive."""
    module = snippet_module("dependency_injection", framework)

    def test_db():
        db = sqlite3.connect(path, check_same_thread=False)
        try:
            yield db
        finally:
            db.close()

    if framework == "fastapi":
        module.app.dependency_overrides[module.get_db] = test_db
        try:
            with TestClient(module.app, base_url=BASE_URL) as http:
                yield http
        finally:
            module.app.dependency_overrides.clear()
    elif framework == "litestar":
        from litestar.di import Provide
        from litestar.testing import create_test_client

        with create_test_client([module.list_notes], dependencies={"db": Provide(test_db)}) as http:
            yield http
    elif framework == "flask":
        with wsgi_client(module.create_app({"DATABASE": str(path)})) as http:
            yield http
    elif framework == "quart":
        with TestClient(module.create_app({"DATABASE": str(path)}), base_url=BASE_URL) as http:
            yield http
    elif framework == "starlette":
        with TestClient(module.create_app(str(path)), base_url=BASE_URL) as http:
            yield http
    else:
        from django.test import override_settings

        with override_settings(NOTES_DATABASE=str(path)), wsgi_client(module.application) as http:
            yield http


def test_handler_reads_the_database_the_test_provides(framework, tmp_path):
    path = make_database(tmp_path / "test.sqlite3", "buy milk", "call Ada")

    with client_with_database(framework, path) as http:
        response = http.get("/notes")

    assert response.status_code == 200
    assert response.json() == [{"id": 1, "text": "buy milk"}, {"id": 2, "text": "call Ada"}]


def test_each_request_sees_the_current_data(framework, tmp_path):
    path = make_database(tmp_path / "test.sqlite3", "first")

    with client_with_database(framework, path) as http:
        before = http.get("/notes").json()
        add_note(path, "second")
        after = http.get("/notes").json()

    assert [n["text"] for n in before] == ["first"]
    assert [n["text"] for n in after] == ["first", "second"]


@contextmanager
def client_with_own_wiring(framework: str, path: Path) -> Iterator[httpx2.Client]:
    """The snippet's own code opens and closes the connection: FastAPI's and Litestar's own
    `get_db` (the test's override would close its own connection), the others as above."""
    if framework in ("fastapi", "litestar"):
        module = snippet_module("dependency_injection", framework)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(module, "DATABASE", str(path))
            with TestClient(module.app, base_url=BASE_URL) as http:
                yield http
    else:
        with client_with_database(framework, path) as http:
            yield http


def recording(connect, opened: list):
    """`connect`, keeping each connection it returns in `opened`."""

    def recording_connect(*args, **kwargs):
        opened.append(connection := connect(*args, **kwargs))
        return connection

    return recording_connect


def test_connection_is_closed_after_the_request(framework, tmp_path, monkeypatch):
    """Every sqlite3 connection the requests open (aiosqlite opens one too) is closed once the
    response is back. The test keeps hold of each connection, and of aiosqlite's wrapper, so
    garbage collection cannot close one that the snippet forgot."""
    path = make_database(tmp_path / "test.sqlite3", "note")
    opened: list[sqlite3.Connection] = []
    monkeypatch.setattr(sqlite3, "connect", recording(sqlite3.connect, opened))
    if framework == "quart":
        import aiosqlite

        monkeypatch.setattr(aiosqlite, "connect", recording(aiosqlite.connect, []))

    with client_with_own_wiring(framework, path) as http:
        assert http.get("/notes").status_code == 200
        assert http.get("/nowhere").status_code == 404
        assert opened, "the requests opened no connection"
        for connection in opened:
            with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
                _ = connection.total_changes


@pytest.mark.fresh_process  # the snippet must start with NOTES_DATABASE already set
def test_default_wiring_reads_the_configured_path(framework, tmp_path, monkeypatch):
    path = make_database(tmp_path / "configured.sqlite3", "from NOTES_DATABASE")
    monkeypatch.setenv("NOTES_DATABASE", str(path))

    module = snippet_module("dependency_injection", framework)
    if framework in ("fastapi", "litestar"):
        monkeypatch.setattr(module, "DATABASE", str(path))
        http = TestClient(module.app, base_url=BASE_URL)
    elif framework == "flask":
        http = wsgi_client(module.create_app())
    elif framework == "quart":
        http = TestClient(module.create_app(), base_url=BASE_URL)
    elif framework == "starlette":  # reads NOTES_DATABASE at import, so import it afresh
        monkeypatch.delitem(sys.modules, module.__name__)
        http = TestClient(snippet_module("dependency_injection", framework).app, base_url=BASE_URL)
    else:
        http = wsgi_client(module.application)
    with http:
        response = http.get("/notes")

    assert response.json() == [{"id": 1, "text": "from NOTES_DATABASE"}]


def test_flask_helper_reuses_one_connection_per_request(tmp_path):
    module = snippet_module("dependency_injection", "flask")
    app = module.create_app({"DATABASE": str(make_database(tmp_path / "test.sqlite3"))})

    with app.test_request_context("/notes"):
        assert module.get_db() is module.get_db()


def test_quart_helper_reuses_one_connection_per_request_and_closes_it(tmp_path):
    """The same pattern on Quart: the helper and the teardown are coroutines."""
    module = snippet_module("dependency_injection", "quart")
    app = module.create_app({"DATABASE": str(make_database(tmp_path / "test.sqlite3"))})

    async def connections():
        async with app.test_request_context("/notes"):
            first, second = await module.get_db(), await module.get_db()
        return first, second

    first, second = asyncio.run(connections())
    assert first is second
    with pytest.raises(ValueError, match="no active connection"):
        asyncio.run(first.execute("SELECT 1"))
