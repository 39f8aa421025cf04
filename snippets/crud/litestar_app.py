import os
from typing import Annotated

import msgspec
from advanced_alchemy.extensions.litestar import (
    AsyncSessionConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
)
from litestar import Litestar, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Year = Annotated[int, msgspec.Meta(ge=0, le=9999)]


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


class BookIn(msgspec.Struct):
    title: Title
    year: Year


class BookUpdate(msgspec.Struct):
    title: Title | msgspec.UnsetType = msgspec.UNSET
    year: Year | msgspec.UnsetType = msgspec.UNSET


Session = NamedDependency[AsyncSession]


async def get_book(db_session: AsyncSession, book_id: int) -> Book:
    book = await db_session.get(Book, book_id)
    if book is None:
        raise NotFoundException("Book not found")
    return book


@get("/books")
async def list_books(db_session: Session) -> list[Book]:
    return list(await db_session.scalars(select(Book).order_by(Book.id)))


@post("/books")
async def create_book(data: JSONBody[BookIn], db_session: Session) -> Book:
    book = Book(**msgspec.structs.asdict(data))
    db_session.add(book)
    await db_session.commit()
    return book


@get("/books/{book_id:int}")
async def read_book(book_id: FromPath[int], db_session: Session) -> Book:
    return await get_book(db_session, book_id)


@patch("/books/{book_id:int}")
async def update_book(
    book_id: FromPath[int], data: JSONBody[BookUpdate], db_session: Session
) -> Book:
    book = await get_book(db_session, book_id)
    for field in data.__struct_fields__:
        if (value := getattr(data, field)) is not msgspec.UNSET:
            setattr(book, field, value)
    await db_session.commit()
    return book


@delete("/books/{book_id:int}")
async def delete_book(book_id: FromPath[int], db_session: Session) -> None:
    await db_session.delete(await get_book(db_session, book_id))
    await db_session.commit()


alchemy = SQLAlchemyAsyncConfig(
    connection_string=os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///crud.db"),
    session_config=AsyncSessionConfig(expire_on_commit=False),
    metadata=Base.metadata,
    create_all=True,
)
app = Litestar(
    route_handlers=[list_books, create_book, read_book, update_book, delete_book],
    plugins=[SQLAlchemyPlugin(config=alchemy)],
)
