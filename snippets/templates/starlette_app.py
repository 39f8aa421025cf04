from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.templating import Jinja2Templates

templates = Jinja2Templates(directory=Path(__file__).parent / "starlette_templates")

BOOKS = [
    {"title": "Pride & Prejudice", "year": 1813},
    {"title": "Middlemarch", "year": 1871},
    {"title": "Mrs Dalloway", "year": 1925},
]


async def book_list(request: Request) -> HTMLResponse:
    q = request.query_params.get("q", "")
    books = [book for book in BOOKS if q.lower() in book["title"].lower()]
    return templates.TemplateResponse(request, "books.html", {"books": books, "query": q})


app = Starlette(routes=[Route("/books", book_list)])
