import itertools
import os
import sys

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
)
django.setup()

from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.response import Response


class UserSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=100)
    email = serializers.EmailField()
    age = serializers.IntegerField(min_value=0)


users: dict[int, dict] = {}
ids = itertools.count(1)


@api_view(["POST"])
def create_user(request):
    serializer = UserSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    user = {"id": next(ids), **serializer.validated_data}
    users[user["id"]] = user
    return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


urlpatterns = [path("users", create_user)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
