import hashlib
import os
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

MAX_UPLOAD_SIZE = 1024 * 1024

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
)

from ninja import File, NinjaAPI, Schema, UploadedFile
from ninja.errors import HttpError

api = NinjaAPI()


class Checksum(Schema):
    filename: str
    size: int
    sha256: str


@api.post("/upload", response=Checksum)
def upload(request, file: File[UploadedFile]):
    if file.size > MAX_UPLOAD_SIZE:
        raise HttpError(413, f"The file is larger than {MAX_UPLOAD_SIZE} bytes.")
    content = file.read()
    return {
        "filename": file.name,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
