import os

from pydantic import BaseModel, ConfigDict, Field
from quart import Quart, abort
from quart_schema import (
    QuartSchema,
    RequestSchemaValidationError,
    validate_request,
    validate_response,
)
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_async_engine(os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///crud.db"))
Session = async_sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    year: int = Field(ge=0, le=9999)


class BookUpdate(BaseModel):
    title: str = Field(default=None, min_length=1, max_length=200)
    year: int = Field(default=None, ge=0, le=9999)


class BookOut(BookIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


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
async def invalid_body(error: RequestSchemaValidationError):
    errors = error.validation_error.errors(
        include_url=False, include_context=False, include_input=False
    )
    return {"errors": errors}, 422


@app.get("/books")
@validate_response(list[BookOut])
async def list_books():
    async with Session() as session:
        return list(await session.scalars(select(Book).order_by(Book.id)))


@app.post("/books")
@validate_request(BookIn)
@validate_response(BookOut, 201)
async def create_book(data: BookIn):
    async with Session() as session:
        book = Book(**data.model_dump())
        session.add(book)
        await session.commit()
        return book, 201


@app.get("/books/<int:book_id>")
@validate_response(BookOut)
async def get_book(book_id: int):
    async with Session() as session:
        return await session.get(Book, book_id) or abort(404)


@app.patch("/books/<int:book_id>")
@validate_request(BookUpdate)
@validate_response(BookOut)
async def update_book(book_id: int, data: BookUpdate):
    async with Session() as session:
        book = await session.get(Book, book_id) or abort(404)
        for name, value in data.model_dump(exclude_unset=True).items():
            setattr(book, name, value)
        await session.commit()
        return book


@app.delete("/books/<int:book_id>")
async def delete_book(book_id: int):
    async with Session() as session:
        await session.delete(await session.get(Book, book_id) or abort(404))
        await session.commit()
        return "", 204
