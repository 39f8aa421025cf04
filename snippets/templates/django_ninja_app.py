import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.shortcuts import render
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [Path(__file__).parent / "django_templates"],
        }
    ],
)

from ninja import NinjaAPI

api = NinjaAPI()

BOOKS = [
    {"title": "Pride & Prejudice", "year": 1813},
    {"title": "Middlemarch", "year": 1871},
    {"title": "Mrs Dalloway", "year": 1925},
]


@api.get("/books", include_in_schema=False)
def book_list(request, q: str = ""):
    books = [book for book in BOOKS if q.lower() in book["title"].lower()]
    return render(request, "books.html", {"books": books, "query": q})


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
