import os
from typing import Annotated

from advanced_alchemy.extensions.litestar import (
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
)
from litestar import Litestar, get
from litestar.di import NamedDependency
from litestar.pagination import OffsetPagination
from litestar.params import QueryParameter
from sqlalchemy import String, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


@get("/books")
async def list_books(
    db_session: NamedDependency[AsyncSession],
    page: Annotated[int, QueryParameter(ge=1, le=10_000)] = 1,
    limit: Annotated[int, QueryParameter(ge=1, le=100)] = 20,
    year: Annotated[int | None, QueryParameter(ge=0, le=9999)] = None,
) -> OffsetPagination[Book]:
    query = select(Book)
    if year is not None:
        query = query.where(Book.year == year)
    total = await db_session.scalar(select(func.count()).select_from(query.subquery()))
    offset = (page - 1) * limit
    books = await db_session.scalars(query.order_by(Book.id).offset(offset).limit(limit))
    return OffsetPagination(items=list(books), limit=limit, offset=offset, total=total)


alchemy = SQLAlchemyAsyncConfig(
    connection_string=os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///books.db"),
    metadata=Base.metadata,
    create_all=True,
)
app = Litestar(route_handlers=[list_books], plugins=[SQLAlchemyPlugin(config=alchemy)])
