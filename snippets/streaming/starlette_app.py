import csv
import json
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route


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


async def export(request: Request) -> StreamingResponse:
    writer = csv.writer(Echo())
    return StreamingResponse(
        (writer.writerow(row) for row in report_rows()),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="report.csv"'},
    )


def progress_events(after):
    for percent in job_progress(after):
        yield f"id: {percent}\nevent: progress\ndata: {json.dumps({'percent': percent})}\n\n"


async def events(request: Request) -> StreamingResponse:
    last_event_id = request.headers.get("Last-Event-ID", "0")
    after = int(last_event_id) if last_event_id.isdigit() else 0
    return StreamingResponse(
        progress_events(after),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache"},
    )


app = Starlette(routes=[Route("/export.csv", export), Route("/events", events)])
