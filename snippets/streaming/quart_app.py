import asyncio
import csv
import json

from quart import Quart, Response, make_response, request

app = Quart(__name__)


async def report_rows():
    yield "number", "square"
    for number in range(1, 1_001):
        yield number, number * number


async def job_progress(after=0):
    for percent in range(25, 101, 25):
        if percent > after:
            await asyncio.sleep(0.1)
            yield percent


class Echo:
    def write(self, value):
        return value


@app.get("/export.csv")
async def export():
    writer = csv.writer(Echo())

    async def lines():
        async for row in report_rows():
            yield writer.writerow(row)

    return Response(
        lines(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="report.csv"'},
    )


@app.get("/events")
async def events():
    after = request.headers.get("Last-Event-ID", 0, type=int)

    async def stream():
        async for percent in job_progress(after):
            yield f"id: {percent}\nevent: progress\ndata: {json.dumps({'percent': percent})}\n\n"

    response = await make_response(
        stream(), {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    )
    response.timeout = None
    return response
