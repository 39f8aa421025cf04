import asyncio

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def fetch_weather():
    await asyncio.sleep(0.1)
    return {"city": "Lyon", "celsius": 21}


async def fetch_news():
    await asyncio.sleep(0.1)
    return [{"title": "Async views reach every framework"}]


async def dashboard(request: Request) -> JSONResponse:
    weather, news = await asyncio.gather(fetch_weather(), fetch_news())
    return JSONResponse({"weather": weather, "news": news})


app = Starlette(routes=[Route("/dashboard", dashboard)])
