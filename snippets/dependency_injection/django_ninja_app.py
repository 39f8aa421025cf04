import os
import sqlite3
import sys
from functools import wraps

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    NOTES_DATABASE=os.environ.get("NOTES_DATABASE", "notes.sqlite3"),
)

from ninja import NinjaAPI, Schema

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"


def with_database(operation):
    @wraps(operation)
    def wrapper(request, *args, **kwargs):
        request.db = sqlite3.connect(settings.NOTES_DATABASE)
        try:
            request.db.execute(SCHEMA)
            return operation(request, *args, **kwargs)
        finally:
            request.db.close()

    return wrapper


api = NinjaAPI()
api.add_decorator(with_database)


class Note(Schema):
    id: int
    text: str


@api.get("/notes", response=list[Note])
def list_notes(request):
    rows = request.db.execute("SELECT id, text FROM notes ORDER BY id").fetchall()
    return [{"id": row[0], "text": row[1]} for row in rows]


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
