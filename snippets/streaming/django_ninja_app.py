import csv
import json
import os
import sys
import time
from typing import Annotated

from django.conf import settings
from django.core.management import execute_from_command_line
from django.core.wsgi import get_wsgi_application
from django.http import StreamingHttpResponse
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
)

from ninja import Header, NinjaAPI

api = NinjaAPI()


def report_rows():
    yield "number", "square"
    for number in range(1, 1_001):
        yield number, number * number


def job_progress(after=0):
    for percent in range(25, 101, 25):
        if percent > after:
            time.sleep(0.1)
            yield percent


class Echo:
    def write(self, value):
        return value


@api.get("/export.csv")
def export(request):
    writer = csv.writer(Echo())
    return StreamingHttpResponse(
        (writer.writerow(row) for row in report_rows()),
        content_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="report.csv"'},
    )


@api.get("/events")
def events(request, last_event_id: Annotated[int, Header(alias="Last-Event-ID")] = 0):
    stream = (
        f"id: {percent}\nevent: progress\ndata: {json.dumps({'percent': percent})}\n\n"
        for percent in job_progress(last_event_id)
    )
    return StreamingHttpResponse(
        stream, content_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


urlpatterns = [path("", api.urls)]

application = get_wsgi_application()

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
