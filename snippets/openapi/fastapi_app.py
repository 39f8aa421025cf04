import itertools

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Library", version="1.0.0")


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)


class Book(BookIn):
    id: int


books: dict[int, Book] = {}
ids = itertools.count(1)


@app.get("/books")
def list_books() -> list[Book]:
    return list(books.values())


@app.post("/books", status_code=201)
def create_book(book_in: BookIn) -> Book:
    book = Book(id=next(ids), **book_in.model_dump())
    books[book.id] = book
    return book


@app.get("/books/{book_id}")
def read_book(book_id: int) -> Book:
    if book_id not in books:
        raise HTTPException(status_code=404, detail="Book not found")
    return books[book_id]
