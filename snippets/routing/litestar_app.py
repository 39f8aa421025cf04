from litestar import Litestar, get
from litestar.params import FromPath, FromQuery


@get("/items/{item_id:int}")
async def item_detail(item_id: FromPath[int], limit: FromQuery[int] = 10) -> dict[str, int]:
    return {"item_id": item_id, "limit": limit}


app = Litestar(route_handlers=[item_detail])
