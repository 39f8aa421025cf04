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
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    TIME_ZONE="UTC",
)
django.setup()

from django.contrib.auth.hashers import make_password
from django.http import Http404
from ninja import Field, NinjaAPI, Schema
from pydantic import EmailStr

api = NinjaAPI()


class UserIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    password: str = Field(min_length=12)


class UserOut(Schema):
    id: int
    name: str
    email: EmailStr
    created_at: datetime


users: dict[int, dict] = {}
ids = itertools.count(1)


@api.post("/users", response={201: UserOut})
def create_user(request, user_in: UserIn):
    user = {
        "id": next(ids),
        "name": user_in.name,
        "email": user_in.email,
        "created_at": datetime.now(UTC),
        "password_hash": make_password(user_in.password),
    }
    users[user["id"]] = user
    return user


@api.get("/users/{user_id}", response=UserOut)
def read_user(request, user_id: int):
    if user_id not in users:
        raise Http404("User not found")
    return users[user_id]


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
