from fastapi import FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.org"],
    allow_methods=["GET", "DELETE"],
)

items = {1: "teapot", 2: "kettle"}


@app.get("/api/items")
def list_items() -> dict[int, str]:
    return items


@app.delete("/api/items/{item_id}", status_code=204)
def delete_item(item_id: int) -> Response:
    items.pop(item_id, None)
    return Response(status_code=204)
