# ruff: noqa: E402
"""Django Ninja as its docs write it, in the Django project of django_app.py (startproject's
settings and middleware, the ORM): a NinjaAPI with operations returning dicts, a ModelSchema
as the db operation's response, and, since Ninja is for APIs, the template page as a plain
Django view beside it.

The operations are sync, `io_wait` included (`time.sleep`): Ninja supports `async def`
operations, but its async guide says they pay off under an ASGI server, and this project is
served like Django's app, by gunicorn over WSGI.
"""

from __future__ import annotations

import random
import sys
import time

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT
from bench.apps.django_project import startproject_settings

settings.configure(ROOT_URLCONF=__name__, **startproject_settings())
django.setup()

from django.db import models
from django.shortcuts import render
from django.views.decorators.http import require_GET
from ninja import ModelSchema, NinjaAPI


class Item(models.Model):
    name = models.TextField()
    price = models.IntegerField()

    class Meta:
        app_label = "bench"
        db_table = "item"
        managed = False


class ItemSchema(ModelSchema):
    class Meta:
        model = Item
        fields = ["id", "name", "price"]  # noqa: RUF012 (as Ninja's docs write it)


api = NinjaAPI()


@api.get("/json")
def json_scenario(request):
    return {"message": MESSAGE}


@api.get("/db", response=ItemSchema)
def db_scenario(request):
    return Item.objects.get(pk=random.randint(1, ROW_COUNT))


@api.get("/io_wait")
def io_wait_scenario(request):
    time.sleep(IO_WAIT_SECONDS)
    return {"waited_ms": round(IO_WAIT_SECONDS * 1000)}


@require_GET
def template_scenario(request):
    fortunes = [{"id": number, "message": message} for number, message in FORTUNES]
    return render(request, "fortunes.html", {"fortunes": fortunes})


urlpatterns = [
    path("", api.urls),
    path("template", template_scenario),
]

application = get_wsgi_application()
app = application

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
