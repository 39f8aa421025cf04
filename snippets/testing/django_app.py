import json
import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    GREETING="Hello",
)


@require_GET
def hello(request):
    name = request.GET.get("name", "world")
    return JsonResponse({"message": f"{settings.GREETING}, {name}!"})


@require_POST
def reverse(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return JsonResponse({"error": "send a JSON object with a text field"}, status=400)
    return JsonResponse({"text": data["text"][::-1]})


urlpatterns = [path("hello", hello), path("reverse", reverse)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
