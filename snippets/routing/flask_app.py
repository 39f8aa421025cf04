from flask import Flask, request

app = Flask(__name__)


@app.get("/items/<int:item_id>")
def item_detail(item_id: int):
    limit = request.args.get("limit", default=10, type=int)
    return {"item_id": item_id, "limit": limit}
