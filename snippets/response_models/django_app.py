import itertools
import os
import sys
from datetime import UTC, datetime

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    TIME_ZONE="UTC",
)
django.setup()

from django.contrib.auth.hashers import make_password
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response


class UserSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=100)
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, min_length=12)
    created_at = serializers.DateTimeField(read_only=True)


users: dict[int, dict] = {}
ids = itertools.count(1)


@api_view(["POST"])
def create_user(request):
    serializer = UserSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    user = {
        "id": next(ids),
        "name": data["name"],
        "email": data["email"],
        "created_at": datetime.now(UTC),
        "password_hash": make_password(data["password"]),
    }
    users[user["id"]] = user
    return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


@api_view(["GET"])
def read_user(request, user_id: int):
    if user_id not in users:
        raise NotFound("User not found")
    return Response(UserSerializer(users[user_id]).data)


urlpatterns = [path("users", create_user), path("users/<int:user_id>", read_user)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
