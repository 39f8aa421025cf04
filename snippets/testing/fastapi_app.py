from typing import Annotated

from fastapi import Depends, FastAPI
from pydantic import BaseModel

app = FastAPI()


class Text(BaseModel):
    text: str


def get_greeting() -> str:
    return "Hello"


@app.get("/hello")
def hello(greeting: Annotated[str, Depends(get_greeting)], name: str = "world"):
    return {"message": f"{greeting}, {name}!"}


@app.post("/reverse")
def reverse(body: Text) -> Text:
    return Text(text=body.text[::-1])
