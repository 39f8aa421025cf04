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

BOOKS = [
    {"title": "Pride & Prejudice", "year": 1813},
    {"title": "Middlemarch", "year": 1871},
    {"title": "Mrs Dalloway", "year": 1925},
]


def book_list(request):
    query = request.GET.get("q", "")
    books = [book for book in BOOKS if query.lower() in book["title"].lower()]
    return render(request, "books.html", {"books": books, "query": query})


urlpatterns = [path("books", book_list)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
