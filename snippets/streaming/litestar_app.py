import csv
import json
import time
from typing import Annotated

from litestar import Litestar, get
from litestar.params import HeaderParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage, Stream


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


@get("/export.csv")
async def export() -> Stream:
    writer = csv.writer(Echo())
    return Stream(
        (writer.writerow(row) for row in report_rows()),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="report.csv"'},
    )


@get("/events")
async def events(
    last_event_id: Annotated[int, HeaderParameter(name="Last-Event-ID")] = 0,
) -> ServerSentEvent:
    return ServerSentEvent(
        ServerSentEventMessage(data=json.dumps({"percent": percent}), event="progress", id=percent)
        for percent in job_progress(last_event_id)
    )


app = Litestar(route_handlers=[export, events])
