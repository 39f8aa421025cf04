import os
import secrets

from fastapi import FastAPI
from sqladmin import Admin, ModelView
from sqladmin.authentication import AuthenticationBackend
from sqladmin.filters import BooleanFilter
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from starlette.requests import Request

ADMIN_USERNAME = os.environ["ADMIN_USERNAME"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///admin.sqlite3"))


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author: Mapped[str]
    year: Mapped[int]
    in_print: Mapped[bool] = mapped_column(default=True)


class AdminAuth(AuthenticationBackend):
    async def login(self, request: Request) -> bool:
        form = await request.form()
        if secrets.compare_digest(
            str(form.get("username", "")), ADMIN_USERNAME
        ) and secrets.compare_digest(str(form.get("password", "")), ADMIN_PASSWORD):
            request.session["admin"] = ADMIN_USERNAME
            return True
        return False

    async def logout(self, request: Request) -> bool:
        request.session.clear()
        return True

    async def authenticate(self, request: Request) -> bool:
        return request.session.get("admin") == ADMIN_USERNAME


class BookAdmin(ModelView, model=Book):
    column_list = (Book.title, Book.author, Book.year, Book.in_print)
    column_searchable_list = (Book.title, Book.author)
    column_filters = (BooleanFilter(Book.in_print),)


Base.metadata.create_all(engine)

app = FastAPI()
admin = Admin(
    app,
    engine,
    title="Bookshop",
    authentication_backend=AdminAuth(
        secret_key=os.environ.get("ADMIN_SECRET_KEY") or secrets.token_urlsafe()
    ),
)
admin.add_view(BookAdmin)
