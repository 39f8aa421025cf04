import time

from litestar import Litestar, get
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send


class ServerTimingMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        start = time.perf_counter()

        async def send_with_timing(message: Message) -> None:
            if message["type"] == "http.response.start":
                duration = (time.perf_counter() - start) * 1000
                MutableScopeHeaders.from_message(message)["Server-Timing"] = (
                    f"app;dur={duration:.3f}"
                )
            await send(message)

        await next_app(scope, receive, send_with_timing)


@get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "Hello"}


@get("/fail")
async def fail() -> None:
    raise RuntimeError("the view failed")


app = Litestar(route_handlers=[hello, fail], middleware=[ServerTimingMiddleware()])
