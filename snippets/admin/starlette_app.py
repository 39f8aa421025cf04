import secrets
from contextlib import asynccontextmanager

from sqladmin import Admin, ModelView
from sqladmin.authentication import AuthenticationBackend
from sqladmin.filters import BooleanFilter
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from starlette.applications import Starlette
from starlette.config import Config
from starlette.datastructures import Secret
from starlette.requests import Request

config = Config()
ADMIN_USERNAME = config("ADMIN_USERNAME")
ADMIN_PASSWORD = config("ADMIN_PASSWORD", cast=Secret)
SECRET_KEY = config("ADMIN_SECRET_KEY", cast=Secret, default=secrets.token_urlsafe())

engine = create_async_engine(config("DATABASE_URL", default="sqlite+aiosqlite:///admin.sqlite3"))


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
        ) and secrets.compare_digest(str(form.get("password", "")), str(ADMIN_PASSWORD)):
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


@asynccontextmanager
async def lifespan(app: Starlette):
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = Starlette(lifespan=lifespan)
admin = Admin(
    app,
    engine,
    title="Bookshop",
    authentication_backend=AdminAuth(secret_key=str(SECRET_KEY)),
)
admin.add_view(BookAdmin)
