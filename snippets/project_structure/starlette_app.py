from starlette.applications import Starlette
from starlette.routing import Mount

from snippets.project_structure.starlette_project import authors, books

app = Starlette(
    routes=[Mount("/books", routes=books.routes), Mount("/authors", routes=authors.routes)]
)
