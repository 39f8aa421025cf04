from quart import Quart
from quart_cors import cors

app = Quart(__name__)
app = cors(app, allow_origin=["https://app.example.org"], allow_methods=["GET", "DELETE"])

items = {1: "teapot", 2: "kettle"}


@app.get("/api/items")
async def list_items():
    return items


@app.delete("/api/items/<int:item_id>")
async def delete_item(item_id: int):
    items.pop(item_id, None)
    return "", 204
