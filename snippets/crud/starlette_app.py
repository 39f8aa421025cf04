from contextlib import asynccontextmanager

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from starlette.applications import Starlette
from starlette.config import Config
from starlette.endpoints import HTTPEndpoint
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

config = Config()
engine = create_async_engine(config("DATABASE_URL", default="sqlite+aiosqlite:///crud.db"))
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


def to_json(book: Book) -> dict:
    return BookOut.model_validate(book).model_dump()


def invalid(error: ValidationError) -> JSONResponse:
    errors = error.errors(include_url=False, include_input=False)
    return JSONResponse({"detail": errors}, status_code=422)


async def get_book(session: AsyncSession, request: Request) -> Book:
    book = await session.get(Book, request.path_params["book_id"])
    if book is None:
        raise HTTPException(status_code=404, detail="Book not found")
    return book


class Books(HTTPEndpoint):
    async def get(self, request: Request) -> Response:
        async with Session() as session:
            books = await session.scalars(select(Book).order_by(Book.id))
            return JSONResponse([to_json(book) for book in books])

    async def post(self, request: Request) -> Response:
        try:
            book_in = BookIn.model_validate_json(await request.body())
        except ValidationError as error:
            return invalid(error)
        book = Book(**book_in.model_dump())
        async with Session.begin() as session:
            session.add(book)
        return JSONResponse(to_json(book), status_code=201)


class BookDetail(HTTPEndpoint):
    async def get(self, request: Request) -> Response:
        async with Session() as session:
            return JSONResponse(to_json(await get_book(session, request)))

    async def patch(self, request: Request) -> Response:
        try:
            changes = BookUpdate.model_validate_json(await request.body())
        except ValidationError as error:
            return invalid(error)
        async with Session.begin() as session:
            book = await get_book(session, request)
            for field, value in changes.model_dump(exclude_unset=True).items():
                setattr(book, field, value)
        return JSONResponse(to_json(book))

    async def delete(self, request: Request) -> Response:
        async with Session.begin() as session:
            await session.delete(await get_book(session, request))
        return Response(status_code=204)


@asynccontextmanager
async def lifespan(app: Starlette):
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = Starlette(
    routes=[Route("/books", Books), Route("/books/{book_id:int}", BookDetail)],
    lifespan=lifespan,
)
