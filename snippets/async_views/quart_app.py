import asyncio

from quart import Quart

app = Quart(__name__)


async def fetch_weather():
    await asyncio.sleep(0.1)
    return {"city": "Lyon", "celsius": 21}


async def fetch_news():
    await asyncio.sleep(0.1)
    return [{"title": "Async views reach every framework"}]


@app.get("/dashboard")
async def dashboard():
    weather, news = await asyncio.gather(fetch_weather(), fetch_news())
    return {"weather": weather, "news": news}
