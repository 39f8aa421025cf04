import os

from quart import Quart
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_async_engine(os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///library.db"))
Session = async_sessionmaker(engine)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None]


app = Quart(__name__)


@app.after_serving
async def close_engine():
    await engine.dispose()


@app.get("/books")
async def list_books():
    async with Session() as session:
        books = await session.scalars(select(Book).order_by(Book.id))
        return [{"id": b.id, "title": b.title, "year": b.year} for b in books]
