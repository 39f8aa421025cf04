from litestar import Litestar, delete, get
from litestar.config.cors import CORSConfig
from litestar.params import FromPath

items = {1: "teapot", 2: "kettle"}


@get("/api/items")
async def list_items() -> dict[int, str]:
    return items


@delete("/api/items/{item_id:int}")
async def delete_item(item_id: FromPath[int]) -> None:
    items.pop(item_id, None)


app = Litestar(
    route_handlers=[list_items, delete_item],
    cors_config=CORSConfig(
        allow_origins=["https://app.example.org"], allow_methods=["GET", "DELETE"]
    ),
)
