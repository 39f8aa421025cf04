import asyncio
import os
import sys

import django
from django.conf import settings
from django.core.asgi import get_asgi_application
from django.core.management import execute_from_command_line
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}},
)
django.setup()

from django.contrib.auth.models import User
from ninja import NinjaAPI

api = NinjaAPI()


async def fetch_weather():
    await asyncio.sleep(0.1)
    return {"city": "Lyon", "celsius": 21}


async def fetch_news():
    await asyncio.sleep(0.1)
    return [{"title": "Async views reach every framework"}]


@api.get("/dashboard")
async def dashboard(request):
    weather, news, users = await asyncio.gather(
        fetch_weather(), fetch_news(), User.objects.acount()
    )
    return {"weather": weather, "news": news, "users": users}


urlpatterns = [path("", api.urls)]

application = get_asgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
