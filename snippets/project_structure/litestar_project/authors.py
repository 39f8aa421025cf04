from litestar import Controller, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from .catalog import AUTHORS, books_by


class AuthorController(Controller):
    path = "/authors"

    @get("/")
    async def author_list(self) -> list[dict]:
        return list(AUTHORS.values())

    @get("/{author_id:int}")
    async def author_detail(self, author_id: FromPath[int]) -> dict:
        if author_id not in AUTHORS:
            raise NotFoundException("No such author")
        return {**AUTHORS[author_id], "books": books_by(author_id)}
