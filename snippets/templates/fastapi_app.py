from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

app = FastAPI()
templates = Jinja2Templates(directory=Path(__file__).parent / "fastapi_templates")

BOOKS = [
    {"title": "Pride & Prejudice", "year": 1813},
    {"title": "Middlemarch", "year": 1871},
    {"title": "Mrs Dalloway", "year": 1925},
]


@app.get("/books", response_class=HTMLResponse)
def book_list(request: Request, q: str = ""):
    books = [book for book in BOOKS if q.lower() in book["title"].lower()]
    return templates.TemplateResponse(
        request=request, name="books.html", context={"books": books, "query": q}
    )
