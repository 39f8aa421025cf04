"""Contract for `crud`: list, create, read, update and delete books stored in a database.

Each test runs on an empty SQLite database and, when DATABASE_URL is set, on an empty PostgreSQL
schema (see tests/databases.py)."""

import pytest

from tests.databases import database_marks
from tests.support import isolation_marks, media_type, snippet_module

pytestmark = database_marks("crud")

DUNE = {"title": "Dune", "year": 1965}


def create(http, book):
    response = http.post("/books", json=book)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_answers_201_with_the_stored_book(db_http):
    created = create(db_http, DUNE)

    assert created == {"id": created["id"], **DUNE}
    assert isinstance(created["id"], int)
    assert db_http.get(f"/books/{created['id']}").json() == created


def test_list_returns_every_book_in_id_order(db_http):
    books = [create(db_http, {"title": f"Book {n}", "year": 2000 + n}) for n in range(3)]

    response = db_http.get("/books")

    assert response.status_code == 200
    assert response.json() == sorted(books, key=lambda book: book["id"])


def test_list_of_an_empty_table_is_an_empty_list(db_http):
    assert db_http.get("/books").json() == []


def test_patch_changes_only_the_fields_sent(db_http):
    book = create(db_http, DUNE)

    response = db_http.patch(f"/books/{book['id']}", json={"year": 1966})

    assert response.status_code == 200
    assert response.json() == {**book, "year": 1966}
    assert db_http.get(f"/books/{book['id']}").json() == {**book, "year": 1966}


def test_delete_answers_204_and_the_book_is_gone(db_http):
    book = create(db_http, DUNE)

    response = db_http.delete(f"/books/{book['id']}")

    assert response.status_code == 204
    assert response.content == b""
    assert db_http.get(f"/books/{book['id']}").status_code == 404
    assert db_http.get("/books").json() == []


def test_missing_id_is_404_for_read_update_and_delete(db_http):
    create(db_http, DUNE)

    assert db_http.get("/books/999999").status_code == 404
    assert db_http.patch("/books/999999", json={"year": 1}).status_code == 404
    assert db_http.delete("/books/999999").status_code == 404


# The status of a refused body, on create and update alike (the page's invalid_row row): DRF's
# default 400 and Litestar's 400 for any failed validation; 422 from Django Ninja and FastAPI,
# and from the Flask, Quart and Starlette snippets, which choose it themselves.
INVALID_STATUS = {
    "django": 400,
    "django_ninja": 422,
    "flask": 422,
    "quart": 422,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}
INVALID_BOOKS = [
    {"title": "", "year": 1965},
    {"title": "Dune"},
    {"title": "Dune", "year": "soon"},
    {"year": 1965},
]
INVALID_CHANGES = [{"title": None}, {"title": ""}, {"year": "soon"}]


def test_invalid_book_is_rejected_and_not_stored(db_http, framework):
    for body in INVALID_BOOKS:
        response = db_http.post("/books", json=body)

        assert response.status_code == INVALID_STATUS[framework], body
        assert media_type(response) == "application/json"
    assert db_http.get("/books").json() == []


def test_invalid_update_is_rejected_and_changes_nothing(db_http, framework):
    book = create(db_http, DUNE)

    for body in INVALID_CHANGES:
        response = db_http.patch(f"/books/{book['id']}", json=body)

        assert response.status_code == INVALID_STATUS[framework], body
    assert db_http.get(f"/books/{book['id']}").json() == book


@pytest.mark.filterwarnings("ignore:coroutine 'sync_to_thread' was never awaited:RuntimeWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_litestar_sync_handlers_with_a_dto_on_one_path_fail():
    """Why the Litestar snippet is async: in Litestar 2.25, a GET and a POST on the same path,
    both sync_to_thread=True and both returning through a DTO (as the SQLAlchemy plugin does for
    models), break the GET with a KeyError in the DTO lookup. When this test fails, the bug is
    fixed: update the crud page's note."""
    from dataclasses import dataclass

    from litestar import Litestar, get, post
    from litestar.dto import DataclassDTO
    from litestar.testing import TestClient

    @dataclass
    class Item:
        id: int

    @get("/items", sync_to_thread=True, return_dto=DataclassDTO[Item])
    def read() -> Item:
        return Item(1)

    @post("/items", sync_to_thread=True, return_dto=DataclassDTO[Item])
    def create() -> Item:
        return Item(2)

    with TestClient(Litestar([read, create])) as http:
        assert http.post("/items").status_code == 201
        assert http.get("/items").status_code == 500


@pytest.mark.parametrize(
    "snippet", [pytest.param("django_ninja", marks=isolation_marks("django_ninja"))]
)
def test_ninja_shortcuts_would_let_bad_values_through(snippet):
    """Why the Django Ninja snippet states its own rules (the page says so): a schema made from
    the model does not carry Django's blank=False over, and PatchDict makes every field optional,
    so an explicit null passes validation and only fails when the row is saved."""
    book = snippet_module("crud", snippet).Book  # configures Django before Ninja is imported
    from ninja import PatchDict
    from ninja.orm import create_schema
    from pydantic import TypeAdapter

    from_model = create_schema(book, fields=["title", "year"])

    assert from_model(title="", year=1965).title == ""
    assert TypeAdapter(PatchDict[from_model]).validate_python({"title": None}) == {"title": None}


# The page's "Bounded year" note: a year outside 0 to 9999 is refused like any invalid body;
# unbounded, an integer beyond the database's 64 bits reached SQLite and answered 500.
OUT_OF_RANGE_YEARS = [-1, 10**4, 2**63, 10**20]


def test_year_out_of_range_is_rejected_on_create_and_update(db_http, framework):
    book = create(db_http, DUNE)

    answers = {
        (verb, year): response.status_code
        for year in OUT_OF_RANGE_YEARS
        for verb, response in (
            ("post", db_http.post("/books", json={"title": "Dune", "year": year})),
            ("patch", db_http.patch(f"/books/{book['id']}", json={"year": year})),
        )
    }

    assert answers == dict.fromkeys(answers, INVALID_STATUS[framework])
    assert db_http.get("/books").json() == [book]
