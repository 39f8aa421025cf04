import secrets
import sys

import environ
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

env = environ.Env(
    APP_NAME=(str, "Field Guide"),
    APP_PAGE_SIZE=(int, 20),
    APP_SIGNUP_OPEN=(bool, False),
    APP_ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1"]),
)

settings.configure(
    ROOT_URLCONF=__name__,
    SECRET_KEY=env.str("APP_SECRET_KEY", default="") or secrets.token_urlsafe(50),
    ALLOWED_HOSTS=env("APP_ALLOWED_HOSTS"),
    APP_NAME=env("APP_NAME"),
    PAGE_SIZE=env("APP_PAGE_SIZE"),
    SIGNUP_OPEN=env("APP_SIGNUP_OPEN"),
)

from ninja import NinjaAPI, Schema

api = NinjaAPI()


class PublicConfig(Schema):
    name: str
    page_size: int
    signup_open: bool


@api.get("/config", response=PublicConfig)
def config(request):
    return {
        "name": settings.APP_NAME,
        "page_size": settings.PAGE_SIZE,
        "signup_open": settings.SIGNUP_OPEN,
    }


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
