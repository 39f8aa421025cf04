import os
import sqlite3
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    MIDDLEWARE=[f"{__name__}.database_connection"],
    NOTES_DATABASE=os.environ.get("NOTES_DATABASE", "notes.sqlite3"),
)

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"


def database_connection(get_response):
    def middleware(request):
        request.db = sqlite3.connect(settings.NOTES_DATABASE)
        try:
            request.db.execute(SCHEMA)
            return get_response(request)
        finally:
            request.db.close()

    return middleware


@require_GET
def list_notes(request):
    rows = request.db.execute("SELECT id, text FROM notes ORDER BY id").fetchall()
    return JsonResponse([{"id": row[0], "text": row[1]} for row in rows], safe=False)


urlpatterns = [path("notes", list_notes)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
