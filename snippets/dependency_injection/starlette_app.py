import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.applications import Starlette
from starlette.config import Config
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"
config = Config()


@contextmanager
def connect(request: Request) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(request.app.state.database)
    try:
        db.execute(SCHEMA)
        yield db
    finally:
        db.close()


def list_notes(request: Request) -> JSONResponse:
    with connect(request) as db:
        rows = db.execute("SELECT id, text FROM notes ORDER BY id").fetchall()
    return JSONResponse([{"id": row[0], "text": row[1]} for row in rows])


def create_app(database: str) -> Starlette:
    app = Starlette(routes=[Route("/notes", list_notes)])
    app.state.database = database
    return app


app = create_app(config("NOTES_DATABASE", default="notes.sqlite3"))
