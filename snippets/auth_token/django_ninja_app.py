import os
import secrets
import sys
from datetime import UTC, datetime, timedelta

import django
import jwt
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

from django.contrib.auth import authenticate, get_user_model
from ninja import Form, NinjaAPI, Schema
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

ALGORITHM = "HS256"
TOKEN_LIFETIME = timedelta(minutes=30)


class JWTBearer(HttpBearer):
    def authenticate(self, request, token):
        try:
            claims = jwt.decode(
                token,
                settings.SECRET_KEY,
                algorithms=[ALGORITHM],
                options={"require": ["exp", "sub"]},
            )
        except jwt.InvalidTokenError:
            return None
        return get_user_model().objects.filter(pk=claims["sub"], is_active=True).first()


api = NinjaAPI(auth=JWTBearer())


class Token(Schema):
    access_token: str
    token_type: str


class Me(Schema):
    username: str


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    response = api.create_response(request, {"detail": str(exc)}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.post("/token", auth=None, response=Token)
def login(request, username: Form[str], password: Form[str]):
    user = authenticate(request, username=username, password=password)
    if user is None:
        raise AuthenticationError(message="Incorrect username or password.")
    claims = {"sub": str(user.pk), "exp": datetime.now(UTC) + TOKEN_LIFETIME}
    token = jwt.encode(claims, settings.SECRET_KEY, algorithm=ALGORITHM)
    return {"access_token": token, "token_type": "bearer"}


@api.get("/me", response=Me)
def me(request):
    return request.auth


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
