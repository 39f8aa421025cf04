import os
import sys

import dj_database_url
import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    DATABASES={"default": dj_database_url.config(default="sqlite:///library.sqlite3")},
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "rest_framework",
        "snippets.relationships",
    ],
)
django.setup()

from django.db import models
from django.urls import path
from rest_framework import generics, serializers


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


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ("id", "title")


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ("id", "name")


class AuthorWithBooksSerializer(AuthorSerializer):
    books = BookSerializer(many=True, read_only=True)

    class Meta(AuthorSerializer.Meta):
        fields = ("id", "name", "books")


class BookWithAuthorSerializer(BookSerializer):
    author = AuthorSerializer(read_only=True)

    class Meta(BookSerializer.Meta):
        fields = ("id", "title", "author")


class AuthorList(generics.ListAPIView):
    queryset = Author.objects.order_by("id").prefetch_related("books")
    serializer_class = AuthorWithBooksSerializer


class BookList(generics.ListAPIView):
    queryset = Book.objects.select_related("author")
    serializer_class = BookWithAuthorSerializer


urlpatterns = [path("authors", AuthorList.as_view()), path("books", BookList.as_view())]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
