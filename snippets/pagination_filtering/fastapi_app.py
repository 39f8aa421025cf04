import os
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Query
from sqlmodel import Field, Session, SQLModel, create_engine, func, select

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///books.db"))


class Book(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    year: int


class BookPublic(SQLModel):
    id: int
    title: str
    year: int


class Page(SQLModel):
    items: list[BookPublic]
    total: int
    page: int
    limit: int


class BookQuery(SQLModel):
    page: int = Field(default=1, ge=1, le=10_000)
    limit: int = Field(default=20, ge=1, le=100)
    year: int | None = Field(default=None, ge=0, le=9999)


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    SQLModel.metadata.create_all(engine)
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/books")
def list_books(params: Annotated[BookQuery, Query()], session: SessionDep) -> Page:
    query = select(Book)
    if params.year is not None:
        query = query.where(Book.year == params.year)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    books = session.exec(
        query.order_by(Book.id).offset((params.page - 1) * params.limit).limit(params.limit)
    ).all()
    return Page(items=books, total=total, page=params.page, limit=params.limit)
