import csv
import time
from typing import Annotated

from fastapi import FastAPI, Header
from fastapi.responses import StreamingResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent

app = FastAPI()


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


@app.get("/export.csv")
def export():
    writer = csv.writer(Echo())
    return StreamingResponse(
        (writer.writerow(row) for row in report_rows()),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="report.csv"'},
    )


@app.get("/events", response_class=EventSourceResponse)
def events(last_event_id: Annotated[int, Header()] = 0):
    for percent in job_progress(last_event_id):
        yield ServerSentEvent(data={"percent": percent}, event="progress", id=str(percent))
