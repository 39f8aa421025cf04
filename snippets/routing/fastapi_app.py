from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{item_id}")
def item_detail(item_id: int, limit: int = 10):
    return {"item_id": item_id, "limit": limit}
