import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
)


def item_detail(request, item_id: int):
    try:
        limit = int(request.GET.get("limit", 10))
    except ValueError:
        return JsonResponse({"detail": "limit must be an integer"}, status=400)
    return JsonResponse({"item_id": item_id, "limit": limit})


urlpatterns = [path("items/<int:item_id>", item_detail)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
