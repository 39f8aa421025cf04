"""Contract for `project_structure`: two feature modules mounted under their prefixes, one app."""

import importlib
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

BOOKS = [
    {"id": 1, "title": "Middlemarch", "author_id": 1},
    {"id": 2, "title": "Mrs Dalloway", "author_id": 2},
    {"id": 3, "title": "Silas Marner", "author_id": 1},
]
FEATURE_MODULES = {
    "django": ["django_project/books/views.py", "django_project/authors/views.py"],
    "django_ninja": ["django_ninja_project/books/api.py", "django_ninja_project/authors/api.py"],
    "flask": ["flask_project/books.py", "flask_project/authors.py"],
    "quart": ["quart_project/books.py", "quart_project/authors.py"],
    "fastapi": ["fastapi_project/routers/books.py", "fastapi_project/routers/authors.py"],
    "litestar": ["litestar_project/books.py", "litestar_project/authors.py"],
    "starlette": ["starlette_project/books.py", "starlette_project/authors.py"],
}


def test_books_module_is_mounted_under_its_prefix(http):
    response = http.get("/books/")

    assert response.status_code == 200
    assert response.json() == BOOKS


def test_book_detail(http):
    assert http.get("/books/2").json() == BOOKS[1]


def test_authors_module_uses_the_shared_catalog(http):
    response = http.get("/authors/1")

    assert response.status_code == 200
    assert response.json() == {"id": 1, "name": "George Eliot", "books": [BOOKS[0], BOOKS[2]]}


def test_author_list(http):
    assert http.get("/authors/").json() == [
        {"id": 1, "name": "George Eliot"},
        {"id": 2, "name": "Virginia Woolf"},
    ]


@pytest.mark.parametrize("path", ["/books/99", "/authors/99", "/publishers/"])
def test_unknown_things_are_404(http, path):
    assert http.get(path).status_code == 404


# Litestar strips the trailing slash when it builds its routes: /books and /books/ are one path.
WITHOUT_SLASH = {
    "django": (404, None),
    "django_ninja": (404, None),
    "flask": (308, "/books/"),
    "quart": (308, "/books/"),
    "fastapi": (307, "/books/"),
    "litestar": (200, None),
    "starlette": (307, "/books/"),
}


def test_prefix_without_the_trailing_slash(http, framework):
    response = http.get("/books", follow_redirects=False)

    status, location = WITHOUT_SLASH[framework]
    assert response.status_code == status
    assert response.headers.get("location", "").removeprefix("http://localhost") == (location or "")


def loaded_files() -> set[Path]:
    return {
        Path(module.__file__).resolve()
        for module in list(sys.modules.values())
        if getattr(module, "__file__", None)
    }


def test_each_feature_lives_in_its_own_module(http, framework):
    """The entry module defines no handlers, and the app that serves both features is built
    from the feature modules: serving them has imported each one."""
    folder = ROOT / "snippets" / "project_structure"
    entry = (folder / f"{framework}_app.py").read_text(encoding="utf-8")

    for module in FEATURE_MODULES[framework]:
        assert (folder / module).is_file()
        assert "def book_" not in entry and "def author_" not in entry
    assert http.get("/books/").status_code == 200
    assert http.get("/authors/").status_code == 200
    loaded = loaded_files()
    unused = [m for m in FEATURE_MODULES[framework] if (folder / m).resolve() not in loaded]
    assert unused == []


def test_both_features_read_the_one_catalog(http, framework, monkeypatch):
    """A book added to the shared `catalog` module is a book to both features."""
    catalog = importlib.import_module(f"snippets.project_structure.{framework}_project.catalog")
    added = {"id": 4, "title": "Orlando", "author_id": 2}
    monkeypatch.setitem(catalog.BOOKS, 4, added)

    response = http.get("/books/4")
    assert response.status_code == 200
    assert response.json() == added
    assert http.get("/books/").json() == [*BOOKS, added]
    assert http.get("/authors/2").json()["books"] == [BOOKS[1], added]
