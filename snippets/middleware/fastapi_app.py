import time

from fastapi import FastAPI, Request

app = FastAPI()


@app.middleware("http")
async def add_server_timing(request: Request, call_next):
    start = time.perf_counter()
    response = await call_next(request)
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.3f}"
    return response


@app.get("/hello")
def hello() -> dict[str, str]:
    return {"message": "Hello"}


@app.get("/fail")
def fail():
    raise RuntimeError("the view failed")
