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


def hello(request):
    return JsonResponse({"message": "Hello, World!"})


urlpatterns = [path("hello", hello)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
