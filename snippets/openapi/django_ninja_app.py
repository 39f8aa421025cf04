import itertools
import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
)

from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError

api = NinjaAPI(title="Library", version="1.0.0")


class BookIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)


class Book(BookIn):
    id: int


books: dict[int, Book] = {}
ids = itertools.count(1)


@api.get("/books", response=list[Book])
def list_books(request):
    return list(books.values())


@api.post("/books", response={201: Book})
def create_book(request, book_in: BookIn):
    book = Book(id=next(ids), **book_in.model_dump())
    books[book.id] = book
    return book


@api.get("/books/{book_id}", response=Book)
def read_book(request, book_id: int):
    if book_id not in books:
        raise HttpError(404, "Book not found")
    return books[book_id]


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
