from litestar import Litestar, Request, get


@get("/")
async def health(request: Request) -> dict[str, str]:
    return {"status": "ok", "scheme": request.url.scheme}


app = Litestar(route_handlers=[health])
