import os
import sys

import dj_database_url
import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    DATABASES={"default": dj_database_url.config(default="sqlite:///library.sqlite3")},
    INSTALLED_APPS=["snippets.relationships"],
)
django.setup()

from django.db import models
from ninja import ModelSchema, NinjaAPI


class Author(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        app_label = "relationships"


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)

    class Meta:
        app_label = "relationships"
        ordering = ("id",)


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ("id", "title")


class AuthorOut(ModelSchema):
    class Meta:
        model = Author
        fields = ("id", "name")


class AuthorWithBooks(AuthorOut):
    books: list[BookOut]


class BookWithAuthor(BookOut):
    author: AuthorOut


api = NinjaAPI()


@api.get("/authors", response=list[AuthorWithBooks])
def list_authors(request):
    return Author.objects.order_by("id").prefetch_related("books")


@api.get("/books", response=list[BookWithAuthor])
def list_books(request):
    return Book.objects.select_related("author")


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
