import os
import sys
import time

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    MIDDLEWARE=[f"{__name__}.server_timing"],
)

from ninja import NinjaAPI

api = NinjaAPI()


def server_timing(get_response):
    def middleware(request):
        start = time.perf_counter()
        response = get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.3f}"
        return response

    return middleware


@api.get("/hello")
def hello(request):
    return {"message": "Hello"}


@api.get("/fail")
def fail(request):
    raise RuntimeError("the view failed")


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
