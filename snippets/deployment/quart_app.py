from hypercorn.middleware import ProxyFixMiddleware
from quart import Quart, request

app = Quart(__name__)
app.config.from_prefixed_env()
app.asgi_app = ProxyFixMiddleware(app.asgi_app, mode="legacy", trusted_hops=1)


@app.get("/")
async def health():
    return {"status": "ok", "scheme": request.scheme}
