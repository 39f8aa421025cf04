import os
import sqlite3

from flask import Blueprint, Flask, current_app, g

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"

notes = Blueprint("notes", __name__)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.execute(SCHEMA)
    return g.db


def close_db(exception: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


@notes.get("/notes")
def list_notes():
    rows = get_db().execute("SELECT id, text FROM notes ORDER BY id").fetchall()
    return [{"id": row[0], "text": row[1]} for row in rows]


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(DATABASE=os.environ.get("NOTES_DATABASE", "notes.sqlite3"))
    if test_config is not None:
        app.config.update(test_config)
    app.teardown_appcontext(close_db)
    app.register_blueprint(notes)
    return app


app = create_app()
