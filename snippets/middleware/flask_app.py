import time

from flask import Flask, g

app = Flask(__name__)


@app.before_request
def start_timer():
    g.start = time.perf_counter()


@app.after_request
def add_server_timing(response):
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - g.start) * 1000:.3f}"
    return response


@app.get("/hello")
def hello():
    return {"message": "Hello"}


@app.get("/fail")
def fail():
    raise RuntimeError("the view failed")
