import os
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlmodel import Field, Session, SQLModel, create_engine, select

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///library.db"))


class Book(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    year: int | None = None


def get_session():
    with Session(engine) as session:
        yield session


app = FastAPI()


@app.get("/books")
def list_books(session: Annotated[Session, Depends(get_session)]) -> list[Book]:
    return session.exec(select(Book).order_by(Book.id)).all()
