import hashlib
import os
import sys

from django import forms
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST

MAX_UPLOAD_SIZE = 1024 * 1024

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
)


class UploadForm(forms.Form):
    file = forms.FileField()

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                "The file is larger than %(limit)d bytes.",
                code="too_large",
                params={"limit": MAX_UPLOAD_SIZE},
            )
        return file


@require_POST
def upload(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    file = form.cleaned_data["file"]
    content = file.read()
    return JsonResponse(
        {
            "filename": file.name,
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
        }
    )


urlpatterns = [path("upload", upload)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
