from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/")
def health(request: Request):
    return {"status": "ok", "scheme": request.url.scheme}
