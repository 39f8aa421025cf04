import os

from pydantic import BaseModel, Field
from quart import Quart
from quart_schema import QuartSchema, RequestSchemaValidationError, validate_querystring
from sqlalchemy import String, func, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_async_engine(os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///books.db"))
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


app = Quart(__name__)
QuartSchema(app)


@app.before_serving
async def create_tables():
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)


@app.after_serving
async def close_engine():
    await engine.dispose()


@app.errorhandler(RequestSchemaValidationError)
async def invalid_query(error: RequestSchemaValidationError):
    errors = error.validation_error.errors(include_url=False, include_context=False)
    return {"errors": errors}, 400


@app.get("/books")
@validate_querystring(BookQuery)
async def list_books(query_args: BookQuery):
    query = select(Book)
    if query_args.year is not None:
        query = query.where(Book.year == query_args.year)
    offset = (query_args.page - 1) * query_args.limit
    async with Session() as session:
        total = await session.scalar(select(func.count()).select_from(query.subquery()))
        books = await session.scalars(
            query.order_by(Book.id).offset(offset).limit(query_args.limit)
        )
        return {
            "items": [{"id": b.id, "title": b.title, "year": b.year} for b in books],
            "total": total,
            "page": query_args.page,
            "limit": query_args.limit,
        }
