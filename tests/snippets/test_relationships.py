"""Contract for `relationships`: authors with their books, loaded without the N+1 problem.

The query counts come from the database layer itself: Django's CaptureQueriesContext, and a
SQLAlchemy `before_cursor_execute` listener on the snippet's engine for Flask, FastAPI, Litestar,
Quart and Starlette (for the last three, the sync engine inside the async one).
Runs on SQLite, and on PostgreSQL when DATABASE_URL is set."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from tests.databases import database_client, database_marks, insert, process_database, url_for
from tests.support import snippet_module, uses_django

pytestmark = database_marks("relationships")
TASK = "relationships"
# The snippets on SQLAlchemy's asyncio engine, and where each keeps it.
ASYNC_ENGINES = {
    "litestar": lambda module: module.alchemy.get_engine(),
    "quart": lambda module: module.engine,
    "starlette": lambda module: module.engine,
}


@contextmanager
def queries(framework) -> Iterator[list[str]]:
    """The SQL statements the snippet's database layer sends while the block runs."""
    module = snippet_module(TASK, framework)
    if uses_django(framework):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            statements: list[str] = []
            yield statements
        statements.extend(query["sql"] for query in context.captured_queries)
        return
    if framework == "flask":
        with module.app.app_context():
            engine = module.db.engine
    elif framework in ASYNC_ENGINES:
        engine = ASYNC_ENGINES[framework](module).sync_engine
    else:
        engine = module.engine
    statements = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def seed(framework, authors, books_each=2):
    author_ids = insert(
        TASK, framework, "Author", [{"name": f"Author {n}"} for n in range(authors)]
    )
    rows = [
        {"title": f"Book {a}.{n}", "author_id": author_id}
        for a, author_id in enumerate(author_ids)
        for n in range(books_each)
    ]
    book_ids = insert(TASK, framework, "Book", rows)
    return author_ids, book_ids


def lazy_load_every_author_and_book(framework, http) -> int:
    """The N+1 version: load the authors, then touch each author's books. Returns the books seen."""
    module = snippet_module(TASK, framework)
    if framework == "django":
        data = module.AuthorWithBooksSerializer(
            module.Author.objects.order_by("id"), many=True
        ).data
        return sum(len(author["books"]) for author in data)
    if framework == "django_ninja":
        authors = module.Author.objects.order_by("id")
        data = [module.AuthorWithBooks.model_validate(author) for author in authors]
        return sum(len(author.books) for author in data)
    if framework == "flask":
        with module.app.app_context():
            authors = module.db.session.scalars(module.db.select(module.Author)).all()
            return sum(len(author.books) for author in authors)
    if framework in ASYNC_ENGINES:
        # Lazy loading needs a sync session: run_sync gives one on the snippet's async engine,
        # in the event loop the app runs in (the test client's portal).
        from sqlalchemy import select
        from sqlalchemy.ext.asyncio import AsyncSession

        def count_books(session) -> int:
            authors = session.scalars(select(module.Author)).all()
            return sum(len(author.books) for author in authors)

        async def lazy_load() -> int:
            async with AsyncSession(ASYNC_ENGINES[framework](module)) as session:
                return await session.run_sync(count_books)

        return http.portal.call(lazy_load)
    from sqlmodel import Session, select

    with Session(module.engine) as session:
        authors = session.exec(select(module.Author)).all()
        return sum(len(author.books) for author in authors)


def test_authors_embed_their_books_in_id_order(db_http, framework):
    (ada, bob), (b1, b2, b3, b4) = seed(framework, 2)
    (carol,) = insert(TASK, framework, "Author", [{"name": "Carol"}])

    response = db_http.get("/authors")

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": ada,
            "name": "Author 0",
            "books": [{"id": b1, "title": "Book 0.0"}, {"id": b2, "title": "Book 0.1"}],
        },
        {
            "id": bob,
            "name": "Author 1",
            "books": [{"id": b3, "title": "Book 1.0"}, {"id": b4, "title": "Book 1.1"}],
        },
        {"id": carol, "name": "Carol", "books": []},
    ]


