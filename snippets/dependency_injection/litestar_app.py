import os
import sqlite3
from collections.abc import Iterator

import msgspec
from litestar import Litestar, get
from litestar.di import NamedDependency, Provide

DATABASE = os.environ.get("NOTES_DATABASE", "notes.sqlite3")
SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"


class Note(msgspec.Struct):
    id: int
    text: str


def get_db() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(DATABASE, check_same_thread=False)
    try:
        db.execute(SCHEMA)
        yield db
    finally:
        db.close()


@get("/notes", sync_to_thread=True)
def list_notes(db: NamedDependency[sqlite3.Connection]) -> list[Note]:
    rows = db.execute("SELECT id, text FROM notes ORDER BY id").fetchall()
    return [Note(id=row[0], text=row[1]) for row in rows]


app = Litestar(route_handlers=[list_notes], dependencies={"db": Provide(get_db)})
