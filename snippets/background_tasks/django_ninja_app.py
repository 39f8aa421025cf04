import os
import sys
import time

import django
from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.urls import path

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
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from pydantic import EmailStr

api = NinjaAPI()


@task
def send_welcome_email(email):
    time.sleep(0.5)
    return f"Welcome email sent to {email}"


class SignUp(Schema):
    email: EmailStr


class Queued(Schema):
    job: str
    status: str


class Job(Schema):
    status: str
    result: str | None = None


@api.post("/signups", response={202: Queued})
def signup(request, sign_up: SignUp):
    result = send_welcome_email.enqueue(sign_up.email)
    return {"job": result.id, "status": result.status}


@api.get("/jobs/{job_id}", response=Job, exclude_none=True)
def job(request, job_id: str):
    try:
        result = send_welcome_email.get_result(job_id)
    except TaskResultDoesNotExist:
        raise HttpError(404, "Job not found") from None
    if result.status == TaskResultStatus.SUCCESSFUL:
        return {"status": result.status, "result": result.return_value}
    return {"status": result.status}


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
