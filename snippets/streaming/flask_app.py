import csv
import json
import time

from flask import Flask, Response, request, stream_with_context

app = Flask(__name__)


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
    return Response(
        (writer.writerow(row) for row in report_rows()),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="report.csv"'},
    )


@app.get("/events")
def events():
    @stream_with_context
    def stream():
        after = request.headers.get("Last-Event-ID", 0, type=int)
        for percent in job_progress(after):
            yield f"id: {percent}\nevent: progress\ndata: {json.dumps({'percent': percent})}\n\n"

    return Response(stream(), mimetype="text/event-stream", headers={"Cache-Control": "no-cache"})
