import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET, require_http_methods

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

items = {1: "teapot", 2: "kettle"}


@require_GET
def list_items(request):
    return JsonResponse(items)


@require_http_methods(["DELETE"])
def delete_item(request, item_id: int):
    items.pop(item_id, None)
    return HttpResponse(status=204)


urlpatterns = [path("api/items", list_items), path("api/items/<int:item_id>", delete_item)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
