from quart import Quart, request

app = Quart(__name__)


@app.get("/items/<int:item_id>")
async def item_detail(item_id: int):
    limit = request.args.get("limit", default=10, type=int)
    return {"item_id": item_id, "limit": limit}
