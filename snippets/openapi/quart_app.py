import itertools

from pydantic import BaseModel, Field
from quart import Quart, abort
from quart_schema import Info, QuartSchema, validate_request, validate_response

app = Quart(__name__)
QuartSchema(app, info=Info(title="Library", version="1.0.0"))


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)


class Book(BookIn):
    id: int


books: dict[int, Book] = {}
ids = itertools.count(1)


@app.get("/books")
@validate_response(list[Book])
async def list_books():
    return list(books.values())


@app.post("/books")
@validate_request(BookIn)
@validate_response(Book, 201)
async def create_book(data: BookIn):
    book = Book(id=next(ids), **data.model_dump())
    books[book.id] = book
    return book, 201


@app.get("/books/<int:book_id>")
@validate_response(Book)
async def read_book(book_id: int):
    if book_id not in books:
        abort(404, description="Book not found")
    return books[book_id]
