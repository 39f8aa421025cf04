import os
import sys
from typing import Any

import dj_database_url
import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    DATABASES={"default": dj_database_url.config(default="sqlite:///books.sqlite3")},
    INSTALLED_APPS=["snippets.pagination_filtering"],
)
django.setup()

from django.db import models
from ninja import Field, FilterSchema, ModelSchema, NinjaAPI, Query, Schema
from ninja.pagination import PaginationBase, paginate


class Book(models.Model):
    title = models.CharField(max_length=200)
    year = models.IntegerField()

    class Meta:
        app_label = "pagination_filtering"


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ("id", "title", "year")


class BookFilter(FilterSchema):
    year: int | None = None


class PageLimitPagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=10_000)
        limit: int = Field(20, ge=1)

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        limit: int

    max_limit = 100

    def paginate_queryset(self, queryset, pagination, **params):
        limit = min(pagination.limit, self.max_limit)
        offset = (pagination.page - 1) * limit
        return {
            "items": queryset[offset : offset + limit],
            "count": queryset.count(),
            "page": pagination.page,
            "limit": limit,
        }


api = NinjaAPI()


@api.get("/books", response=list[BookOut])
@paginate(PageLimitPagination)
def list_books(request, filters: Query[BookFilter]):
    return filters.filter(Book.objects.order_by("id"))


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
