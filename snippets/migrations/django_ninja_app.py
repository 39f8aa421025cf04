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
    INSTALLED_APPS=["snippets.migrations"],
    MIGRATION_MODULES={"migrations": "snippets.migrations.django_migrations"},
)
django.setup()

from django.db import models
from ninja import ModelSchema, NinjaAPI


class Book(models.Model):
    title = models.CharField(max_length=200)
    year = models.IntegerField(null=True)

    class Meta:
        app_label = "migrations"


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ("id", "title", "year")


api = NinjaAPI()


@api.get("/books", response=list[BookOut])
def list_books(request):
    return Book.objects.order_by("id")


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
