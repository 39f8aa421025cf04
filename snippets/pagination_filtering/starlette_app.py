from contextlib import asynccontextmanager

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import String, func, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from starlette.applications import Starlette
from starlette.config import Config
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

config = Config()
engine = create_async_engine(config("DATABASE_URL", default="sqlite+aiosqlite:///books.db"))
Session = async_sessionmaker(engine)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


class BookQuery(BaseModel):
    page: int = Field(default=1, ge=1, le=10_000)
    limit: int = Field(default=20, ge=1, le=100)
    year: int | None = Field(default=None, ge=0, le=9999)


async def list_books(request: Request) -> JSONResponse:
    try:
        params = BookQuery.model_validate(dict(request.query_params))
    except ValidationError as error:
        errors = error.errors(include_url=False, include_input=False)
        return JSONResponse({"detail": errors}, status_code=422)
    query = select(Book)
    if params.year is not None:
        query = query.where(Book.year == params.year)
    offset = (params.page - 1) * params.limit
    async with Session() as session:
        total = await session.scalar(select(func.count()).select_from(query.subquery()))
        books = await session.scalars(query.order_by(Book.id).offset(offset).limit(params.limit))
        items = [{"id": b.id, "title": b.title, "year": b.year} for b in books]
    return JSONResponse(
        {"items": items, "total": total, "page": params.page, "limit": params.limit}
    )


@asynccontextmanager
async def lifespan(app: Starlette):
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = Starlette(routes=[Route("/books", list_books)], lifespan=lifespan)
