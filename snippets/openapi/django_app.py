import itertools
import os
import sys

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "rest_framework",
        "drf_spectacular",
    ],
    REST_FRAMEWORK={"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"},
    SPECTACULAR_SETTINGS={"TITLE": "Library", "VERSION": "1.0.0", "SERVE_INCLUDE_SCHEMA": False},
)
django.setup()

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response


class BookSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(max_length=200)
    author = serializers.CharField(max_length=100)


books: dict[int, dict] = {}
ids = itertools.count(1)


@extend_schema(methods=["GET"], responses=BookSerializer(many=True))
@extend_schema(methods=["POST"], request=BookSerializer, responses={201: BookSerializer})
@api_view(["GET", "POST"])
def book_list(request):
    if request.method == "GET":
        return Response(BookSerializer(books.values(), many=True).data)
    serializer = BookSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    book = {"id": next(ids), **serializer.validated_data}
    books[book["id"]] = book
    return Response(BookSerializer(book).data, status=status.HTTP_201_CREATED)


@extend_schema(responses=BookSerializer)
@api_view(["GET"])
def book_detail(request, book_id: int):
    if book_id not in books:
        raise NotFound("Book not found")
    return Response(BookSerializer(books[book_id]).data)


urlpatterns = [
    path("books", book_list),
    path("books/<int:book_id>", book_detail),
    path("openapi.json", SpectacularJSONAPIView.as_view()),
]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
