import itertools

from pydantic import BaseModel, Field, ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.schemas import SchemaGenerator


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)


class Book(BookIn):
    id: int


books: dict[int, Book] = {}
ids = itertools.count(1)

schemas = SchemaGenerator(
    {
        "openapi": "3.1.0",
        "info": {"title": "Library", "version": "1.0.0"},
        "components": {
            "schemas": {"BookIn": BookIn.model_json_schema(), "Book": Book.model_json_schema()}
        },
    }
)


async def list_books(request: Request) -> JSONResponse:
    """
    responses:
      200:
        description: Every book.
        content:
          application/json:
            schema: {type: array, items: {$ref: "#/components/schemas/Book"}}
    """
    return JSONResponse([book.model_dump() for book in books.values()])


async def create_book(request: Request) -> JSONResponse:
    """
    requestBody:
      required: true
      content:
        application/json:
          schema: {$ref: "#/components/schemas/BookIn"}
    responses:
      201:
        description: The new book.
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Book"}
      422:
        description: The body is not a valid book.
    """
    try:
        book_in = BookIn.model_validate_json(await request.body())
    except ValidationError as error:
        errors = error.errors(include_url=False, include_input=False)
        return JSONResponse({"detail": errors}, status_code=422)
    book = Book(id=next(ids), **book_in.model_dump())
    books[book.id] = book
    return JSONResponse(book.model_dump(), status_code=201)


async def read_book(request: Request) -> JSONResponse:
    """
    parameters:
      - {name: book_id, in: path, required: true, schema: {type: integer}}
    responses:
      200:
        description: The book.
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Book"}
      404:
        description: No book has this id.
    """
    book_id = request.path_params["book_id"]
    if book_id not in books:
        raise HTTPException(status_code=404, detail="Book not found")
    return JSONResponse(books[book_id].model_dump())


async def openapi_schema(request: Request) -> JSONResponse:
    return JSONResponse(schemas.get_schema(routes=request.app.routes))


app = Starlette(
    routes=[
        Route("/books", list_books, methods=["GET"]),
        Route("/books", create_book, methods=["POST"]),
        Route("/books/{book_id:int}", read_book),
        Route("/openapi.json", openapi_schema, include_in_schema=False),
    ]
)
