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
    DATABASES={"default": dj_database_url.config(default="sqlite:///crud.sqlite3")},
    INSTALLED_APPS=["snippets.crud"],
)
django.setup()

from django.db import models
from django.shortcuts import get_object_or_404
from ninja import Field, ModelSchema, NinjaAPI, Schema


class Book(models.Model):
    title = models.CharField(max_length=200)
    year = models.IntegerField()

    class Meta:
        app_label = "crud"


class BookIn(ModelSchema):
    title: str = Field(min_length=1, max_length=200)
    year: int = Field(ge=0, le=9999)

    class Meta:
        model = Book
        fields = ("title", "year")


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ("id", "title", "year")


class BookChanges(Schema):
    title: str = Field(None, min_length=1, max_length=200)
    year: int = Field(None, ge=0, le=9999)


api = NinjaAPI()


@api.get("/books", response=list[BookOut])
def list_books(request):
    return Book.objects.order_by("id")


@api.post("/books", response={201: BookOut})
def create_book(request, book_in: BookIn):
    return Book.objects.create(**book_in.model_dump())


@api.get("/books/{book_id}", response=BookOut)
def read_book(request, book_id: int):
    return get_object_or_404(Book, id=book_id)


@api.patch("/books/{book_id}", response=BookOut)
def update_book(request, book_id: int, changes: BookChanges):
    book = get_object_or_404(Book, id=book_id)
    for field, value in changes.model_dump(exclude_unset=True).items():
        setattr(book, field, value)
    book.save()
    return book


@api.delete("/books/{book_id}", response={204: None})
def delete_book(request, book_id: int):
    get_object_or_404(Book, id=book_id).delete()


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
