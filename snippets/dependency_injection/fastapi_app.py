import os
import sqlite3
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI
from pydantic import BaseModel

DATABASE = os.environ.get("NOTES_DATABASE", "notes.sqlite3")
SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"

app = FastAPI()


class Note(BaseModel):
    id: int
    text: str


def get_db() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(DATABASE, check_same_thread=False)
    try:
        db.execute(SCHEMA)
        yield db
    finally:
        db.close()


Database = Annotated[sqlite3.Connection, Depends(get_db)]


@app.get("/notes")
def list_notes(db: Database) -> list[Note]:
    rows = db.execute("SELECT id, text FROM notes ORDER BY id").fetchall()
    return [Note(id=row[0], text=row[1]) for row in rows]
