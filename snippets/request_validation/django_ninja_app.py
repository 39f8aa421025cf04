import itertools
import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
)

from ninja import Field, NinjaAPI, Schema
from pydantic import EmailStr

api = NinjaAPI()


class UserIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    age: int = Field(ge=0)


class User(UserIn):
    id: int


users: dict[int, User] = {}
ids = itertools.count(1)


@api.post("/users", response={201: User})
def create_user(request, user_in: UserIn):
    user = User(id=next(ids), **user_in.model_dump())
    users[user.id] = user
    return user


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
