import os

import aiosqlite
from quart import Blueprint, Quart, current_app, g

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"

notes = Blueprint("notes", __name__)


async def get_db() -> aiosqlite.Connection:
    if "db" not in g:
        g.db = await aiosqlite.connect(current_app.config["DATABASE"])
        await g.db.execute(SCHEMA)
    return g.db


async def close_db(exception: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        await db.close()


@notes.get("/notes")
async def list_notes():
    db = await get_db()
    async with db.execute("SELECT id, text FROM notes ORDER BY id") as cursor:
        rows = await cursor.fetchall()
    return [{"id": row[0], "text": row[1]} for row in rows]


def create_app(test_config: dict | None = None) -> Quart:
    app = Quart(__name__)
    app.config.from_mapping(DATABASE=os.environ.get("NOTES_DATABASE", "notes.sqlite3"))
    if test_config is not None:
        app.config.update(test_config)
    app.teardown_appcontext(close_db)
    app.register_blueprint(notes)
    return app


app = create_app()
