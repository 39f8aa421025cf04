import json
import os
import sys
import time

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

if not settings.configured:
    settings.configure(
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
        INSTALLED_APPS=["django_tasks_db"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}},
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    )
django.setup()

from django.tasks import TaskResultStatus, task
from django.tasks.exceptions import TaskResultDoesNotExist


@task
def send_welcome_email(email):
    time.sleep(0.5)
    return f"Welcome email sent to {email}"


@require_POST
def signup(request):
    try:
        email = json.loads(request.body)["email"]
    except (ValueError, TypeError, KeyError):
        return JsonResponse({"error": "a JSON object with an email is required"}, status=400)
    result = send_welcome_email.enqueue(email)
    return JsonResponse({"job": result.id, "status": result.status}, status=202)


@require_GET
def job(request, job_id):
    try:
        result = send_welcome_email.get_result(job_id)
    except TaskResultDoesNotExist:
        return JsonResponse({"error": "Job not found"}, status=404)
    body = {"status": result.status}
    if result.status == TaskResultStatus.SUCCESSFUL:
        body["result"] = result.return_value
    return JsonResponse(body)


urlpatterns = [path("signups", signup), path("jobs/<job_id>", job)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
