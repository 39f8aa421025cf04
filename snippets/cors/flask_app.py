from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["https://app.example.org"])

items = {1: "teapot", 2: "kettle"}


@app.get("/api/items")
def list_items():
    return items


@app.delete("/api/items/<int:item_id>")
def delete_item(item_id: int):
    items.pop(item_id, None)
    return "", 204
