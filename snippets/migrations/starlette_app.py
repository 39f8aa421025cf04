from contextlib import asynccontextmanager

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from starlette.applications import Starlette
from starlette.config import Config
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

config = Config()
DATABASE_URL = config("DATABASE_URL", default="sqlite+aiosqlite:///library.db")
engine = create_async_engine(DATABASE_URL)
Session = async_sessionmaker(engine)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None]


async def list_books(request: Request) -> JSONResponse:
    async with Session() as session:
        books = await session.scalars(select(Book).order_by(Book.id))
        return JSONResponse([{"id": b.id, "title": b.title, "year": b.year} for b in books])


@asynccontextmanager
async def lifespan(app: Starlette):
    yield
    await engine.dispose()


app = Starlette(routes=[Route("/books", list_books)], lifespan=lifespan)