def test_books_embed_their_author(db_http, framework):
    (ada, bob), (b1, b2, b3, b4) = seed(framework, 2)

    response = db_http.get("/books")

    assert response.status_code == 200
    assert response.json() == [
        {"id": b1, "title": "Book 0.0", "author": {"id": ada, "name": "Author 0"}},
        {"id": b2, "title": "Book 0.1", "author": {"id": ada, "name": "Author 0"}},
        {"id": b3, "title": "Book 1.0", "author": {"id": bob, "name": "Author 1"}},
        {"id": b4, "title": "Book 1.1", "author": {"id": bob, "name": "Author 1"}},
    ]


def test_lazy_loading_sends_one_query_per_author(db_http, framework):
    """The N+1 problem, shown with the snippet's own models: 1 query + 1 per author."""
    seed(framework, 5)
    db_http.get("/authors")  # the connection is set up before counting

    with queries(framework) as sent:
        books = lazy_load_every_author_and_book(framework, db_http)

    assert books == 10
    assert len(sent) == 1 + 5, sent


def test_authors_endpoint_uses_two_queries_however_many_authors(db_http, framework):
    """The fix: prefetch_related / selectinload, one query for authors and one for their books."""
    seed(framework, 2)
    db_http.get("/authors")
    with queries(framework) as few:
        assert len(db_http.get("/authors").json()) == 2

    seed(framework, 10)
    with queries(framework) as many:
        assert len(db_http.get("/authors").json()) == 12

    assert len(few) == len(many) == 2, many


def test_books_endpoint_uses_one_joined_query(db_http, framework):
    """select_related / joinedload: the author comes in the same query, through a JOIN."""
    seed(framework, 4)
    db_http.get("/books")

    with queries(framework) as sent:
        assert len(db_http.get("/books").json()) == 8

    assert len(sent) == 1, sent
    assert "JOIN" in sent[0].upper()


# The refused lazy load leaves aiosqlite's cursor() coroutine unawaited; Python warns when the
# garbage collector finalises it, at a moment that depends on what ran before. The test collects
# it itself, under this filter, so the warning never lands in a later test.
@pytest.mark.filterwarnings("ignore:coroutine 'Connection.cursor' was never awaited:RuntimeWarning")
def test_quart_async_session_refuses_to_lazy_load(tmp_path_factory, monkeypatch):
    """Why the Quart snippet's eager loading is not optional: on SQLAlchemy's asyncio session an
    attribute that would lazy-load raises MissingGreenlet instead of sending the N+1 queries."""
    import gc

    from sqlalchemy import select
    from sqlalchemy.exc import StatementError

    async def touch_books(module) -> None:
        async with module.Session() as session:
            author = (await session.scalars(select(module.Author))).one()
            author.books  # noqa: B018

    with process_database("sqlite", "quart", tmp_path_factory) as url:
        monkeypatch.setenv("DATABASE_URL", url_for("quart", url))
        with database_client(TASK, "quart") as http:
            seed("quart", 1)
            with pytest.raises(StatementError, match=r"\(sqlalchemy\.exc\.MissingGreenlet\)"):
                http.portal.call(touch_books, snippet_module(TASK, "quart"))
    gc.collect()


@pytest.mark.parametrize("snippet", ["litestar", "starlette"])
def test_async_engine_refuses_a_lazy_load(snippet):
    """Why the async snippets cannot slide into N+1 unnoticed (the pages say so): on an
    AsyncSession, touching a relationship that was not loaded eagerly raises instead of querying."""
    import asyncio

    from sqlalchemy import select
    from sqlalchemy.exc import StatementError
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    module = snippet_module(TASK, snippet)

    async def touch_books():
        engine = create_async_engine("sqlite+aiosqlite://")
        try:
            async with engine.begin() as connection:
                await connection.run_sync(module.Base.metadata.create_all)
            async with AsyncSession(engine) as session:
                session.add(module.Author(name="Ada"))
                await session.commit()
                author = await session.scalar(select(module.Author))
                return author.books
        finally:
            await engine.dispose()

    with pytest.raises(StatementError, match="MissingGreenlet"):
        asyncio.run(touch_books())
