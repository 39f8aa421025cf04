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
    DATABASES={"default": dj_database_url.config(default="sqlite:///crud.sqlite3")},
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "rest_framework",
        "snippets.crud",
    ],
)
django.setup()

from django.db import models
from rest_framework import routers, serializers, viewsets


class Book(models.Model):
    title = models.CharField(max_length=200)
    year = models.IntegerField()

    class Meta:
        app_label = "crud"


class BookSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(min_value=0, max_value=9999)

    class Meta:
        model = Book
        fields = ("id", "title", "year")


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.order_by("id")
    serializer_class = BookSerializer


router = routers.SimpleRouter(trailing_slash=False)
router.register("books", BookViewSet)
urlpatterns = router.urls

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
