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
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
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
from rest_framework.authentication import BaseAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

ALGORITHM = "HS256"
TOKEN_LIFETIME = timedelta(minutes=30)


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        try:
            claims = jwt.decode(
                token,
                settings.SECRET_KEY,
                algorithms=[ALGORITHM],
                options={"require": ["exp", "sub"]},
            )
            user = get_user_model().objects.get(pk=claims["sub"], is_active=True)
        except (jwt.InvalidTokenError, get_user_model().DoesNotExist):
            raise AuthenticationFailed("Invalid or expired token.") from None
        return user, claims

    def authenticate_header(self, request):
        return "Bearer"


@api_view(["POST"])
@authentication_classes([BearerTokenAuthentication])
def login(request):
    user = authenticate(
        request,
        username=request.data.get("username"),
        password=request.data.get("password"),
    )
    if user is None:
        raise AuthenticationFailed("Incorrect username or password.")
    claims = {"sub": str(user.pk), "exp": datetime.now(UTC) + TOKEN_LIFETIME}
    token = jwt.encode(claims, settings.SECRET_KEY, algorithm=ALGORITHM)
    return Response({"access_token": token, "token_type": "bearer"})


@api_view(["GET"])
@authentication_classes([BearerTokenAuthentication])
@permission_classes([IsAuthenticated])
def me(request):
    return Response({"username": request.user.username})


urlpatterns = [path("token", login), path("me", me)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
