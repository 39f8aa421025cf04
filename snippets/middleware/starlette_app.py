import time

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ServerTimingMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def send_with_timing(message: Message) -> None:
            if message["type"] == "http.response.start":
                duration = (time.perf_counter() - start) * 1000
                MutableHeaders(scope=message).append("Server-Timing", f"app;dur={duration:.3f}")
            await send(message)

        await self.app(scope, receive, send_with_timing)


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"message": "Hello"})


async def fail(request: Request) -> JSONResponse:
    raise RuntimeError("the view failed")


app = Starlette(
    routes=[Route("/hello", hello), Route("/fail", fail)],
    middleware=[Middleware(ServerTimingMiddleware)],
)
