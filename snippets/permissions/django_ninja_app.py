import os
import secrets
import sys

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("DJANGO_DB_PATH", "db.sqlite3"),
        }
    },
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ],
)
django.setup()

from django.contrib.auth import authenticate
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBasicAuth


class BasicAuthInGroup(HttpBasicAuth):
    def __init__(self, group: str):
        self.group = group
        super().__init__()

    def authenticate(self, request, username, password):
        user = authenticate(request, username=username, password=password)
        if user is not None and not user.groups.filter(name=self.group).exists():
            raise AuthorizationError
        return user


api = NinjaAPI()


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    response = api.create_response(request, {"detail": str(exc)}, status=401)
    response["WWW-Authenticate"] = 'Basic realm="api"'
    return response


@api.get("/admin/report", auth=BasicAuthInGroup("admin"))
def report(request):
    return {"username": request.auth.username, "role": "admin"}


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
