# ruff: noqa: E402
"""Django as a new project writes it: startproject's settings and middleware (shared with the
Django Ninja app through django_project.py), the ORM, the template engine."""

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
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


class Item(models.Model):
    name = models.TextField()
    price = models.IntegerField()

    class Meta:
        app_label = "bench"
        db_table = "item"
        managed = False


@require_GET
def json_scenario(request):
    return JsonResponse({"message": MESSAGE})


@require_GET
def db_scenario(request):
    item = Item.objects.get(pk=random.randint(1, ROW_COUNT))
    return JsonResponse({"id": item.pk, "name": item.name, "price": item.price})


@require_GET
def template_scenario(request):
    fortunes = [{"id": number, "message": message} for number, message in FORTUNES]
    return render(request, "fortunes.html", {"fortunes": fortunes})


@require_GET
def io_wait_scenario(request):
    time.sleep(IO_WAIT_SECONDS)
    return JsonResponse({"waited_ms": round(IO_WAIT_SECONDS * 1000)})


urlpatterns = [
    path("json", json_scenario),
    path("db", db_scenario),
    path("template", template_scenario),
    path("io_wait", io_wait_scenario),
]

application = get_wsgi_application()
app = application

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
