# ruff: noqa: E402
"""Django as a new project writes it: startproject's middleware, the ORM, the template engine."""

from __future__ import annotations

import os
import random
import secrets
import sys
import time
from urllib.parse import unquote, urlsplit

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

from bench.apps.common import FORTUNES, IO_WAIT_SECONDS, MESSAGE, ROW_COUNT, TEMPLATES, database_url


def database_settings(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": parts.path.removeprefix("/")}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parts.path.removeprefix("/"),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": None,
    }


settings.configure(
    ROOT_URLCONF=__name__,
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["localhost", "127.0.0.1"],
    INSTALLED_APPS=[
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "django.contrib.staticfiles",
    ],
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [TEMPLATES],
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ]
            },
        }
    ],
    DATABASES={"default": database_settings(database_url())},
    STATIC_URL="static/",
    USE_TZ=True,
)
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
