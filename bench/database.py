"""Create the benchmark table once: SQLite by default, PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from bench.apps.common import ROW_COUNT, item_name, item_price
from bench.apps.models import Base, Item, make_engine


def ensure_database() -> str:
    """Create and fill the `item` table if it is missing or short; return the engine's URL."""
    engine = make_engine()
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        if connection.execute(select(func.count()).select_from(Item)).scalar_one() != ROW_COUNT:
            connection.execute(Item.__table__.delete())
            connection.execute(
                insert(Item),
                [
                    {"id": n, "name": item_name(n), "price": item_price(n)}
                    for n in range(1, ROW_COUNT + 1)
                ],
            )
    url = engine.url.render_as_string(hide_password=True)
    engine.dispose()
    return url
