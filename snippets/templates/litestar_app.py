from pathlib import Path

from litestar import Litestar, get
from litestar.params import FromQuery
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig

BOOKS = [
    {"title": "Pride & Prejudice", "year": 1813},
    {"title": "Middlemarch", "year": 1871},
    {"title": "Mrs Dalloway", "year": 1925},
]


@get("/books")
async def book_list(q: FromQuery[str] = "") -> Template:
    books = [book for book in BOOKS if q.lower() in book["title"].lower()]
    return Template(template_name="books.html", context={"books": books, "query": q})


app = Litestar(
    route_handlers=[book_list],
    template_config=TemplateConfig(
        directory=Path(__file__).parent / "litestar_templates", engine=JinjaTemplateEngine
    ),
)
