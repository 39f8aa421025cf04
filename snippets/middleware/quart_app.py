import time

from quart import Quart, g

app = Quart(__name__)


@app.before_request
async def start_timer():
    g.start = time.perf_counter()


@app.after_request
async def add_server_timing(response):
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - g.start) * 1000:.3f}"
    return response


@app.get("/hello")
async def hello():
    return {"message": "Hello"}


@app.get("/fail")
async def fail():
    raise RuntimeError("the view failed")
