import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=[
        "corsheaders.middleware.CorsMiddleware",
        "django.middleware.common.CommonMiddleware",
    ],
    CORS_ALLOWED_ORIGINS=["https://app.example.org"],
)

from ninja import NinjaAPI

api = NinjaAPI()

items = {1: "teapot", 2: "kettle"}


@api.get("/api/items", response=dict[int, str])
def list_items(request):
    return items


@api.delete("/api/items/{item_id}", response={204: None})
def delete_item(request, item_id: int):
    items.pop(item_id, None)


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
