from litestar import Litestar, get


@get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "Hello, World!"}


app = Litestar(route_handlers=[hello])
