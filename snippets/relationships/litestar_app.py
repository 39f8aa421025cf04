import os
from typing import Annotated

from advanced_alchemy.extensions.litestar import (
    SQLAlchemyAsyncConfig,
    SQLAlchemyDTO,
    SQLAlchemyDTOConfig,
    SQLAlchemyPlugin,
)
from litestar import Litestar, get
from litestar.di import NamedDependency
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    joinedload,
    mapped_column,
    relationship,
    selectinload,
)


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


AuthorWithBooks = SQLAlchemyDTO[
    Annotated[Author, SQLAlchemyDTOConfig(exclude={"books.0.author_id", "books.0.author"})]
]
BookWithAuthor = SQLAlchemyDTO[
    Annotated[Book, SQLAlchemyDTOConfig(exclude={"author_id", "author.books"})]
]
Session = NamedDependency[AsyncSession]


@get("/authors", return_dto=AuthorWithBooks)
async def list_authors(db_session: Session) -> list[Author]:
    query = select(Author).options(selectinload(Author.books)).order_by(Author.id)
    return list(await db_session.scalars(query))


@get("/books", return_dto=BookWithAuthor)
async def list_books(db_session: Session) -> list[Book]:
    query = select(Book).options(joinedload(Book.author)).order_by(Book.id)
    return list(await db_session.scalars(query))


alchemy = SQLAlchemyAsyncConfig(
    connection_string=os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///library.db"),
    metadata=Base.metadata,
    create_all=True,
)
app = Litestar(
    route_handlers=[list_authors, list_books], plugins=[SQLAlchemyPlugin(config=alchemy)]
)
