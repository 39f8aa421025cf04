from litestar import Controller, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from .catalog import BOOKS


class BookController(Controller):
    path = "/books"

    @get("/")
    async def book_list(self) -> list[dict]:
        return list(BOOKS.values())

    @get("/{book_id:int}")
    async def book_detail(self, book_id: FromPath[int]) -> dict:
        if book_id not in BOOKS:
            raise NotFoundException("No such book")
        return BOOKS[book_id]
