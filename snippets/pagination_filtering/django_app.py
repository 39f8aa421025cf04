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
    DATABASES={"default": dj_database_url.config(default="sqlite:///books.sqlite3")},
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "rest_framework",
        "django_filters",
        "snippets.pagination_filtering",
    ],
)
django.setup()

from django.db import models
from django.urls import path
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination


class Book(models.Model):
    title = models.CharField(max_length=200)
    year = models.IntegerField()

    class Meta:
        app_label = "pagination_filtering"


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ("id", "title", "year")


class BookPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "limit"
    max_page_size = 100


class BookList(generics.ListAPIView):
    queryset = Book.objects.order_by("id")
    serializer_class = BookSerializer
    pagination_class = BookPagination
    filter_backends = (DjangoFilterBackend,)
    filterset_fields = ("year",)


urlpatterns = [path("books", BookList.as_view())]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
