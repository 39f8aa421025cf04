import os
from pathlib import Path

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
)
from litestar import Litestar, get
from litestar.di import NamedDependency
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None]


@get("/books")
async def list_books(db_session: NamedDependency[AsyncSession]) -> list[Book]:
    return list(await db_session.scalars(select(Book).order_by(Book.id)))


alchemy = SQLAlchemyAsyncConfig(
    connection_string=os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///library.db"),
    metadata=Base.metadata,
    alembic_config=AlembicAsyncConfig(
        script_location=str(Path(__file__).parent / "litestar_migrations")
    ),
)
app = Litestar(route_handlers=[list_books], plugins=[SQLAlchemyPlugin(config=alchemy)])
