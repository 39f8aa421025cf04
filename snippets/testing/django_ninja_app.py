import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

if not settings.configured:
    settings.configure(
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
        GREETING="Hello",
    )

from ninja import NinjaAPI, Schema

api = NinjaAPI()


class Text(Schema):
    text: str


@api.get("/hello")
def hello(request, name: str = "world"):
    return {"message": f"{settings.GREETING}, {name}!"}


@api.post("/reverse", response=Text)
def reverse(request, body: Text):
    return {"text": body.text[::-1]}


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
