import os

from quart import Quart
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

engine = create_async_engine(os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///library.db"))
Session = async_sessionmaker(engine)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    books: Mapped[list["Book"]] = relationship(back_populates="author", order_by="Book.id")

    def to_dict(self):
        return {"id": self.id, "name": self.name}


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")

    def to_dict(self):
        return {"id": self.id, "title": self.title}


app = Quart(__name__)


@app.before_serving
async def create_tables():
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)


@app.after_serving
async def close_engine():
    await engine.dispose()


@app.get("/authors")
async def list_authors():
    query = select(Author).options(selectinload(Author.books)).order_by(Author.id)
    async with Session() as session:
        return [
            {**author.to_dict(), "books": [book.to_dict() for book in author.books]}
            for author in await session.scalars(query)
        ]


@app.get("/books")
async def list_books():
    query = select(Book).options(joinedload(Book.author)).order_by(Book.id)
    async with Session() as session:
        return [
            {**book.to_dict(), "author": book.author.to_dict()}
            for book in await session.scalars(query)
        ]
