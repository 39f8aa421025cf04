import os
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from sqlmodel import Field, Session, SQLModel, create_engine, select

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///crud.db"))


class BookBase(SQLModel):
    title: str = Field(min_length=1, max_length=200)
    year: int = Field(ge=0, le=9999)


class Book(BookBase, table=True):
    id: int | None = Field(default=None, primary_key=True)


class BookPublic(BookBase):
    id: int


class BookUpdate(SQLModel):
    title: str = Field(default=None, min_length=1, max_length=200)
    year: int = Field(default=None, ge=0, le=9999)


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_book(book_id: int, session: SessionDep) -> Book:
    book = session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=404, detail="Book not found")
    return book


BookDep = Annotated[Book, Depends(get_book)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    SQLModel.metadata.create_all(engine)
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/books")
def list_books(session: SessionDep) -> list[BookPublic]:
    return session.exec(select(Book).order_by(Book.id)).all()


@app.post("/books", status_code=201)
def create_book(book_in: BookBase, session: SessionDep) -> BookPublic:
    book = Book.model_validate(book_in)
    session.add(book)
    session.commit()
    session.refresh(book)
    return book


@app.get("/books/{book_id}")
def read_book(book: BookDep) -> BookPublic:
    return book


@app.patch("/books/{book_id}")
def update_book(book: BookDep, book_in: BookUpdate, session: SessionDep) -> BookPublic:
    book.sqlmodel_update(book_in.model_dump(exclude_unset=True))
    session.add(book)
    session.commit()
    session.refresh(book)
    return book


@app.delete("/books/{book_id}", status_code=204)
def delete_book(book: BookDep, session: SessionDep) -> None:
    session.delete(book)
    session.commit()
