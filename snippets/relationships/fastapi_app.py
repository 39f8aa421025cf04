import os
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import Field, Relationship, Session, SQLModel, create_engine, select

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///library.db"))


class AuthorPublic(SQLModel):
    id: int
    name: str


class BookPublic(SQLModel):
    id: int
    title: str


class Author(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    books: list["Book"] = Relationship(
        back_populates="author", sa_relationship_kwargs={"order_by": "Book.id"}
    )


class Book(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    author_id: int = Field(foreign_key="author.id")
    author: Author = Relationship(back_populates="books")


class AuthorWithBooks(AuthorPublic):
    books: list[BookPublic]


class BookWithAuthor(BookPublic):
    author: AuthorPublic


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    SQLModel.metadata.create_all(engine)
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/authors")
def list_authors(session: SessionDep) -> list[AuthorWithBooks]:
    query = select(Author).options(selectinload(Author.books)).order_by(Author.id)
    return session.exec(query).all()


@app.get("/books")
def list_books(session: SessionDep) -> list[BookWithAuthor]:
    query = select(Book).options(joinedload(Book.author)).order_by(Book.id)
    return session.exec(query).all()
