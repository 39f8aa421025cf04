import itertools
from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.exceptions import NotFoundException
from litestar.openapi import OpenAPIConfig
from litestar.params import FromPath, JSONBody


class BookIn(msgspec.Struct):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    author: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]


class Book(BookIn):
    id: int


books: dict[int, Book] = {}
ids = itertools.count(1)


@get("/books")
async def list_books() -> list[Book]:
    return list(books.values())


@post("/books")
async def create_book(data: JSONBody[BookIn]) -> Book:
    book = Book(id=next(ids), **msgspec.structs.asdict(data))
    books[book.id] = book
    return book


@get("/books/{book_id:int}")
async def read_book(book_id: FromPath[int]) -> Book:
    if book_id not in books:
        raise NotFoundException("Book not found")
    return books[book_id]


app = Litestar(
    route_handlers=[list_books, create_book, read_book],
    openapi_config=OpenAPIConfig(title="Library", version="1.0.0"),
)
