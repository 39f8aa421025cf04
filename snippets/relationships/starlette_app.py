from contextlib import asynccontextmanager

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    joinedload,
    mapped_column,
    relationship,
    selectinload,
)
from starlette.applications import Starlette
from starlette.config import Config
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

config = Config()
engine = create_async_engine(config("DATABASE_URL", default="sqlite+aiosqlite:///library.db"))
Session = async_sessionmaker(engine)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    books: Mapped[list["Book"]] = relationship(back_populates="author", order_by="Book.id")


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


async def list_authors(request: Request) -> JSONResponse:
    query = select(Author).options(selectinload(Author.books)).order_by(Author.id)
    async with Session() as session:
        authors = await session.scalars(query)
        return JSONResponse(
            [
                {
                    "id": author.id,
                    "name": author.name,
                    "books": [{"id": book.id, "title": book.title} for book in author.books],
                }
                for author in authors
            ]
        )


async def list_books(request: Request) -> JSONResponse:
    query = select(Book).options(joinedload(Book.author)).order_by(Book.id)
    async with Session() as session:
        books = await session.scalars(query)
        return JSONResponse(
            [
                {
                    "id": book.id,
                    "title": book.title,
                    "author": {"id": book.author.id, "name": book.author.name},
                }
                for book in books
            ]
        )


@asynccontextmanager
async def lifespan(app: Starlette):
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = Starlette(
    routes=[Route("/authors", list_authors), Route("/books", list_books)], lifespan=lifespan
)
